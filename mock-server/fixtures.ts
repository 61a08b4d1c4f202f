/**
 * Named fixture clients with stable ids. Every date is relative to the store's clock at reset, and
 * nothing is random: generated data comes from a seeded sequence.
 */
import type {
  ClientEmail,
  ClientSummary,
  ClientPermissionFlags,
  ClientPermissions,
  Contact,
  DocumentTemplate,
  InsuranceMethod,
  IntakeDocument,
  Invitation,
  Payment,
  PortalAccess,
  PortalUserGroups,
  PracticeSettings,
} from '../src/schemas/index.js';
import { LARGE_PRACTICE_SIZE, PRACTICE_SIZE, practiceClients } from './overview-fixtures.js';
import { ClientRecord, seededRandom, type InsurancePayment, type StoredCard, type StoredDocument, type StoredInvoice, type WorldData } from './model.js';

// ---- worlds ------------------------------------------------------------------------------------

export const WORLDS = {
  default: { description: 'Portal on for the practice, online payments active.' },
  'portal-off': { description: 'The practice turned the portal off for everyone: no invitations, PINs or documents.' },
  'no-payments-account': { description: "The practice has no online-payments account ('not_set_up'): no card payments, pay-balance off." },
  'large-practice': { description: 'The default practice with 20,000 generated clients instead of 320 (performance of the practice overview).' },
} as const;

export type WorldName = keyof typeof WORLDS;
export const WORLD_NAMES = Object.keys(WORLDS) as WorldName[];

export function isWorldName(value: unknown): value is WorldName {
  return typeof value === 'string' && Object.hasOwn(WORLDS, value);
}

// ---- fixture clients ---------------------------------------------------------------------------

export const FIXTURE_CLIENT_IDS = [
  'cl_active',
  'cl_invited',
  'cl_not_invited',
  'cl_no_consent',
  'cl_bounced',
  'cl_disabled',
  'cl_minor_no_guardian',
  'cl_minor_guardian',
  'cl_large',
  'cl_empty',
  'cl_hostile',
] as const;
export type FixtureClientId = (typeof FIXTURE_CLIENT_IDS)[number];

/** Who each fixture client is and what it demonstrates (also rendered in docs/mock-server.md). */
export const FIXTURE_CLIENTS: Record<FixtureClientId, { who: string; demonstrates: string }> = {
  cl_active: { who: 'Avery Testwood, adult, signed in', demonstrates: 'Happy path: all 4 permissions, default + expiring-soon card, insurance without card images, 3 open + 2 paid invoices, card history (insurance payments hidden), 2 completed documents' },
  cl_invited: { who: 'Blake Sampleton, invited 3 days ago', demonstrates: 'Never signed in ("not signed in yet" banner), resend allowed; documents sent / in progress / completed; no insurance method' },
  cl_not_invited: { who: 'Casey Placeholder', demonstrates: 'Consented email, never invited, no documents: first invitation; assigning documents grants access' },
  cl_no_consent: { who: 'Devon Nomail', demonstrates: 'Email without consent: invitations and documents answer 422 no_consented_email' },
  cl_bounced: { who: 'Emery Typo', demonstrates: 'Last invitation bounced (typo domain gmial.com): fix the address with Disable and Resend' },
  cl_disabled: { who: 'Finley Offline', demonstrates: 'Had access, disabled: sending an invitation re-enables' },
  cl_minor_no_guardian: { who: 'Gale Junior, age 10', demonstrates: 'Minor whose only contact is a parent who is not a legal guardian: 409 no_legal_guardian' },
  cl_minor_guardian: { who: 'Indy Minor, age 14', demonstrates: 'Guardian mother enrolled and active with permission groups; guardian father not enrolled; emails go to both guardians' },
  cl_large: { who: 'Lane Bulkley', demonstrates: '10,000 intake documents and 10,000 card payments (generated on first use, seeded): paging' },
  cl_empty: { who: 'Morgan Blank, adult, signed in', demonstrates: 'Empty states: no contacts, documents, payment methods, invoices or payments' },
  cl_hostile: { who: 'Names, emails, titles and messages full of XSS payloads', demonstrates: 'Escaping: every text field holds one of HOSTILE_STRINGS' },
};

