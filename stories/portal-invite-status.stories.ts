import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { portal, shown } from './story-support.js';

const widgetIn = (canvas: HTMLElement) => canvas.querySelector('portal-invite-status');
import { FIXTURE_CLIENT_IDS } from '../mock-server/fixtures.js';
import '../src/components/portal-invite-status/portal-invite-status.js';
import '../src/components/guardian-manager/guardian-manager.js';

interface Args {
  clientId: string;
}



/** Types into a field the way a person would, so the widget hears it. */
function typeInto(field: HTMLElement, value: string): void {
  (field as HTMLInputElement).value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

const meta: Meta<Args> = {
  title: 'Widgets/portal-invite-status',
  component: 'portal-invite-status',
  args: { clientId: 'cl_invited' },
  argTypes: { clientId: { control: 'select', options: [...FIXTURE_CLIENT_IDS] } },
  render: (args) => html`<portal-invite-status client-id=${args.clientId}></portal-invite-status>`,
};
export default meta;

type Story = StoryObj<Args>;

// ---- one per fixture client ------------------------------------------------------------------

/** Invited 3 days ago, never signed in: the yellow banner, resend, and the spam advice. */
export const Invited: Story = { tags: ['gallery'] };
/** Signed in: last sign-in, "Copy portal link" instead of resend, "Nothing blocks access". */
export const Active: Story = { args: { clientId: 'cl_active' } };
/** Consented email, never invited: the address the invitation will go to, the first invitation; the empty history says what to do. */
export const NotInvited: Story = { args: { clientId: 'cl_not_invited' } };
/** Email without consent: sending is disabled with the reason; the fix records consent. */
export const NoConsent: Story = { args: { clientId: 'cl_no_consent' } };
/** Bounced at `gmial.com`: the typo and the bounce, each fix prefilled with `gmail.com`. */
export const BouncedTypo: Story = { args: { clientId: 'cl_bounced' } };
/** Access disabled after a sign-in: sending an invitation restores it. */
export const Disabled: Story = { args: { clientId: 'cl_disabled' } };
/** A 10-year-old whose only contact is not a legal guardian: "Add a legal guardian" asks a guardian manager or the host. */
export const MinorWithoutGuardian: Story = { args: { clientId: 'cl_minor_no_guardian' } };
/** A 14-year-old: portal emails go to both legal guardians, listed by name. */
export const MinorWithGuardians: Story = { args: { clientId: 'cl_minor_guardian' } };
/** A client with 10,000 documents and payments: this widget loads only portal access. */
export const Large: Story = { args: { clientId: 'cl_large' } };
/** An adult with no contacts, documents or payments, signed in. */
export const Empty: Story = { args: { clientId: 'cl_empty' } };
/** Names, addresses and messages full of markup: all shown as text. */
export const Hostile: Story = { args: { clientId: 'cl_hostile' } };

// ---- worlds, language, theme -------------------------------------------------------------------

/** The portal is off for the practice: the "Portal off" badge and one sentence, unavailable actions point to it, one-click fix. */
export const PortalOffForPractice: Story = { tags: ['gallery'], parameters: portal({ world: 'portal-off' }) };
/** A signed-in client while the portal is off: the link cannot be used either. */
export const PortalOffActive: Story = { args: { clientId: 'cl_active' }, parameters: portal({ world: 'portal-off' }) };
/** No online-payments account: nothing changes for portal access. */
export const NoPaymentsAccount: Story = { parameters: portal({ world: 'no-payments-account' }) };
/** En español. */
export const Spanish: Story = { tags: ['gallery'], args: { clientId: 'cl_bounced' }, globals: { locale: 'es' } };
/** Dark color scheme from the host page. */
export const Dark: Story = {
  args: { clientId: 'cl_bounced' },
  render: (args) => html`<div style="color-scheme: dark; background: #0b1220; padding: 1rem">
    <portal-invite-status client-id=${args.clientId}></portal-invite-status>
  </div>`,
};
/** Without a client id: tells staff no client is selected. */
export const NoClient: Story = { args: { clientId: '' } };

// ---- loading and faults ------------------------------------------------------------------------

/** The portal access request never answers: the loading state. */
export const Loading: Story = { tags: ['gallery'], parameters: portal({ faults: { getPortalAccess: { hang: true } } }) };
/** The server fails (after the client's retries): the error with a working "Try again". */
export const ServerError: Story = { tags: ['gallery'], parameters: portal({ faults: { getPortalAccess: { status: 500 } } }) };
/** One 503, then success: the retry recovers without showing an error. */
export const RecoversFrom503: Story = { parameters: portal({ faults: { getPortalAccess: { status: 503, times: 1 } } }) };
/** The network is down. */
export const NetworkDown: Story = { parameters: portal({ faults: { '*': { network: true } } }) };
/** Not allowed to see this client. */
export const Forbidden: Story = { parameters: portal({ faults: { getClient: { status: 403 } } }) };
/** The client was removed. */
export const NotFound: Story = { parameters: portal({ faults: { getClient: { status: 404 } } }) };
/** The server sent broken JSON. */
export const MalformedResponse: Story = { parameters: portal({ faults: { getPortalAccess: { malformed: true } } }) };
/** The server sent JSON that breaks the contract. */
export const SchemaBreak: Story = { parameters: portal({ faults: { listContacts: { schemaBreak: true } } }) };
/** Slow practice settings: the other three calls wait for it. */
export const SlowPractice: Story = { parameters: portal({ faults: { getPractice: { latencyMs: 1500 } } }) };

// ---- actions -------------------------------------------------------------------------------------

/** Resend: to whom it goes and the last message, ready to edit. */
export const ResendDialog: Story = {
  play: async ({ canvasElement }) => {
    (await shown(widgetIn(canvasElement), '[part~="send-button"]')).click();
    await shown(widgetIn(canvasElement), '#invite-dialog[open]');
  },
};

/** Just resent: the confirmation and the cooldown ("Available again in 10 minutes"). */
export const ResendCooldown: Story = {
  play: async ({ canvasElement }) => {
    (await shown(widgetIn(canvasElement), '[part~="send-button"]')).click();
    (await shown(widgetIn(canvasElement), '#invite-dialog[open] [part~="invite-confirm-button"]')).click();
    await shown(widgetIn(canvasElement), '[part~="reason"]');
  },
};

/** The server refuses the resend (cooldown): the error inside the dialog, the message kept. */
export const ResendRefused: Story = {
  parameters: portal({ faults: { sendInvitation: { status: 429, code: 'resend_cooldown' } } }),
  play: async ({ canvasElement }) => {
    (await shown(widgetIn(canvasElement), '[part~="send-button"]')).click();
    (await shown(widgetIn(canvasElement), '#invite-dialog[open] [part~="invite-confirm-button"]')).click();
    await shown(widgetIn(canvasElement), '#invite-dialog [part~="dialog-error"]');
  },
};

/** Fixing the bounced address from the diagnosis: the correction prefilled, consent asked. */
export const FixBouncedAddress: Story = {
  args: { clientId: 'cl_bounced' },
  play: async ({ canvasElement }) => {
    (await shown(widgetIn(canvasElement), '[data-finding="bounced"] button')).click();
    (await shown(widgetIn(canvasElement), '#email-dialog[open] [part~="email-confirm-button"]')).click();
    await shown(widgetIn(canvasElement), '#email-consent-error');
  },
};

/** Typing a new address with a typo: "Did you mean …?". */
export const ChangeEmailTypoHint: Story = {
  play: async ({ canvasElement }) => {
    (await shown(widgetIn(canvasElement), '[part~="change-email-button"]')).click();
    typeInto(await shown(widgetIn(canvasElement), '#email-dialog[open] #email-typed'), 'blake@hotmial.com');
    await shown(widgetIn(canvasElement), '[part~="typo-hint"]');
  },
};

/** Changing the primary email: "Update portal access?" with "Disable and resend". */
export const UpdatePortalAccess: Story = {
  tags: ['gallery'],
  play: async ({ canvasElement }) => {
    (await shown(widgetIn(canvasElement), '[part~="change-email-button"]')).click();
    typeInto(await shown(widgetIn(canvasElement), '#email-dialog[open] #email-typed'), 'blake@example.org');
    (await shown(widgetIn(canvasElement), '#email-consent')).click();
    (await shown(widgetIn(canvasElement), 'input[name="email-scope"][value="primary"]')).click();
    (await shown(widgetIn(canvasElement), '#email-dialog [part~="email-confirm-button"]')).click();
    await shown(widgetIn(canvasElement), '#confirm-primary-dialog[open]');
  },
};

/** Disabling access asks first. */
export const DisableConfirm: Story = {
  args: { clientId: 'cl_active' },
  play: async ({ canvasElement }) => {
    (await shown(widgetIn(canvasElement), '[part~="disable-button"]')).click();
    await shown(widgetIn(canvasElement), '#disable-dialog[open]');
  },
};

/** A sign-in PIN, shown once with its expiry and a copy button. */
export const SignInPin: Story = {
  args: { clientId: 'cl_active' },
  play: async ({ canvasElement }) => {
    (await shown(widgetIn(canvasElement), '[part~="pin-button"]')).click();
    await shown(widgetIn(canvasElement), '#pin-dialog[open] [part~="pin"]');
  },
};

/** The PIN refused by the server: the error next to the actions. */
export const SignInPinRefused: Story = {
  args: { clientId: 'cl_active' },
  parameters: portal({ faults: { createSignInPin: { status: 409, code: 'access_disabled' } } }),
  play: async ({ canvasElement }) => {
    (await shown(widgetIn(canvasElement), '[part~="pin-button"]')).click();
    await shown(widgetIn(canvasElement), '[part~="feedback"]');
  },
};

/** Turning the portal back on for the practice, from the diagnosis. */
export const TurnPortalOn: Story = {
  parameters: portal({ world: 'portal-off' }),
  play: async ({ canvasElement }) => {
    (await shown(widgetIn(canvasElement), '[data-finding="portal_off"] button')).click();
    await shown(widgetIn(canvasElement), '#portal-on-dialog[open]');
  },
};

/** Just disabled: badge and one sentence (the confirmation in place of the status), the diagnosis carries only the fix. */
export const AfterDisable: Story = {
  args: { clientId: 'cl_active' },
  play: async ({ canvasElement }) => {
    (await shown(widgetIn(canvasElement), '[part~="disable-button"]')).click();
    (await shown(widgetIn(canvasElement), '#disable-dialog[open] [part~="disable-confirm-button"]')).click();
    await shown(widgetIn(canvasElement), '[part~="status"][part~="feedback"]');
  },
};

/** "Add a legal guardian" with no guardian manager on the page and no host answer: the finding says where to do it. */
export const GuardianFixUnanswered: Story = {
  args: { clientId: 'cl_minor_no_guardian' },
  play: async ({ canvasElement }) => {
    (await shown(widgetIn(canvasElement), '[data-finding="no_legal_guardian"] button')).click();
    await shown(widgetIn(canvasElement), '[part~="guardian-fix-note"]');
  },
};

/** With a guardian manager for the same client on the page, "Add a legal guardian" opens its form, legal guardian ticked. */
export const GuardianFixWithManager: Story = {
  args: { clientId: 'cl_minor_no_guardian' },
  render: (args) => html`<portal-invite-status client-id=${args.clientId}></portal-invite-status>
    <guardian-manager client-id=${args.clientId}></guardian-manager>`,
  play: async ({ canvasElement }) => {
    await shown(canvasElement.querySelector('guardian-manager'), '[part~="contacts"]');
    (await shown(widgetIn(canvasElement), '[data-finding="no_legal_guardian"] button')).click();
    await shown(canvasElement.querySelector('guardian-manager'), '#gm-contact-dialog[open]');
  },
};
