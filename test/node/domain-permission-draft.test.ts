import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { changeId, draftOf, mergePermissions, permissionChanges, withClientPermission, withGroup, type PermissionDraft } from '../../src/domain/permission-draft.js';

const groups = { basic: true, messaging: false, documents: true, scheduling: false, billing: false };
const base: PermissionDraft = {
  client: { appointmentRequests: true, secureMessaging: true, billingDocuments: true, payBalance: true },
  portalUsers: [
    { contactId: 'ct_mom', groups: { ...groups } },
    { contactId: 'ct_dad', groups: { ...groups } },
  ],
};

describe('draftOf', () => {
  test('copies deeply: editing the draft never touches the loaded data', () => {
    const loaded = { clientId: 'cl_1', version: 3, ...base };
    const draft = draftOf(loaded);
    draft.client.secureMessaging = false;
    draft.portalUsers[0]!.groups.billing = true;
    assert.equal(loaded.client.secureMessaging, true);
    assert.equal(loaded.portalUsers[0]!.groups.billing, false);
    assert.equal('version' in draft, false);
  });
});

describe('withClientPermission', () => {
  test('turning billing documents off turns pay-balance off with it', () => {
    const next = withClientPermission(base, 'billingDocuments', false);
    assert.deepEqual(next.client, { appointmentRequests: true, secureMessaging: true, billingDocuments: false, payBalance: false });
    assert.equal(base.client.payBalance, true, 'input untouched');
  });
  test('other permissions change alone', () => {
    assert.deepEqual(withClientPermission(base, 'appointmentRequests', false).client, { ...base.client, appointmentRequests: false });
  });
});

describe('permissionChanges', () => {
  test('none between equal sets', () => {
    assert.deepEqual(permissionChanges(base, draftOf(base)), []);
  });
  test('lists client permissions, groups, and enrolled / removed portal users, with stable ids', () => {
    let after = withClientPermission(base, 'billingDocuments', false);
    after = withGroup(after, 'ct_mom', 'billing', true);
    after = { ...after, portalUsers: [...after.portalUsers.filter((u) => u.contactId !== 'ct_dad'), { contactId: 'ct_aunt', groups }] };
    const changes = permissionChanges(base, after);
    assert.deepEqual(changes.map(changeId), [
      'client.billingDocuments',
      'client.payBalance',
      'portalUsers.ct_mom.billing',
      'portalUsers.ct_aunt',
      'portalUsers.ct_dad',
    ]);
    assert.deepEqual(changes[0], { kind: 'client', key: 'billingDocuments', from: true, to: false });
    assert.deepEqual(changes[3], { kind: 'portal-user-added', contactId: 'ct_aunt' });
    assert.deepEqual(changes[4], { kind: 'portal-user-removed', contactId: 'ct_dad' });
  });
});

describe('mergePermissions', () => {
  test('keeps their changes and re-applies mine when they touch different settings', () => {
    const theirs = withGroup(withClientPermission(base, 'appointmentRequests', false), 'ct_dad', 'scheduling', true);
    const mine = withGroup(withClientPermission(base, 'secureMessaging', false), 'ct_mom', 'messaging', true);
    const { merged, undone, dropped } = mergePermissions(base, theirs, mine);
    assert.deepEqual(merged.client, { appointmentRequests: false, secureMessaging: false, billingDocuments: true, payBalance: true });
    assert.equal(merged.portalUsers.find((u) => u.contactId === 'ct_mom')!.groups.messaging, true);
    assert.equal(merged.portalUsers.find((u) => u.contactId === 'ct_dad')!.groups.scheduling, true);
    assert.deepEqual(undone, []);
    assert.deepEqual(dropped, []);
  });

  test('a setting only they changed keeps their value; one only I changed keeps mine', () => {
    const theirs = withGroup(base, 'ct_mom', 'billing', true);
    const mine = withGroup(base, 'ct_mom', 'basic', false);
    const groupsAfter = mergePermissions(base, theirs, mine).merged.portalUsers[0]!.groups;
    assert.equal(groupsAfter.billing, true);
    assert.equal(groupsAfter.basic, false);
  });

  test('my re-applied change wins over theirs on the same setting (both can only flip it the same way)', () => {
    const theirs = withClientPermission(base, 'secureMessaging', false);
    const mine = withClientPermission(base, 'secureMessaging', false);
    assert.deepEqual(mergePermissions(base, theirs, mine).merged.client.secureMessaging, false);
  });

  test('never changes its inputs', () => {
    const theirs = withGroup(base, 'ct_mom', 'billing', true);
    const mine = withGroup(base, 'ct_mom', 'basic', false);
    const snapshot = JSON.stringify([base, theirs, mine]);
    mergePermissions(base, theirs, mine).merged.portalUsers[0]!.groups.scheduling = true;
    assert.equal(JSON.stringify([base, theirs, mine]), snapshot);
  });

  test('when the dependency rule undoes my pay-balance change on their version, it is reported', () => {
    const b = withClientPermission(base, 'payBalance', false);
    const theirs = withClientPermission(b, 'billingDocuments', false);
    const mine = withClientPermission(b, 'payBalance', true);
    const { merged, undone } = mergePermissions(b, theirs, mine);
    assert.equal(merged.client.payBalance, false);
    assert.equal(merged.client.billingDocuments, false);
    assert.deepEqual(undone, [{ kind: 'client', key: 'payBalance', from: false, to: true }]);
  });

  test('portal users enrolled elsewhere appear; my edits for a user removed elsewhere are reported as dropped', () => {
    const theirs: PermissionDraft = { ...base, portalUsers: [{ contactId: 'ct_mom', groups }, { contactId: 'ct_aunt', groups: { ...groups, billing: true } }] };
    const mine = withGroup(withGroup(base, 'ct_dad', 'messaging', true), 'ct_mom', 'scheduling', true);
    const { merged, dropped, undone } = mergePermissions(base, theirs, mine);
    assert.deepEqual(
      merged.portalUsers.map((u) => u.contactId),
      ['ct_mom', 'ct_aunt'],
    );
    assert.equal(merged.portalUsers[0]!.groups.scheduling, true);
    assert.equal(merged.portalUsers[1]!.groups.billing, true);
    assert.deepEqual(dropped, [{ kind: 'group', contactId: 'ct_dad', group: 'messaging', from: false, to: true }]);
    assert.deepEqual(undone, []);
  });
});
