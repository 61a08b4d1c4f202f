import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { portal, shown } from './story-support.js';
import '../src/components/portal-activity-log/portal-activity-log.js';

interface Args {
  clientId: string;
}

const meta: Meta<Args> = {
  title: 'Widgets/portal-activity-log',
  component: 'portal-activity-log',
  args: { clientId: 'cl_active' },
  argTypes: {
    clientId: {
      control: 'select',
      options: ['cl_active', 'cl_invited', 'cl_not_invited', 'cl_no_consent', 'cl_bounced', 'cl_disabled', 'cl_minor_no_guardian', 'cl_minor_guardian', 'cl_large', 'cl_empty', 'cl_hostile'],
    },
  },
  render: (args) => html`<portal-activity-log client-id=${args.clientId}></portal-activity-log>`,
};
export default meta;

type Story = StoryObj<Args>;

const widget = (canvas: HTMLElement) => canvas.querySelector('portal-activity-log');

// Stories are named after what staff see; any fixture client can still be picked with clientId.

/** Months of history: invitation, documents the client completed, cards, payments (one declined), a permission change, a contact. */
export const History: Story = {};
export const HistorySpanish: Story = { globals: { locale: 'es' } };
/** A fresh invitation, documents assigned, one completed: today, yesterday and earlier days. */
export const RecentInvitation: Story = { args: { clientId: 'cl_invited' } };
/** A minor's guardians added and invited, and a portal user's permission groups changed (before and after). */
export const GuardiansAndPermissions: Story = { args: { clientId: 'cl_minor_guardian' } };
/** Access turned off by the owner: "who disabled my access?" answered. */
export const AccessDisabled: Story = { args: { clientId: 'cl_disabled' } };
/** 5,000 entries: 50 at a time, Newer / Older; the CSV holds all of them. */
export const LongTrail: Story = { args: { clientId: 'cl_large' } };
/** The long trail filtered to declined payments. */
export const FilteredByKind: Story = {
  args: { clientId: 'cl_large' },
  play: async ({ canvasElement }) => {
    const select = (await shown(widget(canvasElement), '#kind-filter')) as HTMLSelectElement;
    select.value = 'payment_declined';
    select.dispatchEvent(new Event('change'));
  },
};
/** A filter nothing matches: says so, with "Show all activity". */
export const FilterMatchesNothing: Story = {
  play: async ({ canvasElement }) => {
    const select = (await shown(widget(canvasElement), '#kind-filter')) as HTMLSelectElement;
    select.value = 'pin_created';
    select.dispatchEvent(new Event('change'));
  },
};
/** Nothing on record yet. */
export const Empty: Story = { args: { clientId: 'cl_empty' } };
export const EmptySpanish: Story = { args: { clientId: 'cl_empty' }, globals: { locale: 'es' } };
/** Staff and contact names, document titles full of markup: shown as text. */
export const HostileText: Story = { args: { clientId: 'cl_hostile' } };

export const Loading: Story = { parameters: portal({ faults: { listActivity: { hang: true } } }) };
/** A failed load: what went wrong and Try again. */
export const LoadError: Story = { parameters: portal({ faults: { listActivity: { status: 503 } } }) };
/** The role may not see the trail: the API answers 403. */
export const NotAllowed: Story = { parameters: portal({ faults: { listActivity: { status: 403, code: 'forbidden' } } }) };
/** Preparing the CSV of 5,000 entries, while its pages load. */
export const PreparingCsv: Story = {
  args: { clientId: 'cl_large' },
  parameters: portal({ faults: { listActivity: { latencyMs: 400 } } }),
  play: async ({ canvasElement }) => {
    const button = await shown(widget(canvasElement), '[part~="download-button"]');
    button.click();
  },
};
/** Narrow host column (320 px). */
export const NarrowColumn: Story = {
  args: { clientId: 'cl_invited' },
  render: (args) => html`<div style="width: 320px"><portal-activity-log client-id=${args.clientId}></portal-activity-log></div>`,
};
