/**
 * The mock portal API's in-memory state: practice settings, clients and everything hanging off them,
 * idempotency records, a log of every email "sent", and a clock tests can set.
 */
import type { Capability, Contact, DocumentTemplate, PortalAccess, ClientPermissions, PracticeSettings, StaffMember, StaffRole } from '../src/schemas/index.js';
import { buildWorld, isWorldName, type WorldName } from './fixtures.js';
import { ClientRecord, seededRandom } from './model.js';
import { capabilitiesOf, isStaffRole, STAFF_MEMBERS } from './staff.js';
import { ActivityLog } from './activity-log.js';
import { seedActivity } from './activity-fixtures.js';

export type EmailKind = 'invitation' | 'document' | 'reminder';

/** One email the mock "sent". Tests count these. */
export interface SentEmail {
  kind: EmailKind;
  to: string;
  clientId: string;
  /** The contact it went to, when it went to a guardian or other portal user. */
  contactId: string | null;
  documentId: string | null;
  /** The custom message staff added, if any. */
  message: string | null;
  delivery: 'delivered' | 'bounced';
  at: string;
}

/** A response kept for an Idempotency-Key, replayed for a retry with the same body. */
export interface IdempotencyRecord {
  fingerprint: string;
  status: number;
  body: unknown;
  headers: Record<string, string>;
  createdAt: string;
}

/** Something went wrong inside the mock (a bug): kept here instead of printed. */
export interface InternalError {
  operation: string;
  at: string;
  message: string;
  issues?: unknown;
}

export interface MockStoreOptions {
  world?: WorldName;
  /** Freeze the clock at this instant (tests). Without it the store follows the real clock. */
  now?: Date | string | number;
  /** Seed for PINs and generated data. */
  seed?: number;
  /** Who is signed in (their role decides what the API allows); default `owner`. */
  staff?: StaffRole;
}

const DEFAULT_SEED = 20240313;

export class MockStore {
  world: WorldName = 'default';
  practice!: PracticeSettings;
  templates: DocumentTemplate[] = [];
  readonly clients = new Map<string, ClientRecord>();
  /** Every email sent since the last reset, oldest first. */
  emails: SentEmail[] = [];
  /** Addresses whose mail bounces (lower case). Anything at `@bounce.test` bounces too. */
  bounceList = new Set<string>();
  readonly idempotency = new Map<string, IdempotencyRecord>();
  /** Bugs caught by the handlers' safety net (tests assert this stays empty). */
  internalErrors: InternalError[] = [];
  /**
   * The signed-in staff member: `GET /session` answers them, and every operation needs a capability
   * of their role (mock-server/staff.ts). Like the clock, a setting that `reset()` keeps.
   */
  staff: StaffMember = STAFF_MEMBERS.owner;
  /** Each client's activity trail, by client id (seeded for some fixture clients). */
  activity = new Map<string, ActivityLog>();

  #fixedNow: number | null = null;
  #seed: number;
  #random: () => number;
  #ids = new Map<string, number>();
  #requests = 0;

  constructor(options: MockStoreOptions = {}) {
    this.#seed = options.seed ?? DEFAULT_SEED;
    this.#random = seededRandom(this.#seed);
    if (options.now !== undefined) this.setNow(options.now);
    if (options.staff !== undefined) this.setStaff(options.staff);
    this.reset(options.world ?? 'default');
  }

  // ---- clock -------------------------------------------------------------------------------

