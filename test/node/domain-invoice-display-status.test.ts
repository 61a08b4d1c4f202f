import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { invoiceDisplayStatus } from '../../src/domain/invoice-display-status.js';

const now = new Date('2025-06-15T12:00:00Z');

describe('invoiceDisplayStatus', () => {
  test('an open invoice due later, or with no due date, is open', () => {
    assert.equal(invoiceDisplayStatus({ status: 'open', dueAt: '2025-06-20T00:00:00Z' }, now), 'open');
    assert.equal(invoiceDisplayStatus({ status: 'open', dueAt: null }, now), 'open');
  });

  test('an open invoice past its due date is overdue', () => {
    assert.equal(invoiceDisplayStatus({ status: 'open', dueAt: '2025-06-15T11:59:59Z' }, now), 'overdue');
  });

  test('paid and void invoices keep their status, even past due', () => {
    assert.equal(invoiceDisplayStatus({ status: 'paid', dueAt: '2025-01-01T00:00:00Z' }, now), 'paid');
    assert.equal(invoiceDisplayStatus({ status: 'void', dueAt: '2025-01-01T00:00:00Z' }, now), 'void');
  });
});
