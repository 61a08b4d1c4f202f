import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatCount, joinList } from '../../src/i18n/text.js';

describe('catalog text helpers', () => {
  it('group digits and join lists the way each language does', () => {
    assert.equal(formatCount(10000, 'en'), '10,000');
    // What a Spanish reader expects: a point between thousands, and none in a four-digit number.
    assert.equal(formatCount(10000, 'es'), '10.000');
    assert.equal(formatCount(1234, 'es'), '1234');
    assert.equal(joinList(['a', 'b', 'c'], 'en'), 'a, b, and c');
    assert.equal(joinList(['a', 'b', 'c'], 'es'), 'a, b y c');
    // A second call in another language is not served the first language's formatter.
    assert.equal(formatCount(1234.5, 'en'), '1,234.5');
    assert.equal(joinList(['x', 'y'], 'es'), 'x y y');
  });
});

describe('formatter warm-up', () => {
  it('builds each Intl formatter once per locale; later formatting reuses them', async () => {
    const { warmFormatters } = await import('../../src/i18n/warm-formatters.js');
    const { formatRelative, formatDate } = await import('../../src/i18n/format.js');
    const built: string[] = [];
    const originals = { RelativeTimeFormat: Intl.RelativeTimeFormat, DateTimeFormat: Intl.DateTimeFormat, NumberFormat: Intl.NumberFormat, ListFormat: Intl.ListFormat };
    for (const [name, Original] of Object.entries(originals)) {
      (Intl as unknown as Record<string, unknown>)[name] = new Proxy(Original, {
        construct(target, args) {
          built.push(`${name}:${String(args[0])}`);
          return Reflect.construct(target, args);
        },
      });
    }
    try {
      warmFormatters('es');
      const afterWarm = built.length;
      // The costly one (locale data loads on the first) is among them.
      assert.ok(built.includes('RelativeTimeFormat:es'), `built ${built.join(', ')}`);
      warmFormatters('es');
      formatRelative(new Date(Date.now() - 86_400_000), new Date(), 'es');
      formatDate('2026-01-02T00:00:00Z', 'es');
      formatCount(12, 'es');
      joinList(['a', 'b'], 'es');
      assert.equal(built.length, afterWarm, 'nothing built again');
    } finally {
      Object.assign(Intl, originals);
    }
  });
});
