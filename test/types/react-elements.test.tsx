// Type test for the generated React 19 / Preact typings (dist/types/jsx.d.ts). It compiles only
// while the typings match the element classes and the event map, and while each
// `@ts-expect-error` below is an error; `npm test` runs it after the build.
import type {} from '../../dist/types/jsx.js';

export const ok = (
  <portal-provider apiBase="/api/portal" api-base="/api/portal" locale="es" timeout-ms={5000} getToken={async () => 'token'}>
    <portal-invite-status
      clientId="cl_1"
      id="status"
      className="card"
      class="card"
      part="widget"
      slot="main"
      style={{ maxWidth: '40rem' }}
      aria-label="Portal access"
      data-testid="status"
      onClick={(e) => e.currentTarget.clientId}
      onportal-invite-sent={(e) => e.detail.invitationId.toUpperCase()}
      onportal-guardian-fix-request={(e) => e.detail.reason}
    />
    <intake-document-list client-id="cl_1" poll-interval={30000} pollInterval={30000} audience="client" onportal-load={(e) => e.detail.widget} />
    <billing-payment-methods clientId="cl_1" audience="staff" onportal-payment-succeeded={(e) => e.detail.invoiceIds.length} />
    <guardian-manager client-id="cl_1" onportal-contact-added={(e) => e.detail.contactId} />
    <portal-permissions-editor clientId="cl_1" practice-admin practiceAdmin={false} onportal-permissions-saved={(e) => e.detail.version + 1} />
    <portal-practice-overview onportal-client-open={(e) => e.detail.clientId.toUpperCase()} onportal-bulk-invitations-sent={(e) => e.detail.emails.toFixed()} />
  </portal-provider>
);

// @ts-expect-error a property no element has
export const unknownProperty = <portal-invite-status clientIdd="cl_1" />;

// @ts-expect-error a property of the wrong type
export const wrongPropertyType = <portal-invite-status clientId={42} />;

// @ts-expect-error an attribute of the wrong type (attributes carry their property's type)
export const wrongAttributeType = <portal-invite-status client-id={123} />;

// @ts-expect-error an attribute value outside its union
export const wrongAudience = <intake-document-list audience="patient" />;

// @ts-expect-error poll-interval is a number of milliseconds
export const wrongPollInterval = <intake-document-list poll-interval={{ seconds: 30 }} />;

// @ts-expect-error event details are typed: portal-load has no invitationId
export const wrongDetail = <portal-invite-status onportal-load={(e) => e.detail.invitationId} />;

// @ts-expect-error a handler of the wrong shape
export const wrongHandler = <portal-invite-status onportal-invite-sent="alert(1)" />;

// @ts-expect-error getToken is a function, never a string
export const tokenString = <portal-provider getToken="abc" />;

// @ts-expect-error a widget's own property on another element
export const wrongElement = <portal-invite-status pollInterval={1000} />;

// Known limit of TypeScript, not of these typings: a JSX attribute whose name contains a hyphen
// is never reported as unknown (the rule that lets `data-*` through), whatever the element's
// type says. So a misspelled kebab-case attribute or event (`client-idd`, `onportal-invite-snt`)
// compiles in any TSX file; use the camelCase property (`clientId`), which is checked, and see
// docs/embedding.md. These lines pin the limit: if TypeScript ever starts reporting them, this
// file fails and the table in the docs can be updated.
export const hyphenatedTypoCompiles = <portal-invite-status client-idd="x" onportal-invite-snt={() => undefined} />;
