import type { ClientPermissionFlags, PracticeSettings, ProblemCode } from '../schemas/index.js';

export type PayBalanceBlocker = 'billing_documents_off' | 'no_payments_account';

/**
 * Why "Pay outstanding balance" cannot be on, in the order a person has to fix them: first the
 * practice needs an active online-payments account, then billing documents must be accessible.
 */
export function payBalanceBlockers(flags: Pick<ClientPermissionFlags, 'billingDocuments'>, practice: Pick<PracticeSettings, 'onlinePayments'>): PayBalanceBlocker[] {
  const blockers: PayBalanceBlocker[] = [];
  if (practice.onlinePayments !== 'active') blockers.push('no_payments_account');
  if (!flags.billingDocuments) blockers.push('billing_documents_off');
  return blockers;
}

/** Applies the dependency rule to an edit: turning billing documents off turns pay-balance off with it. */
export function withDependentPermissions(flags: ClientPermissionFlags): ClientPermissionFlags {
  return flags.billingDocuments ? flags : { ...flags, payBalance: false };
}

/** Every code `permissionProblem` can answer. */
export const PERMISSION_PROBLEMS = ['pay_balance_requires_billing_documents', 'no_payments_account'] as const satisfies readonly ProblemCode[];

/** The problem a permission set breaks, or null when the server may store it. */
export function permissionProblem(flags: ClientPermissionFlags, practice: Pick<PracticeSettings, 'onlinePayments'>): (typeof PERMISSION_PROBLEMS)[number] | null {
  if (!flags.payBalance) return null;
  if (!flags.billingDocuments) return 'pay_balance_requires_billing_documents';
  if (practice.onlinePayments !== 'active') return 'no_payments_account';
  return null;
}