/**
 * Payloads for escaping tests. Every one is at most 200 characters, so each fits any name field
 * (`ContactInput` names are max 200) as well as titles, descriptions and messages.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  '<img src=x onerror=alert(1)>',
  '"><script>alert(document.domain)</script>',
  'javascript:alert(1)',
  "{{constructor.constructor('alert(1)')()}}",
  '${alert(1)}',
  '\u202Egnp.exe\u202C invoice',
  '<svg onload=alert(1)>',
  '\'><iframe src="javascript:alert(1)"></iframe>',
  '</textarea><script>alert(1)</script>',
  '<a href="javascript:alert(1)">click me</a>',
  '" onmouseover="alert(1)" x="',
  "' onfocus='alert(1)' autofocus='",
  '<style>*{display:none!important}</style>',
  '<!--',
  ']]><script>alert(1)</script>',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  "Robert'); DROP TABLE clients;--",
  '<!--?lit$1234$--><slot></slot>',
  '<base href="https://evil.test/">',
  '__proto__',
  'Z\u0336\u0327a\u0335l\u0336g\u0337o\u0334 \u{1F469}\u200D\u2695\uFE0F \u05E9\u05DC\u05D5\u05DD',
  'nul\u0000byte\u0007bell',
  'W'.repeat(200),
];

/** Addresses whose local part is as hostile as the email syntax allows. */
export const HOSTILE_EMAILS: readonly string[] = [
  "x'onmouseover'alert-1'+x@hostile.test",
  "o'reilly+--'or'1'-'1@hostile.test",
  "'-alert-1-'x@hostile.test",
];

// ---- templates ---------------------------------------------------------------------------------

export const TEMPLATES: readonly DocumentTemplate[] = [
  { id: 'tpl_consent', title: 'Consent for treatment', description: 'Agreement to receive services, limits of confidentiality and how to reach the practice in a crisis.', requiredSections: 3 },
  { id: 'tpl_hipaa', title: 'HIPAA notice of privacy practices: acknowledgement', description: 'Confirms the client received the notice of privacy practices.', requiredSections: 1 },
  { id: 'tpl_intake', title: 'Intake questionnaire', description: 'History, current concerns, medications and goals for treatment.', requiredSections: 6 },
  { id: 'tpl_roi', title: 'Release of information', description: 'Authorizes the practice to exchange information with a named person or provider.', requiredSections: 2 },
  { id: 'tpl_financial', title: 'Financial policy', description: 'Fees, cancellation policy, insurance billing and payment terms.', requiredSections: 2 },
  { id: 'tpl_phq9', title: 'PHQ-9 depression screening', description: 'Nine-item patient health questionnaire.', requiredSections: 1 },
];

// ---- helpers -----------------------------------------------------------------------------------

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const PORTAL_URL = 'https://portal.riverbend-counseling.test/';
export const SENDER_ADDRESS = 'portal@riverbend-counseling.test';
export const BOUNCED_ADDRESS = 'emery.typo@gmial.com';

function fit(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length]!;
}

export class Clock {
  constructor(readonly now: Date) {}
  ago(ms: number): string {
    return new Date(this.now.getTime() - ms).toISOString();
  }
  daysAgo(days: number, hours = 0): string {
    return this.ago(days * DAY + hours * HOUR);
  }
  daysAhead(days: number): string {
    return new Date(this.now.getTime() + days * DAY).toISOString();
  }
  /** A birth date making the person exactly `years` old today (their birthday was `daysSince` ago). */
  birthDate(years: number, daysSince = 40): string {
    const d = new Date(Date.UTC(this.now.getUTCFullYear() - years, this.now.getUTCMonth(), this.now.getUTCDate()) - daysSince * DAY);
    return d.toISOString().slice(0, 10);
  }
  /** A card expiry far away (valid). */
  validExpiry(years = 3): { expMonth: number; expYear: number } {
    return { expMonth: 8, expYear: this.now.getUTCFullYear() + years };
  }
  /** A card expiry within the next 60 days but not past (`cardExpiry` → expiring_soon). */
  soonExpiry(): { expMonth: number; expYear: number } {
    const y = this.now.getUTCFullYear();
    const m = this.now.getUTCMonth(); // 0-based: current month
    const endOfNext = Date.UTC(y, m + 2, 1) - 1;
    const useNext = endOfNext - this.now.getTime() <= 59 * DAY;
    const target = new Date(Date.UTC(y, useNext ? m + 1 : m, 1));
    return { expMonth: target.getUTCMonth() + 1, expYear: target.getUTCFullYear() };
  }
}

