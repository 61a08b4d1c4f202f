import { html, nothing } from 'lit';
import { cardExpiry } from '../../domain/card-expiry.js';
import { paymentBlocker } from '../../domain/payment-rules.js';
import { alreadySavedCard } from '../../domain/saved-card.js';
import type { CardMethod, ProblemCode, TokenizedCard } from '../../schemas/index.js';
import type { BillingData, BillingHost } from './billing-host.js';
import { cardName, expiryText } from './card-text.js';
import { ActionController } from '../shared/action-controller.js';
import { busyButton } from '../shared/busy-button.js';
import { ModalDialog } from '../shared/modal-dialog.js';
import { reactive } from '../shared/reactive.js';

/** What saving the card entered came to, short of a failed request. */
type SaveOutcome = { saved: CardMethod } | { duplicate: CardMethod } | { entryError: string };

/**
 * Saved cards: brand, last 4, expiry, default and expiry flags; adding one through the processor's
 * card field (everyone), setting the default and removing (staff).
 */
export class CardsSection {
  /** The saved card the one just entered turned out to be: said in the dialog, with what to do. */
  private duplicate: CardMethod | null = null;
  /** The cards on screen, to tell a card entered again from a new one before anything is sent. */
  private saved: readonly CardMethod[] = [];
  private makeDefault = false;
  private removing: CardMethod | null = null;
  private notice: string | null = null;

  /** `add` (saving, or making the saved card the default), `remove`, and `default:<id>` per row. */
  private readonly actions: ActionController;
  private readonly addDialog: ModalDialog;
  private readonly removeDialog: ModalDialog;

  /** Its dialogs and actions are controllers of the host; it has no lifecycle of its own. */
  constructor(private readonly host: BillingHost) {
    this.actions = new ActionController(host);
    this.addDialog = new ModalDialog(host, {
      id: 'add-card-dialog',
      part: 'add-card-dialog',
      busy: () => this.actions.busy('add'),
      onClosed: () => {
        this.duplicate = null;
        this.actions.setError('add', null);
        if (host.cardEntry.owner === 'add') host.cardEntry.close();
      },
    });
    this.removeDialog = new ModalDialog(host, {
      id: 'remove-card-dialog',
      part: 'remove-card-dialog',
      busy: () => this.actions.busy('remove'),
      onClosed: () => this.actions.setError('remove', null),
    });
  }

  reset(): void {
    this.actions.reset();
    this.addDialog.close({ focus: 'none' });
    this.removeDialog.close({ focus: 'none' });
    this.notice = null;
    this.saved = [];
  }

  render(data: BillingData, now: Date) {
    const { t, audience, cardEntry } = this.host;
    const cards = data.methods.cards;
    this.saved = cards;
    // Saving a card needs what a card payment needs: the practice's online-payments account.
    const noAccount = paymentBlocker(data.permissions.client, data.practice) === 'no_payments_account';
    const why = noAccount ? (audience === 'staff' ? t.addCardNeedsAccountStaff : t.addCardNeedsAccountClient) : !cardEntry.available ? (audience === 'staff' ? t.noProcessorStaff : t.noProcessorClient) : null;
    const mayManage = this.host.caps.can('billing.cards');
    return html`<section class="section panel" part="cards" aria-labelledby="cards-title">
      <div class="section-head">
        <h3 id="cards-title">${t.cardsTitle}</h3>
        ${mayManage
          ? html`<button class="button" part="button add-card-button" ?disabled=${why !== null} aria-describedby=${why ? 'add-card-unavailable' : nothing} @click=${(e: Event) => this.openAdd(cards, e)}>
              ${t.addCard}
            </button>`
          : nothing}
      </div>
      ${this.host.caps.note('billing.cards', this.host.activeLocale)}
      ${why && mayManage ? html`<p class="hint" id="add-card-unavailable">${why}</p>` : nothing}
      ${this.notice ? html`<p class="banner success" part="status notice" id="cards-notice" tabindex="-1">${this.notice}</p>` : nothing}
      ${cards.length
        ? html`<ul class="rows" part="card-list" aria-labelledby="cards-title">
            ${cards.map((card) => this.renderCard(data.clientId, card, now))}
          </ul>`
        : html`<p class="empty" part="empty">${audience === 'staff' ? t.noCardsStaff : t.noCardsClient}</p>`}
      ${this.renderAddDialog(data.clientId)} ${this.renderRemoveDialog(data.clientId)}
    </section>`;
  }

