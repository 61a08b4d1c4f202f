/**
 * The history the fixture clients start with: what staff, the client and portal users did before
 * "now", dated to match the fixtures (the invitation cl_invited got 3 days ago was sent by someone).
 * `cl_large` has thousands of entries, generated on first use from a seeded sequence, for paging.
 */
import { maskEmail } from '../src/domain/mask-email.js';
import type { ActivityActor, ActivityEntry, ActivityKind, StaffMember } from '../src/schemas/index.js';
import { ActivityLog, type ActivityDraft } from './activity-log.js';
import { STAFF_MEMBERS } from './staff.js';
import { BOUNCED_ADDRESS, HOSTILE_STRINGS, TEMPLATES } from './fixtures.js';
import { seededRandom } from './model.js';

/** The practice's staff as the seeded history names them: the same people the mock signs in as. */
export const SEED_STAFF = {
  owner: STAFF_MEMBERS.owner,
  frontDesk: STAFF_MEMBERS['front-desk'],
  clinician: STAFF_MEMBERS.clinician,
  biller: STAFF_MEMBERS.biller,
} as const satisfies Record<string, StaffMember>;

/** How many entries `cl_large` starts with. */
export const LARGE_ACTIVITY_COUNT = 5_000;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const staff = (s: StaffMember): ActivityActor => ({ type: 'staff', id: s.id, displayName: s.displayName, role: s.role });
const CLIENT: ActivityActor = { type: 'client' };
const title = (templateId: string) => TEMPLATES.find((t) => t.id === templateId)?.title ?? templateId;
const doc = (id: string, templateId: string) => ({ id, title: title(templateId) });

interface Seed {
  daysAgo: number;
  hours?: number;
  actor: ActivityActor;
  draft: ActivityDraft;
}

/** Entries of one client from seeds in any order: sorted oldest first, ids `act_<client>_<n>`. */
function history(clientId: string, now: Date, seeds: Seed[]): ActivityEntry[] {
  return seeds
    .map((s) => ({ at: now.getTime() - s.daysAgo * DAY - (s.hours ?? 0) * HOUR, s }))
    .sort((a, b) => a.at - b.at)
    .map(({ at, s }, i) => ({ id: `act_${clientId}_${i + 1}`, at: new Date(at).toISOString(), clientId, actor: s.actor, ...s.draft }) as ActivityEntry);
}

const FD = staff(SEED_STAFF.frontDesk);
const CLIN = staff(SEED_STAFF.clinician);
const BILL = staff(SEED_STAFF.biller);
const OWNER = staff(SEED_STAFF.owner);

