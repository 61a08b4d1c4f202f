/** Runs the selected checks group by group; a check passes, fails or is skipped with its reason. */
import { CheckFailure, CheckSkipped, docLink, GROUPS, type Check, type CheckResult, type Group } from './check.js';
import type { CheckContext } from './context.js';
import { NetworkError } from './probe.js';

export interface RunnerEvents {
  groupStart?(group: Group, checks: readonly Check[]): void;
  checkStart?(check: Check, index: number, total: number): void;
  checkEnd?(result: CheckResult): void;
  groupEnd?(group: Group, results: readonly CheckResult[], ms: number): void;
}

export async function runCheck(check: Check, ctx: CheckContext): Promise<CheckResult> {
  const started = performance.now();
  const base = { id: check.id, group: check.group, title: check.title, remedy: check.remedy, doc: docLink(check.doc) };
  try {
    const note = await check.run(ctx);
    return { ...base, outcome: 'passed', message: note ?? '', durationMs: performance.now() - started };
  } catch (e) {
    const durationMs = performance.now() - started;
    if (e instanceof CheckSkipped) return { ...base, outcome: 'skipped', message: e.message, durationMs };
    if (e instanceof CheckFailure) return { ...base, outcome: 'failed', message: e.message, durationMs };
    if (e instanceof NetworkError) return { ...base, outcome: 'failed', message: `no answer: ${e.message}`, durationMs };
    // A bug in the kit: still one line, and the check is not passed.
    return { ...base, outcome: 'failed', message: `the kit failed: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`, durationMs };
  }
}

/** Whether the backend still answers at all (after a check got no answer). */
async function stillAnswers(ctx: CheckContext): Promise<string | null> {
  try {
    await ctx.probe.call('getPractice');
    return null;
  } catch (e) {
    if (e instanceof NetworkError) return e.reason;
    throw e;
  }
}

export async function runChecks(checks: readonly Check[], ctx: CheckContext, events: RunnerEvents = {}): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  // Once the server stops answering, the remaining checks fail at once instead of each waiting out its timeouts.
  let gone: string | null = null;
  for (const group of GROUPS) {
    const inGroup = checks.filter((c) => c.group === group);
    if (!inGroup.length) continue;
    const started = performance.now();
    events.groupStart?.(group, inGroup);
    const groupResults: CheckResult[] = [];
    for (const [i, check] of inGroup.entries()) {
      events.checkStart?.(check, i, inGroup.length);
      const result: CheckResult = gone
        ? { id: check.id, group: check.group, title: check.title, remedy: check.remedy, doc: docLink(check.doc), outcome: 'failed', message: `not run: the server stopped answering (${gone})`, durationMs: 0 }
        : await runCheck(check, ctx);
      if (!gone && result.outcome === 'failed' && result.message.startsWith('no answer:')) gone = await stillAnswers(ctx);
      groupResults.push(result);
      events.checkEnd?.(result);
    }
    results.push(...groupResults);
    events.groupEnd?.(group, groupResults, performance.now() - started);
  }
  return results;
}
