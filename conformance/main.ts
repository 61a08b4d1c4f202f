/**
 * The conformance kit as a function: options in, exit status out (0 passed, 1 failed or not
 * reachable, 2 bad usage). `cli.ts` runs it as the `portal-widgets-conformance` command.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckResult } from './check.js';
import { CHECKS } from './checks/index.js';
import { CheckContext } from './context.js';
import { FixturesError, fixturesJsonSchema, loadFixtures, NO_FIXTURES } from './fixtures.js';
import { parseOptions, USAGE, UsageError, type Options } from './options.js';
import { consoleReporter, outputFor, summaryLine, type Writer } from './output.js';
import { preflight } from './preflight.js';
import { Probe } from './probe.js';
import { jsonReport, junitReport, summarize, writeReport, type RunSummary } from './report.js';
import { runChecks } from './runner.js';
import { commandToken, fixedToken, TokenError, type TokenSource } from './token.js';

export interface Io {
  stdout: Writer & Partial<Pick<NodeJS.WriteStream, 'isTTY'>>;
  stderr: Writer;
  env?: NodeJS.ProcessEnv;
}

const NAME = 'portal-widgets-conformance';

/** The package version (from source: ../package.json; from dist/conformance: ../../package.json). */
function version(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'portal-widgets') return pkg.version ?? 'unknown';
    }
    dir = dirname(dir);
  }
  return 'unknown';
}

function writeReports(options: Options, results: readonly CheckResult[], summary: RunSummary, stderr: Writer): boolean {
  try {
    if (options.reportJunit) writeReport(options.reportJunit, junitReport(results, summary));
    if (options.reportJson) writeReport(options.reportJson, jsonReport(results, summary, version()));
    return true;
  } catch (e) {
    stderr.write(`${NAME}: cannot write the report (${e instanceof Error ? e.message : String(e)})\n`);
    return false;
  }
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  let options: Options;
  try {
    const parsed = parseOptions(argv, CHECKS.map((c) => c.id));
    if (parsed === 'help') {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (parsed === 'fixtures-schema') {
      io.stdout.write(`${JSON.stringify(fixturesJsonSchema(), null, 2)}\n`);
      return 0;
    }
    options = parsed;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`${NAME}: ${e.message}\nRun ${NAME} --help for the options.\n`);
    return 2;
  }

  let fixtures = NO_FIXTURES;
  if (options.fixtures) {
    try {
      fixtures = loadFixtures(options.fixtures);
    } catch (e) {
      if (!(e instanceof FixturesError)) throw e;
      io.stderr.write(`${NAME}: fixtures ${e.message}\nSee docs/conformance.md, "The fixtures file".\n`);
      return 2;
    }
  }

  const tokens: TokenSource = options.tokenCommand ? commandToken(options.tokenCommand, options.timeoutMs) : fixedToken(options.token!);
  const probe = new Probe({ baseUrl: options.baseUrl, tokens, timeoutMs: options.timeoutMs });
  const ctx = new CheckContext(probe, fixtures, tokens, { readOnly: options.readOnly, ...(options.origin ? { origin: options.origin } : {}), ...(options.fixtures ? { fixturesFile: options.fixtures } : {}) });
  const out = consoleReporter(io.stdout, outputFor(io.stdout as NodeJS.WriteStream, io.env ?? process.env));
  const base = (extra: Partial<RunSummary> = {}): RunSummary => ({ baseUrl: options.baseUrl, startedAt, durationMs: performance.now() - started, passed: 0, failed: 0, skipped: 0, leftovers: [], tokenRefreshes: probe.refreshes, requests: probe.exchanges.length, ...extra });

  out.line(`${NAME} ${version()}: ${options.baseUrl}${options.readOnly ? ' (read-only)' : ''}${options.fixtures ? '' : ' (no --fixtures: checks that need a named record are skipped)'}`);
  try {
    const pre = await preflight(probe);
    if (!pre.ok) {
      io.stderr.write(`${NAME}: ${pre.message}\n`);
      writeReports(options, [], base({ diagnosis: pre.message }), io.stderr);
      return 1;
    }
  } catch (e) {
    if (!(e instanceof TokenError)) throw e;
    io.stderr.write(`${NAME}: ${e.message}\n`);
    return 2;
  }

  const selected = options.only.length ? CHECKS.filter((c) => options.only.includes(c.group) || options.only.includes(c.id)) : CHECKS;
  let results: CheckResult[];
  let leftovers: string[];
  try {
    results = await runChecks(selected, ctx, out);
  } finally {
    leftovers = await ctx.cleanUp();
  }
  const summary = base({ ...summarize(results), leftovers });
  for (const left of leftovers) out.line(`note: could not undo a write of the kit: ${left}`);
  out.line(summaryLine(summary));
  if (!writeReports(options, results, summary, io.stderr)) return 1;
  return summary.failed ? 1 : 0;
}
