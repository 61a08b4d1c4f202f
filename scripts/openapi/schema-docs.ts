// Names and descriptions of the API's schemas for the OpenAPI document and docs/api.md. They live
// here, not on the schemas, so browsers never download them: the widgets only parse.
import * as z from 'zod/mini';
import * as schemas from '../../src/schemas/index.js';

/** Registers every named schema once, in the order the document lists them. */
export function registerSchemaDocs(): void {
  if (z.globalRegistry.has(schemas.Money)) return;
  z.globalRegistry.add(schemas.StaffMember, { id: 'StaffMember', description: 'A member of the practice staff: who the session and the activity trail name.' });
  z.globalRegistry.add(schemas.CapabilityList, {
    description: `The capabilities of the signed-in staff member, each once. Those this SDK knows: ${schemas.Capability.options.map((c) => `\`${c}\``).join(', ')} (docs/api.md, "Session and capabilities"). Others are ignored by the SDK.`,
  });
  z.globalRegistry.add(schemas.Session, { id: 'Session', description: 'The signed-in staff member and the capabilities their role grants.' });
  z.globalRegistry.add(schemas.Money, { id: 'Money', description: 'An amount in minor units (cents) and its ISO 4217 currency.' });
  z.globalRegistry.add(schemas.PracticeSettings, { id: 'PracticeSettings', description: 'Practice-level portal settings.' });
  z.globalRegistry.add(schemas.PracticeSettingsUpdate, { id: 'PracticeSettingsUpdate', description: 'Turn the portal on or off for the whole practice.' });
  z.globalRegistry.add(schemas.ClientEmail, { id: 'ClientEmail', description: 'An email address of a client or contact, with consent.' });
  z.globalRegistry.add(schemas.ClientSummary, { id: 'ClientSummary', description: 'Who the client is, as the portal needs it.' });
  z.globalRegistry.add(schemas.Invitation, { id: 'Invitation', description: 'One portal invitation email and what became of it.' });
  z.globalRegistry.add(schemas.InvitationRequest, { id: 'InvitationRequest', description: 'Send or resend an invitation, with an optional custom message.' });
  z.globalRegistry.add(schemas.PortalAccess, { id: 'PortalAccess', description: "A client's own portal access." });
  z.globalRegistry.add(schemas.PortalEmailChange, { id: 'PortalEmailChange', description: 'Change the address used for portal access.' });
  z.globalRegistry.add(schemas.SignInPin, { id: 'SignInPin', description: 'A short-lived PIN for passwordless sign-in.' });
  z.globalRegistry.add(schemas.ClientPermissionFlags, { id: 'ClientPermissionFlags', description: 'The four per-client portal permissions.' });
  z.globalRegistry.add(schemas.PortalUserGroups, { id: 'PortalUserGroups', description: 'Permission groups of one portal user.' });
  z.globalRegistry.add(schemas.PortalUserPermissions, { id: 'PortalUserPermissions', description: 'A contact enrolled as a portal user and their groups.' });
  z.globalRegistry.add(schemas.ClientPermissions, { id: 'ClientPermissions', description: "A client's permissions and their portal users' groups." });
  z.globalRegistry.add(schemas.ClientPermissionsUpdate, { id: 'ClientPermissionsUpdate', description: 'The whole permission set; sent with If-Match.' });
  z.globalRegistry.add(schemas.ContactPortalUser, { id: 'ContactPortalUser', description: "A contact's enrollment as a portal user of the client." });
  z.globalRegistry.add(schemas.Contact, { id: 'Contact', description: 'A person related to the client: parent, guardian, helper.' });
  z.globalRegistry.add(schemas.ContactInput, { id: 'ContactInput', description: 'A contact to create, or the whole of one to update.' });
  z.globalRegistry.add(schemas.IntakeDocument, { id: 'IntakeDocument', description: 'A document assigned to a client to fill out and sign.' });
  z.globalRegistry.add(schemas.IntakeDocumentPage, { id: 'IntakeDocumentPage', description: 'One page of intake documents.' });
  z.globalRegistry.add(schemas.DocumentTemplate, { id: 'DocumentTemplate', description: 'A template documents are assigned from.' });
  z.globalRegistry.add(schemas.ClientDocumentTemplate, { id: 'ClientDocumentTemplate', description: "A template with the client's newest document from it, if any." });
  z.globalRegistry.add(schemas.DocumentAssignment, { id: 'DocumentAssignment', description: 'Assign documents from templates.' });
  z.globalRegistry.add(schemas.DocumentAssignmentResult, { id: 'DocumentAssignmentResult', description: 'What an assignment created and sent.' });
  z.globalRegistry.add(schemas.DocumentReminderResult, { id: 'DocumentReminderResult', description: 'A reminder that was sent.' });
  z.globalRegistry.add(schemas.CardMethod, { id: 'CardMethod', description: 'A card saved through the processor: never a card number.' });
  z.globalRegistry.add(schemas.InsuranceMethod, { id: 'InsuranceMethod', description: 'An insurance payment method added by the practice.' });
  z.globalRegistry.add(schemas.PaymentMethods, { id: 'PaymentMethods', description: "The client's saved cards and insurance methods." });
  z.globalRegistry.add(schemas.TokenizedCard, { id: 'TokenizedCard', description: 'A card token from the payment processor, with display details.' });
  z.globalRegistry.add(schemas.NewCard, { id: 'NewCard', description: 'Save a tokenized card.' });
  z.globalRegistry.add(schemas.Invoice, { id: 'Invoice', description: 'An invoice shared with the client.' });
  z.globalRegistry.add(schemas.Invoices, { id: 'Invoices', description: 'Shared invoices and the outstanding balance.' });
  z.globalRegistry.add(schemas.PaymentTarget, { id: 'PaymentTarget', description: 'The full balance or whole invoices.' });
  z.globalRegistry.add(schemas.PaymentSource, { id: 'PaymentSource', description: 'A saved card, or a freshly tokenized one.' });
  z.globalRegistry.add(schemas.PaymentRequest, { id: 'PaymentRequest', description: 'Pay the balance or whole invoices. Needs an Idempotency-Key header.' });
  z.globalRegistry.add(schemas.Payment, { id: 'Payment', description: 'A card payment.' });
  z.globalRegistry.add(schemas.PaymentPage, { id: 'PaymentPage', description: 'One page of card payments, newest first.' });
  z.globalRegistry.add(schemas.PortalOverview, { id: 'PortalOverview', description: 'Clients counted by portal access state and by diagnosis finding.' });
  z.globalRegistry.add(schemas.OverviewClient, { id: 'OverviewClient', description: 'A client behind one finding, with its evidence and fix.' });
  z.globalRegistry.add(schemas.OverviewClientPage, { id: 'OverviewClientPage', description: 'One page of the clients behind a finding.' });
  z.globalRegistry.add(schemas.OverviewClientSearch, { id: 'OverviewClientSearch', description: 'A name search within one finding.' });
  z.globalRegistry.add(schemas.BulkInvitationRequest, { id: 'BulkInvitationRequest', description: 'Invite a finding\'s clients or chosen clients; `dryRun` only says what would happen.' });
  z.globalRegistry.add(schemas.BulkInvitationResult, { id: 'BulkInvitationResult', description: 'What a bulk invitation did (or would do) for each client.' });
  z.globalRegistry.add(schemas.Problem, { id: 'Problem', description: 'An RFC 9457 problem details document.' });
}
