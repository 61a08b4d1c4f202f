// Reading an answer (src/api/read-answer.ts): lists are measured against their maximums before any
// item is validated, and the sliced validation gives what one `safeParse` of the answer gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { lazySchema } from '../../src/schemas/lazy.js';
import { findOversized, validateSliced } from '../../src/api/read-answer.js';

const Email = lazySchema(() => z.object({ address: z.string(), tags: z.array(z.string()).check(z.maxLength(2)) }));
const Person = lazySchema(() => z.object({ id: z.string(), name: z.string(), emails: z.array(Email).check(z.maxLength(3)), note: z.nullable(z.string()) }));
const Page = lazySchema(() => z.object({
  items: z.array(Person).check(z.maxLength(100)),
  nearby: z.nullable(z.object({ items: z.array(z.string()).check(z.maxLength(5)) })),
  extra: z.nullable(z.array(z.int()).check(z.maxLength(4))),
  nextCursor: z.nullable(z.string()),
}));
const People = lazySchema(() => z.array(Person).check(z.maxLength(3)));

const person = (id: string, emails = 1, tags = 1) => ({ id, name: `P ${id}`, note: null, emails: Array.from({ length: emails }, (_, i) => ({ address: `${id}.${i}@x.test`, tags: Array.from({ length: tags }, () => 't') })) });
const page = (n: number, more: object = {}) => ({ items: Array.from({ length: n }, (_, i) => person(String(i))), nearby: null, extra: null, nextCursor: null, ...more });

test('a page longer than the limit asked is refused at items, whatever the schema allows', () => {
  assert.deepEqual(findOversized(Page, page(26), 25), { path: 'items', limit: 25, actual: 26 });
  assert.equal(findOversized(Page, page(25), 25), undefined);
  // Without a limit asked, the schema's maximum.
  assert.equal(findOversized(Page, page(100)), undefined);
  assert.deepEqual(findOversized(Page, page(101)), { path: 'items', limit: 100, actual: 101 });
});

test('the limit asked bounds the page\'s own list only; other lists keep their maximums', () => {
  assert.deepEqual(findOversized(Page, page(1, { nearby: { items: ['a', 'b', 'c', 'd', 'e', 'f'] } }), 2), { path: 'nearby.items', limit: 5, actual: 6 });
  assert.equal(findOversized(Page, page(1, { nearby: { items: ['a', 'b', 'c'] } }), 2), undefined);
  assert.deepEqual(findOversized(Page, page(1, { extra: [1, 2, 3, 4, 5] }), 2), { path: 'extra', limit: 4, actual: 5 });
});

test('lists inside items are measured too, and the first one too long is named', () => {
  const data = page(3);
  data.items[1] = person('1', 4);
  data.items[2] = person('2', 1, 3);
  assert.deepEqual(findOversized(Page, data, 25), { path: 'items.1.emails', limit: 3, actual: 4 });
  data.items[1] = person('1', 2, 3);
  assert.deepEqual(findOversized(Page, data, 25), { path: 'items.1.emails.0.tags', limit: 2, actual: 3 });
});

test('an answer that is itself a list is measured at its root; data of the wrong type is left to validation', () => {
  assert.deepEqual(findOversized(People, [person('a'), person('b'), person('c'), person('d')]), { path: '(root)', limit: 3, actual: 4 });
  assert.equal(findOversized(People, { items: [] }), undefined);
  assert.equal(findOversized(Page, [1, 2, 3]), undefined);
  assert.equal(findOversized(Page, { items: 'many' }, 1), undefined);
});

test('sliced validation gives what one safeParse gives: the same data, or the paths of every issue', async () => {
  const good = page(3, { extra: [1, 2] });
  const whole = z.safeParse(Page, good);
  assert.equal(whole.success, true);
  assert.deepEqual(await validateSliced(Page, good), { success: true, data: whole.data });
  const people = [person('a'), person('b')];
  assert.deepEqual(await validateSliced(People, people), { success: true, data: z.parse(People, people) });

  const bad = page(3, { nextCursor: 7 }) as { items: { name: unknown }[] };
  bad.items[2]!.name = null;
  assert.deepEqual(await validateSliced(Page, bad), { success: false, paths: ['items.2.name', 'nextCursor'] });
  assert.deepEqual(await validateSliced(People, [person('a'), { ...person('b'), id: 1 }]), { success: false, paths: ['1.id'] });
});