/** Every fixture client's trail at reset, dated relative to `now`. */
export function seedActivity(now: Date): Map<string, ActivityLog> {
  const logs = new Map<string, ActivityLog>();
  const add = (clientId: string, seeds: Seed[]) => logs.set(clientId, new ActivityLog(history(clientId, now, seeds)));
  const visa = { brand: 'visa', last4: '4242' } as const;
  const mc = { brand: 'mastercard', last4: '4444' } as const;
  const usd = (amount: number) => ({ amount, currency: 'USD' });

  add('cl_active', [
    { daysAgo: 95, actor: BILL, draft: { kind: 'card_added', paymentMethodId: 'pm_active_visa', card: visa, isDefault: true } },
    { daysAgo: 90, actor: BILL, draft: { kind: 'payment_made', paymentId: 'pay_active_1', amount: usd(2_500), card: visa, invoiceIds: [] } },
    { daysAgo: 75, actor: BILL, draft: { kind: 'payment_made', paymentId: 'pay_active_2', amount: usd(2_500), card: visa, invoiceIds: [] } },
    { daysAgo: 62, hours: 1, actor: FD, draft: { kind: 'invitation_sent', recipients: [maskEmail('avery.testwood@example.com')], contactIds: [], resend: false, cause: 'invitation' } },
    { daysAgo: 62, actor: CLIN, draft: { kind: 'documents_assigned', documents: [doc('doc_active_1', 'tpl_consent'), doc('doc_active_2', 'tpl_hipaa')], emailsSent: 2, portalAccessGranted: false } },
    { daysAgo: 61, hours: 18, actor: CLIENT, draft: { kind: 'document_completed', document: doc('doc_active_1', 'tpl_consent') } },
    { daysAgo: 61, hours: 17, actor: CLIENT, draft: { kind: 'document_completed', document: doc('doc_active_2', 'tpl_hipaa') } },
    { daysAgo: 50, actor: CLIENT, draft: { kind: 'card_added', paymentMethodId: 'pm_active_mc', card: mc, isDefault: false } },
    { daysAgo: 45, actor: CLIENT, draft: { kind: 'payment_made', paymentId: 'pay_active_3', amount: usd(20_000), card: visa, invoiceIds: ['inv_active_1004'] } },
    { daysAgo: 31, actor: CLIENT, draft: { kind: 'payment_declined', amount: usd(3_500), card: mc, invoiceIds: ['inv_active_1005'] } },
    { daysAgo: 30, actor: CLIENT, draft: { kind: 'payment_made', paymentId: 'pay_active_4', amount: usd(3_500), card: mc, invoiceIds: ['inv_active_1005'] } },
    { daysAgo: 20, actor: OWNER, draft: { kind: 'permissions_changed', changes: [{ portalUser: null, permission: 'payBalance', before: false, after: true }] } },
    { daysAgo: 5, actor: FD, draft: { kind: 'contact_added', contact: { id: 'ct_active_spouse', displayName: 'Riley Testwood' }, relationship: 'spouse', legalGuardian: false } },
  ]);

  const blake = maskEmail('blake.sampleton@example.com');
  add('cl_invited', [
    { daysAgo: 3, hours: 0.1, actor: FD, draft: { kind: 'invitation_sent', recipients: [blake], contactIds: [], resend: false, cause: 'invitation' } },
    { daysAgo: 3, actor: CLIN, draft: { kind: 'documents_assigned', documents: [doc('doc_invited_1', 'tpl_intake'), doc('doc_invited_2', 'tpl_consent'), doc('doc_invited_3', 'tpl_hipaa')], emailsSent: 3, portalAccessGranted: false } },
    { daysAgo: 2, hours: 1, actor: CLIENT, draft: { kind: 'document_completed', document: doc('doc_invited_3', 'tpl_hipaa') } },
  ]);

  add('cl_bounced', [
    { daysAgo: 2, hours: 0.1, actor: FD, draft: { kind: 'invitation_sent', recipients: [maskEmail(BOUNCED_ADDRESS)], contactIds: [], resend: false, cause: 'invitation' } },
    { daysAgo: 2, actor: CLIN, draft: { kind: 'documents_assigned', documents: [doc('doc_bounced_1', 'tpl_intake')], emailsSent: 1, portalAccessGranted: false } },
  ]);

  add('cl_disabled', [
    { daysAgo: 90, hours: 0.1, actor: FD, draft: { kind: 'invitation_sent', recipients: [maskEmail('finley.offline@example.com')], contactIds: [], resend: false, cause: 'invitation' } },
    { daysAgo: 90, actor: CLIN, draft: { kind: 'documents_assigned', documents: [doc('doc_disabled_1', 'tpl_consent')], emailsSent: 1, portalAccessGranted: false } },
    { daysAgo: 89, actor: CLIENT, draft: { kind: 'document_completed', document: doc('doc_disabled_1', 'tpl_consent') } },
    { daysAgo: 10, actor: OWNER, draft: { kind: 'access_disabled' } },
  ]);

  const mother = { id: 'ct_minor_g_mother', displayName: 'Jordan Minor' };
  add('cl_minor_guardian', [
    { daysAgo: 31, hours: 1, actor: FD, draft: { kind: 'contact_added', contact: mother, relationship: 'mother', legalGuardian: true } },
    { daysAgo: 31, actor: FD, draft: { kind: 'contact_added', contact: { id: 'ct_minor_g_father', displayName: 'Kai Minor' }, relationship: 'father', legalGuardian: true } },
    { daysAgo: 30, hours: 0.1, actor: FD, draft: { kind: 'invitation_sent', recipients: [maskEmail('jordan.minor@example.com')], contactIds: [mother.id], resend: false, cause: 'invitation' } },
    { daysAgo: 30, actor: CLIN, draft: { kind: 'documents_assigned', documents: [doc('doc_minor_g_1', 'tpl_intake')], emailsSent: 1, portalAccessGranted: false } },
    {
      daysAgo: 25,
      actor: OWNER,
      draft: {
        kind: 'permissions_changed',
        changes: [
          { portalUser: mother, permission: 'messaging', before: false, after: true },
          { portalUser: mother, permission: 'scheduling', before: false, after: true },
        ],
      },
    },
  ]);

  // Names and titles as hostile as the fixtures' own: the log must show them as text.
  const H = (i: number) => HOSTILE_STRINGS[i % HOSTILE_STRINGS.length]!;
  add('cl_hostile', [
    { daysAgo: 4, actor: staff({ id: 'st_hostile', displayName: H(1), role: 'front-desk' }), draft: { kind: 'contact_added', contact: { id: 'ct_hostile_1', displayName: `${H(2)} ${H(4)}` }, relationship: 'guardian', legalGuardian: true } },
    { daysAgo: 3, actor: { type: 'portal_user', contactId: 'ct_hostile_1', displayName: `${H(2)} ${H(4)}` }, draft: { kind: 'document_completed', document: { id: 'doc_hostile_3', title: H(2) } } },
    { daysAgo: 2, actor: CLIN, draft: { kind: 'documents_assigned', documents: HOSTILE_STRINGS.slice(0, 5).map((t, i) => ({ id: `doc_hostile_${i + 1}`, title: t })), emailsSent: 5, portalAccessGranted: false } },
  ]);

  logs.set('cl_large', new ActivityLog(() => largeActivity(now, LARGE_ACTIVITY_COUNT)));
  return logs;
}

