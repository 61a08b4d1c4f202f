import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cooldownEndsAt, latest } from '../../src/domain/resend-cooldown.js';

describe('cooldownEndsAt', () => {
  const now = new Date('2026-06-15T12:00:00Z');
  test('an email sent 4 minutes ago under a 10-minute cooldown may go again in 6 minutes', () => {
    assert.equal(cooldownEndsAt('2026-06-15T11:56:00Z', 10, now)?.toISOString(), '2026-06-15T12:06:00.000Z');
  });
  test('may go now once the cooldown is over, when nothing was sent, or with no cooldown', () => {
    assert.equal(cooldownEndsAt('2026-06-15T11:50:00Z', 10, now), null);
    assert.equal(cooldownEndsAt(null, 10, now), null);
    assert.equal(cooldownEndsAt(undefined, 10, now), null);
    assert.equal(cooldownEndsAt('2026-06-15T11:59:00Z', 0, now), null);
  });
});

describe('latest', () => {
  test('the newest timestamp, skipping missing ones', () => {
    assert.equal(latest(['2026-06-01T09:00:00Z', null, '2026-06-14T08:00:00Z', undefined, '2026-06-10T10:00:00Z']), '2026-06-14T08:00:00Z');
  });
  test('none when nothing was sent', () => {
    assert.equal(latest([]), null);
    assert.equal(latest([null, undefined]), null);
  });
});
