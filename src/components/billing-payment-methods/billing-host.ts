import type { ReactiveControllerHost } from 'lit';
import type { PortalClient } from '../../api/portal-client.js';
import type { PortalEventDetails, PortalEventName } from '../../events/portal-events.js';
import type { Locale } from '../../i18n/locale.js';
import type { commonMessages } from '../../i18n/common.messages.js';
import type { ClientPermissions, Invoices, PaymentMethods, PracticeSettings } from '../../schemas/index.js';
import type { BillingMessages } from './billing-payment-methods.messages.js';
import type { CardEntry } from './card-entry.js';
import type { CapabilityController } from '../shared/capabilities.js';

/** Who uses the widget: practice staff manage everything; a client adds cards, uploads and pays. */
export type Audience = 'staff' | 'client';

/** The staff member's role may not see billing (`billing.view`): nothing else was loaded. */
export interface BillingHidden {
  clientId: string;
  hidden: true;
}

/** Everything the widget loads before it can show anything, for one client. */
export interface BillingData {
  clientId: string;
  methods: PaymentMethods;
  invoices: Invoices;
  permissions: ClientPermissions;
  practice: PracticeSettings;
}

/**
 * What the widget's sections need from the element. The element builds it once, so sections can
 * use its protected helpers (events, error reporting, announcements) without making them public.
 */
export interface BillingHost extends ReactiveControllerHost {
  readonly clientId: string;
  readonly audience: Audience;
  readonly api: PortalClient | undefined;
  readonly locale: Locale;
  readonly t: BillingMessages;
  /** Shared strings (Cancel, Close, Try again, …). */
  readonly common: (typeof commonMessages)['en'];
  readonly cardEntry: CardEntry;
  /** What the signed-in staff member may do (everything, for a client in their own portal). */
  readonly caps: CapabilityController;
  /** Where dialogs and messages are found after a render. */
  readonly root: ParentNode;
  emit<K extends PortalEventName>(name: K, detail: PortalEventDetails[K]): void;
  /** Reports an error to the host page and returns the sentence to show. */
  reportError(error: unknown, operation: string): string;
  /** The sentence to show for an error, without reporting it. */
  describe(error: unknown): string;
  announce(text: string): void;
  /** Reloads cards, insurance, invoices, permissions and practice (keeping what is shown meanwhile). */
  reload(): void;
}