export function email(address: string, consent = true, primary = true): ClientEmail {
  return { address, consent, primary };
}

export function invitation(id: string, sentAt: string, to: string, expiryDays: number, delivery: Invitation['delivery'] = 'delivered', message: string | null = null): Invitation {
  return { id, sentAt, to, message, delivery, expiresAt: new Date(Date.parse(sentAt) + expiryDays * DAY).toISOString() };
}

export function access(clientId: string, a: Partial<Omit<PortalAccess, 'clientId' | 'version'>> = {}): PortalAccess {
  return {
    clientId,
    state: a.state ?? 'not_invited',
    email: a.email ?? null,
    invitations: a.invitations ?? [],
    firstSignInAt: a.firstSignInAt ?? null,
    lastSignInAt: a.lastSignInAt ?? null,
    disabledAt: a.disabledAt ?? null,
    version: 1,
  };
}

export const DEFAULT_CLIENT_FLAGS: ClientPermissionFlags = { appointmentRequests: true, secureMessaging: true, billingDocuments: true, payBalance: false };
export const ALL_CLIENT_FLAGS: ClientPermissionFlags = { appointmentRequests: true, secureMessaging: true, billingDocuments: true, payBalance: true };
/** Groups a contact gets when enrolled by `inviteContact`: enough to sign in and fill out forms. */
export const DEFAULT_PORTAL_USER_GROUPS: PortalUserGroups = { basic: true, messaging: false, documents: true, scheduling: false, billing: false };

function templateById(id: string): DocumentTemplate {
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`Unknown template ${id}`);
  return t;
}

export function fillUrl(documentId: string): string {
  return `${PORTAL_URL}documents/${encodeURIComponent(documentId)}`;
}

interface DocSpec {
  id: string;
  templateId: string;
  status: Exclude<IntakeDocument['status'], 'cancelled'>;
  sentAt: string;
  activityAt?: string;
  title?: string;
}

function document(spec: DocSpec): StoredDocument {
  const t = templateById(spec.templateId);
  const total = t.requiredSections;
  const base = {
    id: spec.id,
    templateId: t.id,
    title: spec.title ?? t.title,
    status: spec.status,
    sentAt: spec.sentAt,
    lastReminderAt: null,
    fillUrl: fillUrl(spec.id),
    cancelledAt: null,
  };
  switch (spec.status) {
    case 'sent':
      return { ...base, lastActivityAt: null, completedAt: null, signedAt: null, requiredSections: { completed: 0, total } };
    case 'in_progress':
      return { ...base, lastActivityAt: spec.activityAt ?? spec.sentAt, completedAt: null, signedAt: null, requiredSections: { completed: Math.max(0, Math.floor(total / 2)), total } };
    case 'completed': {
      const at = spec.activityAt ?? spec.sentAt;
      return { ...base, lastActivityAt: at, completedAt: at, signedAt: at, requiredSections: { completed: total, total } };
    }
  }
}

function card(id: string, brand: StoredCard['brand'], last4: string, exp: { expMonth: number; expYear: number }, isDefault: boolean): StoredCard {
  return { id, kind: 'card', brand, last4, ...exp, isDefault, token: `tok_fixture_${id}` };
}

function invoice(id: string, number: string, description: string, issuedAt: string, dueAt: string | null, cents: number, status: StoredInvoice['status'], paidAt: string | null = null, shared = true): StoredInvoice {
  return { id, number, description, issuedAt, dueAt, total: { amount: cents, currency: 'USD' }, status, paidAt, shared };
}

function payment(id: string, createdAt: string, cents: number, c: Pick<StoredCard, 'brand' | 'last4'>, invoiceIds: string[], status: Payment['status'] = 'succeeded'): Payment {
  return { id, createdAt, amount: { amount: cents, currency: 'USD' }, card: { brand: c.brand, last4: c.last4 }, invoiceIds, status };
}

