import type { ReactiveControllerHost } from 'lit';
import type { PortalClient } from '../../api/portal-client.js';
import type { PortalEventDetails, PortalEventName } from '../../events/portal-events.js';
import type { Locale } from '../../i18n/locale.js';
import type { commonMessages } from '../../i18n/common.messages.js';
import type { ClientPermissions, Invoices, PaymentMethods, PracticeSettings } from '../../schemas/index.js';
import type { BillingMessages } from './billing-payment-methods.messages.js';
import type { CardEntry } from './card-entry.js';
import type { CapabilityController } from '../shared/capabilities.js';

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
 * What the widget's sections use of the element, which passes itself (`new CardsSection(this)`).
 * Members that are not public API are `@internal` on the element.
 */
export interface BillingHost extends ReactiveControllerHost {
  readonly clientId: string;
  /** Anything but `staff` (the attribute is not checked) is a client. */
  readonly audience: 'staff' | 'client';
  readonly client: PortalClient | undefined;
  readonly activeLocale: Locale;
  readonly t: BillingMessages;
  /** Shared strings (Cancel, Close, Try again, …). */
  readonly common: (typeof commonMessages)['en'];
  readonly cardEntry: CardEntry;
  /** What the signed-in staff member may do (everything, for a client in their own portal). */
  readonly caps: CapabilityController;
  /** Where dialogs and messages are found after a render. */
  readonly renderRoot: HTMLElement | DocumentFragment;
  emit<K extends PortalEventName>(name: K, detail: PortalEventDetails[K]): boolean;
  /** Reports an error to the host page and returns the sentence to show. */
  reportError(error: unknown, clientId: string, operation?: string): string;
  /** The sentence to show for an error, without reporting it. */
  describe(error: unknown): string;
  announce(text: string): void;
  /** Reloads cards, insurance, invoices, permissions and practice (keeping what is shown meanwhile). */
  reload(): void;
}
