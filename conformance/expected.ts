/**
 * What the documented answer is for a record in its current state, decided by the SDK's own
 * domain rules (src/domain: the functions the widgets and the mock server use) over data read
 * from the backend under test. The kit never keeps a second copy of a rule.
 */
import { assignmentPlan, type AssignmentPlan } from '../src/domain/assignment-plan.js';
import { invitationDecision, invitationRecipients, paymentAmount, paymentBlocker, permissionProblem, reminderDecision } from '../src/domain/index.js';
import type { OperationName } from '../src/api/operations.js';
import type { ClientPermissionFlags, IntakeDocument, Invoice, PaymentTarget, ProblemCode } from '../src/schemas/index.js';
import { fail } from './check.js';
import type { CheckContext } from './context.js';
import { expectProblem, expectSuccess } from './contract.js';
import type { Exchange } from './probe.js';

/** `null`: the request is allowed and must succeed; a code: the problem it must answer with. */
export type Expected = ProblemCode | null;

export async function expectedInvitation(ctx: CheckContext, clientId: string): Promise<Expected> {
  const [practice, access, summary, contacts] = await Promise.all([ctx.practice(), ctx.access(clientId), ctx.summary(clientId), ctx.contacts(clientId)]);
  const now = ctx.serverNow();
  const decision = invitationDecision(access, practice, now);
  if (!decision.allowed) return decision.code;
  return invitationRecipients(summary, access, contacts, practice, now).blocker;
}

export async function expectedAssignment(ctx: CheckContext, clientId: string, documents: number): Promise<AssignmentPlan & { expected: Expected }> {
  const [practice, access, summary, contacts] = await Promise.all([ctx.practice(), ctx.access(clientId), ctx.summary(clientId), ctx.contacts(clientId)]);
  const now = ctx.serverNow();
  const plan = assignmentPlan(documents, summary, access, contacts, practice, now);
  let expected: Expected = plan.blocker;
  if (!expected && plan.grantsAccess) {
    const decision = invitationDecision(access, practice, now);
    if (!decision.allowed) expected = decision.code;
  }
  return { ...plan, expected };
}

/** The document as the backend lists it (walks at most 50 pages of 200). */
export async function findDocument(ctx: CheckContext, clientId: string, documentId: string): Promise<IntakeDocument | null> {
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const ex = await ctx.probe.call('listDocuments', { params: { clientId }, query: { limit: 200, cursor } });
    const body = expectSuccess(ex, 'listDocuments');
    const doc = body.items.find((d) => d.id === documentId);
    if (doc) return doc;
    if (!body.nextCursor) return null;
    cursor = body.nextCursor;
  }
  return null;
}

export async function expectedReminder(ctx: CheckContext, ref: { clientId: string; documentId: string }): Promise<Expected> {
  const doc = await findDocument(ctx, ref.clientId, ref.documentId);
  if (!doc) fail(`listDocuments for ${ref.clientId} does not list the fixture document ${ref.documentId}: fix the fixtures or the list`);
  const practice = await ctx.practice();
  if (!practice.portalEnabled) return 'portal_off_for_practice';
  const decision = reminderDecision(doc, practice.resendCooldownMinutes, ctx.serverNow());
  return decision.allowed ? null : decision.code;
}

export async function expectedPayment(ctx: CheckContext, clientId: string, target: PaymentTarget, invoices?: readonly Invoice[]): Promise<Expected> {
  const [practice, permissions] = await Promise.all([ctx.practice(), ctx.permissions(clientId)]);
  const blocker = paymentBlocker(permissions.client, practice);
  if (blocker) return blocker;
  const items = invoices ?? (await ctx.read('getInvoices', { clientId })).items;
  const amount = paymentAmount(target, items);
  return amount.ok ? null : amount.code;
}

export async function expectedPermissions(ctx: CheckContext, flags: ClientPermissionFlags): Promise<Expected> {
  return permissionProblem(flags, await ctx.practice());
}

/** Asserts the answer is what the rule decided; returns the success body when it succeeded. */
export function expectOutcome<N extends OperationName>(ex: Exchange, name: N, expected: Expected): ReturnType<typeof expectSuccess<N>> | null {
  if (expected === null) return expectSuccess(ex, name);
  expectProblem(ex, expected);
  return null;
}
