import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { portal, shown } from './story-support.js';
import '../src/components/portal-practice-overview/portal-practice-overview.js';

type Args = Record<string, never>;

const widgetIn = (canvas: HTMLElement) => canvas.querySelector('portal-practice-overview');

/** Opens a finding's list as a person would: its button in the funnel, then waits for the rows. */
async function openFinding(canvas: HTMLElement, finding: string): Promise<void> {
  (await shown(widgetIn(canvas), `[data-finding="${finding}"]`)).click();
  await shown(widgetIn(canvas), '[part~="row"], [part~="empty"]');
}

const meta: Meta<Args> = {
  title: 'Widgets/portal-practice-overview',
  component: 'portal-practice-overview',
  render: () => html`<portal-practice-overview></portal-practice-overview>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The default practice (fixtures + 320 generated clients): the funnel and what holds each group. */
export const Default: Story = {};
/** Mistyped addresses: never sent in bulk, each with the likely address to correct it on the client's page. */
export const MistypedAddresses: Story = { play: async ({ canvasElement }) => openFinding(canvasElement, 'email_typo') };
export const Bounced: Story = { play: async ({ canvasElement }) => openFinding(canvasElement, 'bounced') };
export const MarkedAsSpam: Story = { play: async ({ canvasElement }) => openFinding(canvasElement, 'marked_spam') };
export const NoConsent: Story = { play: async ({ canvasElement }) => openFinding(canvasElement, 'no_consent') };
export const MinorWithoutGuardian: Story = { play: async ({ canvasElement }) => openFinding(canvasElement, 'no_legal_guardian') };
export const LinkExpired: Story = { play: async ({ canvasElement }) => openFinding(canvasElement, 'invitation_expired') };
export const AccessDisabled: Story = { play: async ({ canvasElement }) => openFinding(canvasElement, 'access_disabled') };
/** Never invited: "Invite all…" and a Send invitation per row. */
export const NeverInvited: Story = { play: async ({ canvasElement }) => openFinding(canvasElement, 'not_invited') };
/** Invited 3 days ago or more and never signed in. */
export const NotSignedIn: Story = { play: async ({ canvasElement }) => openFinding(canvasElement, 'never_signed_in') };
export const SignedIn: Story = { play: async ({ canvasElement }) => openFinding(canvasElement, 'signed_in') };

/** "Resend to all…": the dry run says what would be sent and who is skipped, and why. */
export const BulkDryRun: Story = {
  play: async ({ canvasElement }) => {
    await openFinding(canvasElement, 'never_signed_in');
    (await shown(widgetIn(canvasElement), '[part~="bulk-button"]')).click();
    await shown(widgetIn(canvasElement), '#bulk-dialog [part~="bulk-summary"]');
  },
};
/** Sent: what happened, in the same words as the dry run. */
export const BulkSent: Story = {
  play: async ({ canvasElement }) => {
    await openFinding(canvasElement, 'never_signed_in');
    (await shown(widgetIn(canvasElement), '[part~="bulk-button"]')).click();
    (await shown(widgetIn(canvasElement), '#bulk-dialog [part~="confirm-button"]:not([disabled])')).click();
    await shown(widgetIn(canvasElement), '#bulk-dialog [part~="done-button"]');
  },
};
/** The API refuses the bulk send (the role may not): said in the dialog, and the action goes away. */
export const BulkRefused: Story = {
  parameters: portal({ faults: { sendBulkInvitations: { status: 403 } } }),
  play: async ({ canvasElement }) => {
    await openFinding(canvasElement, 'not_invited');
    (await shown(widgetIn(canvasElement), '[part~="bulk-button"]')).click();
    await shown(widgetIn(canvasElement), '#bulk-dialog [part~="dialog-error"]');
  },
};
/** A role without `portal.invite`: the lists, no send. */
export const RoleMayNotInvite: Story = { parameters: portal({ staff: 'biller' }), play: async ({ canvasElement }) => openFinding(canvasElement, 'not_invited') };

/** The portal is off for the practice: said once, no sends offered. */
export const PortalOffForPractice: Story = { parameters: portal({ world: 'portal-off' }) };
export const NoPaymentsAccount: Story = { parameters: portal({ world: 'no-payments-account' }) };
/** 20,000 clients: the counts in one answer, lists 25 rows a page. */
export const LargePractice: Story = { parameters: portal({ world: 'large-practice' }), play: async ({ canvasElement }) => openFinding(canvasElement, 'signed_in') };
export const Spanish: Story = { globals: { locale: 'es' }, play: async ({ canvasElement }) => openFinding(canvasElement, 'email_typo') };
/** A 320 px host column: the states one under the other, rows stacked. */
export const NarrowColumn: Story = {
  render: () => html`<div style="width: 320px"><portal-practice-overview></portal-practice-overview></div>`,
  play: async ({ canvasElement }) => openFinding(canvasElement, 'never_signed_in'),
};

export const Loading: Story = { parameters: portal({ faults: { getPortalOverview: { hang: true } } }) };
/** The answer does not match the API contract: the error with a working "Try again". */
export const LoadErrorUnreadable: Story = { parameters: portal({ faults: { getPortalOverview: { schemaBreak: true } } }) };
export const ListErrorMalformed: Story = {
  parameters: portal({ faults: { listPortalOverviewClients: { malformed: true } } }),
  play: async ({ canvasElement }) => {
    (await shown(widgetIn(canvasElement), '[data-finding="not_invited"]')).click();
    await shown(widgetIn(canvasElement), '.finding-list [part~="error"]');
  },
};
