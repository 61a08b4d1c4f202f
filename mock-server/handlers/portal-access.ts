/** A client's own portal access: invitations, email changes, disabling, sign-in PINs. */
import type { ClientEmail, PortalAccess } from '../../src/schemas/index.js';
import { fnv1a } from '../model.js';
import { problem, type OperationImpls } from '../respond.js';
import type { MockStore } from '../store.js';
import { inviteClient, normalizeMessage, requireClient, requireInvitationAllowed, requirePortalOn, requireRecipients, sameAddress } from './shared.js';

export const PIN_TTL_MINUTES = 15;

type PortalAccessOps = 'getPortalAccess' | 'sendInvitation' | 'changePortalEmail' | 'disablePortalAccess' | 'createSignInPin';

export function portalAccessHandlers(store: MockStore): Pick<OperationImpls, PortalAccessOps> {
  return {
    getPortalAccess: {
      run(ctx) {
        const rec = requireClient(store, ctx.param('clientId'));
        return { body: rec.access, version: rec.access.version };
      },
    },

    sendInvitation: {
      run(ctx) {
        const rec = requireClient(store, ctx.param('clientId'));
        requireInvitationAllowed(store, rec.access);
        const recipients = requireRecipients(store, rec.summary, rec.access, rec.contacts);
        const access = inviteClient(store, rec, recipients, normalizeMessage(ctx.body.message));
        return { body: access, version: access.version };
      },
    },

    changePortalEmail: {
      run(ctx) {
        const rec = requireClient(store, ctx.param('clientId'));
        ctx.requireVersion(rec.access.version);
        const { email, scope, consent, disableAndResend } = ctx.body;
        const existing = rec.summary.emails.find((e) => sameAddress(e.address, email));
        if (!consent && !existing?.consent) throw problem('no_consented_email', 'The client has not agreed to receive email at this address.');

        // The client's addresses after the change: the new one consented, and primary when scope is 'primary'.
        let emails: ClientEmail[] = existing
          ? rec.summary.emails.map((e) => (e === existing ? { ...e, consent: true } : e))
          : [...rec.summary.emails, { address: email, consent: true, primary: rec.summary.emails.length === 0 }];
        if (scope === 'primary') emails = emails.map((e) => ({ ...e, primary: sameAddress(e.address, email) }));
        const summary = { ...rec.summary, emails };
        const address = existing?.address ?? email;
        const changed: Omit<PortalAccess, 'version'> = { ...rec.access, email: address };

        if (!disableAndResend) {
          rec.summary = summary;
          const access = store.saveAccess(rec, changed);
          return { body: access, version: access.version };
        }

        // "Disable and Resend": end access at the old address, invite the new one. Check before writing.
        requireInvitationAllowed(store, { ...changed, state: 'disabled' });
        const recipients = requireRecipients(store, summary, changed, rec.contacts);
        rec.summary = summary;
        store.saveAccess(rec, { ...changed, state: 'disabled', disabledAt: store.nowIso() });
        const access = inviteClient(store, rec, recipients, null);
        return { body: access, version: access.version };
      },
    },

    disablePortalAccess: {
      run(ctx) {
        const rec = requireClient(store, ctx.param('clientId'));
        ctx.requireVersion(rec.access.version);
        const access = store.saveAccess(rec, { ...rec.access, state: 'disabled', disabledAt: rec.access.disabledAt ?? store.nowIso() });
        return { body: access, version: access.version };
      },
    },

    createSignInPin: {
      run(ctx) {
        const rec = requireClient(store, ctx.param('clientId'));
        requirePortalOn(store);
        if (rec.access.state === 'disabled') throw problem('access_disabled', 'Portal access is disabled: send a new invitation to restore it.');
        if (rec.access.state === 'not_invited') throw problem('forbidden', 'The client has no portal access yet: send an invitation first.');
        const pin = String(Math.floor(store.random() * 1_000_000)).padStart(6, '0');
        const expiresAt = new Date(store.now().getTime() + PIN_TTL_MINUTES * 60_000).toISOString();
        rec.pins.push({ hash: fnv1a(`${rec.id}:${pin}`), expiresAt });
        return { body: { pin, expiresAt } };
      },
    },
  };
}