  private renderCard(clientId: string, card: CardMethod, now: Date) {
    const { t, audience } = this.host;
    const expiry = cardExpiry(card, now);
    const name = cardName(t, card);
    const busy = this.actions.busy(`default:${card.id}`);
    const error = this.actions.error(`default:${card.id}`);
    return html`<li class="item" part="row card">
      <div class="item-main">
        <span class="card-name">${t.brand(card.brand)} <span aria-hidden="true">•••• </span><span class="visually-hidden">${t.endingIn} </span>${card.last4}</span>
        <span class="muted">${expiry === 'expired' ? t.expiredOn(expiryText(card)) : t.expires(expiryText(card))}</span>
        ${card.isDefault ? html`<span class="badge info" part="badge">${t.badgeDefault}</span>` : nothing}
        ${expiry === 'expiring_soon' ? html`<span class="badge warning" part="badge">${t.badgeExpiringSoon}</span>` : nothing}
        ${expiry === 'expired' ? html`<span class="badge danger" part="badge">${t.badgeExpired}</span>` : nothing}
      </div>
      ${audience === 'staff' && this.host.caps.can('billing.cards')
        ? html`<div class="row" part="actions">
            ${!card.isDefault && expiry !== 'expired'
              ? busyButton({
                  label: t.setDefault,
                  ariaLabel: `${t.setDefault}: ${name}`,
                  busy,
                  // One default at a time.
                  disabled: this.actions.busy(),
                  part: 'set-default-button',
                  onClick: () => this.setDefault(clientId, card),
                })
              : nothing}
            <button class="button" part="button remove-button" aria-label="${t.remove}: ${name}" ?disabled=${busy} @click=${(e: Event) => this.openRemove(card, e)}>${t.remove}</button>
          </div>`
        : nothing}
      ${error ? html`<p class="field-error" role="alert">${error}</p>` : nothing}
    </li>`;
  }

  private renderAddDialog(clientId: string) {
    const { t, common, cardEntry } = this.host;
    const busy = this.actions.busy('add');
    const error = this.actions.error('add');
    return this.addDialog.render(
      () => html`<h3 id=${this.addDialog.titleId}>${t.addCardTitle}</h3>
        <div class="stack">
          ${cardEntry.render('add')} ${error ? html`<p class="field-error" role="alert">${error}</p>` : nothing}
          ${this.duplicate ? this.renderDuplicate(clientId, this.duplicate) : nothing}
          <p class="hint">${t.cardFieldNote}</p>
          <label class="check">
            <input type="checkbox" .checked=${this.makeDefault} ?disabled=${busy} @change=${(e: Event) => (this.makeDefault = (e.target as HTMLInputElement).checked)} />
            ${t.makeDefault}
          </label>
        </div>
        <div class="actions">
          <button class="button" part="button" ?disabled=${busy} @click=${() => this.addDialog.close()}>${common.cancel}</button>
          ${busyButton({
            id: 'save-card-button',
            label: busy ? t.savingCard : t.saveCardButton,
            busy,
            disabled: cardEntry.state !== 'ready',
            kind: 'primary',
            part: 'save-card-button',
            onClick: () => this.save(clientId),
          })}
        </div>`,
    );
  }

  /** The card entered is already saved: say which, and offer what makes sense instead of a second row. */
  private renderDuplicate(clientId: string, card: CardMethod) {
    const { t, audience } = this.host;
    const canMakeDefault = audience === 'staff' && !card.isDefault && cardExpiry(card, new Date()) !== 'expired';
    return html`<div class="banner info" part="status" role="alert" id="duplicate-card">
      <p>${t.cardAlreadySaved(cardName(t, card), expiryText(card))} ${canMakeDefault ? nothing : t.cardAlreadySavedNext}</p>
      ${canMakeDefault
        ? html`<button class="button" part="button set-default-button" ?disabled=${this.actions.busy('add')} @click=${() => this.makeSavedDefault(clientId, card)}>${t.makeSavedDefault}</button>`
        : nothing}
    </div>`;
  }

  private renderRemoveDialog(clientId: string) {
    const { t, common } = this.host;
    const busy = this.actions.busy('remove');
    const error = this.actions.error('remove');
    return this.removeDialog.render(
      () => {
        const card = this.removing!;
        return html`<h3 id=${this.removeDialog.titleId}>${t.removeTitle(cardName(t, card))}</h3>
          <p id="remove-card-body">${t.removeBody}</p>
          ${card.isDefault ? html`<p class="banner info">${t.removeDefaultNote}</p>` : nothing}
          ${error ? html`<p class="banner danger" role="alert">${error}</p>` : nothing}
          <div class="actions">
            <button class="button" part="button" autofocus ?disabled=${busy} @click=${() => this.removeDialog.close()}>${common.cancel}</button>
            ${busyButton({ label: busy ? t.removing : t.removeConfirm, busy, kind: 'danger', part: 'confirm-remove-button', onClick: () => this.remove(clientId, card) })}
          </div>`;
      },
      { describedBy: 'remove-card-body' },
    );
  }

