// Schemas are built on first use (src/schemas/lazy.ts), so loading the SDK builds none of them and
// the first requests leave without waiting for them; once used they behave as the schema itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';

// Counts every zod schema constructed from here on (zod calls this hook for each one it builds).
let constructed = 0;
(globalThis as { __zod_globalConfig?: object }).__zod_globalConfig = { postProcessor: () => void constructed++ };

test('loading the schemas, the operations table, the client and the domain rules builds no schema', async () => {
  await import('../../src/schemas/index.js');
  await import('../../src/api/index.js');
  // The permission editors' and the overview's lists are read when their modules load: plain lists.
  const { CLIENT_PERMISSION_KEYS, PERMISSION_GROUPS } = await import('../../src/domain/permission-draft.js');
  const { BULK_FINDINGS } = await import('../../src/domain/practice-overview.js');
  await import('../../src/domain/index.js');
  assert.equal(constructed, 0);
  // The same lists the schemas accept (this builds them).
  const { ClientPermissionKey, PermissionGroup, BulkFinding } = await import('../../src/schemas/index.js');
  assert.deepEqual(CLIENT_PERMISSION_KEYS, ClientPermissionKey.options);
  assert.deepEqual(PERMISSION_GROUPS, PermissionGroup.options);
  assert.deepEqual(BULK_FINDINGS, BulkFinding.options);
});

test('a lazy schema is built once, on first use, and then stands in for the built schema', async () => {
  const z = await import('zod/mini');
  const { lazySchema } = await import('../../src/schemas/lazy.js');
  let builds = 0;
  const Pair = lazySchema(() => (builds++, z.object({ a: z.string(), b: z.optional(z.int()) })));
  assert.equal(builds, 0);
  assert.deepEqual(z.parse(Pair, { a: 'x' }), { a: 'x' });
  assert.equal(z.safeParse(Pair, { a: 1 }).success, false);
  assert.equal(builds, 1);
  assert.ok(Pair instanceof z.ZodMiniObject);
  assert.ok(Pair instanceof z.ZodMiniType);
  assert.deepEqual(Object.keys(Pair.shape), ['a', 'b']);
  // Used inside another schema, and registered under its own identity (the OpenAPI names do this).
  const Outer = z.object({ pair: Pair });
  assert.equal(z.safeParse(Outer, { pair: { a: 'y', b: 2 } }).success, true);
  z.globalRegistry.add(Pair, { id: 'Pair' });
  assert.deepEqual(z.toJSONSchema(Outer).properties, { pair: { $ref: '#/$defs/Pair' } });
  assert.equal(builds, 1);
});

test('the API schemas parse after loading lazily', async () => {
  const { Money, ProblemCode, Contact } = await import('../../src/schemas/index.js');
  const z = await import('zod/mini');
  assert.deepEqual(z.parse(Money, { amount: 150, currency: 'USD' }), { amount: 150, currency: 'USD' });
  assert.equal(z.safeParse(Money, { amount: -1, currency: 'USD' }).success, false);
  assert.ok(ProblemCode.options.includes('stale_version'));
  assert.ok(Contact instanceof z.ZodMiniObject);
  assert.ok(constructed > 0);
});
