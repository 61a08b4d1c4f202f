import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { portal } from './story-support.js';
import '../src/components/intake-document-list/intake-document-list.js';

interface Args {
  clientId: string;
  audience: 'staff' | 'client';
  pollInterval: number;
}


const meta: Meta<Args> = {
  title: 'Widgets/intake-document-list',
  component: 'intake-document-list',
  args: { clientId: 'cl_invited', audience: 'staff', pollInterval: 0 },
  argTypes: {
    clientId: {
      control: 'select',
      options: ['cl_active', 'cl_invited', 'cl_not_invited', 'cl_no_consent', 'cl_bounced', 'cl_disabled', 'cl_minor_no_guardian', 'cl_minor_guardian', 'cl_large', 'cl_empty', 'cl_hostile'],
    },
    audience: { control: 'inline-radio', options: ['staff', 'client'] },
    pollInterval: { control: { type: 'number', min: 0 } },
  },
  render: (args) =>
    html`<intake-document-list client-id=${args.clientId} audience=${args.audience} poll-interval=${args.pollInterval}></intake-document-list>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Sent, in progress and completed: remind, cancel until signed, assign more. */
export const StaffInvited: Story = {};
export const StaffActive: Story = { args: { clientId: 'cl_active' } };
/** No documents and no portal access: assigning grants access and sends the invitation too. */
export const StaffNotInvited: Story = { args: { clientId: 'cl_not_invited' } };
/** No consented email: the assign dialog says nothing can be sent and why. */
export const StaffNoConsent: Story = { args: { clientId: 'cl_no_consent' } };
export const StaffBounced: Story = { args: { clientId: 'cl_bounced' } };
/** Disabled access: reminders and new documents wait until access is restored. */
export const StaffAccessDisabled: Story = { args: { clientId: 'cl_disabled' } };
export const StaffMinorWithoutGuardian: Story = { args: { clientId: 'cl_minor_no_guardian' } };
/** Emails for a minor go to both legal guardians: the assign summary counts them all. */
export const StaffMinorWithGuardians: Story = { args: { clientId: 'cl_minor_guardian' } };
/** 10,000 documents: 25 rows per page, Previous / Next. */
export const StaffLarge: Story = { args: { clientId: 'cl_large' } };
export const StaffEmpty: Story = { args: { clientId: 'cl_empty' } };
/** Titles full of markup and script: all shown as text. */
export const StaffHostile: Story = { args: { clientId: 'cl_hostile' } };
export const StaffPortalOffForPractice: Story = { parameters: portal({ world: 'portal-off' }) };
export const StaffPolling: Story = { args: { pollInterval: 15 } };
export const StaffSpanish: Story = { globals: { locale: 'es' } };

/** What the client sees: "Fill out" for open documents, completed ones read-only. */
export const ClientView: Story = { args: { audience: 'client' } };
export const ClientAllCompleted: Story = { args: { audience: 'client', clientId: 'cl_active' } };
export const ClientEmpty: Story = { args: { audience: 'client', clientId: 'cl_empty' } };
export const ClientLarge: Story = { args: { audience: 'client', clientId: 'cl_large' } };
export const ClientSpanish: Story = { args: { audience: 'client' }, globals: { locale: 'es' } };

export const Loading: Story = { parameters: portal({ faults: { listDocuments: { hang: true } } }) };
// Load errors come from answers Chromium does not log as failed requests (the story gate fails on
// any console line); 4xx, 5xx and network faults show the same error view with its retry.
/** The answer does not match the API contract: error view with a working "Try again". */
export const LoadErrorUnreadable: Story = { parameters: portal({ faults: { listDocuments: { schemaBreak: true } } }) };
export const LoadErrorMalformed: Story = { parameters: portal({ faults: { listDocuments: { malformed: true } } }) };
/** Assigning fails (try it): the selection and message stay, the reason shows next to the button. */
export const AssignFails: Story = { parameters: portal({ faults: { assignDocuments: { status: 503 } } }) };
export const NoClientSelected: Story = { args: { clientId: '' } };
