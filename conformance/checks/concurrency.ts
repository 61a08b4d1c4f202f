/**
 * concurrency: the writes the operations table marks `ifMatch` answer 428 without If-Match and
 * 412 (with the current ETag) when it is stale, and change nothing either way.
 */
import { operations, type OperationName } from '../../src/api/operations.js';
import { fail, skip, type Check, CheckSkipped } from '../check.js';
import type { CheckContext } from '../context.js';
import { etagVersion, expectProblem, expectSuccess } from '../contract.js';
import type { CallInit } from '../probe.js';
import { existingTempContact } from '../shared.js';

/** A versioned write, aimed so that even a backend that ignored If-Match would change nothing that matters. */
interface Target {
  /** The current version (read just before). */
  version: number;
  call: Omit<CallInit, 'ifMatch'>;
  /** The version now, to prove nothing changed. */
  reread(): Promise<number>;
}

const IF_MATCH_OPS = (Object.keys(operations) as OperationName[]).filter((n) => (operations[n] as { ifMatch?: boolean }).ifMatch);

const targets: Partial<Record<OperationName, (ctx: CheckContext) => Promise<Target>>> = {
  async updatePractice(ctx) {
    ctx.mayWritePractice();
    const p = await ctx.read('getPractice');
    return { version: p.version, call: { body: { portalEnabled: p.portalEnabled } }, reread: async () => (await ctx.read('getPractice')).version };
  },
  async changePortalEmail(ctx) {
    const clientId = ctx.client('adultSignedIn');
    ctx.mayWrite(clientId);
    const a = await ctx.access(clientId);
    const email = a.email ?? (await ctx.summary(clientId)).emails.find((e) => e.consent)?.address;
    if (!email) skip(`${clientId} has no portal email`);
    return { version: a.version, call: { params: { clientId }, body: { email, scope: 'portal', consent: true, disableAndResend: false } }, reread: async () => (await ctx.access(clientId)).version };
  },
  async disablePortalAccess(ctx) {
    const clientId = ctx.client('disabled');
    ctx.mayWrite(clientId);
    const a = await ctx.access(clientId);
    return { version: a.version, call: { params: { clientId } }, reread: async () => (await ctx.access(clientId)).version };
  },
  async updatePermissions(ctx) {
    const clientId = ctx.client('adultSignedIn');
    ctx.mayWrite(clientId);
    const p = await ctx.permissions(clientId);
    return { version: p.version, call: { params: { clientId }, body: { client: p.client, portalUsers: p.portalUsers } }, reread: async () => (await ctx.permissions(clientId)).version };
  },
  async updateContact(ctx) {
    return contactTarget(ctx, true);
  },
  async removeContact(ctx) {
    return contactTarget(ctx, false);
  },
};

async function contactTarget(ctx: CheckContext, withBody: boolean): Promise<Target> {
  const temp = await existingTempContact(ctx);
  const { clientId } = temp;
  const current = (await ctx.contacts(clientId)).find((c) => c.id === temp.contact.id);
  if (!current) fail(`listContacts does not list the contact createContact made (${temp.contact.id})`);
  const { firstName, lastName, relationship, legalGuardian, emails } = current;
  return {
    version: current.version,
    call: { params: { clientId, contactId: current.id }, ...(withBody ? { body: { firstName, lastName, relationship, legalGuardian, emails } } : {}) },
    async reread() {
      const again = (await ctx.contacts(clientId)).find((c) => c.id === current.id);
      if (!again) fail('the contact is gone: the write ran without a valid If-Match');
      return again.version;
    },
  };
}

async function eachVersionedWrite(ctx: CheckContext, attempt: (name: OperationName, target: Target) => Promise<void>): Promise<string> {
  const tried: string[] = [];
  const notTried: string[] = [];
  for (const name of IF_MATCH_OPS) {
    const make = targets[name];
    if (!make) fail(`the kit has no target for ${name} (a versioned write): add one to conformance/checks/concurrency.ts`);
    let target: Target;
    try {
      target = await make(ctx);
    } catch (e) {
      if (e instanceof CheckSkipped) {
        notTried.push(`${name} (${e.message})`);
        continue;
      }
      throw e;
    }
    await attempt(name, target);
    tried.push(name);
  }
  if (!tried.length) skip(`no versioned write could be tried: ${notTried.join('; ')}`);
  return `${tried.join(', ')}${notTried.length ? `; not tried: ${notTried.map((n) => n.split(' ')[0]).join(', ')}` : ''}`;
}

export const concurrencyChecks: Check[] = [
  {
    id: 'concurrency.if-match-required',
    group: 'concurrency',
    title: 'versioned writes without If-Match answer 428 and change nothing',
    remedy: 'Require If-Match on updatePractice, changePortalEmail, disablePortalAccess, updatePermissions, updateContact and removeContact: 428 precondition_required without it.',
    doc: 'concurrency',
    run: (ctx) =>
      eachVersionedWrite(ctx, async (name, target) => {
        expectProblem(await ctx.probe.call(name, target.call), 'precondition_required');
        const now = await target.reread();
        if (now !== target.version) fail(`${name} without If-Match answered 428 but the version moved from ${target.version} to ${now}`);
      }),
  },
  {
    id: 'concurrency.stale-version',
    group: 'concurrency',
    title: 'versioned writes with a stale If-Match answer 412 with the current ETag and change nothing',
    remedy: 'Compare If-Match with the current version: 412 stale_version with ETag: "<current>" when they differ, and write nothing.',
    doc: 'concurrency',
    run: (ctx) =>
      eachVersionedWrite(ctx, async (name, target) => {
        const stale = target.version > 0 ? target.version - 1 : target.version + 1000;
        const ex = await ctx.probe.call(name, { ...target.call, ifMatch: stale });
        expectProblem(ex, 'stale_version');
        const etag = etagVersion(ex);
        if (etag !== target.version) fail(`${name}: the 412 carries ETag "${etag}", the current version is ${target.version}`);
        const now = await target.reread();
        if (now !== target.version) fail(`${name} with a stale If-Match answered 412 but the version moved from ${target.version} to ${now}`);
      }),
  },
  {
    id: 'concurrency.version-increments',
    group: 'concurrency',
    title: 'a write with the current If-Match succeeds and increments the version',
    remedy: 'Accept the current version in If-Match, and increment version (body and ETag) on every change.',
    doc: 'concurrency',
    async run(ctx) {
      const clientId = ctx.client('adultSignedIn');
      ctx.mayWrite(clientId);
      const before = await ctx.permissions(clientId);
      const flipped = { ...before.client, appointmentRequests: !before.client.appointmentRequests };
      const changed = expectSuccess(await ctx.probe.call('updatePermissions', { params: { clientId }, body: { client: flipped, portalUsers: before.portalUsers }, ifMatch: before.version }), 'updatePermissions');
      // Put the permission back, with the version just received.
      const restored = expectSuccess(await ctx.probe.call('updatePermissions', { params: { clientId }, body: { client: before.client, portalUsers: before.portalUsers }, ifMatch: changed.version }), 'updatePermissions');
      if (!(changed.version > before.version)) fail(`updatePermissions changed a permission but the version stayed ${before.version}`);
      if (!(restored.version > changed.version)) fail(`updatePermissions changed it back but the version stayed ${changed.version}`);
      return `${before.version} → ${changed.version} → ${restored.version}`;
    },
  },
];
