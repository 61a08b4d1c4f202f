import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PortalElement } from '../../base/portal-element.js';
import { isPortalApiError } from '../../api/index.js';
import type { SignInPin } from '../../schemas/index.js';
import { hasConsent } from '../../domain/consented-email.js';
import type { Finding, FindingId } from '../../domain/portal-diagnosis.js';
import type { GuardianFixReason } from '../../events/portal-events.js';
import { problemMessages } from '../../i18n/common.messages.js';
import { formatRelative } from '../../i18n/format.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { DIALOG_NAMES, renderDialogs, type BusyAction, type DialogName } from './access-dialogs.js';
import { accessSituation, type AccessSituation, type PortalAccessData, type SendBlock } from './access-situation.js';
import { renderDetails, renderHeader, renderStatus, type SummaryView } from './access-summary.js';
import { copyText } from './copy-text.js';
import { renderDiagnosis } from './diagnosis-list.js';
import { addressChoices, draftAddress, needsConsent, newDraft, validateDraft, type EmailChangeDraft, type EmailChangeErrors } from './email-change-draft.js';
import { renderInvitationTimeline } from './invitation-timeline.js';
import { messages } from './portal-invite-status.messages.js';
import { styles } from './portal-invite-status.styles.js';
import { RefreshTimer } from '../shared/refresh-timer.js';
import { CapabilityController } from '../shared/capabilities.js';
import { ModalDialog } from '../shared/modal-dialog.js';
import { ActionController } from '../shared/action-controller.js';
import { busyButton } from '../shared/busy-button.js';
import type { Capability } from '../../schemas/index.js';

/**
 * The base element's protected member its action controller uses (ActionHost), made visible to it:
 * types only (declaration merging; the base class implements it). `@internal`: not public API.
 * @internal
 */
export interface PortalInviteStatusElement {
  reportError(error: unknown, clientId: string, operation?: string): string;
}

