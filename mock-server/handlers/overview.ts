/**
 * The practice overview: the diagnosis of `<portal-invite-status>` run over every client, counted,
 * listed by finding, and bulk invitations under the rules of a single one. Every finding comes
 * from `diagnosePortalAccess` and every send decision from `bulkInvitationOutcome` (src/domain):
 * nothing here decides a rule.
 */
import { diagnosePortalAccess, type Finding } from '../../src/domain/portal-diagnosis.js';
import { bulkInvitationOutcome, overviewFindings, UNANSWERED_AFTER_DAYS } from '../../src/domain/practice-overview.js';
import {
  AccessState,
  LIST_LIMITS,
  OverviewFinding,
  type BulkInvitationOutcome,
  type BulkSkipReason,
  type FindingEvidence,
  type OverviewClient,
  type PortalOverview,
} from '../../src/schemas/index.js';
import type { ClientRecord } from '../model.js';
import { problem, type FieldError, type OperationImpls } from '../respond.js';
import type { MockStore } from '../store.js';
import { inviteClient, page } from './shared.js';

type OverviewOps = 'getPortalOverview' | 'listPortalOverviewClients' | 'searchPortalOverviewClients' | 'sendBulkInvitations';

const FINDINGS = OverviewFinding.options;
const STATES = AccessState.options;

/** Case- and accent-insensitive text for sorting and the name search. */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const displayName = (rec: ClientRecord) => `${rec.summary.firstName} ${rec.summary.lastName}`.trim();

/** Sort keys of records (made once per record: names do not change through the API). */
const sortKeys = new WeakMap<ClientRecord, string>();
function sortKey(rec: ClientRecord): string {
  let key = sortKeys.get(rec);
  if (key === undefined) {
    key = `${folded(rec.summary.lastName)}\u0000${folded(rec.summary.firstName)}\u0000${rec.id}`;
    sortKeys.set(rec, key);
  }
  return key;
}

/** The sorted order of a store's clients, kept while its records stay the same ones (until a reset). */
const orders = new WeakMap<MockStore, { first: ClientRecord | undefined; size: number; order: ClientRecord[] }>();

