import * as z from 'zod/mini';
import { ANSWER_MAX_BYTES } from '../schemas/limits.js';
import type { OversizedAnswer } from './errors/response-validation-error.js';

// Reading an answer costs main-thread time in proportion to its size, so an answer is bounded
// before it is read: the body by bytes (while it streams in), every list by its documented maximum
// (before any item is validated), and the items of a long list are validated a slice at a time,
// yielding between slices, so no single task of the SDK runs for long whatever the server sends.

/** Time one validation slice may take before the next waits for a new task. */
const SLICE_MS = 8;

type Schema = z.core.$ZodType;
type Def = { type: string; element?: Schema; shape?: Record<string, Schema>; innerType?: Schema; checks?: { _zod: { def: { check: string; maximum?: number } } }[] };
const defOf = (schema: Schema) => schema._zod.def as unknown as Def;

/** The body as text, or how far it went past `maxBytes` (it is not read further). */
export async function readBoundedText(response: Response, maxBytes = ANSWER_MAX_BYTES): Promise<string | OversizedAnswer> {
  const declared = Number(response.headers.get('content-length'));
  const over = (actual: number): OversizedAnswer => ({ path: '(body)', limit: maxBytes, actual });
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return over(declared);
  }
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return over(bytes);
    }
    text += decoder.decode(value, { stream: true });
  }
}

/**
 * The first list in `data` longer than the schema allows (or, for a page, than `pageLimit`), found
 * without validating anything: a walk over the schema's objects and arrays only.
 */
export function findOversized(schema: Schema, data: unknown, pageLimit?: number, path = ''): OversizedAnswer | undefined {
  const def = defOf(schema);
  if (def.type === 'nullable' || def.type === 'optional') return def.innerType ? findOversized(def.innerType, data, undefined, path) : undefined;
  if (def.type === 'array' && Array.isArray(data)) {
    const declared = def.checks?.find((c) => c._zod.def.check === 'max_length')?._zod.def.maximum ?? Infinity;
    const limit = Math.min(declared, path === 'items' && pageLimit !== undefined ? pageLimit : Infinity);
    if (data.length > limit) return { path: path || '(root)', limit, actual: data.length };
    for (let i = 0; i < data.length; i++) {
      const found = findOversized(def.element!, data[i], undefined, path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
    return undefined;
  }
  if (def.type === 'object' && def.shape && typeof data === 'object' && data !== null && !Array.isArray(data)) {
    for (const [key, field] of Object.entries(def.shape)) {
      const found = findOversized(field, (data as Record<string, unknown>)[key], pageLimit, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}

type Checked = { success: true; data: unknown } | { success: false; paths: string[] };

/**
 * `z.safeParse`, except that the items of a top-level list (the answer itself, or a list field of
 * the answer object) are validated one slice at a time, each slice at most about `SLICE_MS`.
 */
export async function validateSliced(schema: Schema, data: unknown): Promise<Checked> {
  const def = defOf(schema);
  const lists: [key: string | null, element: Schema][] = [];
  if (def.type === 'array' && Array.isArray(data)) lists.push([null, def.element!]);
  else if (def.type === 'object' && def.shape && typeof data === 'object' && data !== null) {
    for (const [key, field] of Object.entries(def.shape)) {
      const fieldDef = defOf(field);
      if (fieldDef.type === 'array' && Array.isArray((data as Record<string, unknown>)[key])) lists.push([key, fieldDef.element!]);
    }
  }
  const outputs = new Map<string | null, unknown[]>();
  const paths: string[] = [];
  let sliceStart = performance.now();
  for (const [key, element] of lists) {
    const items = (key === null ? data : (data as Record<string, unknown>)[key]) as unknown[];
    const out: unknown[] = [];
    for (let i = 0; i < items.length; i++) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await nextTask();
        sliceStart = performance.now();
      }
      const r = z.safeParse(element, items[i]);
      if (r.success) out.push(r.data);
      else for (const issue of r.error.issues) paths.push([...(key === null ? [] : [key]), i, ...issue.path].map(String).join('.'));
    }
    outputs.set(key, out);
  }
  // The rest of the answer, with its lists already checked (and so empty here).
  const rest = outputs.has(null) ? [] : lists.length ? { ...(data as object), ...Object.fromEntries(lists.map(([key]) => [key, []])) } : data;
  const r = z.safeParse(schema, rest);
  if (!r.success) paths.push(...r.error.issues.map((issue) => issue.path.map(String).join('.') || '(root)'));
  if (paths.length) return { success: false, paths };
  if (outputs.has(null)) return { success: true, data: outputs.get(null) };
  return { success: true, data: Object.assign(r.data as object, Object.fromEntries(outputs)) };
}

/** Lets the page handle input and paint before the next slice. */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