/**
 * @summary Portal access at a glance for one client: status, every action (invite, resend, copy
 * the portal link, change the email, disable, sign-in PIN), a diagnosis of why the family got no
 * email with the one fix for each finding, and the invitation history. Only the actions and fixes
 * the signed-in staff member's capabilities allow are offered (`GET /session`).
 *
 * @event portal-load - Data finished loading (also after each refresh).
 * @event portal-error - Loading or an action failed; the detail carries ids and codes only.
 * @event portal-invite-sent - An invitation was sent or resent; `{ clientId, contactId: null, invitationId, kind }`.
 * @event portal-email-changed - The portal email changed; `{ clientId, scope, invitationSent }`.
 * @event portal-access-disabled - Portal access was disabled; `{ clientId }`.
 * @event portal-pin-created - A sign-in PIN was generated (the PIN itself is never in the event); `{ clientId, expiresAt }`.
 * @event portal-practice-updated - Staff turned the portal on for the practice from the diagnosis; `{ portalEnabled }`.
 * @event portal-guardian-fix-request - Cancelable. A minor's guardian finding asks for a legal guardian to be added, or a
 *   guardian's address fixed; `{ clientId, reason, contactId }`. A `<guardian-manager>` for the same client opens its form;
 *   a host without one handles it and calls `preventDefault()`. If nobody does, the finding says where to do it.
 *
 * @csspart header - The heading row with the state badge.
 * @csspart status-badge - The one status badge: the access state, or "Portal off" while the practice has the portal off.
 * @csspart status - The sentence under the badge that says where access stands (a just-confirmed action takes its place).
 * @csspart portal-off - Also on the status sentence while the portal is off for the whole practice.
 * @csspart details - The portal email, recipients and sign-in dates.
 * @csspart actions - The row of action buttons.
 * @csspart button - Every button; each also has its own part: `send-button`, `copy-link-button`, `change-email-button`,
 *   `pin-button`, `disable-button`, `fix-<n>-button` (diagnosis), `show-all-button` (history), and in dialogs
 *   `<action>-confirm-button`, `cancel-button`, `copy-pin-button`, `close-button`.
 * @csspart reason - Why an action is unavailable, under its button; under a diagnosis finding whose fix the role cannot make, who can.
 * @csspart role-note - Says the signed-in staff member's role cannot send invitations, where that is the next step.
 * @csspart feedback - The confirmation (on the status sentence, replacing it) or the error (under the actions) after an action.
 * @csspart guardian-fix-note - Under a guardian finding whose fix nobody on the page took: where to add the guardian.
 * @csspart diagnosis - The diagnosis section.
 * @csspart finding - One finding; also `finding-blocker`, `finding-warning`, `finding-info`, `finding-ok`.
 * @csspart finding-severity - A finding's severity badge.
 * @csspart timeline - The invitation history section.
 * @csspart invitation - One invitation of the history.
 * @csspart delivery-badge - An invitation's delivery status.
 * @csspart expired-badge - Marks an expired invitation link while the client has still not signed in.
 * @csspart empty - What shows when no invitation was sent yet.
 * @csspart dialog - Every dialog; each also has its own part, e.g. `invite-dialog`, `pin-dialog`.
 * @csspart dialog-error - An error inside a dialog.
 * @csspart pin - The PIN field.
 * @csspart typo-hint - "Did you mean …?" under a typed address.
 * @csspart notice - Not-configured and no-client notices.
 * @csspart pending - The loading state.
 * @csspart error - The load error with its retry button.
 * @csspart retry-button - Try again after a load error.
 * @csspart send-button - Send or resend the invitation.
 * @csspart copy-link-button - Copy the sign-in link.
 * @csspart change-email-button - Change the portal email.
 * @csspart pin-button - Create a one-time PIN.
 * @csspart disable-button - Disable portal access.
 * @csspart fix-0-button - The fix offered by a diagnosis finding (`fix-<n>-button`, n counts from 0).
 * @csspart show-all-button - Show the whole invitation history.
 * @csspart invite-confirm-button - Confirms the invite dialog (each dialog's own: `<action>-confirm-button`).
 * @csspart email-confirm-button - Confirms the email dialog.
 * @csspart disable-confirm-button - Confirms disabling access.
 * @csspart portal-on-confirm-button - Confirms turning the portal on.
 * @csspart cancel-button - Closes a dialog without acting.
 * @csspart copy-pin-button - Copies the PIN in the PIN dialog.
 * @csspart close-button - Closes the PIN dialog.
 * @csspart copied - "Copied" after the PIN was copied.
 * @csspart invite-dialog - Send or resend the invitation.
 * @csspart email-dialog - Change the portal email.
 * @csspart confirm-primary-dialog - Confirms making the new address the client's primary email.
 * @csspart disable-dialog - The confirmation before disabling access.
 * @csspart pin-dialog - The one-time PIN.
 * @csspart portal-on-dialog - The confirmation before turning the portal on for the practice.
 */
export class PortalInviteStatusElement extends PortalElement {
  static override styles = [sharedStyles, styles];
  protected readonly widgetName = 'portal-invite-status';


  /** The confirmation of the last action (its failure is the actions' `feedback` error). */
  @state() private feedback: string | null = null;
  /** The invitation message being edited; null until the dialog first opens. */
  @state() private inviteDraft: string | null = null;
  @state() private emailDraft: EmailChangeDraft | null = null;
  @state() private emailErrors: EmailChangeErrors = {};
  /** Shown once, in its dialog; forgotten when the dialog closes. */
  @state() private pin: SignInPin | null = null;
  @state() private pinCopy: 'idle' | 'copied' | 'failed' = 'idle';
  /** Copying failed: the link shows in a field to copy by hand. */
  @state() private showLink = false;
  @state() private showAllInvitations = false;
  /** A guardian fix was asked for and nobody on the page answered. */
  @state() private unansweredGuardianFix: FindingId | null = null;

