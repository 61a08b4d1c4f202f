/**
 * What the mock store keeps per client. Public shapes come from `src/schemas`; the few fields the
 * API never returns (a card's processor token, whether an invoice is shared) live only here and are dropped by the `to*` mappers before anything is sent.
 */
import type {
  CardMethod,
  ClientPermissions,
  ClientSummary,
  Contact,
  DocumentTemplate,
  InsuranceMethod,
  IntakeDocument,
  Invoice,
  Money,
  Payment,
  PortalAccess,
  PracticeSettings,
} from '../src/schemas/index.js';

/** A document as stored: cancelled ones stay (status `cancelled`), listed only under that filter. */
export type StoredDocument = IntakeDocument;

export interface StoredCard extends CardMethod {
  /** The processor token the card was saved with (never sent back). */
  token: string;
}

export interface StoredInvoice extends Invoice {
  /** Only invoices the practice shared with the client are visible or payable. */
  shared: boolean;
}

/** An insurance payment: kept apart from card payments, it never shows in payment history. */
export interface InsurancePayment {
  id: string;
  createdAt: string;
  amount: Money;
  payerName: string;
  invoiceIds: string[];
}

export interface StoredPin {
  /** FNV-1a hash of the PIN: the PIN itself is shown once and not kept. */
  hash: string;
  expiresAt: string;
}

export interface ClientData {
  summary: ClientSummary;
  access: PortalAccess;
  permissions: ClientPermissions;
  contacts: Contact[];
  documents: StoredDocument[] | (() => StoredDocument[]);
  cards: StoredCard[];
  insurance: InsuranceMethod[];
  invoices: StoredInvoice[];
  /** Card payments, newest first. */
  payments: Payment[] | (() => Payment[]);
  insurancePayments: InsurancePayment[];
}

/** One client and everything hanging off it. Large collections may be generated on first use. */
export class ClientRecord {
  summary: ClientSummary;
  access: PortalAccess;
  permissions: ClientPermissions;
  contacts: Contact[];
  cards: StoredCard[];
  insurance: InsuranceMethod[];
  invoices: StoredInvoice[];
  insurancePayments: InsurancePayment[];
  pins: StoredPin[] = [];
  /** Ids of removed contacts: a versioned write to one answers 412 (someone removed it first), not 404. */
  readonly removedContactIds = new Set<string>();
  /** Bumped on every document write; sorted list views are cached against it. */
  documentsRevision = 0;
  readonly documentViews = new Map<string, { revision: number; items: StoredDocument[] }>();

  #documents: StoredDocument[] | undefined;
  #documentsFactory: (() => StoredDocument[]) | undefined;
  #payments: Payment[] | undefined;
  #paymentsFactory: (() => Payment[]) | undefined;

  constructor(data: ClientData) {
    this.summary = data.summary;
    this.access = data.access;
    this.permissions = data.permissions;
    this.contacts = data.contacts;
    this.cards = data.cards;
    this.insurance = data.insurance;
    this.invoices = data.invoices;
    this.insurancePayments = data.insurancePayments;
    if (typeof data.documents === 'function') this.#documentsFactory = data.documents;
    else this.#documents = data.documents;
    if (typeof data.payments === 'function') this.#paymentsFactory = data.payments;
    else this.#payments = data.payments;
  }

  get id(): string {
    return this.summary.id;
  }

  /** Every document, cancelled ones included; generated on first access for large fixtures. */
  get documents(): StoredDocument[] {
    if (!this.#documents) {
      this.#documents = this.#documentsFactory?.() ?? [];
      this.#documentsFactory = undefined;
    }
    return this.#documents;
  }

  /** Whether a lazily generated collection has been built yet (tests check laziness). */
  get materialized(): { documents: boolean; payments: boolean } {
    return { documents: this.#documents !== undefined, payments: this.#payments !== undefined };
  }

  /** Card payments, newest first. */
  get payments(): Payment[] {
    if (!this.#payments) {
      this.#payments = this.#paymentsFactory?.() ?? [];
      this.#paymentsFactory = undefined;
    }
    return this.#payments;
  }

  touchDocuments(): void {
    this.documentsRevision += 1;
    this.documentViews.clear();
  }
}

export interface WorldData {
  practice: PracticeSettings;
  templates: DocumentTemplate[];
  clients: ClientRecord[];
  bounceList: string[];
}

export function toDocument(d: StoredDocument): IntakeDocument {
  return { ...d, requiredSections: { ...d.requiredSections } };
}

export function toCard(c: StoredCard): CardMethod {
  return { id: c.id, kind: 'card', brand: c.brand, last4: c.last4, expMonth: c.expMonth, expYear: c.expYear, isDefault: c.isDefault };
}

export function toInvoice(i: StoredInvoice): Invoice {
  const { shared: _shared, ...invoice } = i;
  return invoice;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32): fixtures and PINs never use Math.random. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, 32 bit, hex: enough for a mock to "keep only a hash". */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
