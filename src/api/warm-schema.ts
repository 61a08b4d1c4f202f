import type * as z from 'zod/mini';

type Schema = z.core.$ZodType;
type Def = { element?: Schema; shape?: Record<string, Schema>; innerType?: Schema; options?: readonly Schema[]; items?: readonly Schema[]; valueType?: Schema; in?: Schema; out?: Schema; left?: Schema; right?: Schema };

const scheduled = new WeakSet<object>();

/**
 * Builds a lazy schema (`src/schemas/lazy.ts`) and the lazy schemas it is made of, by reading each
 * one's definition: what parsing the answer would otherwise build after it arrives.
 */
export function warmSchema(schema: Schema, seen = new Set<object>()): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = schema._zod.def as unknown as Def;
  const parts = [def.element, def.innerType, def.valueType, def.in, def.out, def.left, def.right, ...Object.values(def.shape ?? {}), ...(def.options ?? []), ...(def.items ?? [])];
  for (const part of parts) if (part) warmSchema(part, seen);
}

/**
 * Builds `schema` in the next task, once per schema: called as a request leaves, so the time goes
 * to the wait for the answer, after the request is on its way.
 */
export function warmSoon(schema: Schema): void {
  if (scheduled.has(schema)) return;
  scheduled.add(schema);
  setTimeout(() => warmSchema(schema), 0);
}