  private readonly timer = new RefreshTimer(this);
  private readonly caps = new CapabilityController(this);
  /** One action at a time: every button is disabled meanwhile, so nothing is submitted twice. */
  private readonly actions = new ActionController(this, {
    exclusive: true,
    fallbackFocus: () => this.feedbackOrHeading(),
  });
  private readonly dialogs = Object.fromEntries(
    DIALOG_NAMES.map((name) => [
      name,
      new ModalDialog(this, {
        id: `${name}-dialog`,
        busy: () => this.actions.busy(),
        fallbackFocus: () => this.feedbackOrHeading(),
        onClosed: () => this.onDialogClosed(name),
      }),
    ]),
  ) as Record<DialogName, ModalDialog>;
  private deadlines: (string | Date | null | undefined)[] = [];

  private readonly data = this.loadTask({
    reads: ['getPractice', 'getClient', 'getPortalAccess', 'listContacts'],
    load: async (api, clientId, _, signal) => {
      // One failure ends the others: no point waiting on a slow call whose result will not show.
      const batch = new AbortController();
      const abort = () => batch.abort(signal.reason);
      signal.addEventListener('abort', abort, { once: true });
      try {
        const opts = { signal: batch.signal };
        const [practice, client, access, contacts] = await Promise.all([
          api.getPractice(opts),
          api.getClient(clientId, opts),
          api.getPortalAccess(clientId, opts),
          api.listContacts(clientId, opts),
          this.caps.load(api, batch.signal),
        ]);
        const data: PortalAccessData = { clientId, practice, client, access, contacts };
        return data;
      } catch (error) {
        batch.abort();
        throw error;
      } finally {
        signal.removeEventListener('abort', abort);
      }
    },
  });

  private get m() {
    return messages[this.activeLocale];
  }

  protected override clientChanged(): void {
    // Another client: nothing typed or shown for the previous one may carry over.
    this.inviteDraft = null;
    this.emailDraft = null;
    this.emailErrors = {};
    this.feedback = null;
    this.actions.reset();
    this.pin = null;
    this.showLink = false;
    this.showAllInvitations = false;
    this.unansweredGuardianFix = null;
    for (const dialog of Object.values(this.dialogs)) dialog.close();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.timer.wakeAt(this.deadlines);
    // A refresh can disable the button that had focus (a resend now cooling down): keep focus in the widget.
    const active = this.shadowRoot?.activeElement as HTMLButtonElement | null;
    if (active?.disabled && !this.actions.busy() && !active.closest('dialog')) this.feedbackOrHeading()?.focus();
  }

  protected override render() {
    return html`${this.renderTask(this.data, (d) => this.renderReady(d))}${this.renderAnnouncer()}`;
  }

  // ---- what the data allows ------------------------------------------------------------------

  /** Why "Send invitation" cannot run, said to staff. */
  private sendBlockText(block: SendBlock | null, now: Date): string | null {
    if (!block) return null;
    if (block.kind === 'portal_off') return this.m.offReason;
    if (block.kind === 'no_recipient') return problemMessages[this.activeLocale][block.code];
    return this.availableAgain(block.retryAt, now);
  }

  /** "Available again in 8 minutes." */
  private availableAgain(retryAt: Date, now: Date): string {
    return this.common.availableAgain(formatRelative(retryAt, now, this.activeLocale));
  }

  private when(iso: string, now: Date): string {
    return formatRelative(iso, now, this.activeLocale);
  }

  // ---- rendering -------------------------------------------------------------------------------