function insurance(id: string, payerName: string, memberIdMasked: string): InsuranceMethod {
  return { id, kind: 'insurance', payerName, memberIdMasked, cardImages: { front: null, back: null } };
}

export function contact(c: Omit<Contact, 'version' | 'portalUser'> & { portalUser?: Partial<Contact['portalUser']> }): Contact {
  return {
    ...c,
    portalUser: {
      state: c.portalUser?.state ?? 'not_enrolled',
      email: c.portalUser?.email ?? null,
      invitations: c.portalUser?.invitations ?? [],
      firstSignInAt: c.portalUser?.firstSignInAt ?? null,
      lastSignInAt: c.portalUser?.lastSignInAt ?? null,
    },
    version: 1,
  };
}

/**
 * Builders for tests of the rules (test/node/domain-*): a contact and a client as the fixtures make
 * them, with plain defaults, so a test writes only what it is about.
 */
export function buildContact(c: Partial<Omit<Contact, 'version' | 'portalUser'>> & { portalUser?: Partial<Contact['portalUser']> } = {}): Contact {
  return contact({ id: 'ct_1', clientId: 'cl_1', firstName: 'Dana', lastName: 'Lopez', relationship: 'parent', legalGuardian: false, emails: [], ...c });
}

export function buildClientSummary(c: Partial<ClientSummary> = {}): ClientSummary {
  return { id: 'cl_1', firstName: 'Avery', lastName: 'Testwood', dateOfBirth: '1990-01-01', emails: [{ address: 'avery@example.com', consent: true, primary: true }], ...c };
}

// ---- the world ---------------------------------------------------------------------------------

export function buildPractice(world: WorldName): PracticeSettings {
  return {
    portalEnabled: world !== 'portal-off',
    onlinePayments: world === 'no-payments-account' ? 'not_set_up' : 'active',
    portalUrl: PORTAL_URL,
    senderAddress: SENDER_ADDRESS,
    minorOwnAccessAge: 13,
    resendCooldownMinutes: 10,
    invitationExpiryDays: 7,
    version: 1,
  };
}

