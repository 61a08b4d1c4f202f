/**
 * rules: every domain rule of docs/api.md the fixtures make reachable answers its documented status
 * and code. What a request must answer is decided by the SDK's domain functions (src/domain) over
 * the record as the backend reports it, so a fixture in another state than its name says is
 * reported as such instead of as a backend bug.
 */
import { INSURANCE_IMAGE_MAX_BYTES, type ProblemCode } from '../../src/schemas/index.js';
import { insuranceImageProblem } from '../../src/domain/insurance-image.js';
import { fail, skip, type Check } from '../check.js';
import type { CheckContext } from '../context.js';
import { expectProblem, expectSuccess } from '../contract.js';
import { expectedAssignment, expectedInvitation, expectedPayment, expectedPermissions, expectedReminder, expectOutcome, type Expected } from '../expected.js';
import type { ClientState } from '../fixtures.js';
import { TINY_PNG } from '../shared.js';

/** The rule a fixture state exists for must be what the domain predicts; otherwise the fixture is wrong. */
function stateGives(state: ClientState | string, clientId: string, expected: Expected, wanted: readonly ProblemCode[]): void {
  if (expected !== null && wanted.includes(expected)) return;
  if (expected === 'portal_off_for_practice') skip(`the practice has the portal turned off: ${wanted.join('/')} is not reachable (every such request answers portal_off_for_practice)`);
  fail(`fixture ${state} (${clientId}) is not in that state: by the rules it answers ${expected ?? 'success'}, not ${wanted.length ? wanted.join(' or ') : 'success'}; fix the fixtures file or the record`);
}

function rule(id: string, title: string, remedy: string, run: Check['run'], doc: Check['doc'] = 'errors'): Check {
  return { id: `rules.${id}`, group: 'rules', title, remedy, doc, run };
}

async function invitationRule(ctx: CheckContext, state: ClientState, code: ProblemCode): Promise<void> {
  const clientId = ctx.client(state);
  ctx.mayWrite(clientId);
  const expected = await expectedInvitation(ctx, clientId);
  stateGives(state, clientId, expected, [code]);
  const before = await ctx.access(clientId);
  expectProblem(await ctx.probe.call('sendInvitation', { params: { clientId }, body: {} }), code);
  const after = await ctx.access(clientId);
  if (after.version !== before.version || after.invitations.length !== before.invitations.length) fail(`sendInvitation answered ${code} but portal access changed`);
}

/** A PNG of exactly `bytes` bytes (the header of a real one, then zeros). */
function pngOfSize(bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  out.set(TINY_PNG);
  return out;
}

