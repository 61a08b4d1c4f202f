/**
 * The fixtures file: which records of the target backend are in each state the checks need, and
 * which of them the kit may write to. Validated with a clear message per mistake.
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { operations, type OperationName } from '../src/api/operations.js';
import { Id } from '../src/schemas/index.js';

/** Client states the checks need; a check whose state is not named is skipped, never passed. */
export const CLIENT_STATES = {
  adultSignedIn: 'An adult client who has signed in to the portal (resend answers 409 already_signed_in). Writes: PINs, contacts, documents, permissions.',
  invitedNeverSignedIn: 'Invited, never signed in, the last invitation older than the resend cooldown (a resend is allowed, the next one is not).',
  notInvitedConsentedEmail: 'Never invited, with an email address that has consent (a first invitation goes out).',
  emailWithoutConsent: 'Not invited; no email address has consent (422 no_consented_email).',
  minorWithoutGuardian: 'A minor with no legal guardian on the profile (409 no_legal_guardian).',
  minorWithGuardian: 'A minor with at least one legal guardian who has a consented email (portal emails go to the guardians).',
  disabled: 'Portal access disabled (PINs answer 409 access_disabled).',
  openInvoices: 'Open shared invoices, the pay-balance permission and a saved card (the practice has an active online-payments account).',
  withoutPayPermission: 'At least one open invoice but no pay-balance permission (paying answers 403 missing_permission).',
  noOpenInvoices: 'The pay-balance permission and no open invoice (paying answers 409 nothing_to_pay).',
  insuranceMethod: 'An insurance payment method on the profile (card images can be uploaded).',
  noInsuranceMethod: 'No insurance payment method (an upload answers 409 no_insurance_method).',
} as const;
export type ClientState = keyof typeof CLIENT_STATES;

export const DOCUMENT_STATES = {
  signed: 'A signed (completed) document: cancel and remind answer 409 document_signed.',
  unsigned: 'A document sent and not signed, not reminded within the reminder cooldown.',
} as const;
export type DocumentState = keyof typeof DOCUMENT_STATES;

const ClientRef = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'expected a client id (letters, digits, _ and -, at most 64 characters)' }));
const OperationRef = z.enum(Object.keys(operations) as [OperationName, ...OperationName[]], { error: `expected an operation of docs/api.md (${Object.keys(operations).slice(0, 3).join(', ')}, …)` });

const ClientStates = z.strictObject(Object.fromEntries(Object.keys(CLIENT_STATES).map((k) => [k, z.optional(ClientRef)])) as Record<ClientState, z.ZodMiniOptional<typeof ClientRef>>);
const DocumentRef = z.strictObject({ clientId: ClientRef, documentId: Id });
const DocumentStates = z.strictObject(Object.fromEntries(Object.keys(DOCUMENT_STATES).map((k) => [k, z.optional(DocumentRef)])) as Record<DocumentState, z.ZodMiniOptional<typeof DocumentRef>>);

export const FixturesSchema = z.strictObject({
  $schema: z.optional(z.string()),
  /** Free text for the people who maintain the file. */
  description: z.optional(z.string()),
  clients: ClientStates,
  documents: z.optional(DocumentStates),
  auth: z.optional(
    z.strictObject({
      /** A request this token may not make (a valid token, refused): must answer 403, never 401. */
      forbidden: z.optional(
        z.strictObject({
          operation: OperationRef,
          params: z.record(z.string(), z.string()),
          /** Another staff user's token to make the request with; default: the kit's token. */
          token: z.optional(z.string().check(z.minLength(1))),
        }),
      ),
      /** An expired or revoked token the backend must answer 401 to (default: no token at all). */
      rejectedToken: z.optional(z.string().check(z.minLength(1))),
    }),
  ),
  /** A card token your processor's test mode accepts (e.g. Stripe's `tok_visa`): saving a card. */
  cardToken: z.optional(z.string().check(z.regex(/^tok_[A-Za-z0-9_]{4,120}$/, { error: 'expected a processor token like tok_visa (tok_ then 4 to 120 letters, digits or _)' }))),
  writes: z.optional(
    z.strictObject({
      /** Clients the kit may write to (invitations, PINs, contacts, documents, permissions, cards). */
      clients: z.optional(z.array(ClientRef)),
      /** May send updatePractice (with the practice's current value: the setting never changes). */
      practice: z.optional(z.boolean()),
      /** May charge the `openInvoices` client (one invoice per run; test mode only). */
      payments: z.optional(z.boolean()),
    }),
  ),
});
export type Fixtures = z.infer<typeof FixturesSchema>;

/** Thrown for a fixtures file the kit cannot use; the message lists every mistake, one per line. */
export class FixturesError extends Error {
  override name = 'FixturesError';
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      prev = next;
    }
  }
  return row[b.length]!;
}

