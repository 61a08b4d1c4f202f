// Type test for the generated React 19 / Preact typings (dist/types/jsx.d.ts). It compiles only
// while the typings match the element classes and the event map; `npm test` runs it after build.
import type {} from '../../dist/types/jsx.js';

export const ok = (
  <portal-provider apiBase="/api/portal" locale="es">
    <portal-invite-status clientId="cl_1" onportal-invite-sent={(e) => e.detail.invitationId.toUpperCase()} />
    <intake-document-list clientId="cl_1" onportal-load={(e) => e.detail.widget} />
    <billing-payment-methods clientId="cl_1" />
    <guardian-manager client-id="cl_1" />
    <portal-permissions-editor clientId="cl_1" />
    <portal-practice-overview onportal-client-open={(e) => e.detail.clientId.toUpperCase()} onportal-bulk-invitations-sent={(e) => e.detail.emails.toFixed()} />
  </portal-provider>
);

// @ts-expect-error a property no element has
export const unknownProperty = <portal-invite-status clientIdd="cl_1" />;

// @ts-expect-error a property of the wrong type
export const wrongType = <portal-invite-status clientId={42} />;

// @ts-expect-error event details are typed: portal-load has no invitationId
export const wrongDetail = <portal-invite-status onportal-load={(e) => e.detail.invitationId} />;