/** Everything a store holds after `reset(world)`, dated relative to `now`. */
export function buildWorld(world: WorldName, now: Date): WorldData {
  const practice = buildPractice(world);
  const clock = new Clock(now);
  const exp = practice.invitationExpiryDays;
  // Without an online-payments account the stored permissions never hold pay-balance on.
  const flags = (f: ClientPermissionFlags): ClientPermissionFlags => (practice.onlinePayments === 'active' ? { ...f } : { ...f, payBalance: false });
  const perms = (clientId: string, f: ClientPermissionFlags, portalUsers: ClientPermissions['portalUsers'] = []): ClientPermissions => ({ clientId, client: flags(f), portalUsers, version: 1 });
  const none = { contacts: [], documents: [], cards: [], insurance: [], invoices: [], payments: [], insurancePayments: [] };

  const clients: ClientRecord[] = [];

  // cl_active ------------------------------------------------------------------------------------
  {
    const id = 'cl_active';
    const addr = 'avery.testwood@example.com';
    const visa = card('pm_active_visa', 'visa', '4242', clock.validExpiry(3), true);
    const mc = card('pm_active_mc', 'mastercard', '4444', clock.soonExpiry(), false);
    clients.push(
      new ClientRecord({
        ...none,
        summary: { id, firstName: 'Avery', lastName: 'Testwood', dateOfBirth: clock.birthDate(34, 120), emails: [email(addr), email('avery.work@example.com', false, false)] },
        access: access(id, { state: 'active', email: addr, invitations: [invitation('inv_active_1', clock.daysAgo(62), addr, exp)], firstSignInAt: clock.daysAgo(61, 20), lastSignInAt: clock.daysAgo(2, 3) }),
        permissions: perms(id, ALL_CLIENT_FLAGS),
        contacts: [contact({ id: 'ct_active_spouse', clientId: id, firstName: 'Riley', lastName: 'Testwood', relationship: 'spouse', legalGuardian: false, emails: [email('riley.testwood@example.com')] })],
        documents: [
          document({ id: 'doc_active_1', templateId: 'tpl_consent', status: 'completed', sentAt: clock.daysAgo(62), activityAt: clock.daysAgo(61, 18) }),
          document({ id: 'doc_active_2', templateId: 'tpl_hipaa', status: 'completed', sentAt: clock.daysAgo(62), activityAt: clock.daysAgo(61, 17) }),
        ],
        cards: [visa, mc],
        insurance: [insurance('ins_active_1', 'Blue Meadow Health Plan (demo)', '•••••••4821')],
        invoices: [
          invoice('inv_active_1001', 'INV-1001', 'Psychotherapy, 53 minutes (90837)', clock.daysAgo(21), clock.daysAgo(-9), 15_000, 'open'),
          invoice('inv_active_1002', 'INV-1002', 'Psychotherapy, 53 minutes (90837)', clock.daysAgo(14), clock.daysAgo(-16), 15_000, 'open'),
          invoice('inv_active_1003', 'INV-1003', 'Late cancellation fee', clock.daysAgo(7), clock.daysAgo(-23), 5_000, 'open'),
          invoice('inv_active_1004', 'INV-1004', 'Diagnostic evaluation (90791)', clock.daysAgo(60), clock.daysAgo(30), 20_000, 'paid', clock.daysAgo(45)),
          invoice('inv_active_1005', 'INV-1005', 'Psychotherapy, 38 minutes (90834): copay', clock.daysAgo(35), clock.daysAgo(5), 3_500, 'paid', clock.daysAgo(30)),
          invoice('inv_active_1006', 'INV-1006', 'Draft: not shared with the client', clock.daysAgo(1), null, 12_000, 'open', null, false),
        ],
        payments: [
          payment('pay_active_4', clock.daysAgo(30), 3_500, mc, ['inv_active_1005']),
          payment('pay_active_3', clock.daysAgo(45), 20_000, visa, ['inv_active_1004']),
          payment('pay_active_2', clock.daysAgo(75), 2_500, visa, [], 'refunded'),
          payment('pay_active_1', clock.daysAgo(90), 2_500, visa, []),
        ],
        insurancePayments: [
          { id: 'inspay_active_1', createdAt: clock.daysAgo(40), amount: { amount: 11_500, currency: 'USD' }, payerName: 'Blue Meadow Health Plan (demo)', invoiceIds: ['inv_active_1004'] },
          { id: 'inspay_active_2', createdAt: clock.daysAgo(20), amount: { amount: 9_800, currency: 'USD' }, payerName: 'Blue Meadow Health Plan (demo)', invoiceIds: [] },
        ],
      }),
    );
  }

  // cl_invited -----------------------------------------------------------------------------------
  {
    const id = 'cl_invited';
    const addr = 'blake.sampleton@example.com';
    const sent = clock.daysAgo(3);
    clients.push(
      new ClientRecord({
        ...none,
        summary: { id, firstName: 'Blake', lastName: 'Sampleton', dateOfBirth: clock.birthDate(27, 200), emails: [email(addr)] },
        access: access(id, { state: 'invited', email: addr, invitations: [invitation('inv_invited_1', sent, addr, exp, 'delivered', 'Welcome to Riverbend Counseling. Please fill out the forms before your first visit.')] }),
        permissions: perms(id, DEFAULT_CLIENT_FLAGS),
        documents: [
          document({ id: 'doc_invited_1', templateId: 'tpl_intake', status: 'sent', sentAt: sent }),
          document({ id: 'doc_invited_2', templateId: 'tpl_consent', status: 'in_progress', sentAt: sent, activityAt: clock.daysAgo(1, 4) }),
          document({ id: 'doc_invited_3', templateId: 'tpl_hipaa', status: 'completed', sentAt: sent, activityAt: clock.daysAgo(2, 1) }),
        ],
        invoices: [invoice('inv_invited_1', 'INV-2001', 'Initial consultation (90791)', clock.daysAgo(2), clock.daysAgo(-28), 18_000, 'open')],
      }),
    );
  }

  // cl_not_invited --------------------------------------------------------------------------------
  clients.push(
    new ClientRecord({
      ...none,
      summary: { id: 'cl_not_invited', firstName: 'Casey', lastName: 'Placeholder', dateOfBirth: clock.birthDate(41, 10), emails: [email('casey.placeholder@example.com')] },
      access: access('cl_not_invited'),
      permissions: perms('cl_not_invited', DEFAULT_CLIENT_FLAGS),
    }),
  );

  // cl_no_consent ---------------------------------------------------------------------------------
  clients.push(
    new ClientRecord({
      ...none,
      summary: { id: 'cl_no_consent', firstName: 'Devon', lastName: 'Nomail', dateOfBirth: clock.birthDate(52, 300), emails: [email('devon.nomail@example.com', false)] },
      access: access('cl_no_consent'),
      permissions: perms('cl_no_consent', DEFAULT_CLIENT_FLAGS),
    }),
  );

  // cl_bounced ------------------------------------------------------------------------------------
  clients.push(
    new ClientRecord({
      ...none,
      summary: { id: 'cl_bounced', firstName: 'Emery', lastName: 'Typo', dateOfBirth: clock.birthDate(30, 5), emails: [email(BOUNCED_ADDRESS)] },
      access: access('cl_bounced', { state: 'invited', email: BOUNCED_ADDRESS, invitations: [invitation('inv_bounced_1', clock.daysAgo(2), BOUNCED_ADDRESS, exp, 'bounced')] }),
      permissions: perms('cl_bounced', DEFAULT_CLIENT_FLAGS),
      documents: [document({ id: 'doc_bounced_1', templateId: 'tpl_intake', status: 'sent', sentAt: clock.daysAgo(2) })],
    }),
  );

  // cl_disabled -----------------------------------------------------------------------------------
  {
    const addr = 'finley.offline@example.com';
    clients.push(
      new ClientRecord({
        ...none,
        summary: { id: 'cl_disabled', firstName: 'Finley', lastName: 'Offline', dateOfBirth: clock.birthDate(45, 77), emails: [email(addr)] },
        access: access('cl_disabled', { state: 'disabled', email: addr, invitations: [invitation('inv_disabled_1', clock.daysAgo(90), addr, exp)], firstSignInAt: clock.daysAgo(89), lastSignInAt: clock.daysAgo(30), disabledAt: clock.daysAgo(10) }),
        permissions: perms('cl_disabled', DEFAULT_CLIENT_FLAGS),
        documents: [document({ id: 'doc_disabled_1', templateId: 'tpl_consent', status: 'completed', sentAt: clock.daysAgo(90), activityAt: clock.daysAgo(89) })],
      }),
    );
  }

  // cl_minor_no_guardian --------------------------------------------------------------------------
  clients.push(
    new ClientRecord({
      ...none,
      summary: { id: 'cl_minor_no_guardian', firstName: 'Gale', lastName: 'Junior', dateOfBirth: clock.birthDate(10, 60), emails: [] },
      access: access('cl_minor_no_guardian'),
      permissions: perms('cl_minor_no_guardian', DEFAULT_CLIENT_FLAGS),
      contacts: [contact({ id: 'ct_minor_ng_parent', clientId: 'cl_minor_no_guardian', firstName: 'Harper', lastName: 'Junior', relationship: 'parent', legalGuardian: false, emails: [email('harper.junior@example.com')] })],
    }),
  );

  // cl_minor_guardian -----------------------------------------------------------------------------
  {
    const id = 'cl_minor_guardian';
    const mom = 'jordan.minor@example.com';
    const dad = 'kai.minor@example.com';
    const invited = invitation('inv_minor_g_1', clock.daysAgo(30), mom, exp);
    clients.push(
      new ClientRecord({
        ...none,
        summary: { id, firstName: 'Indy', lastName: 'Minor', dateOfBirth: clock.birthDate(14, 90), emails: [] },
        access: access(id, { state: 'active', email: null, invitations: [invited], firstSignInAt: clock.daysAgo(29), lastSignInAt: clock.daysAgo(1) }),
        permissions: perms(id, DEFAULT_CLIENT_FLAGS, [{ contactId: 'ct_minor_g_mother', groups: { basic: true, messaging: true, documents: true, scheduling: true, billing: false } }]),
        contacts: [
          contact({
            id: 'ct_minor_g_mother',
            clientId: id,
            firstName: 'Jordan',
            lastName: 'Minor',
            relationship: 'mother',
            legalGuardian: true,
            emails: [email(mom)],
            portalUser: { state: 'active', email: mom, invitations: [invited], firstSignInAt: clock.daysAgo(29), lastSignInAt: clock.daysAgo(1) },
          }),
          contact({ id: 'ct_minor_g_father', clientId: id, firstName: 'Kai', lastName: 'Minor', relationship: 'father', legalGuardian: true, emails: [email(dad)] }),
        ],
        documents: [document({ id: 'doc_minor_g_1', templateId: 'tpl_intake', status: 'in_progress', sentAt: clock.daysAgo(30), activityAt: clock.daysAgo(5) })],
      }),
    );
  }

  // cl_large --------------------------------------------------------------------------------------
  {
    const id = 'cl_large';
    const addr = 'lane.bulkley@example.com';
    const visa = card('pm_large_visa', 'visa', '1881', clock.validExpiry(2), true);
    const amex = card('pm_large_amex', 'amex', '0005', clock.validExpiry(4), false);
    clients.push(
      new ClientRecord({
        ...none,
        summary: { id, firstName: 'Lane', lastName: 'Bulkley', dateOfBirth: clock.birthDate(60, 15), emails: [email(addr)] },
        access: access(id, { state: 'active', email: addr, invitations: [invitation('inv_large_1', clock.daysAgo(1500), addr, exp)], firstSignInAt: clock.daysAgo(1499), lastSignInAt: clock.daysAgo(0, 5) }),
        permissions: perms(id, ALL_CLIENT_FLAGS),
        cards: [visa, amex],
        invoices: [
          invoice('inv_large_open_1', 'INV-9001', 'Psychotherapy, 53 minutes (90837)', clock.daysAgo(6), clock.daysAgo(-24), 15_000, 'open'),
          invoice('inv_large_open_2', 'INV-9002', 'Group psychotherapy (90853)', clock.daysAgo(3), clock.daysAgo(-27), 6_000, 'open'),
        ],
        documents: () => largeDocuments(now, LARGE_COUNT),
        payments: () => largePayments(now, LARGE_COUNT, [visa, amex]),
      }),
    );
  }

  // cl_empty --------------------------------------------------------------------------------------
  {
    const addr = 'morgan.blank@example.com';
    clients.push(
      new ClientRecord({
        ...none,
        summary: { id: 'cl_empty', firstName: 'Morgan', lastName: 'Blank', dateOfBirth: clock.birthDate(38, 150), emails: [email(addr)] },
        access: access('cl_empty', { state: 'active', email: addr, invitations: [invitation('inv_empty_1', clock.daysAgo(20), addr, exp)], firstSignInAt: clock.daysAgo(19), lastSignInAt: clock.daysAgo(4) }),
        permissions: perms('cl_empty', ALL_CLIENT_FLAGS),
      }),
    );
  }

  // cl_hostile ------------------------------------------------------------------------------------
  clients.push(hostileClient(clock, exp, perms));

  // The rest of the practice: generated clients over every diagnosis finding (overview-fixtures.ts).
  clients.push(...practiceClients(world === 'large-practice' ? LARGE_PRACTICE_SIZE : PRACTICE_SIZE, now, practice));

  return { practice, templates: TEMPLATES.map((t) => ({ ...t })), clients, bounceList: [BOUNCED_ADDRESS] };
}

