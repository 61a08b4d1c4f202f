/** The two reports CI reads: JUnit XML (one test suite per group) and JSON (everything). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { GROUPS, type CheckResult } from './check.js';

export interface RunSummary {
  baseUrl: string;
  startedAt: string;
  durationMs: number;
  passed: number;
  failed: number;
  skipped: number;
  /** Set when the kit stopped before the checks (the one-line diagnosis). */
  diagnosis?: string;
  /** Records the kit made and could not remove. */
  leftovers: string[];
  /** 401s to the kit's token that a fresh token fixed. */
  tokenRefreshes: number;
  /** HTTP requests the run sent. */
  requests: number;
}

export function summarize(results: readonly CheckResult[]): Pick<RunSummary, 'passed' | 'failed' | 'skipped'> {
  return {
    passed: results.filter((r) => r.outcome === 'passed').length,
    failed: results.filter((r) => r.outcome === 'failed').length,
    skipped: results.filter((r) => r.outcome === 'skipped').length,
  };
}

// XML 1.0 cannot carry most control characters, even escaped.
const xml = (s: string) =>
  s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
const seconds = (ms: number) => (ms / 1000).toFixed(3);

export function junitReport(results: readonly CheckResult[], summary: RunSummary): string {
  const suites = GROUPS.map((group) => results.filter((r) => r.group === group))
    .filter((rs) => rs.length)
    .map((rs) => {
      const group = rs[0]!.group;
      const s = summarize(rs);
      const time = rs.reduce((t, r) => t + r.durationMs, 0);
      const cases = rs.map((r) => {
        const open = `    <testcase classname="portal-widgets-conformance.${group}" name="${xml(r.id)}" time="${seconds(r.durationMs)}"`;
        if (r.outcome === 'passed') return `${open}/>`;
        if (r.outcome === 'skipped') return `${open}>\n      <skipped message="${xml(r.message)}"/>\n    </testcase>`;
        return `${open}>\n      <failure message="${xml(r.message)}" type="${xml(r.id)}">${xml(`${r.message}\nFix: ${r.remedy} (${r.doc})`)}</failure>\n    </testcase>`;
      });
      return `  <testsuite name="${group}" tests="${rs.length}" failures="${s.failed}" errors="0" skipped="${s.skipped}" time="${seconds(time)}" timestamp="${summary.startedAt}">\n${cases.join('\n')}\n  </testsuite>`;
    });
  if (summary.diagnosis) {
    suites.unshift(
      `  <testsuite name="preflight" tests="1" failures="1" errors="0" skipped="0" time="${seconds(summary.durationMs)}" timestamp="${summary.startedAt}">\n    <testcase classname="portal-widgets-conformance.preflight" name="preflight.api-base" time="${seconds(summary.durationMs)}">\n      <failure message="${xml(summary.diagnosis)}" type="preflight.api-base">${xml(summary.diagnosis)}</failure>\n    </testcase>\n  </testsuite>`,
    );
  }
  const failures = summary.failed + (summary.diagnosis ? 1 : 0);
  const tests = results.length + (summary.diagnosis ? 1 : 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="portal-widgets-conformance" tests="${tests}" failures="${failures}" errors="0" skipped="${summary.skipped}" time="${seconds(summary.durationMs)}">\n${suites.join('\n')}\n</testsuites>\n`;
}

export function jsonReport(results: readonly CheckResult[], summary: RunSummary, version: string): string {
  return `${JSON.stringify({ tool: 'portal-widgets-conformance', version, ...summary, checks: results.map((r) => ({ ...r, durationMs: Math.round(r.durationMs) })) }, null, 2)}\n`;
}

export function writeReport(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}
