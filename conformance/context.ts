/**
 * What every check gets: the probe, the fixtures with their states, the write permissions, and
 * reads of the backend shared between checks (each made once per run).
 */
import type { OperationName } from '../src/api/operations.js';
import type { ClientPermissions, ClientSummary, Contact, PortalAccess, PracticeSettings } from '../src/schemas/index.js';
import { skip } from './check.js';
import { expectSuccess } from './contract.js';
import { CLIENT_STATES, DOCUMENT_STATES, type ClientState, type DocumentState, type Fixtures } from './fixtures.js';
import type { Exchange, Probe } from './probe.js';
import type { TokenSource } from './token.js';

export interface ContextOptions {
  readOnly: boolean;
  origin?: string;
  fixturesFile?: string;
}

export class CheckContext {
  readonly #memo = new Map<string, Promise<unknown>>();
  readonly #cleanups = new Map<string, () => Promise<void>>();

  constructor(
    readonly probe: Probe,
    readonly fixtures: Fixtures,
    readonly tokens: TokenSource,
    readonly options: ContextOptions,
  ) {}

  /** The client in this state, or skip: a state that is not named is never passed. */
  client(state: ClientState): string {
    const id = this.fixtures.clients[state];
    if (!id) skip(`the fixtures name no client for "${state}" (clients.${state}: ${CLIENT_STATES[state]})`);
    return id;
  }

  document(state: DocumentState): { clientId: string; documentId: string } {
    const ref = this.fixtures.documents?.[state];
    if (!ref) skip(`the fixtures name no document for "${state}" (documents.${state}: ${DOCUMENT_STATES[state]})`);
    return ref;
  }

  /** Every client the fixtures name, once each. */
  namedClients(): string[] {
    const ids = [...Object.values(this.fixtures.clients), ...Object.values(this.fixtures.documents ?? {}).map((d) => d?.clientId)];
    return [...new Set(ids.filter((id): id is string => !!id))];
  }

  /** Skips unless the kit may write to this client. */
  mayWrite(clientId: string): void {
    if (this.options.readOnly) skip('--read-only: this check writes');
    if (!this.fixtures.writes?.clients?.includes(clientId)) skip(`writes to ${clientId} are not allowed: add it to writes.clients in the fixtures`);
  }

  mayWritePractice(): void {
    if (this.options.readOnly) skip('--read-only: this check writes');
    if (!this.fixtures.writes?.practice) skip('writing practice settings is not allowed: set writes.practice in the fixtures');
  }

  mayPay(): void {
    if (this.options.readOnly) skip('--read-only: this check charges a card');
    if (!this.fixtures.writes?.payments) skip('payments are not allowed: set writes.payments (test mode only) in the fixtures');
    this.mayWrite(this.client('openInvoices'));
  }

  /** Runs `make` once per run and shares its result (a failure is shared too). */
  memo<T>(key: string, make: () => Promise<T>): Promise<T> {
    let p = this.#memo.get(key) as Promise<T> | undefined;
    if (!p) this.#memo.set(key, (p = make()));
    return p;
  }

  /** Forgets a shared record (its life ended: removed, cancelled) and its pending clean-up. */
  forget(key: string): void {
    this.#memo.delete(key);
    this.#cleanups.delete(key);
  }

  /** Undoes a shared record's write at the end of the run unless a check ended its life first. */
  onCleanup(key: string, undo: () => Promise<void>): void {
    this.#cleanups.set(key, undo);
  }

  /** Runs the pending clean-ups; returns what could not be undone. */
  async cleanUp(): Promise<string[]> {
    const left: string[] = [];
    for (const [key, undo] of this.#cleanups) {
      try {
        await undo();
      } catch (e) {
        left.push(`${key}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    this.#cleanups.clear();
    return left;
  }

  /** A read that must succeed (its failure is the check's failure). */
  async read<N extends OperationName>(name: N, params: Record<string, string> = {}): Promise<ReturnType<typeof expectSuccess<N>>> {
    return expectSuccess(await this.probe.call(name, { params }), name);
  }

  practice(): Promise<PracticeSettings> {
    return this.memo('practice', () => this.read('getPractice'));
  }

  /** Fresh reads (state changes during a run). */
  access(clientId: string): Promise<PortalAccess> {
    return this.read('getPortalAccess', { clientId });
  }

  permissions(clientId: string): Promise<ClientPermissions> {
    return this.read('getPermissions', { clientId });
  }

  summary(clientId: string): Promise<ClientSummary> {
    return this.memo(`client:${clientId}`, () => this.read('getClient', { clientId }));
  }

  contacts(clientId: string): Promise<Contact[]> {
    return this.read('listContacts', { clientId });
  }

  /** "Now" on the server (its Date header), so cooldown predictions do not depend on this machine's clock. */
  serverNow(ex?: Exchange): Date {
    const header = (ex ?? this.probe.exchanges.at(-1))?.headers.get('date');
    const t = header ? Date.parse(header) : NaN;
    return Number.isFinite(t) ? new Date(t) : new Date();
  }
}
