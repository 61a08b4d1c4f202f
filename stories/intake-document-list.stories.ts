import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { portal, shown } from './story-support.js';
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
export const StaffInvited: Story = { tags: ['gallery'] };
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
/** 10,000 documents: 25 rows per page, Previous / Next, "Page [n] of 400 Go" and a title search. */
export const StaffLarge: Story = { args: { clientId: 'cl_large' } };
export const StaffEmpty: Story = { tags: ['gallery'], args: { clientId: 'cl_empty' } };
/** Titles full of markup and script: all shown as text. */
export const StaffHostile: Story = { args: { clientId: 'cl_hostile' } };
export const StaffPortalOffForPractice: Story = { tags: ['gallery'], parameters: portal({ world: 'portal-off' }) };
export const StaffPolling: Story = { args: { pollInterval: 15 } };
export const StaffSpanish: Story = { tags: ['gallery'], globals: { locale: 'es' } };

/** What the client sees: "Fill out" for open documents, completed ones read-only. */
export const ClientView: Story = { args: { audience: 'client' } };
export const ClientAllCompleted: Story = { args: { audience: 'client', clientId: 'cl_active' } };
export const ClientEmpty: Story = { args: { audience: 'client', clientId: 'cl_empty' } };
export const ClientLarge: Story = { args: { audience: 'client', clientId: 'cl_large' } };
export const ClientSpanish: Story = { args: { audience: 'client' }, globals: { locale: 'es' } };

export const Loading: Story = { tags: ['gallery'], parameters: portal({ faults: { listDocuments: { hang: true } } }) };
// Load errors come from answers Chromium does not log as failed requests (the story gate fails on
// any console line); 4xx, 5xx and network faults show the same error view with its retry.
/** The answer does not match the API contract: error view with a working "Try again". */
export const LoadErrorUnreadable: Story = { tags: ['gallery'], parameters: portal({ faults: { listDocuments: { schemaBreak: true } } }) };
export const LoadErrorMalformed: Story = { parameters: portal({ faults: { listDocuments: { malformed: true } } }) };
/** Assigning fails (try it): the selection and message stay, the reason shows next to the button. */
export const AssignFails: Story = { parameters: portal({ faults: { assignDocuments: { status: 503 } } }) };
export const NoClientSelected: Story = { args: { clientId: '' } };

const widget = (canvas: HTMLElement) => canvas.querySelector('intake-document-list');

/** Typed into a field as a person would: the value, then the input event the widget listens to. */
function typeInto(field: HTMLInputElement, text: string): void {
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** "Assign documents" for a client who already has three: those are listed as already sent, each with its status and date and a separate "Send again". */
export const StaffAssignAlreadySent: Story = {
  tags: ['gallery'],
  play: async ({ canvasElement }) => {
    const el = widget(canvasElement);
    (await shown(el, '[part~="assign-button"]')).click();
    await shown(el, 'dialog[open] [part~="already-sent"]');
  },
};

/** "Send again" ticked next to a new template: the email count includes the second copy and names it. */
export const StaffAssignSendAgain: Story = {
  play: async ({ canvasElement }) => {
    const el = widget(canvasElement);
    (await shown(el, '[part~="assign-button"]')).click();
    (await shown(el, 'dialog[open] #tpl-tpl_financial')).click();
    (await shown(el, 'dialog[open] #tpl-tpl_hipaa')).click();
    await shown(el, 'dialog[open] .sends-again');
  },
};

/** A cancelled document is not gone: it is listed under Status: Cancelled, without actions. */
export const StaffCancelledFilter: Story = {
  play: async ({ canvasElement }) => {
    const el = widget(canvasElement);
    (await shown(el, 'button[data-action="cancel:doc_invited_2"]')).click();
    (await shown(el, '#cancel-dialog[open] [part~="confirm-button"]')).click();
    await shown(el, '.flash');
    const status = (await shown(el, '#status-filter')) as HTMLSelectElement;
    status.value = 'cancelled';
    status.dispatchEvent(new Event('change', { bubbles: true }));
    await shown(el, 'tr.cancelled');
  },
};

/** A title search over 10,000 documents: "phq" finds the 1,666 PHQ-9 screenings. */
export const StaffLargeSearch: Story = {
  args: { clientId: 'cl_large' },
  play: async ({ canvasElement }) => {
    const el = widget(canvasElement);
    typeInto((await shown(el, '#title-search')) as HTMLInputElement, 'phq');
    await shown(el, '.list[aria-busy="false"] [part~="row"]');
  },
};

/** Page 200 of 400 reached through "Page [200] Go"; focus is on the first row of the new page. */
export const StaffLargePageJump: Story = {
  args: { clientId: 'cl_large' },
  play: async ({ canvasElement }) => {
    const el = widget(canvasElement);
    typeInto((await shown(el, '#page-input')) as HTMLInputElement, '200');
    (await shown(el, '[part~="go-button"]')).click();
    await shown(el, '[data-doc="doc_large_04976"]');
  },
};

/** A search that finds nothing says so and offers to clear it. */
export const StaffSearchNoMatch: Story = {
  play: async ({ canvasElement }) => {
    const el = widget(canvasElement);
    typeInto((await shown(el, '#title-search')) as HTMLInputElement, 'zebra');
    await shown(el, '[part~="clear-search-button"]');
  },
};

/** In a 320 px host column each document becomes a card: title, status with its dates, sections, then Remind and Cancel. */
export const StaffNarrowColumn: Story = {
  play: async ({ canvasElement }) => {
    const el = widget(canvasElement);
    if (el) el.style.width = '320px';
    await shown(el, '[part~="row"]');
  },
};