  private renderReady(d: PortalAccessData): TemplateResult {
    const s = accessSituation(d, new Date());
    const m = this.m;
    const summary: SummaryView = { m, locale: this.activeLocale, when: (iso) => this.when(iso, s.now) };
    this.deadlines = [s.sendBlock?.kind === 'cooldown' ? s.sendBlock.retryAt : null, this.pin?.expiresAt, ...d.access.invitations.map((i) => i.expiresAt)];
    const confirmation = this.feedback;
    return html`<div class="stack">
        ${renderHeader(s, summary)} ${renderStatus(s, summary, confirmation)} ${renderDetails(s, summary)} ${this.renderActions(s)}
        ${renderDiagnosis(s.findings, {
          m,
          when: summary.when,
          sender: d.practice.senderAddress,
          fixButton: (f, label, i) => this.renderFix(s, f, label, i),
          unansweredGuardianFix: this.unansweredGuardianFix,
        })}
        ${renderInvitationTimeline(d.access.invitations, { m, locale: this.activeLocale, now: s.now, waiting: d.access.state === 'invited', showAll: this.showAllInvitations, onShowAll: () => (this.showAllInvitations = true) })}
      </div>
      ${this.renderDialogsFor(s)}`;
  }

  /**
   * A button with its reason underneath when it cannot run; `id` ties the two for screen readers.
   * "The portal is off" is the status sentence itself: such buttons point to it instead of repeating it.
   */
  private actionButton(id: string, label: string, onClick: (e: Event) => void, options: { reason?: string | null; kind?: string; busy?: BusyAction } = {}): TemplateResult {
    const saidByStatus = options.reason === this.m.offReason;
    return html`<div class="action">
      ${busyButton({
        label,
        busy: options.busy !== undefined && this.actions.busy(options.busy),
        disabled: !!options.reason || this.actions.busy(),
        id,
        kind: options.kind,
        part: `${id}-button`,
        describedBy: !options.reason ? undefined : saidByStatus ? 'status' : `${id}-reason`,
        onClick,
      })}
      ${options.reason && !saidByStatus ? html`<span class="hint reason" part="reason" id="${id}-reason">${options.reason}</span>` : nothing}
    </div>`;
  }

  private renderActions(s: AccessSituation): TemplateResult {
    const m = this.m;
    const { access } = s.d;
    const live = access.state === 'invited' || access.state === 'active';
    const resend = s.decision.allowed ? s.decision.kind === 'resend' : s.decision.code === 'resend_cooldown';
    const offReason = s.portalOn ? null : m.offReason;
    const can = (capability: Capability) => this.caps.can(capability);
    // Inviting is the next step until the first sign-in: a role without it is told, not left guessing.
    const inviteIsNext = !s.signedInBefore;
    return html`<div class="actions-row row" part="actions" role="group" aria-label=${m.actions}>
        ${s.signedInBefore
          ? access.state === 'disabled'
            ? nothing
            : this.actionButton('copy-link', m.copyLink, () => void this.copyLink(s.d), { reason: offReason, kind: 'primary', busy: 'copy-link' })
          : can('portal.invite')
            ? this.actionButton('send', resend ? m.resend : m.send, (e) => this.openInvite(e, s), { reason: this.sendBlockText(s.sendBlock, s.now), kind: 'primary' })
            : nothing}
        ${can('portal.email') ? this.actionButton('change-email', m.changeEmail, (e) => this.openEmail(e, s), { reason: s.emailChangeAllowed ? null : m.minorEmailReason }) : nothing}
        ${live && can('portal.pin') ? this.actionButton('pin', m.generatePin, (e) => void this.generatePin(e, s.d), { reason: offReason, busy: 'pin' }) : nothing}
        ${live && can('portal.disable') ? this.actionButton('disable', m.disable, (e) => this.openDialog('disable', e)) : nothing}
      </div>
      ${inviteIsNext ? this.caps.note('portal.invite', this.activeLocale) : nothing}
      ${this.showLink
        ? html`<div class="field">
            <label for="portal-link">${m.linkLabel}</label>
            <input id="portal-link" type="text" readonly .value=${s.d.practice.portalUrl} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
          </div>`
        : nothing}
      ${this.actions.error('feedback') ? html`<p class="banner danger feedback" part="feedback" id="feedback" tabindex="-1" role="alert">${this.actions.error('feedback')}</p>` : nothing}`;
  }

  /** The capability each diagnosis fix needs (copying the link needs none). */
  private static readonly FIX_CAPABILITY: Partial<Record<NonNullable<Finding['fix']>, Capability>> = {
    turn_portal_on: 'practice.settings',
    change_email: 'portal.email',
    send_invitation: 'portal.invite',
    guardians_section: 'contacts.edit',
  };

