/**
 * Each client's activity trail in the mock: entries are only ever appended (oldest first), so an
 * entry's position is a stable key. Pages go newest first and a cursor names the position to
 * continue below: new entries arriving while someone pages never shift or repeat what they see.
 */
import type { ActivityActor, ActivityEntry, ActivityKind } from '../src/schemas/index.js';
import { decodeCursor, encodeCursor } from './handlers/shared.js';
import type { MockStore } from './store.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An entry before the server stamps it: what happened and the ids involved. */
export type ActivityDraft = DistributiveOmit<ActivityEntry, 'id' | 'at' | 'clientId' | 'actor'>;

/** Default and largest page sizes (the largest is the API's `limit` maximum). */
export const ACTIVITY_PAGE_DEFAULT = 50;

export class ActivityLog {
  #entries: ActivityEntry[] | undefined;
  #factory: (() => ActivityEntry[]) | undefined;
  /** Matching entries per kind, for `total`, valid while the log keeps this length. */
  #counts = new Map<string, { length: number; count: number }>();

  constructor(entries: ActivityEntry[] | (() => ActivityEntry[]) = []) {
    if (typeof entries === 'function') this.#factory = entries;
    else this.#entries = entries;
  }

  /** Every entry, oldest first; a large seeded trail is generated on first use. */
  get entries(): readonly ActivityEntry[] {
    return this.#all();
  }

  get materialized(): boolean {
    return this.#entries !== undefined;
  }

  append(entry: ActivityEntry): void {
    this.#all().push(entry);
  }

  /** One page, newest first, of every entry or of one kind. */
  page(kind: ActivityKind | undefined, cursor: string | undefined, limit = ACTIVITY_PAGE_DEFAULT): { items: ActivityEntry[]; nextCursor: string | null; total: number } {
    const all = this.#all();
    const list = `activity:${kind ?? '*'}`;
    const below = cursor ? decodeCursor(cursor, list, all.length) : all.length;
    const items: ActivityEntry[] = [];
    let i = below - 1;
    for (; i >= 0 && items.length < limit; i--) if (!kind || all[i]!.kind === kind) items.push(all[i]!);
    // Is there anything older to walk to? (`i + 1` is where this page stopped.)
    let more = false;
    for (let j = i; j >= 0; j--) {
      if (!kind || all[j]!.kind === kind) {
        more = true;
        break;
      }
    }
    return { items, nextCursor: more ? encodeCursor(list, i + 1) : null, total: this.#count(kind) };
  }

  #all(): ActivityEntry[] {
    if (!this.#entries) {
      this.#entries = this.#factory?.() ?? [];
      this.#factory = undefined;
    }
    return this.#entries;
  }

  #count(kind: ActivityKind | undefined): number {
    const all = this.#all();
    if (!kind) return all.length;
    const cached = this.#counts.get(kind);
    if (cached?.length === all.length) return cached.count;
    let count = 0;
    for (const e of all) if (e.kind === kind) count++;
    this.#counts.set(kind, { length: all.length, count });
    return count;
  }
}

/** Records one entry for a client, stamped now with a fresh id. */
export function recordActivity(store: MockStore, clientId: string, actor: ActivityActor, draft: ActivityDraft): ActivityEntry {
  const entry = { id: store.nextId('act'), at: store.nowIso(), clientId, actor, ...draft } as ActivityEntry;
  store.activityOf(clientId).append(entry);
  return entry;
}