  private openAdd(cards: readonly CardMethod[], event: Event): void {
    this.duplicate = this.notice = null;
    this.actions.setError('add', null);
    // A first card, or one replacing only expired ones, should become the default.
    this.makeDefault = !cards.some((c) => c.isDefault && cardExpiry(c, new Date()) !== 'expired');
    void this.addDialog.show(event);
    void this.host.cardEntry.open('add', { focus: true });
  }

  /** Says what an action did, on screen and to screen readers; focus goes there once it is over. */
  private said(text: string): void {
    this.notice = text;
    this.host.announce(text);
  }

  private readonly noticeElement = () => this.host.renderRoot.querySelector<HTMLElement>('#cards-notice');

  private async save(clientId: string): Promise<void> {
    const { client, cardEntry } = this.host;
    if (!client) return;
    this.duplicate = null;
    await this.actions.run(
      'add',
      async (): Promise<SaveOutcome> => {
        let token: TokenizedCard;
        try {
          token = await cardEntry.tokenize();
        } catch (error) {
          return { entryError: cardEntry.failureText(error, clientId) };
        }
        // The same card again would be a second identical row: say so instead of sending it.
        const duplicate = alreadySavedCard(this.saved, token);
        if (duplicate) return { duplicate };
        const saved = await client.addCard(clientId, { card: token, makeDefault: this.makeDefault });
        this.host.emit('portal-payment-method-added', { clientId, paymentMethodId: saved.id });
        return { saved };
      },
      {
        operation: 'addCard',
        // The dialog and what was typed stay; the error shows above the field.
        done: (outcome) => {
          if ('entryError' in outcome) return this.actions.setError('add', outcome.entryError);
          if ('duplicate' in outcome) return (this.duplicate = outcome.duplicate);
          this.said(this.host.t.cardAdded(cardName(this.host.t, outcome.saved)));
          this.addDialog.close({ focus: 'none' });
        },
        failed: (error, text) => {
          // Saved meanwhile (another tab, the client in the portal): show the current cards and say which.
          if ((error as { code?: ProblemCode }).code === 'card_already_saved') this.host.reload();
          return text;
        },
      },
    );
    // Already saved: making it the default, when offered, is what comes next.
    if (this.duplicate) this.host.renderRoot.querySelector<HTMLElement>('#duplicate-card button')?.focus();
    else this.focusNoticeAfter(this.addDialog);
  }

  /**
   * Closing a modal dialog gives focus back to what opened it, which the action may be about to
   * remove (the card's row): once the action closed its dialog, focus goes to the notice instead.
   */
  private focusNoticeAfter(dialog: ModalDialog): void {
    if (!dialog.isOpen && this.notice) this.noticeElement()?.focus();
  }

  /** From the "already saved" note: make the saved card the default instead, and close the dialog. */
  private async makeSavedDefault(clientId: string, card: CardMethod): Promise<void> {
    const client = this.host.client;
    if (!client) return;
    await this.actions.run('add', () => client.setDefaultPaymentMethod(clientId, card.id), {
      operation: 'setDefaultPaymentMethod',
      done: () => {
        this.said(this.host.t.defaultSet(cardName(this.host.t, card)));
        this.addDialog.close({ focus: 'none' });
      },
      failed: (_error, text) => {
        this.duplicate = null;
        return text;
      },
    });
    this.focusNoticeAfter(this.addDialog);
  }

  private setDefault(clientId: string, card: CardMethod): void {
    const client = this.host.client;
    if (!client) return;
    this.notice = null;
    this.actions.clearErrors();
    // The button is gone once the card is the default: focus goes to the notice.
    void this.actions.run(`default:${card.id}`, () => client.setDefaultPaymentMethod(clientId, card.id), {
      operation: 'setDefaultPaymentMethod',
      done: () => this.said(this.host.t.defaultSet(cardName(this.host.t, card))),
      focus: this.noticeElement,
    });
  }

  private openRemove(card: CardMethod, event: Event): void {
    this.removing = card;
    this.notice = null;
    this.actions.clearErrors();
    void this.removeDialog.show(event);
  }

  private async remove(clientId: string, card: CardMethod): Promise<void> {
    const client = this.host.client;
    if (!client) return;
    await this.actions.run(
      'remove',
      async () => {
        await client.removePaymentMethod(clientId, card.id);
        this.host.emit('portal-payment-method-removed', { clientId, paymentMethodId: card.id });
      },
      {
        operation: 'removePaymentMethod',
        done: () => {
          this.said(this.host.t.cardRemoved(cardName(this.host.t, card)));
          this.removeDialog.close({ focus: 'none' });
        },
      },
    );
    this.focusNoticeAfter(this.removeDialog);
  }
}

/** What the host renders: setting any of these renders it again. */
reactive(CardsSection, 'duplicate', 'makeDefault', 'removing', 'notice');
