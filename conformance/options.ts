/** Command-line options; anything wrong here is bad usage (exit 2) with one line saying what. */
import { parseArgs } from 'node:util';
import { GROUPS } from './check.js';

export interface Options {
  baseUrl: string;
  token?: string;
  tokenCommand?: string;
  fixtures?: string;
  /** Groups and check ids to run (empty: everything). */
  only: string[];
  readOnly: boolean;
  reportJunit?: string;
  reportJson?: string;
  timeoutMs: number;
  origin?: string;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: portal-widgets-conformance --base-url URL (--token TOKEN | --token-command "CMD") [options]

Checks a backend's implementation of the portal API (docs/api.md) and says what breaks.

  --base-url URL          the API base, with its path: https://staging.example/api/portal
  --token TOKEN           a bearer token for a staff user
  --token-command "CMD"   a shell command printing a bearer token; run again after a 401
  --fixtures FILE         which records are in which state, and which may be written (docs/conformance.md)
  --only GROUP|ID,...     run some groups (${GROUPS.join(', ')}) or checks by id
  --read-only             skip every check that writes
  --origin ORIGIN         the origin the widgets run on (enables the cors group)
  --report-junit FILE     write a JUnit XML report (one test suite per group)
  --report-json FILE      write a JSON report
  --timeout-ms N          per request (default 10000)
  --fixtures-schema       print the fixtures file's JSON Schema (for editors) and exit
  -h, --help              this text

Exit status: 0 every check that ran passed; 1 a check failed or the API could not be reached;
2 bad usage (options, fixtures file, token command).`;

/** `knownIds`: the check ids `--only` accepts besides group names. */
export function parseOptions(argv: readonly string[], knownIds: readonly string[] = []): Options | 'help' | 'fixtures-schema' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        'base-url': { type: 'string' },
        token: { type: 'string' },
        'token-command': { type: 'string' },
        fixtures: { type: 'string' },
        only: { type: 'string' },
        'read-only': { type: 'boolean', default: false },
        'report-junit': { type: 'string' },
        'report-json': { type: 'string' },
        'timeout-ms': { type: 'string' },
        origin: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        'fixtures-schema': { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.split('\n')[0]! : String(e));
  }
  if (values.help) return 'help';
  if (values['fixtures-schema']) return 'fixtures-schema';

  const base = values['base-url'];
  if (!base) throw new UsageError('--base-url is required (the API base, e.g. https://staging.example/api/portal)');
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new UsageError(`--base-url ${base} is not a URL (e.g. https://staging.example/api/portal)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--base-url must be http or https, not ${url.protocol}`);
  if (url.search || url.hash) throw new UsageError('--base-url takes no query string or fragment: only the API base');
  if (url.username || url.password) throw new UsageError('--base-url must not carry credentials: use --token or --token-command');

  if (values.token !== undefined && values['token-command'] !== undefined) throw new UsageError('give --token or --token-command, not both');
  if (!values.token && !values['token-command']) throw new UsageError('a token is required: --token TOKEN or --token-command "CMD"');

  const only: string[] = [];
  if (values.only !== undefined) {
    for (const name of values.only.split(',').map((s) => s.trim()).filter(Boolean)) {
      if (!(GROUPS as readonly string[]).includes(name) && !knownIds.includes(name)) {
        throw new UsageError(`--only: unknown ${name.includes('.') ? 'check id' : 'group'} "${name}" (groups: ${GROUPS.join(', ')}; or a check id such as rules.resend-after-sign-in)`);
      }
      only.push(name);
    }
    if (!only.length) throw new UsageError(`--only needs at least one group (${GROUPS.join(', ')})`);
  }

  let timeoutMs = 10_000;
  if (values['timeout-ms'] !== undefined) {
    timeoutMs = Number(values['timeout-ms']);
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 600_000) throw new UsageError('--timeout-ms must be a whole number of milliseconds from 1 to 600000');
  }

  let origin: string | undefined;
  if (values.origin !== undefined) {
    let o: URL;
    try {
      o = new URL(values.origin);
    } catch {
      throw new UsageError(`--origin ${values.origin} is not an origin (e.g. https://ehr.example.com)`);
    }
    if (o.origin === 'null' || o.href.replace(/\/$/, '') !== o.origin) throw new UsageError(`--origin takes an origin only (scheme, host, port), e.g. ${o.origin === 'null' ? 'https://ehr.example.com' : o.origin}`);
    origin = o.origin;
  }

  return {
    baseUrl: url.href.replace(/\/+$/, ''),
    ...(values.token !== undefined ? { token: values.token } : {}),
    ...(values['token-command'] !== undefined ? { tokenCommand: values['token-command'] } : {}),
    ...(values.fixtures !== undefined ? { fixtures: values.fixtures } : {}),
    only,
    readOnly: values['read-only'],
    ...(values['report-junit'] !== undefined ? { reportJunit: values['report-junit'] } : {}),
    ...(values['report-json'] !== undefined ? { reportJson: values['report-json'] } : {}),
    timeoutMs,
    ...(origin ? { origin } : {}),
  };
}