  now(): Date {
    return new Date(this.#fixedNow ?? Date.now());
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  /** Freeze the clock at `date`; `null` goes back to the real clock. */
  setNow(date: Date | string | number | null): void {
    if (date === null) {
      this.#fixedNow = null;
      return;
    }
    const t = new Date(date).getTime();
    if (Number.isNaN(t)) throw new RangeError('setNow: invalid date');
    this.#fixedNow = t;
  }

  /** Move a frozen clock forward (freezes the real clock first if needed). */
  advance(ms: number): void {
    this.#fixedNow = this.now().getTime() + ms;
  }

  // ---- who is signed in ----------------------------------------------------------------------

  /** Sign in as the mock's staff member of this role. */
  setStaff(role: StaffRole): void {
    if (!isStaffRole(role)) throw new RangeError(`Unknown staff role "${String(role)}"`);
    this.staff = STAFF_MEMBERS[role];
  }

  /** What the signed-in staff member may do. */
  capabilities(): Capability[] {
    return capabilitiesOf(this.staff.role);
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  /** Back to the fixtures of `world`, dated relative to `now()`. The clock setting is kept. */
  reset(world: WorldName = this.world): void {
    if (!isWorldName(world)) throw new RangeError(`Unknown world "${String(world)}"`);
    this.world = world;
    this.#random = seededRandom(this.#seed);
    this.#ids.clear();
    this.#requests = 0;
    const data = buildWorld(world, this.now());
    this.practice = data.practice;
    this.templates = data.templates;
    this.clients.clear();
    for (const c of data.clients) this.clients.set(c.id, c);
    this.bounceList = new Set(data.bounceList.map((a) => a.toLowerCase()));
    this.emails = [];
    this.idempotency.clear();
    this.internalErrors = [];
    this.activity = seedActivity(this.now());
  }

  // ---- ids and randomness -------------------------------------------------------------------

  /** The next id with this prefix: `doc_1001`, `doc_1002`, … (deterministic after each reset). */
  nextId(prefix: string): string {
    const n = (this.#ids.get(prefix) ?? 1000) + 1;
    this.#ids.set(prefix, n);
    return `${prefix}_${n}`;
  }

  /** `req_1`, `req_2`, …: sent as `X-Request-Id` (counts from 1 after each reset). */
  nextRequestId(): string {
    this.#requests += 1;
    return `req_${this.#requests}`;
  }

  /** Seeded pseudo-random number in [0, 1). */
  random(): number {
    return this.#random();
  }

  // ---- lookups ------------------------------------------------------------------------------

  client(id: string): ClientRecord | undefined {
    return this.clients.get(id);
  }

  /** A client's activity trail (empty until something is recorded). */
  activityOf(clientId: string): ActivityLog {
    let log = this.activity.get(clientId);
    if (!log) this.activity.set(clientId, (log = new ActivityLog()));
    return log;
  }

  isBounced(address: string): boolean {
    const a = address.trim().toLowerCase();
    return this.bounceList.has(a) || a.endsWith('@bounce.test');
  }

  /** Emails sent to one client (to them or to their guardians / portal users). */
  emailsFor(clientId: string, kind?: EmailKind): SentEmail[] {
    return this.emails.filter((e) => e.clientId === clientId && (!kind || e.kind === kind));
  }

  // ---- writes (every write of a versioned resource bumps its version) ------------------------

  sendEmail(email: Omit<SentEmail, 'delivery' | 'at' | 'contactId' | 'documentId' | 'message'> & Partial<Pick<SentEmail, 'contactId' | 'documentId' | 'message'>>): SentEmail {
    const sent: SentEmail = {
      kind: email.kind,
      to: email.to,
      clientId: email.clientId,
      contactId: email.contactId ?? null,
      documentId: email.documentId ?? null,
      message: email.message ?? null,
      delivery: this.isBounced(email.to) ? 'bounced' : 'delivered',
      at: this.nowIso(),
    };
    this.emails.push(sent);
    return sent;
  }

  savePractice(next: Omit<PracticeSettings, 'version'>): PracticeSettings {
    this.practice = { ...next, version: this.practice.version + 1 };
    return this.practice;
  }

  saveAccess(record: ClientRecord, next: Omit<PortalAccess, 'version'>): PortalAccess {
    record.access = { ...next, version: record.access.version + 1 };
    return record.access;
  }

  savePermissions(record: ClientRecord, next: Omit<ClientPermissions, 'version'>): ClientPermissions {
    record.permissions = { ...next, version: record.permissions.version + 1 };
    return record.permissions;
  }

  /** Insert or replace a contact; a replaced one gets the next version. */
  saveContact(record: ClientRecord, next: Omit<Contact, 'version'>): Contact {
    const i = record.contacts.findIndex((c) => c.id === next.id);
    const previous = i >= 0 ? record.contacts[i] : undefined;
    const saved: Contact = { ...next, version: previous ? previous.version + 1 : 1 };
    if (i >= 0) record.contacts[i] = saved;
    else record.contacts.push(saved);
    return saved;
  }

  removeContact(record: ClientRecord, contactId: string): void {
    record.contacts = record.contacts.filter((c) => c.id !== contactId);
    record.removedContactIds.add(contactId);
    if (record.permissions.portalUsers.some((u) => u.contactId === contactId)) {
      this.savePermissions(record, { ...record.permissions, portalUsers: record.permissions.portalUsers.filter((u) => u.contactId !== contactId) });
    }
  }
}
