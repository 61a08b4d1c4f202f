/**
 * The rest of the practice: generated clients for the practice overview, spread over every
 * diagnosis finding (and the combinations a bulk send must skip: a mistyped address among the
 * never-invited, consent withdrawn after an invitation, a minor whose guardian was removed).
 * Stable ids (`cl_p00001`…), seeded names and addresses, every date relative to the store's clock.
 * The findings themselves are never written down here: the overview computes them with the same
 * diagnosis `<portal-invite-status>` shows.
 */
import type { ClientPermissions, Contact, PracticeSettings } from '../src/schemas/index.js';
import { Clock, DEFAULT_CLIENT_FLAGS, access, contact, email, invitation } from './fixtures.js';
import { ClientRecord, seededRandom } from './model.js';

/** Generated clients in the default, portal-off and no-payments worlds. */
export const PRACTICE_SIZE = 320;
/** Generated clients in the `large-practice` world. */
export const LARGE_PRACTICE_SIZE = 20_000;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const FIRST = ['Ana', 'Ben', 'Carmen', 'Dario', 'Elena', 'Farah', 'Gus', 'Hana', 'Iker', 'Jade', 'Kofi', 'Lucia', 'Mateo', 'Nia', 'Omar', 'Paz', 'Quinn', 'Rosa', 'Sami', 'Tomas', 'Uma', 'Vera', 'Wes', 'Ximena', 'Yusuf', 'Zoe', 'Alma', 'Bruno', 'Cleo', 'Diego', 'Eva', 'Felix', 'Gloria', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Leo', 'Maya', 'Noel'];
const LAST = ['Abara', 'Becker', 'Castillo', 'Dimitrov', 'Echeverria', 'Fischer', 'Garcia', 'Haddad', 'Ibarra', 'Jensen', 'Kowalski', 'Lindqvist', 'Morales', 'Nakamura', 'Okafor', 'Petrov', 'Quintero', 'Rossi', 'Santos', 'Tanaka', 'Urquhart', 'Varga', 'Whitfield', 'Xu', 'Yilmaz', 'Zamora', 'Álvarez', 'Brennan', 'Cortés', 'Duarte', 'Esposito', 'Fontaine', 'Gallo', 'Herrera', 'Iwu', 'Jovanovic', 'Kaur', 'Lozano', 'Mendes', 'Núñez'];
const GUARDIAN_FIRST = ['Adriana', 'Bernardo', 'Cecilia', 'Daniel', 'Estela', 'Fernando', 'Gabriela', 'Hector', 'Isabel', 'Javier'];
/** Domains that look mistyped (`suggestEmailCorrection` has a fix for each). */
const TYPO_DOMAINS = ['gmial.com', 'gmail.con', 'yaho.com', 'hotmial.com', 'outlok.com', 'icloud.cm', 'yahoo.cmo', 'comcast.nte'];

/**
 * What each generated client demonstrates, with its share out of 100. Clients take them in a
 * fixed shuffled order (37 is coprime with 100), so any 100 in a row hold every scenario.
 */
const SCENARIOS = {
  active: 28,
  activeMinor: 4,
  notInvited: 9,
  notInvitedMinor: 3,
  notInvitedTypo: 3,
  noConsent: 4,
  noEmail: 2,
  minorNoGuardian: 3,
  minorGuardianNoConsent: 2,
  invitedFresh: 6,
  invitedWaiting: 8,
  invitedWaitingMinor: 2,
  invitedWaitingTypo: 2,
  bounced: 3,
  bouncedTypo: 2,
  markedSpam: 2,
  expired: 6,
  expiredNoConsent: 2,
  expiredMinorNoGuardian: 1,
  disabled: 4,
  activeSignedInBeforeReinvited: 4,
} as const;
export type Scenario = keyof typeof SCENARIOS;

const ORDER: Scenario[] = (() => {
  const slots = (Object.entries(SCENARIOS) as [Scenario, number][]).flatMap(([name, share]) => Array.from({ length: share }, () => name));
  if (slots.length !== 100) throw new Error(`Scenario shares add up to ${slots.length}, not 100`);
  return slots.map((_, i) => slots[(i * 37) % 100]!);
})();

/** The scenario of the generated client at `index` (0-based). */
export function scenarioOf(index: number): Scenario {
  return ORDER[index % 100]!;
}

export function practiceClientId(index: number): string {
  return `cl_p${String(index + 1).padStart(5, '0')}`;
}

/** `count` generated clients, the same on every reset (names and addresses from a seeded sequence). */
export function practiceClients(count: number, now: Date, practice: PracticeSettings): ClientRecord[] {
  const rnd = seededRandom(300_003);
  const clock = new Clock(now);
  const exp = practice.invitationExpiryDays;
  const out: ClientRecord[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const id = practiceClientId(i);
    const first = FIRST[Math.floor(rnd() * FIRST.length)]!;
    const last = LAST[Math.floor(rnd() * LAST.length)]!;
    const local = `${first}.${last}.${i + 1}`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const jitter = rnd();
    out[i] = generatedClient({ id, first, last, local, jitter, scenario: scenarioOf(i), clock, exp, practice });
  }
  return out;
}

interface Spec {
  id: string;
  first: string;
  last: string;
  /** The local part of every address of this client (`ana.garcia.17`). */
  local: string;
  /** In [0, 1): spreads dates within a scenario's range. */
  jitter: number;
  scenario: Scenario;
  clock: Clock;
  exp: number;
  practice: PracticeSettings;
}

function generatedClient(s: Spec): ClientRecord {
  const { id, first, last, local, jitter, clock, exp } = s;
  const own = `${local}@example.com`;
  const adult = clock.birthDate(22 + Math.floor(jitter * 50), 1 + Math.floor(jitter * 300));
  const child = clock.birthDate(7 + Math.floor(jitter * 5), 1 + Math.floor(jitter * 300));
  const inv = (n: number, daysAgo: number, to: string, delivery: 'delivered' | 'bounced' | 'complained' = 'delivered') => invitation(`inv_${id.slice(3)}_${n}`, clock.ago(daysAgo * 24 * HOUR + Math.floor(jitter * 6) * HOUR), to, exp, delivery);
  const guardian = (n: number, opts: { legalGuardian?: boolean; consent?: boolean; portalUser?: Partial<Contact['portalUser']> } = {}): Contact =>
    contact({
      id: `ct_${id.slice(3)}_${n}`,
      clientId: id,
      firstName: GUARDIAN_FIRST[(n + Math.floor(jitter * 10)) % GUARDIAN_FIRST.length]!,
      lastName: last,
      relationship: n === 1 ? 'mother' : 'father',
      legalGuardian: opts.legalGuardian ?? true,
      emails: [email(`${local}.parent${n}@example.com`, opts.consent ?? true)],
      ...(opts.portalUser ? { portalUser: opts.portalUser } : {}),
    });
  const perms: ClientPermissions = { clientId: id, client: { ...DEFAULT_CLIENT_FLAGS }, portalUsers: [], version: 1 };
  const record = (summary: { dateOfBirth: string; emails: ReturnType<typeof email>[] }, a: ReturnType<typeof access>, contacts: Contact[] = []) =>
    new ClientRecord({
      summary: { id, firstName: first, lastName: last, ...summary },
      access: a,
      permissions: perms,
      contacts,
      documents: [],
      cards: [],
      insurance: [],
      invoices: [],
      payments: [],
      insurancePayments: [],
    });
  const typo = `${local}@${TYPO_DOMAINS[Math.floor(jitter * TYPO_DOMAINS.length)]!}`;
  const days = (min: number, span: number) => min + Math.floor(jitter * span);

  switch (s.scenario) {
    case 'active': {
      const sent = inv(1, days(20, 300), own);
      return record({ dateOfBirth: adult, emails: [email(own)] }, access(id, { state: 'active', email: own, invitations: [sent], firstSignInAt: clock.daysAgo(days(19, 10)), lastSignInAt: clock.daysAgo(days(0, 15)) }));
    }
    case 'activeMinor': {
      const sent = inv(1, days(30, 200), `${local}.parent1@example.com`);
      const mother = guardian(1, { portalUser: { state: 'active', email: `${local}.parent1@example.com`, invitations: [sent], firstSignInAt: clock.daysAgo(29), lastSignInAt: clock.daysAgo(days(0, 10)) } });
      return record({ dateOfBirth: child, emails: [] }, access(id, { state: 'active', invitations: [sent], firstSignInAt: clock.daysAgo(29), lastSignInAt: clock.daysAgo(days(0, 10)) }), [mother, guardian(2)]);
    }
    case 'notInvited':
      return record({ dateOfBirth: adult, emails: [email(own)] }, access(id));
    case 'notInvitedMinor':
      return record({ dateOfBirth: child, emails: [] }, access(id), [guardian(1), guardian(2)]);
    case 'notInvitedTypo':
      return record({ dateOfBirth: adult, emails: [email(typo)] }, access(id));
    case 'noConsent':
      return record({ dateOfBirth: adult, emails: [email(own, false)] }, access(id));
    case 'noEmail':
      return record({ dateOfBirth: adult, emails: [] }, access(id));
    case 'minorNoGuardian':
      return record({ dateOfBirth: child, emails: [] }, access(id), [guardian(1, { legalGuardian: false })]);
    case 'minorGuardianNoConsent':
      return record({ dateOfBirth: child, emails: [] }, access(id), [guardian(1, { consent: false })]);
    case 'invitedFresh':
      return record({ dateOfBirth: adult, emails: [email(own)] }, access(id, { state: 'invited', email: own, invitations: [inv(1, days(0, 2), own)] }));
    case 'invitedWaiting':
      return record({ dateOfBirth: adult, emails: [email(own)] }, access(id, { state: 'invited', email: own, invitations: [inv(1, days(3, 3), own)] }));
    case 'invitedWaitingMinor': {
      const when = days(3, 3);
      const sent = [inv(1, when, `${local}.parent1@example.com`), inv(2, when, `${local}.parent2@example.com`)];
      // One send to both guardians: the same instant.
      sent[1] = { ...sent[1]!, sentAt: sent[0]!.sentAt, expiresAt: sent[0]!.expiresAt };
      return record({ dateOfBirth: child, emails: [] }, access(id, { state: 'invited', invitations: sent }), [guardian(1, { portalUser: { state: 'invited', email: sent[0]!.to, invitations: [sent[0]!] } }), guardian(2, { portalUser: { state: 'invited', email: sent[1]!.to, invitations: [sent[1]!] } })]);
    }
    case 'invitedWaitingTypo':
      return record({ dateOfBirth: adult, emails: [email(typo)] }, access(id, { state: 'invited', email: typo, invitations: [inv(1, days(3, 3), typo)] }));
    case 'bounced': {
      const address = `${local}@bounce.test`;
      return record({ dateOfBirth: adult, emails: [email(address)] }, access(id, { state: 'invited', email: address, invitations: [inv(1, days(1, 5), address, 'bounced')] }));
    }
    case 'bouncedTypo':
      return record({ dateOfBirth: adult, emails: [email(typo)] }, access(id, { state: 'invited', email: typo, invitations: [inv(1, days(1, 5), typo, 'bounced')] }));
    case 'markedSpam':
      return record({ dateOfBirth: adult, emails: [email(own)] }, access(id, { state: 'invited', email: own, invitations: [inv(1, days(1, 5), own, 'complained')] }));
    case 'expired':
      return record({ dateOfBirth: adult, emails: [email(own)] }, access(id, { state: 'invited', email: own, invitations: [inv(1, days(exp + 1, 40), own)] }));
    case 'expiredNoConsent':
      // Consent withdrawn after the invitation went out: a resend has nowhere to go.
      return record({ dateOfBirth: adult, emails: [email(own, false)] }, access(id, { state: 'invited', email: own, invitations: [inv(1, days(exp + 1, 40), own)] }));
    case 'expiredMinorNoGuardian': {
      // Invited through a guardian who is no longer a legal guardian on the profile.
      const to = `${local}.parent1@example.com`;
      return record({ dateOfBirth: child, emails: [] }, access(id, { state: 'invited', invitations: [inv(1, days(exp + 1, 40), to)] }), [guardian(1, { legalGuardian: false })]);
    }
    case 'disabled': {
      const sent = inv(1, days(60, 200), own);
      return record({ dateOfBirth: adult, emails: [email(own)] }, access(id, { state: 'disabled', email: own, invitations: [sent], firstSignInAt: clock.daysAgo(59), lastSignInAt: clock.daysAgo(days(20, 30)), disabledAt: clock.daysAgo(days(1, 15)) }));
    }
    case 'activeSignedInBeforeReinvited': {
      // Signed in before, then disabled and invited again at a new address: no resend, the link instead.
      const first = inv(1, days(90, 100), own);
      const again = inv(2, days(3, 3), own);
      return record({ dateOfBirth: adult, emails: [email(own)] }, access(id, { state: 'invited', email: own, invitations: [first, again], firstSignInAt: clock.daysAgo(89), lastSignInAt: clock.daysAgo(40) }));
    }
  }
}
