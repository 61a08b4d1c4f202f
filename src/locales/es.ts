// The Spanish locale pack: every catalog's Spanish text, registered when this module runs.
// Bundlers: `import 'portal-widgets/locales/es'` (widgets also load it on demand); script tags:
// `locales/es.iife.js` next to `portal-widgets.iife.js` (loaded on demand too).
import { registerTranslations } from '../i18n/messages.js';
import { commonMessagesEs as common, problemMessagesEs as problems } from '../i18n/common.messages.es.js';
import { permissionMessagesEs as permissions } from '../components/shared/permissions.messages.es.js';
import { capabilityMessagesEs as capabilities } from '../components/shared/capabilities.messages.es.js';
import { messagesEs as portalInviteStatus } from '../components/portal-invite-status/portal-invite-status.messages.es.js';
import { messagesEs as portalPermissionsEditor } from '../components/portal-permissions-editor/portal-permissions-editor.messages.es.js';
import { messagesEs as guardianManager } from '../components/guardian-manager/guardian-manager.messages.es.js';
import { messagesEs as intakeDocumentList } from '../components/intake-document-list/intake-document-list.messages.es.js';
import { billingMessagesEs as billingPaymentMethods } from '../components/billing-payment-methods/billing-payment-methods.messages.es.js';
import { messagesEs as portalActivityLog } from '../components/portal-activity-log/portal-activity-log.messages.es.js';
import { messagesEs as portalPracticeOverview } from '../components/portal-practice-overview/portal-practice-overview.messages.es.js';

registerTranslations('es', {
  common,
  problems,
  permissions,
  capabilities,
  'portal-invite-status': portalInviteStatus,
  'portal-permissions-editor': portalPermissionsEditor,
  'guardian-manager': guardianManager,
  'intake-document-list': intakeDocumentList,
  'billing-payment-methods': billingPaymentMethods,
  'portal-activity-log': portalActivityLog,
  'portal-practice-overview': portalPracticeOverview,
});
