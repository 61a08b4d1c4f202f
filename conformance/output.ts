/**
 * What the person or the CI log sees. On a TTY: one progress line per group, redrawn in place,
 * then its result. Elsewhere (CI, a pipe, a file): plain lines, no colours, no carriage returns.
 */
import type { Check, CheckResult, Group } from './check.js';
import type { RunnerEvents } from './runner.js';

export interface Writer {
  write(text: string): void;
}

export interface OutputOptions {
  /** Redraw progress in place and use colour. */
  tty: boolean;
  color: boolean;
}

const ms = (n: number) => (n < 1000 ? `${Math.round(n)} ms` : `${(n / 1000).toFixed(1)} s`);

export function outputFor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): OutputOptions {
  const tty = !!stream.isTTY && !env['CI'] && env['TERM'] !== 'dumb';
  return { tty, color: tty && !env['NO_COLOR'] };
}

export function consoleReporter(out: Writer, options: OutputOptions): RunnerEvents & { line(text: string): void } {
  const paint = (code: number, s: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const mark = { passed: options.tty ? paint(32, '✔') : 'PASS', failed: options.tty ? paint(31, '✖') : 'FAIL', skipped: options.tty ? paint(33, '–') : 'SKIP' };
  const pad = (g: string) => g.padEnd(12);
  let live = false;
  const clear = () => {
    if (live) out.write('\r\u001b[2K');
    live = false;
  };

  return {
    line(text) {
      clear();
      out.write(`${text}\n`);
    },
    groupStart(group: Group, checks: readonly Check[]) {
      if (!options.tty) return;
      out.write(`${pad(group)}0/${checks.length}`);
      live = true;
    },
    checkStart(check: Check, index: number, total: number) {
      if (!options.tty) return;
      clear();
      out.write(`${pad(check.group)}${index + 1}/${total} ${paint(2, check.id)}`);
      live = true;
    },
    checkEnd() {},
    groupEnd(group: Group, results: readonly CheckResult[], took: number) {
      clear();
      const count = (o: CheckResult['outcome']) => results.filter((r) => r.outcome === o).length;
      const failed = count('failed');
      const skipped = count('skipped');
      const status = failed ? mark.failed : mark.passed;
      const parts = [`${count('passed')} passed`, ...(failed ? [`${failed} failed`] : []), ...(skipped ? [`${skipped} skipped`] : [])];
      out.write(`${status} ${pad(group)}${parts.join(', ')} (${ms(took)})\n`);
      const notRun = results.filter((r) => r.outcome === 'failed' && r.message.startsWith('not run:'));
      if (notRun.length) out.write(`    ${mark.failed} ${notRun.length} check(s) ${notRun[0]!.message}\n`);
      for (const r of results) {
        if (notRun.includes(r)) continue;
        if (r.outcome === 'failed') out.write(`    ${mark.failed} ${r.id}: ${r.message}\n        fix: ${r.remedy} (${r.doc})\n`);
        if (r.outcome === 'skipped') out.write(`    ${mark.skipped} ${r.id} skipped: ${r.message}\n`);
      }
    },
  };
}

export function summaryLine(s: { passed: number; failed: number; skipped: number; durationMs: number }): string {
  return `${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped in ${ms(s.durationMs)}`;
}