export const LARGE_COUNT = 10_000;

/** 10,000 documents from a seeded sequence, newest first by `sentAt` (about one every 2.5 hours). */
export function largeDocuments(now: Date, count: number): StoredDocument[] {
  const rnd = seededRandom(100_001);
  const clock = new Clock(now);
  const out: StoredDocument[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const r = rnd();
    const status: IntakeDocument['status'] = r < 0.55 ? 'completed' : r < 0.8 ? 'in_progress' : 'sent';
    const sentAt = clock.ago(HOUR + i * 150 * MINUTE + Math.floor(rnd() * 60) * MINUTE);
    const activityAt = status === 'sent' ? undefined : new Date(Date.parse(sentAt) + (1 + Math.floor(rnd() * 48)) * HOUR).toISOString();
    out[i] = document({ id: `doc_large_${String(i + 1).padStart(5, '0')}`, templateId: pick(TEMPLATES, i).id, status, sentAt, ...(activityAt && Date.parse(activityAt) < now.getTime() ? { activityAt } : {}) });
  }
  return out;
}

/** 10,000 card payments from a seeded sequence, newest first (every 3 hours, 0-2 h jitter). */
export function largePayments(now: Date, count: number, cards: readonly Pick<StoredCard, 'brand' | 'last4'>[]): Payment[] {
  const rnd = seededRandom(200_002);
  const clock = new Clock(now);
  const out: Payment[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const cents = 2_500 + Math.floor(rnd() * 200) * 100;
    const createdAt = clock.ago(2 * HOUR + i * 3 * HOUR + Math.floor(rnd() * 120) * MINUTE);
    const n = String(i + 1).padStart(5, '0');
    out[i] = payment(`pay_large_${n}`, createdAt, cents, pick(cards, i), [`inv_large_${n}`], i % 97 === 96 ? 'refunded' : 'succeeded');
  }
  return out;
}

