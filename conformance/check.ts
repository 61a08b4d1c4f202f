/**
 * What a conformance check is: a stable id, the group it belongs to, a one-line remedy citing the
 * section of docs/api.md that states the rule, and a `run` that passes, fails or skips.
 */
import type { CheckContext } from './context.js';

export const GROUPS = ['schema', 'auth', 'concurrency', 'idempotency', 'rules', 'privacy', 'cors'] as const;
export type Group = (typeof GROUPS)[number];

/** Sections of docs/api.md a remedy cites (GitHub anchors of its headings; a test keeps them in sync). */
export const DOC_SECTIONS = {
  api: 'the-portal-api-notes-for-backend-engineers',
  authentication: 'authentication',
  errors: 'errors',
  concurrency: 'concurrency-versions-etag-if-match',
  idempotency: 'idempotency-payments',
  pagination: 'pagination',
  cors: 'cors',
  urls: 'no-phi-in-urls',
  operations: 'operations',
} as const;
export type DocSection = keyof typeof DOC_SECTIONS;

export function docLink(section: DocSection): string {
  return `docs/api.md#${DOC_SECTIONS[section]}`;
}

export interface Check {
  /** Stable: CI history and bug reports refer to it. `<group>.<kebab-name>`. */
  id: string;
  group: Group;
  /** What passing means, in one line. */
  title: string;
  /** One line: what to change in the backend when it fails. */
  remedy: string;
  doc: DocSection;
  run(ctx: CheckContext): Promise<string | void>;
}

/** Thrown by a check (or a helper it calls) that found the backend breaking the contract. */
export class CheckFailure extends Error {
  override name = 'CheckFailure';
}

/** Thrown when a check cannot run: the fixtures do not name its state, or writes are not allowed. */
export class CheckSkipped extends Error {
  override name = 'CheckSkipped';
}

export function fail(message: string): never {
  throw new CheckFailure(message);
}

export function skip(reason: string): never {
  throw new CheckSkipped(reason);
}

export type Outcome = 'passed' | 'failed' | 'skipped';

export interface CheckResult {
  id: string;
  group: Group;
  title: string;
  outcome: Outcome;
  /** Why it failed, why it was skipped, or a note on what a pass covered. */
  message: string;
  remedy: string;
  /** `docs/api.md#…` */
  doc: string;
  durationMs: number;
}
