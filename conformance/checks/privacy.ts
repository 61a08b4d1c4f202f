/**
 * privacy: no name, email or date of birth of the fixture clients (and their contacts) in any
 * problem the backend sent during the run, in X-Request-Id, or in a URL the API hands out; and
 * submitted values are never echoed back in problems.
 */
import { operationDocs, problemWhen } from '../../scripts/openapi/operation-docs.js';
import { fail, skip, type Check } from '../check.js';
import type { CheckContext } from '../context.js';
import { problemCodeOf } from '../contract.js';
import type { Exchange } from '../probe.js';

interface Phi {
  label: string;
  test(text: string): boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function word(value: string, label: string): Phi {
  const re = new RegExp(`(^|[^\\p{L}\\p{N}])${escape(value.toLowerCase())}($|[^\\p{L}\\p{N}])`, 'u');
  return { label, test: (text) => re.test(text.toLowerCase()) };
}

function literal(value: string, label: string): Phi {
  const needle = value.toLowerCase();
  return { label, test: (text) => text.toLowerCase().includes(needle) };
}

/**
 * Words the API's own documentation uses ("minor", "guardian", "card"…): a name that is one of them
 * is looked for as a full name only, or every "The minor has no legal guardian" would be a leak.
 */
const VOCABULARY = new Set(JSON.stringify([operationDocs, problemWhen]).toLowerCase().match(/\p{L}+/gu) ?? []);

/** Names, emails and dates of birth of every named client and their contacts, read from the backend. */
function phiOf(ctx: CheckContext): Promise<Phi[]> {
  return ctx.memo('phi', async () => {
    const out: Phi[] = [];
    for (const clientId of ctx.namedClients()) {
      const client = await ctx.summary(clientId);
      const contacts = await ctx.contacts(clientId);
      const people = [{ who: `${clientId}`, ...client }, ...contacts.map((c) => ({ who: `${clientId} contact ${c.id}`, ...c, dateOfBirth: null }))];
      for (const p of people) {
        const first = p.firstName.trim();
        const last = p.lastName.trim();
        if (first && last) out.push(word(`${first} ${last}`, `the name of ${p.who}`), word(`${last}, ${first}`, `the name of ${p.who}`));
        for (const [field, name] of [
          ['first name', first],
          ['last name', last],
        ] as const) {
          // Two-letter names and the API's own words match too much ordinary text to mean anything.
          if (name.length >= 3 && !VOCABULARY.has(name.toLowerCase())) out.push(word(name, `the ${field} of ${p.who}`));
        }
        for (const e of p.emails) out.push(literal(e.address, `an email address of ${p.who}`));
        if (p.dateOfBirth) {
          const [y, m, d] = p.dateOfBirth.split('-');
          out.push(literal(p.dateOfBirth, `the date of birth of ${p.who}`), literal(`${m}/${d}/${y}`, `the date of birth of ${p.who}`));
        }
      }
    }
    return out;
  });
}

function findPhi(phi: readonly Phi[], text: string): string | null {
  for (const p of phi) if (p.test(text)) return p.label;
  return null;
}

/** The text members of a problem that end up in logs and bug reports. */
function problemTexts(ex: Exchange): { member: string; text: string }[] {
  const body = ex.json as { title?: unknown; detail?: unknown; errors?: unknown } | undefined;
  if (!body || typeof body !== 'object') return [];
  const out: { member: string; text: string }[] = [];
  if (typeof body.title === 'string') out.push({ member: 'title', text: body.title });
  if (typeof body.detail === 'string') out.push({ member: 'detail', text: body.detail });
  if (Array.isArray(body.errors)) {
    body.errors.forEach((e: { path?: unknown; message?: unknown }, i) => {
      if (typeof e?.message === 'string') out.push({ member: `errors[${i}].message`, text: e.message });
      if (typeof e?.path === 'string') out.push({ member: `errors[${i}].path`, text: e.path });
    });
  }
  return out;
}

/** Problems on records that hold PHI, made with reads, so the check has material even with `--only privacy`. */
async function provokeProblems(ctx: CheckContext): Promise<void> {
  for (const clientId of ctx.namedClients()) {
    await ctx.probe.call('listDocuments', { params: { clientId }, query: { limit: 0 } });
    await ctx.probe.call('listPayments', { params: { clientId }, query: { cursor: 'conformance-not-a-cursor' } });
  }
}

/** Not anyone's data: the kit submits these and looks for them in the answers. */
const ECHO_EMAIL = 'echo-marker.conformance@example.com';
const ECHO_TEXT = 'Quixotrel Echomarker';

export const privacyChecks: Check[] = [
  {
    id: 'privacy.problem-text',
    group: 'privacy',
    title: 'no problem title, detail or errors names a client, an email or a date of birth',
    remedy: 'Name the field, never its value: no client names, emails or dates of birth in title, detail or errors[].message.',
    doc: 'errors',
    async run(ctx) {
      const phi = await phiOf(ctx);
      await provokeProblems(ctx);
      const problems = ctx.probe.exchanges.filter((ex) => ex.status >= 400 && ex.json && typeof ex.json === 'object');
      for (const ex of problems) {
        for (const { member, text } of problemTexts(ex)) {
          const found = findPhi(phi, text);
          if (found) fail(`a ${ex.status} ${problemCodeOf(ex) ?? ''} problem from ${ex.operation ?? ex.method} holds ${found} in ${member}`);
        }
      }
      return `${problems.length} problem(s) read, ${phi.length} value(s) looked for`;
    },
  },
  {
    id: 'privacy.request-id',
    group: 'privacy',
    title: 'every answer carries an X-Request-Id without PHI',
    remedy: 'Send an opaque X-Request-Id (e.g. req_8f2c) on every answer; never build it from a name, email or date of birth.',
    doc: 'errors',
    async run(ctx) {
      const phi = await phiOf(ctx);
      if (!ctx.probe.exchanges.some((ex) => ex.operation)) await provokeProblems(ctx);
      const answers = ctx.probe.exchanges.filter((ex) => ex.operation);
      for (const ex of answers) {
        const id = ex.headers.get('x-request-id');
        if (!id) fail(`${ex.operation} answered ${ex.status} without X-Request-Id`);
        const found = findPhi(phi, id);
        if (found) fail(`the X-Request-Id of a ${ex.operation} answer holds ${found}`);
      }
      return `${answers.length} answer(s)`;
    },
  },
  {
    id: 'privacy.no-echo',
    group: 'privacy',
    title: 'values submitted in a bad request are not echoed in the problem',
    remedy: 'Build bad_request messages from the schema ("must be one of …"), never from the submitted value.',
    doc: 'errors',
    async run(ctx) {
      // A named client: on an unknown one a 404 may rightly come before the query is read.
      const clientId = ctx.namedClients()[0] ?? skip('the fixtures name no client to send a bad request about');
      const sent: Exchange[] = [await ctx.probe.call('listDocuments', { params: { clientId }, query: { sort: ECHO_EMAIL, status: ECHO_TEXT } })];
      const writer = ctx.fixtures.clients.adultSignedIn;
      if (!ctx.options.readOnly && writer && ctx.fixtures.writes?.clients?.includes(writer)) {
        const body = { firstName: ECHO_TEXT, lastName: ECHO_TEXT, relationship: ECHO_EMAIL, legalGuardian: false, emails: [{ address: `${ECHO_TEXT}@`, consent: true, primary: true }] };
        sent.push(await ctx.probe.call('createContact', { params: { clientId: writer }, body }));
      }
      const markers = [literal(ECHO_EMAIL, 'the submitted value'), literal(ECHO_TEXT, 'the submitted value')];
      for (const ex of sent) {
        if (ex.status !== 400) fail(`${ex.operation} with invalid values answered ${ex.status}, expected 400 bad_request`);
        for (const { member, text } of problemTexts(ex)) if (findPhi(markers, text)) fail(`${ex.operation}: the 400 echoes the submitted value in ${member}`);
      }
      return sent.map((ex) => ex.operation).join(', ');
    },
  },
  {
    id: 'privacy.urls',
    group: 'privacy',
    title: 'cursors and URLs the API hands out hold no PHI',
    remedy: 'Keep PHI out of anything that travels in a URL: encode cursors from positions and ids, and keep fillUrl and portalUrl free of names and emails.',
    doc: 'urls',
    async run(ctx) {
      const phi = await phiOf(ctx);
      const urls: { what: string; text: string }[] = [{ what: 'portalUrl', text: (await ctx.practice()).portalUrl }];
      for (const clientId of ctx.namedClients()) {
        for (const name of ['listDocuments', 'listPayments'] as const) {
          const page = await ctx.read(name, { clientId });
          if (page.nextCursor) urls.push({ what: `${name} nextCursor`, text: page.nextCursor });
          for (const item of page.items) if ('fillUrl' in item) urls.push({ what: `fillUrl of ${item.id}`, text: item.fillUrl });
        }
      }
      for (const { what, text } of urls) {
        const decoded = [text, safeDecodeUri(text), safeBase64(text)].join('\n');
        const found = findPhi(phi, decoded);
        if (found) fail(`${what} holds ${found} (URLs end up in logs, history and Referer headers)`);
      }
      return `${urls.length} URL(s) and cursor(s)`;
    },
  },
];

function safeDecodeUri(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}

function safeBase64(text: string): string {
  try {
    return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  } catch {
    return '';
  }
}