function hostileClient(clock: Clock, exp: number, perms: (id: string, f: ClientPermissionFlags, users?: ClientPermissions['portalUsers']) => ClientPermissions): ClientRecord {
  const id = 'cl_hostile';
  const H = (i: number, max = 200) => fit(pick(HOSTILE_STRINGS, i), max);
  const [e0, e1, e2] = HOSTILE_EMAILS as [string, string, string];
  const visa = card('pm_hostile_visa', 'visa', '1111', clock.validExpiry(2), true);
  const invitations = [3, 2, 1].map((d, i) => invitation(`inv_hostile_${i + 1}`, clock.daysAgo(d), e0, exp, 'delivered', H(i + 3, 2000)));
  const contactInvite = invitation('inv_hostile_ct_1', clock.daysAgo(2), e1, exp, 'delivered', H(8, 2000));
  const invoices: StoredInvoice[] = [
    invoice('inv_hostile_1', H(0, 40), H(1, 500), clock.daysAgo(10), clock.daysAgo(-20), 4_200, 'open'),
    invoice('inv_hostile_2', H(6, 40), H(9, 500), clock.daysAgo(9), null, 1_337, 'open'),
    invoice('inv_hostile_3', H(19, 40), H(HOSTILE_STRINGS.length - 1, 500), clock.daysAgo(40), clock.daysAgo(10), 9_999, 'paid', clock.daysAgo(12)),
  ];
  return new ClientRecord({
    summary: { id, firstName: H(0), lastName: H(1), dateOfBirth: clock.birthDate(29, 3), emails: [email(e0), email(e2, true, false)] },
    access: access(id, { state: 'invited', email: e0, invitations }),
    permissions: perms(id, ALL_CLIENT_FLAGS, [{ contactId: 'ct_hostile_1', groups: { ...DEFAULT_PORTAL_USER_GROUPS } }]),
    contacts: [
      contact({ id: 'ct_hostile_1', clientId: id, firstName: H(2), lastName: H(4), relationship: 'guardian', legalGuardian: true, emails: [email(e1)], portalUser: { state: 'invited', email: e1, invitations: [contactInvite] } }),
      contact({ id: 'ct_hostile_2', clientId: id, firstName: H(10), lastName: H(HOSTILE_STRINGS.length - 1), relationship: 'other', legalGuardian: false, emails: [email(e2, false)] }),
    ],
    documents: HOSTILE_STRINGS.map((s, i) =>
      document({ id: `doc_hostile_${i + 1}`, templateId: pick(TEMPLATES, i).id, status: pick(['sent', 'in_progress', 'completed'] as const, i), sentAt: clock.daysAgo(1 + i), activityAt: clock.daysAgo(i), title: fit(s, 300) }),
    ),
    cards: [visa],
    insurance: [insurance('ins_hostile_1', H(1), H(5, 64))],
    invoices,
    payments: [payment('pay_hostile_1', clock.daysAgo(12), 9_999, visa, ['inv_hostile_3'])],
    insurancePayments: [{ id: 'inspay_hostile_1', createdAt: clock.daysAgo(11), amount: { amount: 100, currency: 'USD' }, payerName: H(7), invoiceIds: [] }],
  });
}
