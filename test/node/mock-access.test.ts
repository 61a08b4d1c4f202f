/// <reference types="node" />
// Portal access, practice, permissions and contacts rules of the mock (msw setupServer in this process).
import { after, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { OperationName } from '../../src/api/operations.js';
import type { ClientPermissions, ClientSummary, Contact, PortalAccess, PracticeSettings, SignInPin } from '../../src/schemas/index.js';
import { createNodeMock } from '../../mock-server/node.js';
import { assertOk, assertProblem, callOperation, type CallInit } from '../../mock-server/testing.js';

const BASE = 'https://portal.test/api/portal';
const NOW = '2025-06-16T12:00:00.000Z';
const mock = createNodeMock({ now: NOW });
const api = (name: OperationName, init?: CallInit) => callOperation(BASE, name, init);
const client = (clientId: string) => ({ params: { clientId } });
/** A client's path plus `If-Match` with its portal access version as it is now. */
const current = (clientId: string) => ({ params: { clientId }, ifMatch: mock.store.client(clientId)!.access.version });

after(() => mock.close());
beforeEach(() => {
  mock.store.setNow(NOW);
  mock.reset('default');
});

describe('auth, routing, headers', () => {
  it('401 without a bearer token, or an empty one', async () => {
    assertProblem(await api('getPractice', { token: null }), 401, 'unauthorized');
    const res = await api('getPractice', { headers: { Authorization: 'Bearer ' }, token: null });
    assertProblem(res, 401, 'unauthorized');
    assert.equal(res.headers.get('www-authenticate'), 'Bearer');
    assertProblem(await api('getPractice', { headers: { Authorization: 'Basic abc' }, token: null }), 401, 'unauthorized');
  });

  it('404 for an unknown client, an unknown route; 405 for a known route with another method', async () => {
    assertProblem(await api('getClient', client('cl_nobody')), 404, 'not_found');
    const r = await fetch(`${BASE}/nothing-here`, { headers: { Authorization: 'Bearer t' } });
    assert.equal(r.status, 404);
    const m = await fetch(`${BASE}/practice`, { method: 'DELETE', headers: { Authorization: 'Bearer t' } });
    assert.equal(m.status, 405);
    assert.match(m.headers.get('allow') ?? '', /GET/);
  });

  it('versioned resources carry ETag "<version>" and Cache-Control: no-store', async () => {
    const res = await api('getPortalAccess', client('cl_active'));
    assertOk('getPortalAccess', res);
    assert.equal(res.headers.get('etag'), `"${(res.body as PortalAccess).version}"`);
    assert.ok(res.headers.get('x-request-id'));
  });
});

describe('practice', () => {
  it('updatePractice needs If-Match: missing → 428, stale → 412, current → 200 with the new ETag', async () => {
    assertProblem(await api('updatePractice', { body: { portalEnabled: false } }), 428, 'precondition_required');
    const stale = await api('updatePractice', { body: { portalEnabled: false }, ifMatch: 99 });
    assertProblem(stale, 412, 'stale_version');
    assert.equal(stale.headers.get('etag'), '"1"');
    const ok = await api('updatePractice', { body: { portalEnabled: false }, ifMatch: 1 });
    assertOk('updatePractice', ok);
    assert.equal((ok.body as PracticeSettings).portalEnabled, false);
    assert.equal(ok.headers.get('etag'), '"2"');
    assertProblem(await api('updatePractice', { body: { portalEnabled: true }, ifMatch: 1 }), 412, 'stale_version');
    // One strong ETag only: `*`, weak ETags and lists break the documented header pattern → 400.
    for (const ifMatch of ['*', 'W/"2"', '"2", "3"', '2', '"2']) {
      const res = assertProblem(await api('updatePractice', { body: { portalEnabled: true }, ifMatch }), 400, 'bad_request');
      assert.deepEqual(res.errors?.map((e) => e.path), ['If-Match'], ifMatch);
    }
    assert.equal(mock.store.practice.portalEnabled, false, 'nothing changed');
    assertOk('updatePractice', await api('updatePractice', { body: { portalEnabled: true }, ifMatch: ' "2" ' }));
  });

  it('portal off for the practice: invitations, contact invitations, PINs, documents → 409 portal_off_for_practice', async () => {
    mock.reset('portal-off');
    assertProblem(await api('sendInvitation', { ...client('cl_not_invited'), body: {} }), 409, 'portal_off_for_practice');
    assertProblem(await api('sendInvitation', { ...client('cl_disabled'), body: {} }), 409, 'portal_off_for_practice');
    assertProblem(await api('createSignInPin', client('cl_active')), 409, 'portal_off_for_practice');
    assertProblem(await api('inviteContact', { params: { clientId: 'cl_minor_guardian', contactId: 'ct_minor_g_father' }, body: {} }), 409, 'portal_off_for_practice');
    assertProblem(await api('assignDocuments', { ...client('cl_active'), body: { templateIds: ['tpl_phq9'] } }), 409, 'portal_off_for_practice');
    assertProblem(await api('remindDocument', { params: { clientId: 'cl_invited', documentId: 'doc_invited_1' } }), 409, 'portal_off_for_practice');
    assertProblem(await api('changePortalEmail', { ...current('cl_bounced'), body: { email: 'emery.typo@gmail.com', scope: 'portal', consent: true, disableAndResend: true } }), 409, 'portal_off_for_practice');
    // Nothing was written or sent.
    assert.equal(mock.store.emails.length, 0);
    assert.equal(mock.store.client('cl_bounced')!.access.email, 'emery.typo@gmial.com');
  });
});

describe('invitations', () => {
  it('first invitation: not_invited → invited, one email, delivered', async () => {
    const res = await api('sendInvitation', { ...client('cl_not_invited'), body: { message: 'Welcome!' } });
    assertOk('sendInvitation', res);
    const access = res.body as PortalAccess;
    assert.equal(access.state, 'invited');
    assert.equal(access.email, 'casey.placeholder@example.com');
    assert.equal(access.invitations.length, 1);
    assert.equal(access.invitations[0]!.delivery, 'delivered');
    assert.equal(access.invitations[0]!.message, 'Welcome!');
    assert.equal(Date.parse(access.invitations[0]!.expiresAt) - Date.parse(NOW), 7 * 86_400_000);
    assert.deepEqual(mock.store.emails.map((e) => [e.kind, e.to, e.clientId]), [['invitation', 'casey.placeholder@example.com', 'cl_not_invited']]);
    assert.equal(res.headers.get('etag'), `"${access.version}"`);
  });

  it('an empty body is an empty InvitationRequest', async () => {
    const r = await fetch(`${BASE}/clients/cl_not_invited/portal-access/invitations`, { method: 'POST', headers: { Authorization: 'Bearer t' } });
    assert.equal(r.status, 201);
  });

  it('resend within the cooldown → 429 resend_cooldown with retryAfterSeconds and Retry-After; after it → resent', async () => {
    assertOk('sendInvitation', await api('sendInvitation', { ...client('cl_not_invited'), body: {} }));
    mock.store.advance(4 * 60_000);
    const res = await api('sendInvitation', { ...client('cl_not_invited'), body: {} });
    const p = assertProblem(res, 429, 'resend_cooldown');
    assert.equal(p.retryAfterSeconds, 6 * 60);
    assert.equal(res.headers.get('retry-after'), String(6 * 60));
    mock.store.advance(6 * 60_000);
    const again = await api('sendInvitation', { ...client('cl_not_invited'), body: {} });
    assertOk('sendInvitation', again);
    assert.equal((again.body as PortalAccess).invitations.length, 2);
  });

  it('a portal user keeps the 10 most recent invitations: an answer never holds more than the list maximum', async () => {
    /** Calls, checks the answer fits its schema (at most 10 invitations), returns its body. */
    const ok = async <T>(name: OperationName, init: CallInit): Promise<T> => {
      const res = await api(name, init);
      assertOk(name, res);
      return res.body as T;
    };
    const sent: string[] = [];
    for (let i = 0; i < 12; i++) {
      sent.push((await ok<PortalAccess>('sendInvitation', { ...client('cl_not_invited'), body: {} })).invitations.at(-1)!.id);
      mock.store.advance(11 * 60_000);
    }
    const kept = (await ok<PortalAccess>('getPortalAccess', client('cl_not_invited'))).invitations;
    assert.deepEqual(kept.map((i) => i.id), sent.slice(2), 'the oldest two dropped');

    const body = { firstName: 'Sam', lastName: 'Lee', relationship: 'other', legalGuardian: false, emails: [{ address: 'sam.lee@example.com', consent: true, primary: true }] };
    const { id: contactId } = await ok<Contact>('createContact', { ...client('cl_active'), body });
    for (let i = 0; i < 12; i++) {
      await ok<Contact>('inviteContact', { params: { clientId: 'cl_active', contactId }, body: {} });
      mock.store.advance(11 * 60_000);
    }
    const contact = (await ok<Contact[]>('listContacts', client('cl_active'))).find((c) => c.id === contactId)!;
    assert.equal(contact.portalUser.invitations.length, 10);
  });

  it('resend to a client who never signed in (cl_invited) is allowed', async () => {
    assertOk('sendInvitation', await api('sendInvitation', { ...client('cl_invited'), body: {} }));
  });

  it('after a first sign-in → 409 already_signed_in', async () => {
    assertProblem(await api('sendInvitation', { ...client('cl_active'), body: {} }), 409, 'already_signed_in');
    assertProblem(await api('sendInvitation', { ...client('cl_minor_guardian'), body: {} }), 409, 'already_signed_in');
  });

  it('no consented email → 422 no_consented_email', async () => {
    assertProblem(await api('sendInvitation', { ...client('cl_no_consent'), body: {} }), 422, 'no_consented_email');
    assert.equal(mock.store.emails.length, 0);
  });

  it('minor without a legal guardian → 409 no_legal_guardian', async () => {
    assertProblem(await api('sendInvitation', { ...client('cl_minor_no_guardian'), body: {} }), 409, 'no_legal_guardian');
  });

  it('minor with a legal guardian added: the invitation goes to the guardian, who is enrolled', async () => {
    const created = await api('createContact', {
      ...client('cl_minor_no_guardian'),
      body: { firstName: 'Quinn', lastName: 'Junior', relationship: 'guardian', legalGuardian: true, emails: [{ address: 'quinn.junior@example.com', consent: true, primary: true }] },
    });
    assertOk('createContact', created);
    const res = await api('sendInvitation', { ...client('cl_minor_no_guardian'), body: {} });
    assertOk('sendInvitation', res);
    assert.deepEqual((res.body as PortalAccess).invitations.map((i) => i.to), ['quinn.junior@example.com']);
    assert.deepEqual(mock.store.emails.map((e) => e.to), ['quinn.junior@example.com']);
    const contacts = (await api('listContacts', client('cl_minor_no_guardian'))).body as Contact[];
    assert.equal(contacts.find((c) => c.id === (created.body as Contact).id)!.portalUser.state, 'invited');
    const perms = (await api('getPermissions', client('cl_minor_no_guardian'))).body as ClientPermissions;
    assert.ok(perms.portalUsers.some((u) => u.contactId === (created.body as Contact).id && u.groups.basic));
  });

  it('sending an invitation to a disabled client re-enables access (state invited)', async () => {
    const res = await api('sendInvitation', { ...client('cl_disabled'), body: {} });
    assertOk('sendInvitation', res);
    const access = res.body as PortalAccess;
    assert.equal(access.state, 'invited');
    assert.equal(access.disabledAt, null);
  });

  it('bounce simulation: an invitation to the typo address bounces; the fixed address is delivered', async () => {
    const res = await api('sendInvitation', { ...client('cl_bounced'), body: {} });
    assertOk('sendInvitation', res);
    assert.equal((res.body as PortalAccess).invitations.at(-1)!.delivery, 'bounced');
    assert.equal(mock.store.emails.at(-1)!.delivery, 'bounced');
    mock.store.advance(11 * 60_000);
    const fixed = await api('changePortalEmail', { ...current('cl_bounced'), body: { email: 'emery.typo@gmail.com', scope: 'primary', consent: true, disableAndResend: true } });
    assertOk('changePortalEmail', fixed);
    const last = (fixed.body as PortalAccess).invitations.at(-1)!;
    assert.deepEqual([last.to, last.delivery], ['emery.typo@gmail.com', 'delivered']);
  });

  it('anything at @bounce.test bounces', async () => {
    assertOk('changePortalEmail', await api('changePortalEmail', { ...current('cl_not_invited'), body: { email: 'casey@bounce.test', scope: 'portal', consent: true, disableAndResend: false } }));
    const res = await api('sendInvitation', { ...client('cl_not_invited'), body: {} });
    assert.equal((res.body as PortalAccess).invitations[0]!.delivery, 'bounced');
  });
});

describe('portal email, disable, PIN', () => {
  it('changing to an address without consent → 422 no_consented_email; nothing changes', async () => {
    const before = mock.store.client('cl_active')!.access.version;
    assertProblem(await api('changePortalEmail', { ...current('cl_active'), body: { email: 'new@example.com', scope: 'portal', consent: false, disableAndResend: false } }), 422, 'no_consented_email');
    // An address the client has but without consent is refused too.
    assertProblem(await api('changePortalEmail', { ...current('cl_active'), body: { email: 'avery.work@example.com', scope: 'portal', consent: false, disableAndResend: false } }), 422, 'no_consented_email');
    assert.equal(mock.store.client('cl_active')!.access.version, before);
  });

  it("scope 'portal' changes only the sign-in address; scope 'primary' changes the client's primary email", async () => {
    const portal = await api('changePortalEmail', { ...current('cl_active'), body: { email: 'avery.portal@example.com', scope: 'portal', consent: true, disableAndResend: false } });
    assertOk('changePortalEmail', portal);
    assert.equal((portal.body as PortalAccess).email, 'avery.portal@example.com');
    let summary = (await api('getClient', client('cl_active'))).body as ClientSummary;
    assert.equal(summary.emails.find((e) => e.primary)!.address, 'avery.testwood@example.com');

    const primary = await api('changePortalEmail', { ...current('cl_active'), body: { email: 'avery.new@example.com', scope: 'primary', consent: true, disableAndResend: false } });
    assertOk('changePortalEmail', primary);
    summary = (await api('getClient', client('cl_active'))).body as ClientSummary;
    assert.deepEqual(summary.emails.filter((e) => e.primary).map((e) => e.address), ['avery.new@example.com']);
    assert.equal((primary.body as PortalAccess).state, 'active');
    assert.equal(mock.store.emails.length, 0);
  });

  it('Disable and Resend: access at the old address ends, the new address is invited', async () => {
    const res = await api('changePortalEmail', { ...current('cl_active'), body: { email: 'avery.new@example.com', scope: 'primary', consent: true, disableAndResend: true } });
    assertOk('changePortalEmail', res);
    const access = res.body as PortalAccess;
    assert.equal(access.state, 'invited');
    assert.equal(access.email, 'avery.new@example.com');
    assert.equal(access.invitations.at(-1)!.to, 'avery.new@example.com');
    assert.deepEqual(mock.store.emails.map((e) => [e.kind, e.to]), [['invitation', 'avery.new@example.com']]);
  });

  it('email changes and disabling need the access version read: 428 without it, 412 when stale, nothing written', async () => {
    const body = { email: 'avery.portal@example.com', scope: 'portal', consent: true, disableAndResend: false } as const;
    assertProblem(await api('changePortalEmail', { ...client('cl_active'), body }), 428, 'precondition_required');
    assertProblem(await api('disablePortalAccess', client('cl_active')), 428, 'precondition_required');
    const read = mock.store.client('cl_active')!.access.version;
    // Someone else changes the portal email first.
    assertOk('changePortalEmail', await api('changePortalEmail', { ...client('cl_active'), body, ifMatch: read }));
    const stale = await api('disablePortalAccess', { ...client('cl_active'), ifMatch: read });
    assertProblem(stale, 412, 'stale_version');
    assert.equal(stale.headers.get('etag'), `"${read + 1}"`);
    assertProblem(await api('changePortalEmail', { ...client('cl_active'), body: { ...body, email: 'avery.other@example.com' }, ifMatch: read }), 412, 'stale_version');
    const access = mock.store.client('cl_active')!.access;
    assert.deepEqual([access.state, access.email, access.version], ['active', 'avery.portal@example.com', read + 1]);
  });

  it('disable → state disabled', async () => {
    const res = await api('disablePortalAccess', current('cl_active'));
    assertOk('disablePortalAccess', res);
    assert.equal((res.body as PortalAccess).state, 'disabled');
    assert.equal((res.body as PortalAccess).disabledAt, NOW);
  });

  it('PIN: 6 digits, expires in 15 minutes; disabled → 409 access_disabled; never invited → 403', async () => {
    const res = await api('createSignInPin', client('cl_active'));
    assertOk('createSignInPin', res);
    const pin = res.body as SignInPin;
    assert.match(pin.pin, /^\d{6}$/);
    assert.equal(Date.parse(pin.expiresAt) - Date.parse(NOW), 15 * 60_000);
    assert.equal(JSON.stringify(mock.store.client('cl_active')!.pins).includes(pin.pin), false, 'only a hash is kept');
    assertProblem(await api('createSignInPin', client('cl_disabled')), 409, 'access_disabled');
    assertProblem(await api('createSignInPin', client('cl_not_invited')), 403, 'forbidden');
  });
});

describe('permissions', () => {
  const flags = { appointmentRequests: true, secureMessaging: false, billingDocuments: true, payBalance: true };

  it('PUT needs If-Match: missing → 428, stale → 412', async () => {
    assertProblem(await api('updatePermissions', { ...client('cl_active'), body: { client: flags, portalUsers: [] } }), 428, 'precondition_required');
    assertProblem(await api('updatePermissions', { ...client('cl_active'), body: { client: flags, portalUsers: [] }, ifMatch: 7 }), 412, 'stale_version');
  });

  it('saves with the current version; the version and ETag move on', async () => {
    const res = await api('updatePermissions', { ...client('cl_active'), body: { client: flags, portalUsers: [] }, ifMatch: 1 });
    assertOk('updatePermissions', res);
    assert.deepEqual((res.body as ClientPermissions).client, flags);
    assert.equal(res.headers.get('etag'), '"2"');
  });

  it('pay balance without billing documents → 422 pay_balance_requires_billing_documents', async () => {
    const res = await api('updatePermissions', { ...client('cl_active'), body: { client: { ...flags, billingDocuments: false }, portalUsers: [] }, ifMatch: 1 });
    assertProblem(res, 422, 'pay_balance_requires_billing_documents');
  });

  it('pay balance without an online-payments account → 409 no_payments_account', async () => {
    mock.reset('no-payments-account');
    assertProblem(await api('updatePermissions', { ...client('cl_active'), body: { client: flags, portalUsers: [] }, ifMatch: 1 }), 409, 'no_payments_account');
    assertOk('updatePermissions', await api('updatePermissions', { ...client('cl_active'), body: { client: { ...flags, payBalance: false }, portalUsers: [] }, ifMatch: 1 }));
  });

  it('portal users: groups of enrolled contacts change; unknown ones → 400', async () => {
    const groups = { basic: true, messaging: false, documents: true, scheduling: false, billing: true };
    const ok = await api('updatePermissions', { ...client('cl_minor_guardian'), body: { client: { ...flags, payBalance: false }, portalUsers: [{ contactId: 'ct_minor_g_mother', groups }] }, ifMatch: 1 });
    assertOk('updatePermissions', ok);
    assert.deepEqual((ok.body as ClientPermissions).portalUsers, [{ contactId: 'ct_minor_g_mother', groups }]);
    const bad = await api('updatePermissions', { ...client('cl_minor_guardian'), body: { client: flags, portalUsers: [{ contactId: 'ct_minor_g_father', groups }] }, ifMatch: 2 });
    const p = assertProblem(bad, 400, 'bad_request');
    assert.equal(p.errors![0]!.path, '$.portalUsers[0].contactId');
  });
});

describe('contacts', () => {
  const input = { firstName: 'Sam', lastName: 'Helper', relationship: 'caregiver', legalGuardian: false, emails: [{ address: 'sam.helper@example.com', consent: true, primary: true }] };

  it('create → 201 with ETag; update needs If-Match; remove needs If-Match', async () => {
    const created = await api('createContact', { ...client('cl_active'), body: input });
    assertOk('createContact', created);
    const c = created.body as Contact;
    assert.equal(c.portalUser.state, 'not_enrolled');
    assert.equal(created.headers.get('etag'), `"${c.version}"`);
    const params = { clientId: 'cl_active', contactId: c.id };
    assertProblem(await api('updateContact', { params, body: { ...input, lastName: 'Helps' } }), 428, 'precondition_required');
    assertProblem(await api('updateContact', { params, body: { ...input, lastName: 'Helps' }, ifMatch: c.version + 1 }), 412, 'stale_version');
    const updated = await api('updateContact', { params, body: { ...input, lastName: 'Helps' }, ifMatch: c.version });
    assertOk('updateContact', updated);
    assert.equal((updated.body as Contact).lastName, 'Helps');
    assertProblem(await api('removeContact', { params }), 428, 'precondition_required');
    assertProblem(await api('removeContact', { params, ifMatch: c.version }), 412, 'stale_version');
    assertOk('removeContact', await api('removeContact', { params, ifMatch: (updated.body as Contact).version }));
    // Removed by someone else first: the precondition fails (412), whatever version was sent.
    assertProblem(await api('removeContact', { params, ifMatch: (updated.body as Contact).version }), 412, 'stale_version');
    assertProblem(await api('updateContact', { params, body: input, ifMatch: (updated.body as Contact).version }), 412, 'stale_version');
    assertProblem(await api('removeContact', { params }), 428, 'precondition_required');
    // A contact that never existed is still 404.
    assertProblem(await api('removeContact', { params: { clientId: 'cl_active', contactId: 'ct_nobody' }, ifMatch: 1 }), 404, 'not_found');
  });

  it('racing removals with the same If-Match: one 204, every other 412 stale_version', async () => {
    const params = { clientId: 'cl_active', contactId: 'ct_active_spouse' };
    const version = mock.store.client('cl_active')!.contacts.find((c) => c.id === params.contactId)!.version;
    const answers = await Promise.all([1, 2, 3, 4].map(() => api('removeContact', { params, ifMatch: version })));
    assert.deepEqual(answers.map((a) => a.status).sort(), [204, 412, 412, 412]);
    for (const a of answers.filter((x) => x.status === 412)) assertProblem(a, 412, 'stale_version');
  });

  it("removing a contact removes their portal-user permissions", async () => {
    const params = { clientId: 'cl_minor_guardian', contactId: 'ct_minor_g_mother' };
    assertOk('removeContact', await api('removeContact', { params, ifMatch: 1 }));
    const perms = (await api('getPermissions', client('cl_minor_guardian'))).body as ClientPermissions;
    assert.deepEqual(perms.portalUsers, []);
    assert.equal(perms.version, 2);
  });

  it('inviteContact enrolls a guardian: not_enrolled → invited, default groups, one email', async () => {
    const res = await api('inviteContact', { params: { clientId: 'cl_minor_guardian', contactId: 'ct_minor_g_father' }, body: { message: 'Hello' } });
    assertOk('inviteContact', res);
    const c = res.body as Contact;
    assert.equal(c.portalUser.state, 'invited');
    assert.equal(c.portalUser.email, 'kai.minor@example.com');
    const perms = (await api('getPermissions', client('cl_minor_guardian'))).body as ClientPermissions;
    assert.deepEqual(perms.portalUsers.find((u) => u.contactId === 'ct_minor_g_father')!.groups, { basic: true, messaging: false, documents: true, scheduling: false, billing: false });
    assert.deepEqual(mock.store.emails.map((e) => [e.kind, e.to, e.contactId]), [['invitation', 'kai.minor@example.com', 'ct_minor_g_father']]);
    // Same rules as client invitations: cooldown, then already signed in for the active mother.
    assertProblem(await api('inviteContact', { params: { clientId: 'cl_minor_guardian', contactId: 'ct_minor_g_father' }, body: {} }), 429, 'resend_cooldown');
    assertProblem(await api('inviteContact', { params: { clientId: 'cl_minor_guardian', contactId: 'ct_minor_g_mother' }, body: {} }), 409, 'already_signed_in');
  });

  it('inviteContact without a consented email → 422 no_consented_email', async () => {
    const created = await api('createContact', { ...client('cl_active'), body: { ...input, emails: [{ address: 'sam@example.com', consent: false, primary: true }] } });
    assertProblem(await api('inviteContact', { params: { clientId: 'cl_active', contactId: (created.body as Contact).id }, body: {} }), 422, 'no_consented_email');
    assertProblem(await api('inviteContact', { params: { clientId: 'cl_active', contactId: 'ct_nobody' }, body: {} }), 404, 'not_found');
  });
});
