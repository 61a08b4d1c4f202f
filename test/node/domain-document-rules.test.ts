import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assignmentEmailCount,
  canCancelDocument,
  isDocumentComplete,
  isOpenDocument,
  latestDocumentByTemplate,
  reminderDecision,
  unconfirmedResends,
} from '../../src/domain/document-rules.js';

const now = new Date('2026-06-15T12:00:00Z');

describe('open documents and cancelling', () => {
  test('a sent or half-filled document is still open; a completed or cancelled one is not', () => {
    assert.deepEqual(
      (['sent', 'in_progress', 'completed', 'cancelled'] as const).map((status) => isOpenDocument({ status })),
      [true, true, false, false],
    );
  });
  test('staff can cancel an open, unsigned document only', () => {
    assert.equal(canCancelDocument({ status: 'in_progress', signedAt: null }), true);
    assert.equal(canCancelDocument({ status: 'completed', signedAt: '2026-06-10T10:00:00Z' }), false);
    assert.equal(canCancelDocument({ status: 'cancelled', signedAt: null }), false);
  });
});

describe('reminderDecision', () => {
  test('a reminder waits out the cooldown from the last reminder, or from sending', () => {
    const sent = { status: 'sent' as const, sentAt: '2026-06-15T11:55:00Z', lastReminderAt: null };
    assert.deepEqual(reminderDecision(sent, 10, now), { allowed: false, code: 'reminder_cooldown', retryAt: new Date('2026-06-15T12:05:00Z') });
    assert.deepEqual(reminderDecision({ ...sent, sentAt: '2026-06-01T09:00:00Z', lastReminderAt: '2026-06-15T11:58:00Z' }, 10, now), {
      allowed: false,
      code: 'reminder_cooldown',
      retryAt: new Date('2026-06-15T12:08:00Z'),
    });
    assert.deepEqual(reminderDecision({ ...sent, sentAt: '2026-06-01T09:00:00Z' }, 10, now), { allowed: true });
  });
  test('no reminder for a document that is already done', () => {
    assert.deepEqual(reminderDecision({ status: 'completed', sentAt: '2026-06-01T09:00:00Z', lastReminderAt: null }, 10, now), { allowed: false, code: 'document_signed' });
  });
});

describe('assigning documents', () => {
  test('each document is one email per recipient, and granting access adds one invitation each', () => {
    assert.equal(assignmentEmailCount(3, 2, false), 6);
    assert.equal(assignmentEmailCount(3, 2, true), 8);
    assert.equal(assignmentEmailCount(2, 0, true), 0);
  });
  test('complete means every required section saved and signed', () => {
    assert.equal(isDocumentComplete({ requiredSections: { completed: 4, total: 4 }, signedAt: '2026-06-10T10:00:00Z' }), true);
    assert.equal(isDocumentComplete({ requiredSections: { completed: 4, total: 4 }, signedAt: null }), false);
    assert.equal(isDocumentComplete({ requiredSections: { completed: 3, total: 4 }, signedAt: '2026-06-10T10:00:00Z' }), false);
  });
  test('the newest copy of each template counts as already sent; cancelled copies do not', () => {
    const latest = latestDocumentByTemplate([
      { id: 'doc_1', templateId: 'intake', status: 'completed', sentAt: '2026-05-01T09:00:00Z' },
      { id: 'doc_2', templateId: 'intake', status: 'sent', sentAt: '2026-06-01T09:00:00Z' },
      { id: 'doc_3', templateId: 'consent', status: 'cancelled', sentAt: '2026-06-02T09:00:00Z' },
    ]);
    assert.deepEqual([...latest].map(([template, doc]) => [template, doc.id]), [['intake', 'doc_2']]);
  });
  test('a template the client already has needs an explicit "send again"', () => {
    const alreadySent = new Set(['intake', 'consent']);
    assert.deepEqual(unconfirmedResends(['intake', 'consent', 'phq9'], ['consent'], alreadySent), ['intake']);
    assert.deepEqual(unconfirmedResends(['phq9'], [], alreadySent), []);
  });
});