/** A seeded mix of every kind, one entry every ~7 hours going back, oldest first. */
export function largeActivity(now: Date, count: number): ActivityEntry[] {
  const rnd = seededRandom(300_003);
  const staffActors = [FD, CLIN, BILL, OWNER];
  const lane = maskEmail('lane.bulkley@example.com');
  const cards = [
    { id: 'pm_large_visa', card: { brand: 'visa', last4: '1881' } },
    { id: 'pm_large_amex', card: { brand: 'amex', last4: '0005' } },
  ] as const;
  const drafts: ((i: number) => { actor: ActivityActor; draft: ActivityDraft })[] = [
    (i) => ({ actor: CLIN, draft: { kind: 'documents_assigned', documents: [doc(`doc_large_${String((i % 10_000) + 1).padStart(5, '0')}`, TEMPLATES[i % TEMPLATES.length]!.id)], emailsSent: 1, portalAccessGranted: false } }),
    (i) => ({ actor: CLIENT, draft: { kind: 'document_completed', document: doc(`doc_large_${String((i % 10_000) + 1).padStart(5, '0')}`, TEMPLATES[i % TEMPLATES.length]!.id) } }),
    (i) => ({ actor: CLIENT, draft: { kind: 'payment_made', paymentId: `pay_large_${String((i % 10_000) + 1).padStart(5, '0')}`, amount: { amount: 2_500 + (i % 200) * 100, currency: 'USD' }, card: cards[i % 2]!.card, invoiceIds: [`inv_large_${String((i % 10_000) + 1).padStart(5, '0')}`] } }),
    (i) => ({ actor: staffActors[i % 4]!, draft: { kind: 'document_reminded', document: doc(`doc_large_${String((i % 10_000) + 1).padStart(5, '0')}`, TEMPLATES[i % TEMPLATES.length]!.id), emailsSent: 1 } }),
    (i) => ({ actor: OWNER, draft: { kind: 'permissions_changed', changes: [{ portalUser: null, permission: (['appointmentRequests', 'secureMessaging'] as const)[i % 2]!, before: i % 4 < 2, after: i % 4 >= 2 }] } }),
    (i) => ({ actor: BILL, draft: { kind: 'card_made_default', paymentMethodId: cards[i % 2]!.id, card: cards[i % 2]!.card } }),
    (i) => ({ actor: CLIENT, draft: { kind: 'payment_declined', amount: { amount: 2_500 + (i % 200) * 100, currency: 'USD' }, card: cards[i % 2]!.card, invoiceIds: [] } }),
    () => ({ actor: FD, draft: { kind: 'pin_created', expiresAt: now.toISOString() } }),
    () => ({ actor: CLIN, draft: { kind: 'insurance_card_uploaded', paymentMethodId: 'ins_large_1', side: 'front' } }),
    () => ({ actor: FD, draft: { kind: 'invitation_sent', recipients: [lane], contactIds: [], resend: true, cause: 'invitation' } }),
  ];
  // Weights: documents and payments are most of a busy client's trail.
  const weights = [30, 25, 20, 8, 4, 4, 4, 2, 2, 1];
  const sum = weights.reduce((a, b) => a + b, 0);
  const out: ActivityEntry[] = new Array(count);
  for (let k = 0; k < count; k++) {
    // k = 0 is the oldest; the newest is an hour ago.
    const age = (count - k) * 7 * HOUR + Math.floor(rnd() * 6) * HOUR - 6 * HOUR;
    let r = rnd() * sum;
    let pick = 0;
    while (r >= weights[pick]!) r -= weights[pick++]!;
    const { actor, draft } = drafts[pick]!(k);
    out[k] = { id: `act_cl_large_${String(k + 1).padStart(5, '0')}`, at: new Date(now.getTime() - Math.max(HOUR, age)).toISOString(), clientId: 'cl_large', actor, ...draft } as ActivityEntry;
  }
  // Jitter may swap neighbours: keep the trail in time order.
  out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return out;
}

/** Kinds the large trail holds (tests filter by them). */
export const LARGE_ACTIVITY_KINDS: readonly ActivityKind[] = ['documents_assigned', 'document_completed', 'payment_made', 'document_reminded', 'permissions_changed', 'card_made_default', 'payment_declined', 'pin_created', 'insurance_card_uploaded', 'invitation_sent'];