export const ruleChecks: Check[] = [
  rule('resend-after-sign-in', 'a resend after the first sign-in answers 409 already_signed_in', 'Refuse invitations once the client has signed in (firstSignInAt set) with 409 already_signed_in; the widget offers the portal link.', (ctx) =>
    invitationRule(ctx, 'adultSignedIn', 'already_signed_in'),
  ),
  rule('no-consented-email', 'an invitation without a consented email answers 422 no_consented_email', 'Invite only addresses with consent ("Email ok"); otherwise answer 422 no_consented_email.', (ctx) => invitationRule(ctx, 'emailWithoutConsent', 'no_consented_email')),
  rule('minor-without-guardian', 'inviting a minor with no legal guardian answers 409 no_legal_guardian', 'For a minor, send portal emails to legal guardians; with none on the profile answer 409 no_legal_guardian.', (ctx) =>
    invitationRule(ctx, 'minorWithoutGuardian', 'no_legal_guardian'),
  ),
  rule('resend-cooldown', 'a second invitation within the cooldown answers 429 resend_cooldown with Retry-After', 'Refuse a second invitation to the same person within resendCooldownMinutes with 429 resend_cooldown, Retry-After and retryAfterSeconds.', async (ctx) => {
    const clientId = ctx.client('invitedNeverSignedIn');
    ctx.mayWrite(clientId);
    const expected = await expectedInvitation(ctx, clientId);
    if (expected !== null) stateGives('invitedNeverSignedIn', clientId, expected, ['resend_cooldown']);
    else expectSuccess(await ctx.probe.call('sendInvitation', { params: { clientId }, body: {} }), 'sendInvitation');
    const practice = await ctx.practice();
    if (practice.resendCooldownMinutes <= 0) skip('the practice has no resend cooldown (resendCooldownMinutes is 0)');
    const ex = await ctx.probe.call('sendInvitation', { params: { clientId }, body: {} });
    expectProblem(ex, 'resend_cooldown');
    const seconds = Number(ex.headers.get('retry-after'));
    if (seconds > practice.resendCooldownMinutes * 60) fail(`Retry-After is ${seconds} s, longer than the ${practice.resendCooldownMinutes}-minute cooldown`);
    return expected ? 'already within the cooldown (an earlier invitation)' : `resent, then refused for ${seconds} s`;
  }),
  rule('minor-recipients', 'documents for a minor go to the legal guardians the rules name', 'Send a minor’s portal emails to every legal guardian with a consented address (and the minor’s own from minorOwnAccessAge); report them in recipients and emailsSent.', async (ctx) => {
    const clientId = ctx.client('minorWithGuardian');
    ctx.mayWrite(clientId);
    const templates = await ctx.read('listDocumentTemplates');
    if (!templates[0]) skip('listDocumentTemplates is empty');
    const plan = await expectedAssignment(ctx, clientId, 1);
    if (plan.expected) stateGives('minorWithGuardian', clientId, plan.expected, []);
    const ex = await ctx.probe.call('assignDocuments', { params: { clientId }, body: { templateIds: [templates[0].id] } });
    const result = expectSuccess(ex, 'assignDocuments');
    for (const doc of result.documents) expectSuccess(await ctx.probe.call('cancelDocument', { params: { clientId, documentId: doc.id } }), 'cancelDocument');
    const want = [...new Set(plan.recipients.map((r) => r.address.toLowerCase()))].sort();
    const got = [...new Set(result.recipients.map((r) => r.toLowerCase()))].sort();
    if (want.join() !== got.join()) fail(`assignDocuments sent to ${got.length} address(es), the rules name ${want.length} (the legal guardians with a consented email)`);
    if (result.emailsSent !== plan.emailCount) fail(`assignDocuments reports ${result.emailsSent} email(s), the rules count ${plan.emailCount}`);
    return `${want.length} guardian address(es)`;
  }),
  rule('access-disabled', 'a PIN for disabled access answers 409 access_disabled', 'Refuse sign-in PINs while access is disabled with 409 access_disabled (a new invitation re-enables it).', async (ctx) => {
    const clientId = ctx.client('disabled');
    ctx.mayWrite(clientId);
    const [access, practice] = await Promise.all([ctx.access(clientId), ctx.practice()]);
    if (access.state !== 'disabled') fail(`fixture disabled (${clientId}) has access state ${access.state}`);
    expectProblem(await ctx.probe.call('createSignInPin', { params: { clientId } }), practice.portalEnabled ? 'access_disabled' : 'portal_off_for_practice');
  }),
  rule('invitation-re-enables', 'an invitation to a disabled client re-enables access (then the kit disables it again)', 'Let sendInvitation re-enable disabled access: state invited, disabledAt null.', async (ctx) => {
    const clientId = ctx.client('disabled');
    ctx.mayWrite(clientId);
    const expected = await expectedInvitation(ctx, clientId);
    if (expected !== null) stateGives('disabled', clientId, expected, []);
    const access = expectSuccess(await ctx.probe.call('sendInvitation', { params: { clientId }, body: {} }), 'sendInvitation');
    // Back to the fixture's state, whatever the answer said.
    const now = await ctx.access(clientId);
    expectSuccess(await ctx.probe.call('disablePortalAccess', { params: { clientId }, ifMatch: now.version }), 'disablePortalAccess');
    if (access.state !== 'invited' || access.disabledAt !== null) fail(`sendInvitation to disabled access answered state ${access.state}${access.disabledAt ? ' with disabledAt set' : ''}, expected invited`);
  }),
  rule('pay-balance-needs-billing-documents', 'pay-balance without billing documents answers 422 and changes nothing', 'Refuse payBalance without billingDocuments with 422 pay_balance_requires_billing_documents (and write nothing).', async (ctx) => {
    const clientId = ctx.client('adultSignedIn');
    ctx.mayWrite(clientId);
    const current = await ctx.permissions(clientId);
    const flags = { ...current.client, billingDocuments: false, payBalance: true };
    const expected = await expectedPermissions(ctx, flags);
    if (expected === null) fail('the domain rule allows this permission set: the kit is out of date');
    expectProblem(await ctx.probe.call('updatePermissions', { params: { clientId }, body: { client: flags, portalUsers: current.portalUsers }, ifMatch: current.version }), expected);
    if ((await ctx.permissions(clientId)).version !== current.version) fail('updatePermissions answered 422 but the permissions changed');
  }),
  rule('pay-without-permission', 'paying without the pay-balance permission (or account) answers the documented refusal', 'Refuse payments by portal state, then account, then permission: 409 portal_off_for_practice, 409 no_payments_account, 403 missing_permission.', async (ctx) => {
    const clientId = ctx.client('withoutPayPermission');
    ctx.mayWrite(clientId);
    const target = { kind: 'balance' as const };
    const expected = await expectedPayment(ctx, clientId, target);
    stateGives('withoutPayPermission', clientId, expected, ['missing_permission', 'no_payments_account']);
    const ex = await ctx.probe.call('pay', { params: { clientId }, body: { target, source: { kind: 'saved_card', paymentMethodId: 'pm_conformance' } }, idempotencyKey: crypto.randomUUID() });
    expectProblem(ex, expected!);
    return expected!;
  }),
  rule('nothing-to-pay', 'paying the balance with nothing open answers 409 nothing_to_pay', 'Answer a payment of a zero balance (or no open invoice) with 409 nothing_to_pay, before touching the card.', async (ctx) => {
    const clientId = ctx.client('noOpenInvoices');
    ctx.mayWrite(clientId);
    const target = { kind: 'balance' as const };
    const expected = await expectedPayment(ctx, clientId, target);
    stateGives('noOpenInvoices', clientId, expected, ['nothing_to_pay']);
    const source = ctx.fixtures.cardToken
      ? { kind: 'new_card' as const, card: { token: ctx.fixtures.cardToken, brand: 'visa' as const, last4: '4242', expMonth: 12, expYear: ctx.serverNow().getUTCFullYear() + 3 }, saveCard: false }
      : { kind: 'saved_card' as const, paymentMethodId: 'pm_conformance' };
    expectProblem(await ctx.probe.call('pay', { params: { clientId }, body: { target, source }, idempotencyKey: crypto.randomUUID() }), 'nothing_to_pay');
  }),
  rule('invoice-not-payable', 'paying an invoice that is paid or not the client’s answers 409 invoice_not_payable', 'Pay whole open invoices shared with this client only; anything else answers 409 invoice_not_payable.', async (ctx) => {
    const clientId = ctx.client('openInvoices');
    ctx.mayWrite(clientId);
    const invoices = (await ctx.read('getInvoices', { clientId })).items;
    const paid = invoices.find((i) => i.status !== 'open');
    const target = { kind: 'invoices' as const, invoiceIds: [paid?.id ?? 'inv_conformance_not_this_clients'] };
    const expected = await expectedPayment(ctx, clientId, target, invoices);
    stateGives('openInvoices', clientId, expected, ['invoice_not_payable']);
    const methods = await ctx.read('getPaymentMethods', { clientId });
    const card = methods.cards.find((c) => c.isDefault) ?? methods.cards[0];
    const ex = await ctx.probe.call('pay', { params: { clientId }, body: { target, source: { kind: 'saved_card', paymentMethodId: card?.id ?? 'pm_conformance' } }, idempotencyKey: crypto.randomUUID() });
    expectProblem(ex, 'invoice_not_payable');
    return paid ? `a ${paid.status} invoice` : 'an unknown invoice id';
  }),
  rule('insurance-upload-without-method', 'an insurance card upload without an insurance method answers 409 no_insurance_method', 'Accept insurance card images only once the practice added an insurance method; otherwise 409 no_insurance_method.', async (ctx) => {
    const clientId = ctx.client('noInsuranceMethod');
    ctx.mayWrite(clientId);
    const methods = await ctx.read('getPaymentMethods', { clientId });
    if (methods.insurance.length) fail(`fixture noInsuranceMethod (${clientId}) has ${methods.insurance.length} insurance method(s)`);
    expectProblem(await ctx.probe.call('uploadInsuranceCard', { params: { clientId, side: 'front' }, rawBody: TINY_PNG, contentType: 'image/png' }), 'no_insurance_method');
  }),
  rule('unsupported-image', 'an insurance card that is not JPEG, PNG or WebP answers 415 unsupported_image', 'Accept image/jpeg, image/png and image/webp only; anything else answers 415 unsupported_image.', async (ctx) => {
    const clientId = ctx.client('insuranceMethod');
    ctx.mayWrite(clientId);
    const file = { type: 'application/pdf', size: 8, head: new TextEncoder().encode('%PDF-1.7') };
    const code = insuranceImageProblem(file);
    if (code !== 'unsupported_image') fail('the domain rule accepts a PDF: the kit is out of date');
    expectProblem(await ctx.probe.call('uploadInsuranceCard', { params: { clientId, side: 'back' }, rawBody: '%PDF-1.7', contentType: file.type }), code);
  }),
  rule('image-too-large', 'an insurance card over 5 MB answers 413 image_too_large', 'Refuse insurance card images over 5 MB with 413 image_too_large (not a proxy’s HTML page).', async (ctx) => {
    const clientId = ctx.client('insuranceMethod');
    ctx.mayWrite(clientId);
    const size = INSURANCE_IMAGE_MAX_BYTES + 1;
    const code = insuranceImageProblem({ type: 'image/png', size, head: TINY_PNG.subarray(0, 12) });
    if (code !== 'image_too_large') fail('the domain rule accepts this size: the kit is out of date');
    expectProblem(await ctx.probe.call('uploadInsuranceCard', { params: { clientId, side: 'back' }, rawBody: pngOfSize(size), contentType: 'image/png' }), code);
  }),
  rule('cancel-signed-document', 'cancelling a signed document answers 409 document_signed', 'Allow cancelling a document only until it is signed; then answer 409 document_signed.', async (ctx) => {
    const ref = ctx.document('signed');
    ctx.mayWrite(ref.clientId);
    const expected = await expectedReminder(ctx, ref);
    stateGives('documents.signed', ref.documentId, expected, ['document_signed']);
    expectProblem(await ctx.probe.call('cancelDocument', { params: ref }), 'document_signed');
  }),
  rule('remind-signed-document', 'a reminder for a signed document answers 409 document_signed', 'Refuse reminders for completed documents with 409 document_signed.', async (ctx) => {
    const ref = ctx.document('signed');
    ctx.mayWrite(ref.clientId);
    const expected = await expectedReminder(ctx, ref);
    stateGives('documents.signed', ref.documentId, expected, ['document_signed']);
    expectProblem(await ctx.probe.call('remindDocument', { params: ref }), 'document_signed');
  }),
  rule('reminder-cooldown', 'a second reminder within the cooldown answers 429 reminder_cooldown with Retry-After', 'Refuse a reminder for the same document within the cooldown with 429 reminder_cooldown, Retry-After and retryAfterSeconds.', async (ctx) => {
    const ref = ctx.document('unsigned');
    ctx.mayWrite(ref.clientId);
    const practice = await ctx.practice();
    if (practice.resendCooldownMinutes <= 0) skip('the practice has no cooldown (resendCooldownMinutes is 0)');
    const expected = await expectedReminder(ctx, ref);
    if (expected !== null) stateGives('documents.unsigned', ref.documentId, expected, ['reminder_cooldown']);
    else expectOutcome(await ctx.probe.call('remindDocument', { params: ref }), 'remindDocument', null);
    const ex = await ctx.probe.call('remindDocument', { params: ref });
    expectProblem(ex, 'reminder_cooldown');
    return expected ? 'already within the cooldown (an earlier reminder)' : `reminded, then refused for ${ex.headers.get('retry-after')} s`;
  }),
];