const KNOWN_KEYS: Record<string, readonly string[]> = {
  '': Object.keys(FixturesSchema.shape),
  clients: Object.keys(CLIENT_STATES),
  documents: Object.keys(DOCUMENT_STATES),
  auth: ['forbidden', 'rejectedToken'],
  'auth.forbidden': ['operation', 'params', 'token'],
  writes: ['clients', 'practice', 'payments'],
  documentRef: ['clientId', 'documentId'],
};

function suggestion(parent: string, key: string): string {
  const known = KNOWN_KEYS[parent.replace(/\.\d+/g, '').replace(/^documents\.\w+$/, 'documentRef')] ?? [];
  const best = known.map((k) => ({ k, d: distance(key, k) })).sort((a, b) => a.d - b.d)[0];
  const hint = best && best.d <= Math.max(2, Math.floor(key.length / 3)) ? ` (did you mean "${best.k}"?)` : known.length ? ` (known: ${known.join(', ')})` : '';
  return `unknown key "${key}"${hint}`;
}

function issueText(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  const where = path || '(top level)';
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => `${path ? `${path}.` : ''}${key}: ${suggestion(path, key)}`).join('\n');
    case 'invalid_type':
      return `${where}: expected ${issue.expected === 'object' ? 'an object' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}${issue.input === undefined ? ' (missing)' : ''}`;
    default:
      return `${where}: ${issue.message && issue.message !== 'Invalid input' ? issue.message : issue.code.replaceAll('_', ' ')}`;
  }
}

/** Checks that go beyond shape: ids named in `writes` and `auth.forbidden` make sense. */
function crossCheck(f: Fixtures): string[] {
  const mistakes: string[] = [];
  const forbidden = f.auth?.forbidden;
  if (forbidden) {
    const op = operations[forbidden.operation as OperationName];
    const needed = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    for (const p of needed) if (!(p in forbidden.params)) mistakes.push(`auth.forbidden.params: ${forbidden.operation} needs "${p}" (${op.path})`);
    for (const p of Object.keys(forbidden.params)) if (!needed.includes(p)) mistakes.push(`auth.forbidden.params.${p}: ${forbidden.operation} has no such path parameter (${op.path})`);
  }
  if (f.writes?.payments && !f.clients.openInvoices) mistakes.push('writes.payments: true needs clients.openInvoices (the client the kit charges)');
  return mistakes;
}

export function parseFixtures(text: string, file: string): Fixtures {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new FixturesError(`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const r = z.safeParse(FixturesSchema, raw);
  if (!r.success) {
    const lines = r.error.issues.flatMap((i) => issueText(i).split('\n'));
    throw new FixturesError(`${file}: ${lines.length} mistake${lines.length === 1 ? '' : 's'}\n${lines.map((l) => `  ${l}`).join('\n')}`);
  }
  const mistakes = crossCheck(r.data);
  if (mistakes.length) throw new FixturesError(`${file}: ${mistakes.length} mistake${mistakes.length === 1 ? '' : 's'}\n${mistakes.map((l) => `  ${l}`).join('\n')}`);
  return r.data;
}

export function loadFixtures(file: string): Fixtures {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FixturesError(`${file}: cannot read the fixtures file (${code === 'ENOENT' ? 'no such file' : (code ?? String(e))})`);
  }
  return parseFixtures(text, file);
}

/** No fixtures file: every check that needs a named state is skipped with its reason. */
export const NO_FIXTURES: Fixtures = { clients: {} };

/** The fixtures file as JSON Schema (draft 2020-12), for editors: `--fixtures-schema`. */
export function fixturesJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(FixturesSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as {
    properties: Record<string, { properties?: Record<string, { description?: string }>; description?: string }>;
  } & Record<string, unknown>;
  const describe = (key: string, states: Record<string, string>) => {
    for (const [state, text] of Object.entries(states)) {
      const p = schema.properties[key]?.properties?.[state];
      if (p) p.description = text;
    }
  };
  describe('clients', CLIENT_STATES);
  describe('documents', DOCUMENT_STATES);
  const top: Record<string, string> = {
    clients: 'Client ids of the target backend, one per state the checks need. A state not named skips its checks.',
    documents: 'Intake documents in the states the document rules need.',
    auth: 'forbidden: a request the token may not make (must answer 403); rejectedToken: an expired or revoked token (must answer 401).',
    cardToken: 'A card token your processor test mode accepts (e.g. tok_visa).',
    writes: 'What the kit may write: clients (ids), practice (updatePractice with the current value), payments (charges openInvoices; test mode only).',
  };
  for (const [key, text] of Object.entries(top)) if (schema.properties[key]) schema.properties[key].description = text;
  return { ...schema, title: 'portal-widgets-conformance fixtures', description: 'See docs/conformance.md, "The fixtures file".' };
}
