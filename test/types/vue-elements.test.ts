// Type test for the generated Vue typings (dist/types/vue.d.ts), without vue-tsc: vue-tsc checks a
// template tag against the `$props` of the component registered in `GlobalComponents`, after
// camelizing attribute and listener names (`client-id` → `clientId`, `@portal-invite-sent` →
// `onPortalInviteSent`). With `strictTemplates` an unknown name is an error there. This file checks
// that same props type with object literals (whose unknown keys TypeScript reports), so it fails
// when a misspelled prop or listener, or a wrong type, would pass a strict template.
import type { GlobalComponents } from 'vue';
import type {} from '../../dist/types/vue.js';

type PropsOf<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];

// Ordinary attributes, ARIA, DOM listeners, key and ref are accepted beside the element's props.
export const ok: PropsOf<'portal-invite-status'> = {
  clientId: 'cl_1',
  locale: 'es',
  id: 'status',
  class: ['card', { wide: true }],
  style: { maxWidth: '40rem' },
  part: 'widget',
  slot: 'main',
  'aria-label': 'Portal access',
  role: 'region',
  key: 'status',
  ref: 'status',
  onClick: (event: MouseEvent) => event.button,
  onPortalInviteSent: (event) => event.detail.invitationId.toUpperCase(),
};
export const provider: PropsOf<'portal-provider'> = { apiBase: '/api/portal', timeoutMs: 5000, getToken: async () => 'token' };
export const intake: PropsOf<'intake-document-list'> = { pollInterval: 30000, audience: 'client', onPortalDocumentOpen: (e) => e.detail.url };
export const editor: PropsOf<'portal-permissions-editor'> = { practiceAdmin: true, onPortalPermissionsSaved: (e) => e.detail.version };

// @ts-expect-error a misspelled prop (`client-idd="x"` in a template)
export const misspelledProp: PropsOf<'portal-invite-status'> = { clientIdd: 'x' };

// @ts-expect-error a prop of the wrong type (`:client-id="123"`)
export const wrongType: PropsOf<'portal-invite-status'> = { clientId: 123 };

// @ts-expect-error a misspelled listener (`@portal-invite-snt`)
export const misspelledEvent: PropsOf<'portal-invite-status'> = { onPortalInviteSnt: () => undefined };

// @ts-expect-error event details are typed: portal-load has no invitationId
export const wrongDetail: PropsOf<'portal-invite-status'> = { onPortalLoad: (e) => e.detail.invitationId };

// @ts-expect-error an attribute value outside its union
export const wrongAudience: PropsOf<'billing-payment-methods'> = { audience: 'patient' };

// @ts-expect-error getToken is a function: `get-token="abc"` (or `:get-token` bound to a string) is wrong
export const tokenString: PropsOf<'portal-provider'> = { getToken: 'abc' };
