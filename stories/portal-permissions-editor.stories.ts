import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { portal, shown, storyApiBase } from './story-support.js';
import '../src/components/portal-permissions-editor/portal-permissions-editor.js';
import '../src/components/portal-provider/portal-provider.js';

interface Args {
  clientId: string;
  practiceAdmin: boolean;
}



const meta: Meta<Args> = {
  title: 'Widgets/portal-permissions-editor',
  component: 'portal-permissions-editor',
  args: { clientId: 'cl_active', practiceAdmin: false },
  argTypes: {
    clientId: {
      control: 'select',
      options: ['cl_active', 'cl_invited', 'cl_not_invited', 'cl_no_consent', 'cl_bounced', 'cl_disabled', 'cl_minor_no_guardian', 'cl_minor_guardian', 'cl_large', 'cl_empty', 'cl_hostile'],
    },
    practiceAdmin: { control: 'boolean' },
  },
  render: (args) => html`<portal-permissions-editor client-id=${args.clientId} ?practice-admin=${args.practiceAdmin}></portal-permissions-editor>`,
};
export default meta;

type Story = StoryObj<Args>;

/** All four permissions on; no portal users (a client who signs in themself). */
export const Active: Story = {};
export const Invited: Story = { args: { clientId: 'cl_invited' } };
export const NotInvited: Story = { args: { clientId: 'cl_not_invited' } };
export const NoConsent: Story = { args: { clientId: 'cl_no_consent' } };
export const Bounced: Story = { args: { clientId: 'cl_bounced' } };
export const Disabled: Story = { args: { clientId: 'cl_disabled' } };
/** No portal users yet: the grid's empty state says where to enroll one. */
export const MinorWithoutGuardian: Story = { args: { clientId: 'cl_minor_no_guardian' } };
/** The guardian mother is a portal user: her permission groups in the grid. */
export const MinorWithGuardians: Story = { tags: ['gallery'], args: { clientId: 'cl_minor_guardian' } };
export const Large: Story = { args: { clientId: 'cl_large' } };
export const Empty: Story = { tags: ['gallery'], args: { clientId: 'cl_empty' } };
/** A portal user whose name is markup and script: shown as text, also in the switches' names. */
export const Hostile: Story = { args: { clientId: 'cl_hostile' } };

/** "Pay outstanding balance" is unavailable, with the reason and the fix. */
export const NoPaymentsAccount: Story = { parameters: portal({ world: 'no-payments-account' }) };
/** The portal is off for the practice: a banner says clients can't sign in whatever their access. */
export const PortalOffForPractice: Story = { parameters: portal({ world: 'portal-off' }) };
/** A practice admin gets the practice-wide switch (with a confirmation naming the consequence). */
export const PracticeAdmin: Story = { args: { practiceAdmin: true } };
export const PracticeAdminPortalOff: Story = { args: { practiceAdmin: true }, parameters: portal({ world: 'portal-off' }) };

/** The confirmation a practice admin sees before turning the portal off for everyone. */
export const PracticeAdminConfirmation: Story = {
  tags: ['gallery'],
  args: { practiceAdmin: true },
  play: async ({ canvasElement }) => {
    const editor = canvasElement.querySelector('portal-permissions-editor');
    (await shown(editor, '#ppe-practice-switch')).click();
    await shown(editor, 'dialog[open]');
  },
};

/** Turning billing documents off turns pay-balance off with it; the draft is unsaved. */
export const UnsavedDraft: Story = {
  play: async ({ canvasElement }) => {
    const editor = canvasElement.querySelector('portal-permissions-editor');
    (await shown(editor, '#ppe-perm-billingDocuments')).click();
    await shown(editor, '[part="unsaved"]');
  },
};

/**
 * Two staff members edit the same client in two tabs (two providers, two API clients). B saves
 * first; A's save answers 412, and A sees what B changed, with A's own edits kept to re-apply.
 */
export const ConflictAfterSomeoneElseSaved: Story = {
  args: { clientId: 'cl_minor_guardian' },
  render: (args, context) => html`
    <p>Staff member A</p>
    <portal-permissions-editor id="a" client-id=${args.clientId}></portal-permissions-editor>
    <p>Staff member B, in another tab</p>
    <portal-provider api-base=${storyApiBase(context.id)} locale=${context.globals.locale ?? 'en'} .getToken=${() => 'storybook-token'}>
      <portal-permissions-editor id="b" client-id=${args.clientId}></portal-permissions-editor>
    </portal-provider>
  `,
  play: async ({ canvasElement }) => {
    const a = canvasElement.querySelector('#a');
    const b = canvasElement.querySelector('#b');
    (await shown(a, '#ppe-perm-secureMessaging')).click();
    (await shown(b, '#ppe-perm-appointmentRequests')).click();
    (await shown(b, '#ppe-save')).click();
    await shown(b, '[part="save-notice"]');
    (await shown(a, '#ppe-save')).click();
    await shown(a, '[part="conflict"]');
  },
};

/** Loading: the permissions request never answers. */
export const Loading: Story = { tags: ['gallery'], parameters: portal({ faults: { getPermissions: { hang: true } } }) };
/** The permissions cannot be loaded: the error, with a retry. */
export const LoadError: Story = { tags: ['gallery'], parameters: portal({ faults: { getPermissions: { status: 500 } } }) };
/** Saving fails: the reason next to Save, the draft kept. */
export const SaveError: Story = {
  parameters: portal({ faults: { updatePermissions: { status: 503 } } }),
  play: async ({ canvasElement }) => {
    const editor = canvasElement.querySelector('portal-permissions-editor');
    (await shown(editor, '#ppe-perm-secureMessaging')).click();
    (await shown(editor, '#ppe-save')).click();
    await shown(editor, '[part="save-error"]');
  },
};
export const Spanish: Story = { args: { clientId: 'cl_minor_guardian', practiceAdmin: true }, globals: { locale: 'es' } };

/** In a 320 px host column the portal users' grid becomes a card per portal user: every switch labelled, nothing cut off. */
export const NarrowColumn: Story = {
  args: { clientId: 'cl_minor_guardian' },
  render: (args) => html`<div style="width: 320px"><portal-permissions-editor client-id=${args.clientId}></portal-permissions-editor></div>`,
};

/**
 * The host asked to show another client while a change is unsaved: `portal-before-client-change`
 * fired and the host cancelled it (here, always), so the editor keeps its client and the change.
 */
export const ClientSwitchKept: Story = {
  args: { clientId: 'cl_minor_guardian' },
  render: (args) => html`<div @portal-before-client-change=${(e: Event) => e.preventDefault()}>
    <portal-permissions-editor client-id=${args.clientId}></portal-permissions-editor>
  </div>`,
  play: async ({ canvasElement }) => {
    const editor = canvasElement.querySelector('portal-permissions-editor');
    (await shown(editor, '#ppe-perm-secureMessaging')).click();
    await shown(editor, '[part="unsaved"]');
    editor?.setAttribute('client-id', 'cl_active');
  },
};