  private renderFix(s: AccessSituation, f: Finding, label: string, index: number): TemplateResult {
    const id = `fix-${index}`;
    // A fix the role cannot make is not offered: the finding says who can instead.
    const needed = f.fix ? PortalInviteStatusElement.FIX_CAPABILITY[f.fix] : undefined;
    if (needed && !this.caps.can(needed)) return html`<p class="hint reason" part="reason">${this.caps.askColleague(needed, this.activeLocale)}</p>`;
    switch (f.fix) {
      case 'turn_portal_on':
        return this.actionButton(id, label, (e) => this.openDialog('portal-on', e), { kind: 'primary' });
      case 'change_email':
        return this.actionButton(id, label, (e) => this.openEmail(e, s, f.suggestion), { reason: s.emailChangeAllowed ? null : this.m.minorEmailReason, kind: 'primary' });
      case 'send_invitation':
        return this.actionButton(id, label, (e) => this.openInvite(e, s), { reason: this.sendBlockText(s.sendBlock, s.now), kind: 'primary' });
      case 'copy_portal_link':
        return this.actionButton(id, label, () => void this.copyLink(s.d), { reason: s.portalOn ? null : this.m.offReason, busy: 'copy-link' });
      case 'guardians_section':
        return this.actionButton(id, label, (e) => this.requestGuardianFix(e, s.d.clientId, f), { kind: 'primary' });
      default:
        return html``;
    }
  }

  private renderDialogsFor(s: AccessSituation): TemplateResult {
    const { d } = s;
    const draft = this.emailDraft;
    const address = draft ? draftAddress(draft) : '';
    return renderDialogs(
      {
        m: this.m,
        common: this.common,
        locale: this.activeLocale,
        now: s.now,
        dialogs: this.dialogs,
        busy: this.actions.current as BusyAction | null,
        error: (dialog) => this.actions.error(dialog),
        inviteKind: s.decision.allowed && s.decision.kind === 'resend' ? 'resend' : 'send',
        recipients: s.plan.recipients.map((r) => r.address),
        inviteDraft: this.inviteDraft ?? '',
        currentEmail: d.access.email,
        choices: addressChoices(d.client, d.access.email),
        emailDraft: draft,
        emailErrors: this.emailErrors,
        emailHasConsent: address !== '' && !needsConsent(d.client, address),
        canResend: s.portalOn,
        mayInvite: this.caps.can('portal.invite'),
        pin: this.pin,
        pinCopy: this.pinCopy,
        close: (name) => this.dialogs[name].close(),
        onInviteInput: (value) => (this.inviteDraft = value),
        submitInvite: () => void this.sendInvitation(s),
        onDraft: (patch) => this.editDraft(patch),
        submitEmail: () => this.submitEmail(d),
        changeEmail: (disableAndResend) => void this.changeEmail(d, disableAndResend),
        disable: () => void this.disableAccess(d),
        copyPin: () => void this.copyPin(),
        turnPortalOn: () => void this.turnPortalOn(d),
      },
      address,
    );
  }

  // ---- dialogs and focus -----------------------------------------------------------------------

  /** Opens a dialog from `opener` (focus returns there); by default from whatever has focus. */
  private openDialog(name: DialogName, opener?: EventTarget | Event | null): void {
    for (const dialog of DIALOG_NAMES) this.actions.setError(dialog, null);
    void this.dialogs[name].show(opener as Element | Event | null | undefined);
  }

  private onDialogClosed(name: DialogName): void {
    for (const dialog of DIALOG_NAMES) this.actions.setError(dialog, null);
    if (name === 'pin') {
      this.pin = null;
      this.pinCopy = 'idle';
    }
  }