/** Every client by last name, first name, id: the order every list and every bulk batch follows. */
function byName(store: MockStore): ClientRecord[] {
  const first = store.clients.values().next().value;
  const kept = orders.get(store);
  if (kept && kept.first === first && kept.size === store.clients.size) return kept.order;
  const order = [...store.clients.values()].sort((a, b) => {
    const ka = sortKey(a);
    const kb = sortKey(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  orders.set(store, { first, size: store.clients.size, order });
  return order;
}

interface Diagnosed {
  rec: ClientRecord;
  /** The full diagnosis, as `<portal-invite-status>` shows it. */
  all: Finding[];
  /** What the overview counts (a fresh invitation is not a finding yet). */
  counted: Finding[];
}

/**
 * A client's diagnosis, kept while nothing it reads has changed: the same access, summary and
 * contacts (by version), the same practice settings, and the same minute (findings move with the
 * clock: expiry, days waiting, birthdays). 20,000 clients are diagnosed once, not on every page.
 */
interface KeptDiagnosis {
  access: ClientRecord['access'];
  summary: ClientRecord['summary'];
  contacts: string;
  practice: number;
  minute: number;
  diagnosed: Diagnosed;
}
const kept = new WeakMap<ClientRecord, KeptDiagnosis>();

function diagnose(store: MockStore, rec: ClientRecord, now: Date): Diagnosed {
  const contacts = rec.contacts.map((c) => `${c.id}:${c.version}`).join();
  const minute = Math.floor(now.getTime() / 60_000);
  const k = kept.get(rec);
  if (k && k.access === rec.access && k.summary === rec.summary && k.contacts === contacts && k.practice === store.practice.version && k.minute === minute) return k.diagnosed;
  const all = diagnosePortalAccess({ practice: store.practice, client: rec.summary, access: rec.access, contacts: rec.contacts, now });
  const diagnosed = { rec, all, counted: overviewFindings(all) };
  kept.set(rec, { access: rec.access, summary: rec.summary, contacts, practice: store.practice.version, minute, diagnosed });
  return diagnosed;
}

/** Every client with its findings, in list order. */
function diagnoseAll(store: MockStore): Diagnosed[] {
  const now = store.now();
  return byName(store).map((rec) => diagnose(store, rec, now));
}

function summarize(store: MockStore, diagnosed: readonly Diagnosed[]): PortalOverview {
  const byFinding = new Map(FINDINGS.map((f) => [f, 0]));
  const byState = new Map(STATES.map((s) => [s, { clients: 0, findings: new Map<OverviewFinding, number>() }]));
  for (const { rec, counted } of diagnosed) {
    const state = byState.get(rec.access.state)!;
    state.clients += 1;
    for (const id of new Set(counted.map((f) => f.id))) {
      byFinding.set(id, byFinding.get(id)! + 1);
      state.findings.set(id, (state.findings.get(id) ?? 0) + 1);
    }
  }
  const order = (f: OverviewFinding) => FINDINGS.indexOf(f);
  return {
    totalClients: diagnosed.length,
    portalEnabled: store.practice.portalEnabled,
    unansweredAfterDays: UNANSWERED_AFTER_DAYS,
    states: STATES.map((state) => {
      const s = byState.get(state)!;
      const findings = [...s.findings].map(([finding, clients]) => ({ finding, clients })).sort((a, b) => b.clients - a.clients || order(a.finding) - order(b.finding));
      return { state, clients: s.clients, findings };
    }),
    findings: FINDINGS.map((finding) => ({ finding, clients: byFinding.get(finding)! })),
    computedAt: store.nowIso(),
  };
}

function evidence(f: Finding): FindingEvidence {
  const e: FindingEvidence = {};
  if (f.about) e.about = f.about;
  if (f.address) e.address = f.address;
  if (f.suggestion) e.suggestion = f.suggestion;
  if (f.contactId) e.contactId = f.contactId;
  if (f.at) e.at = f.at;
  if (f.days !== undefined) e.days = f.days;
  return e;
}

/** A short stand-in for the name search inside a cursor. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

function clientPage(store: MockStore, q: { finding: OverviewFinding; name?: string | undefined; cursor?: string | undefined; limit?: number | undefined }) {
  const needle = q.name ? folded(q.name.trim()) : '';
  const rows: { rec: ClientRecord; finding: Finding }[] = [];
  for (const d of diagnoseAll(store)) {
    const finding = d.counted.find((f) => f.id === q.finding);
    if (finding && (!needle || folded(displayName(d.rec)).includes(needle))) rows.push({ rec: d.rec, finding });
  }
  const p = page(rows, `overview:${q.finding}:${needle ? hash(needle) : ''}`, q.cursor, q.limit ?? 25);
  const items: OverviewClient[] = p.slice.map(({ rec, finding }) => ({
    clientId: rec.id,
    displayName: displayName(rec),
    state: rec.access.state,
    finding: finding.id,
    fix: finding.fix,
    evidence: evidence(finding),
  }));
  return { items, nextCursor: p.nextCursor, total: p.total };
}

export function overviewHandlers(store: MockStore): Pick<OperationImpls, OverviewOps> {
  return {
    getPortalOverview: {
      run: () => ({ body: summarize(store, diagnoseAll(store)) }),
    },

    listPortalOverviewClients: {
      run: (ctx) => ({ body: clientPage(store, ctx.query) }),
    },

    searchPortalOverviewClients: {
      run: (ctx) => ({ body: clientPage(store, ctx.body) }),
    },

    sendBulkInvitations: {
      run(ctx) {
        const now = store.now();
        const limit = LIST_LIMITS.bulkInvitations;
        let chosen: Diagnosed[];
        let remaining = 0;
        if ('finding' in ctx.body) {
          const finding = ctx.body.finding;
          const members = diagnoseAll(store).filter((d) => d.counted.some((f) => f.id === finding));
          chosen = members.slice(0, limit);
          remaining = members.length - chosen.length;
        } else {
          const errors: FieldError[] = [];
          const ids = ctx.body.clientIds;
          ids.forEach((id, i) => {
            if (!store.client(id)) errors.push({ path: `$.clientIds[${i}]`, message: 'Unknown client' });
          });
          if (errors.length) throw problem('bad_request', 'Some clients do not exist.', { errors });
          chosen = [...new Set(ids)].map((id) => diagnose(store, store.client(id)!, now));
        }

        const results: BulkInvitationOutcome[] = [];
        const skippedBy = new Map<BulkSkipReason, number>();
        let sent = 0;
        let emails = 0;
        for (const { rec, all } of chosen) {
          // The same decision as a single send, from the same rules; a dry run stops here.
          const outcome = bulkInvitationOutcome({ practice: store.practice, client: rec.summary, access: rec.access, contacts: rec.contacts, now }, all);
          if (!outcome.send) {
            skippedBy.set(outcome.reason, (skippedBy.get(outcome.reason) ?? 0) + 1);
            results.push({ clientId: rec.id, outcome: 'skipped', reason: outcome.reason, emails: 0, ...(outcome.retryAt ? { retryAt: outcome.retryAt.toISOString() } : {}) });
            continue;
          }
          if (!ctx.body.dryRun) inviteClient(store, rec, outcome.recipients, null);
          sent += 1;
          emails += outcome.recipients.length;
          results.push({ clientId: rec.id, outcome: 'sent', emails: outcome.recipients.length });
        }
        return {
          body: {
            dryRun: ctx.body.dryRun,
            sent,
            emails,
            skipped: results.length - sent,
            skippedBy: [...skippedBy].map(([reason, clients]) => ({ reason, clients })),
            results,
            remaining,
          },
        };
      },
    },
  };
}
