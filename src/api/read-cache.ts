import type { ResourceName } from './operations.js';

/** What the cache knows about one read: what it returns, for whom, and how long to keep it. */
export interface ReadMeta {
  /** The resource the read returns (`null`: nothing a write changes). */
  resource: ResourceName | null;
  /** The client whose data it is; absent for practice-wide reads. */
  clientId: string | undefined;
  /** How long an answer is kept; 0 shares the read only while it is in flight. */
  ttlMs: number;
}

/** One shared read: in flight (`expires` 0) or kept until `expires`. */
interface Entry {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
  expires: number;
  /** A write's answer for a read that is not kept: served to the next read only. */
  once: boolean;
  resource: ResourceName | null;
  clientId: string | undefined;
}

/**
 * Shared reads, by request key (path and sorted query). Identical reads in flight are one request;
 * reads worth keeping are kept for their time; a caller that aborts leaves the others their answer,
 * and the request is aborted once nobody waits for it. Writes forget what they changed (`forget`)
 * or hand over the answer they already got (`put`).
 */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The answer of `load` for `key`, shared with every identical read in flight or kept. */
  read<T>(key: string, meta: ReadMeta, load: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    let entry = this.entries.get(key);
    if (entry?.expires && entry.expires <= this.now()) {
      this.entries.delete(key);
      entry = undefined;
    }
    if (entry?.expires) {
      if (entry.once) this.entries.delete(key);
      return entry.promise as Promise<T>;
    }
    if (!entry) {
      const controller = new AbortController();
      const created: Entry = { controller, waiters: 0, expires: 0, once: false, resource: meta.resource, clientId: meta.clientId, promise: load(controller.signal) };
      created.promise.then(
        () => {
          if (this.entries.get(key) !== created) return;
          if (meta.ttlMs > 0) created.expires = this.now() + meta.ttlMs;
          else this.entries.delete(key);
        },
        () => {
          if (this.entries.get(key) === created) this.entries.delete(key);
        },
      );
      this.entries.set(key, created);
      entry = created;
    }
    const shared = entry;
    shared.waiters++;
    if (!signal) return shared.promise as Promise<T>;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        reject(signal.reason);
        if (--shared.waiters === 0 && !shared.expires) {
          shared.controller.abort(signal.reason);
          if (this.entries.get(key) === shared) this.entries.delete(key);
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value as T);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  /**
   * Keeps an answer the server already gave (a write that returns the resource) as the answer of
   * the read `key`: for its time when the read is kept, else for the next read only (at most
   * `fallbackTtlMs` from now), so the refresh right after the write costs no request and a later
   * one still asks the server.
   */
  put(key: string, value: unknown, meta: ReadMeta, fallbackTtlMs: number): void {
    const once = meta.ttlMs <= 0;
    this.entries.set(key, {
      promise: Promise.resolve(value),
      controller: new AbortController(),
      waiters: 0,
      expires: this.now() + (once ? fallbackTtlMs : meta.ttlMs),
      once,
      resource: meta.resource,
      clientId: meta.clientId,
    });
  }

  /** Drops kept and in-flight reads of these resources for this client (practice reads for any client). */
  forget(clientId: string | null, resources: readonly ResourceName[]): void {
    for (const [key, entry] of this.entries) {
      if (entry.resource && resources.includes(entry.resource) && (entry.resource === 'practice' || entry.clientId === clientId)) {
        this.entries.delete(key);
      }
    }
  }

  /** Drops one read. */
  delete(key: string): void {
    this.entries.delete(key);
  }

  /**
   * Forgets kept and in-flight reads under an API path, whole segments only (`/clients/cl_1`
   * covers `/clients/cl_1/contacts`, not `/clients/cl_10`), or all of them. In-flight requests
   * still answer their current callers.
   */
  invalidate(prefix = ''): void {
    const base = prefix.replace(/\/+$/, '');
    for (const key of [...this.entries.keys()]) {
      if (!base || key === base || key.startsWith(`${base}/`) || key.startsWith(`${base}?`)) this.entries.delete(key);
    }
  }
}