  /** Where focus goes when its control is gone: the action's error, else the heading. */
  private feedbackOrHeading(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part~="feedback"]') ?? this.renderRoot.querySelector<HTMLElement>('#heading');
  }

  /**
   * Asks whoever manages guardians on the page to fix a guardian finding. The event is cancelable
   * (a plain `emit` is not): the one who takes it calls `preventDefault()`, and if nobody does the
   * finding says where to add the guardian instead.
   */
  private requestGuardianFix(event: Event, clientId: string, finding: Finding): void {
    const reason: GuardianFixReason = finding.id === 'no_legal_guardian' ? 'no_legal_guardian' : finding.id === 'no_email' ? 'no_guardian_email' : 'no_guardian_consent';
    const detail = { clientId, reason, contactId: finding.contactId ?? null };
    const request = new CustomEvent('portal-guardian-fix-request', { detail, bubbles: true, composed: true, cancelable: true });
    (event.currentTarget as HTMLElement).dispatchEvent(request);
    this.unansweredGuardianFix = request.defaultPrevented ? null : finding.id;
    if (!request.defaultPrevented) this.announce(this.m.guardianFixUnhandled);
  }

  private openInvite(event: Event, s: AccessSituation): void {
    // Start from the last message sent, so a resend says what the first one said.
    this.inviteDraft ??= [...s.d.access.invitations].sort((a, b) => Date.parse(b.sentAt) - Date.parse(a.sentAt))[0]?.message ?? '';
    this.openDialog('invite', event);
  }

  private openEmail(event: Event, s: AccessSituation, suggestion?: string): void {
    const choices = addressChoices(s.d.client, s.d.access.email);
    // A fix brings its own address; the plain button keeps whatever was typed before.
    if (suggestion || !this.emailDraft) {
      this.emailDraft = newDraft(choices, s.d.access.state, suggestion);
      this.emailErrors = {};
    }
    this.openDialog('email', event);
  }

  private editDraft(patch: Partial<EmailChangeDraft>): void {
    if (!this.emailDraft) return;
    this.emailDraft = { ...this.emailDraft, ...patch };
    // An error goes away once its field is edited.
    const errors = { ...this.emailErrors };
    if ('typed' in patch || 'choice' in patch) delete errors.address;
    if ('consent' in patch) delete errors.consent;
    this.emailErrors = errors;
  }

  // ---- actions -----------------------------------------------------------------------------------

  private succeed(text: string): void {
    this.feedback = text;
    this.announce(text);
  }

  /** What to show for a failed action (already reported): when to try again, and a reload when the widget is out of date. */
  private actionError(error: unknown, text: string): string {
    if (isPortalApiError(error)) {
      if (error.code === 'resend_cooldown' && error.retryAfterSeconds) {
        const now = new Date();
        text += ` ${this.availableAgain(new Date(now.getTime() + error.retryAfterSeconds * 1000), now)}`;
      }
      // What the widget shows is out of date (someone else acted, or a rule now applies): reload it.
      if (error.status === 409 || error.status === 412 || error.status === 429) void this.data.run();
    }
    return text;
  }

  /**
   * Runs one action at a time: every button is disabled (and this one `aria-busy`) meanwhile, so
   * nothing is submitted twice. Errors go next to the action: in its dialog, or under the buttons.
   */
  private act<T>(action: BusyAction, dialog: DialogName | null, operation: string, work: () => Promise<T>, done: (value: T) => unknown): Promise<boolean> {
    if (this.actions.busy()) return Promise.resolve(false);
    this.feedback = null;
    this.actions.clearErrors();
    return this.actions.run(action, work, { operation, errorIn: dialog ?? 'feedback', done, failed: (error, text) => this.actionError(error, text) });
  }

  private sendInvitation(s: AccessSituation): Promise<boolean> {
    const { clientId, access } = s.d;
    const kind = s.decision.allowed ? s.decision.kind : 'send';
    const before = new Set(access.invitations.map((i) => i.id));
    const message = (this.inviteDraft ?? '').trim() ? (this.inviteDraft ?? '') : undefined;
    return this.act('invite', 'invite', 'sendInvitation', () => this.client!.sendInvitation(clientId, message === undefined ? {} : { message }), (updated) => {
      const sent = updated.invitations.filter((i) => !before.has(i.id));
      this.inviteDraft = null;
      this.emit('portal-invite-sent', { clientId, contactId: null, invitationId: sent[sent.length - 1]?.id ?? '', kind });
      this.succeed(this.m.inviteSent(sent.map((i) => i.to)));
      this.dialogs.invite.close();
    });
  }

  private submitEmail(d: PortalAccessData): void {
    const draft = this.emailDraft;
    if (!draft || this.actions.busy()) return;
    this.emailErrors = validateDraft(draft, d.client, d.access.email);
    if (this.emailErrors.address || this.emailErrors.consent) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#email-dialog [aria-invalid="true"]')?.focus());
      return;
    }
    // The confirmation sits on top of the form, which gets focus back when it closes.
    if (draft.scope === 'primary') this.openDialog('confirm-primary');
    else void this.changeEmail(d, draft.resend && d.practice.portalEnabled && this.caps.can('portal.invite'));
  }

  private changeEmail(d: PortalAccessData, disableAndResend: boolean): Promise<boolean> {
    const draft = this.emailDraft;
    if (!draft) return Promise.resolve(false);
    const errorIn: DialogName = this.dialogs['confirm-primary'].isOpen ? 'confirm-primary' : 'email';
    const email = draftAddress(draft);
    const consent = draft.consent || hasConsent(d.client.emails, email);
    return this.act('email', errorIn, 'changePortalEmail', () => this.client!.changePortalEmail(d.clientId, { email, scope: draft.scope, consent, disableAndResend }, d.access.version), () => {
      this.emailDraft = null;
      this.emailErrors = {};
      this.emit('portal-email-changed', { clientId: d.clientId, scope: draft.scope, invitationSent: disableAndResend });
      this.succeed(disableAndResend ? this.m.emailChangedInvited(email) : this.m.emailChanged(email));
      this.dialogs['confirm-primary'].close();
      this.dialogs.email.close();
    });
  }

  private disableAccess(d: PortalAccessData): Promise<boolean> {
    return this.act('disable', 'disable', 'disablePortalAccess', () => this.client!.disablePortalAccess(d.clientId, d.access.version), () => {
      this.emit('portal-access-disabled', { clientId: d.clientId });
      this.succeed(this.m.accessDisabled);
      this.dialogs.disable.close();
    });
  }

  private generatePin(event: Event, d: PortalAccessData): Promise<boolean> {
    const trigger = event.currentTarget as Element | null;
    return this.act('pin', null, 'createSignInPin', () => this.client!.createSignInPin(d.clientId), (pin) => {
      this.pin = pin;
      this.pinCopy = 'idle';
      this.emit('portal-pin-created', { clientId: d.clientId, expiresAt: pin.expiresAt });
      this.announce(this.m.pinCreated);
      this.openDialog('pin', trigger);
    });
  }

  private async copyPin(): Promise<void> {
    if (!this.pin) return;
    const copied = await copyText(this.pin.pin);
    this.pinCopy = copied ? 'copied' : 'failed';
    if (copied) this.announce(this.m.pinCopied);
  }

  private copyLink(d: PortalAccessData): Promise<boolean> {
    return this.act('copy-link', null, 'copyPortalLink', () => copyText(d.practice.portalUrl), (copied) => {
      this.showLink = !copied;
      if (copied) this.succeed(this.m.linkCopied);
      else this.actions.setError('feedback', this.common.copyFailed);
    });
  }

  private turnPortalOn(d: PortalAccessData): Promise<boolean> {
    return this.act('portal-on', 'portal-on', 'updatePractice', () => this.client!.updatePractice({ portalEnabled: true }, d.practice.version), (practice) => {
      this.emit('portal-practice-updated', { portalEnabled: practice.portalEnabled });
      this.succeed(this.m.portalTurnedOn);
      this.dialogs['portal-on'].close();
    });
  }
}
