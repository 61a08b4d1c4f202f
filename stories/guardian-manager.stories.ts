import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { portal, shown } from './story-support.js';
import '../src/components/guardian-manager/guardian-manager.js';

interface Args {
  clientId: string;
}



const meta: Meta<Args> = {
  title: 'Widgets/guardian-manager',
  component: 'guardian-manager',
  args: { clientId: 'cl_minor_guardian' },
  argTypes: {
    clientId: {
      control: 'select',
      options: ['cl_active', 'cl_invited', 'cl_not_invited', 'cl_no_consent', 'cl_bounced', 'cl_disabled', 'cl_minor_no_guardian', 'cl_minor_guardian', 'cl_large', 'cl_empty', 'cl_hostile'],
    },
  },
  render: (args) => html`<guardian-manager client-id=${args.clientId}></guardian-manager>`,
};
export default meta;

type Story = StoryObj<Args>;

/**
 * A 14-year-old with two legal guardians: the mother is an active portal user (her permission
 * groups below), the father can be invited; the guardians' view is partial from age 13.
 */
export const MinorWithGuardians: Story = { tags: ['gallery'] };
/** A 10-year-old whose only contact is not a legal guardian: the warning, with "Add legal guardian". */
export const MinorWithoutGuardian: Story = { args: { clientId: 'cl_minor_no_guardian' } };
/** An adult with a consented email: suggested as the primary portal user; a spouse as contact. */
export const Adult: Story = { args: { clientId: 'cl_active' } };
/** No contacts and no portal users: both empty states say what to do. */
export const Empty: Story = { tags: ['gallery'], args: { clientId: 'cl_empty' } };
/** An invited guardian and a contact without consent, all named with markup: shown as text. */
export const Hostile: Story = { args: { clientId: 'cl_hostile' } };
/** The portal is off for the practice: invitations are paused. */
export const PortalOffForPractice: Story = { parameters: portal({ world: 'portal-off' }) };

/** "Add legal guardian" opens the form with Legal guardian already checked. */
export const AddLegalGuardian: Story = {
  tags: ['gallery'],
  args: { clientId: 'cl_minor_no_guardian' },
  play: async ({ canvasElement }) => {
    const manager = canvasElement.querySelector('guardian-manager');
    (await shown(manager, '[part~="add-guardian-button"]')).click();
    await shown(manager, 'dialog[open]');
  },
};

/** Submitting an empty form: each message is tied to its field, focus on the first. */
export const ValidationErrors: Story = {
  args: { clientId: 'cl_empty' },
  play: async ({ canvasElement }) => {
    const manager = canvasElement.querySelector('guardian-manager');
    (await shown(manager, '#gm-add')).click();
    (await shown(manager, 'dialog[open] button[type="submit"]')).click();
    await shown(manager, '#gm-cf-first-error');
  },
};

/** Inviting the father: to whom it goes and from which sender, with an optional message. */
export const InviteContact: Story = {
  play: async ({ canvasElement }) => {
    const manager = canvasElement.querySelector('guardian-manager');
    (await shown(manager, '[part~="invite-button"]')).click();
    await shown(manager, 'dialog[open]');
  },
};

/** Removing an active portal user: the confirmation says which access ends. */
export const RemoveConfirmation: Story = {
  play: async ({ canvasElement }) => {
    const manager = canvasElement.querySelector('guardian-manager');
    (await shown(manager, '[part~="remove-button"]')).click();
    await shown(manager, 'dialog[open]');
  },
};

/**
 * A contact stored before names were checked, with a line break in the first name: the form shows it
 * as an input can (a space) and says at once why it must be retyped; the last name, untouched, is
 * saved exactly as stored.
 */
export const LegacyNameWithLineBreak: Story = {
  args: { clientId: 'cl_active' },
  parameters: portal({
    setup: (store) => {
      const contact = store.client('cl_active')!.contacts[0]!;
      contact.firstName = 'Riley\nAnn';
    },
  }),
  play: async ({ canvasElement }) => {
    const manager = canvasElement.querySelector('guardian-manager');
    (await shown(manager, '[part~="edit-button"]')).click();
    await shown(manager, 'dialog[open] #gm-cf-first-error');
  },
};

/** Loading: the contacts request never answers. */
export const Loading: Story = { tags: ['gallery'], parameters: portal({ faults: { listContacts: { hang: true } } }) };
/** The contacts cannot be loaded: the error, with a retry. */
export const LoadError: Story = { tags: ['gallery'], parameters: portal({ faults: { listContacts: { status: 503 } } }) };
/** Inviting fails: the reason in the dialog, the message kept. */
export const InviteError: Story = {
  parameters: portal({ faults: { inviteContact: { network: true } } }),
  play: async ({ canvasElement }) => {
    const manager = canvasElement.querySelector('guardian-manager');
    (await shown(manager, '[part~="invite-button"]')).click();
    (await shown(manager, 'dialog[open] [part~="confirm-button"]')).click();
    await shown(manager, 'dialog[open] [role="alert"]');
  },
};
export const Spanish: Story = { globals: { locale: 'es' } };
export const SpanishWithoutGuardian: Story = { args: { clientId: 'cl_minor_no_guardian' }, globals: { locale: 'es' } };

/** In a 320 px host column the permission grid becomes a card per portal user: every switch labelled, nothing cut off. */
export const NarrowColumn: Story = {
  render: (args) => html`<div style="width: 320px"><guardian-manager client-id=${args.clientId}></guardian-manager></div>`,
};

/** A permission group changed and not saved: Save and Discard are offered (with nothing changed they are unavailable). */
export const UnsavedPermissions: Story = {
  play: async ({ canvasElement }) => {
    const manager = canvasElement.querySelector('guardian-manager');
    (await shown(manager, '[part~="groups-row"] [role="switch"]')).click();
    await shown(manager, '[part="unsaved"]');
  },
};
