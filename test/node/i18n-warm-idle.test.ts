// The formatter warm-up waits for idle time, one formatter at a time, so it never runs ahead of a
// first paint whose data is already there.
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('warmFormattersWhenIdle builds nothing at once, then one formatter per idle period', async () => {
  const built: string[] = [];
  const originals = { RelativeTimeFormat: Intl.RelativeTimeFormat, DateTimeFormat: Intl.DateTimeFormat, NumberFormat: Intl.NumberFormat, ListFormat: Intl.ListFormat };
  for (const [name, Original] of Object.entries(originals)) {
    (Intl as unknown as Record<string, unknown>)[name] = new Proxy(Original, {
      construct(target, args) {
        built.push(name);
        return Reflect.construct(target, args);
      },
    });
  }
  const idle: (() => void)[] = [];
  (globalThis as { requestIdleCallback?: unknown }).requestIdleCallback = (run: () => void) => idle.push(run);
  try {
    const { warmFormattersWhenIdle } = await import('../../src/i18n/warm-formatters.js');
    warmFormattersWhenIdle('en');
    assert.deepEqual(built, [], 'nothing before the page is idle');
    const perPeriod: number[] = [];
    for (let guard = 0; idle.length && guard < 20; guard++) {
      const before = built.length;
      idle.shift()!();
      perPeriod.push(built.length - before);
    }
    assert.ok(perPeriod.every((n) => n <= 1), `at most one formatter per idle period: ${perPeriod.join(', ')}`);
    assert.deepEqual([...new Set(built)].sort(), ['DateTimeFormat', 'ListFormat', 'NumberFormat', 'RelativeTimeFormat']);
    warmFormattersWhenIdle('en');
    assert.equal(idle.length, 0, 'once per locale');
  } finally {
    Object.assign(Intl, originals);
    delete (globalThis as { requestIdleCallback?: unknown }).requestIdleCallback;
  }
});
