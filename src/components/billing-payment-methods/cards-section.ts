import { html, nothing, type ReactiveController } from 'lit';
import { cardExpiry } from '../../domain/card-expiry.js';
import { paymentBlocker } from '../../domain/payment-rules.js';
import { alreadySavedCard } from '../../domain/saved-card.js';
import type { CardMethod, ProblemCode, TokenizedCard } from '../../schemas/index.js';
import type { BillingData, BillingHost } from './billing-host.js';
import { cardName, expiryText } from './card-text.js';
import { focusIfPossible, syncModal } from './sync-modal.js';
import { dialogClosed } from '../shared/dialog-closed.js';
import { reactive } from '../shared/reactive.js';

/**
 * Saved cards: brand, last 4, expiry, default and expiry flags; adding one through the processor's
 * card field (everyone), setting the default and removing (staff).
 */
export class CardsSection implements ReactiveController {
  private adding = false;
  private addBusy = false;
  private addError: string | null = null;
  /** The saved card the one just entered turned out to be: said in the dialog, with what to do. */
  private duplicate: CardMethod | null = null;
  /** The cards on screen, to tell a card entered again from a new one before anything is sent. */
  private saved: readonly CardMethod[] = [];
  private makeDefault = false;
  private removing: CardMethod | null = null;
  private removeBusy = false;
  private removeError: string | null = null;
  private busyId: string | null = null;
  private rowError: { id: string; text: string } | null = null;
  private notice: string | null = null;
  private trigger: HTMLElement | null = null;
  private generation = 0;

  constructor(private readonly host: BillingHost) {
    host.addController(this);
  }

  hostUpdated(): void {
    const root = this.host.renderRoot;
    syncModal(root.querySelector<HTMLDialogElement>('#add-card-dialog'), this.adding);
    syncModal(root.querySelector<HTMLDialogElement>('#remove-card-dialog'), this.removing !== null);
  }

  hostDisconnected(): void {
    if (this.adding && !this.addBusy) this.closeAdd(false);
  }

  reset(): void {
    this.generation++;
    this.adding = this.addBusy = this.removeBusy = false;
    this.removing = null;
    this.addError = this.removeError = this.busyId = this.rowError = this.notice = this.duplicate = null;
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
    const busy = this.busyId === card.id;
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
              ? html`<button
                  class="button"
                  part="button set-default-button"
                  aria-label="${t.setDefault}: ${name}"
                  ?disabled=${this.busyId !== null}
                  aria-busy=${busy ? 'true' : 'false'}
                  @click=${() => void this.setDefault(clientId, card)}
                >
                  ${t.setDefault}
                </button>`
              : nothing}
            <button class="button" part="button remove-button" aria-label="${t.remove}: ${name}" ?disabled=${busy} @click=${(e: Event) => this.openRemove(card, e)}>${t.remove}</button>
          </div>`
        : nothing}
      ${this.rowError?.id === card.id ? html`<p class="field-error" role="alert">${this.rowError.text}</p>` : nothing}
    </li>`;
  }

  private renderAddDialog(clientId: string) {
    const { t, common, cardEntry } = this.host;
    return html`<dialog id="add-card-dialog" part="dialog add-card-dialog" aria-labelledby="add-card-title" @cancel=${(e: Event) => this.addBusy && e.preventDefault()} @close=${dialogClosed(() => this.adding && this.closeAdd(true))}>
      ${this.adding
        ? html`<h3 id="add-card-title">${t.addCardTitle}</h3>
            <div class="stack">
              ${cardEntry.render('add')}
              ${this.addError ? html`<p class="field-error" role="alert">${this.addError}</p>` : nothing}
              ${this.duplicate ? this.renderDuplicate(clientId, this.duplicate) : nothing}
              <p class="hint">${t.cardFieldNote}</p>
              <label class="check">
                <input type="checkbox" .checked=${this.makeDefault} ?disabled=${this.addBusy} @change=${(e: Event) => (this.makeDefault = (e.target as HTMLInputElement).checked)} />
                ${t.makeDefault}
              </label>
            </div>
            <div class="actions">
              <button class="button" part="button" ?disabled=${this.addBusy} @click=${() => this.closeAdd(true)}>${common.cancel}</button>
              <button
                id="save-card-button"
                class="button primary"
                part="button save-card-button"
                ?disabled=${this.addBusy || cardEntry.state !== 'ready'}
                aria-busy=${this.addBusy ? 'true' : 'false'}
                @click=${() => void this.save(clientId)}
              >
                ${this.addBusy ? t.savingCard : t.saveCardButton}
              </button>
            </div>`
        : nothing}
    </dialog>`;
  }

  /** The card entered is already saved: say which, and offer what makes sense instead of a second row. */
  private renderDuplicate(clientId: string, card: CardMethod) {
    const { t, audience } = this.host;
    const canMakeDefault = audience === 'staff' && !card.isDefault && cardExpiry(card, new Date()) !== 'expired';
    return html`<div class="banner info" part="status" role="alert" id="duplicate-card">
      <p>${t.cardAlreadySaved(cardName(t, card), expiryText(card))} ${canMakeDefault ? nothing : t.cardAlreadySavedNext}</p>
      ${canMakeDefault
        ? html`<button class="button" part="button set-default-button" ?disabled=${this.addBusy} @click=${() => void this.makeSavedDefault(clientId, card)}>${t.makeSavedDefault}</button>`
        : nothing}
    </div>`;
  }

  private renderRemoveDialog(clientId: string) {
    const { t, common } = this.host;
    const card = this.removing;
    return html`<dialog
      id="remove-card-dialog"
      part="dialog remove-card-dialog"
      aria-labelledby="remove-card-title"
      aria-describedby="remove-card-body"
      @cancel=${(e: Event) => this.removeBusy && e.preventDefault()}
      @close=${dialogClosed(() => this.removing && this.closeRemove(true))}
    >
      ${card
        ? html`<h3 id="remove-card-title">${t.removeTitle(cardName(t, card))}</h3>
            <p id="remove-card-body">${t.removeBody}</p>
            ${card.isDefault ? html`<p class="banner info">${t.removeDefaultNote}</p>` : nothing}
            ${this.removeError ? html`<p class="banner danger" role="alert">${this.removeError}</p>` : nothing}
            <div class="actions">
              <button class="button" part="button" autofocus ?disabled=${this.removeBusy} @click=${() => this.closeRemove(true)}>${common.cancel}</button>
              <button class="button danger" part="button confirm-remove-button" ?disabled=${this.removeBusy} aria-busy=${this.removeBusy ? 'true' : 'false'} @click=${() => void this.remove(clientId, card)}>
                ${this.removeBusy ? t.removing : t.removeConfirm}
              </button>
            </div>`
        : nothing}
    </dialog>`;
  }

  private openAdd(cards: readonly CardMethod[], event: Event): void {
    this.trigger = event.currentTarget as HTMLElement;
    this.adding = true;
    this.addError = this.duplicate = null;
    this.notice = null;
    // A first card, or one replacing only expired ones, should become the default.
    this.makeDefault = !cards.some((c) => c.isDefault && cardExpiry(c, new Date()) !== 'expired');
    void this.host.cardEntry.open('add', { focus: true });
  }

  private closeAdd(restoreFocus: boolean): void {
    if (this.addBusy) return;
    this.adding = false;
    this.addError = this.duplicate = null;
    if (this.host.cardEntry.owner === 'add') this.host.cardEntry.close();
    this.restoreFocus(restoreFocus);
  }

  private async save(clientId: string): Promise<void> {
    const api = this.host.client;
    if (this.addBusy || !api) return;
    const generation = this.generation;
    this.addBusy = true;
    this.addError = this.duplicate = null;
    let token: TokenizedCard;
    try {
      token = await this.host.cardEntry.tokenize();
    } catch (error) {
      this.saveFailed(this.host.cardEntry.failureText(error, clientId));
      return;
    }
    // The same card again would be a second identical row: say so instead of sending it.
    const duplicate = alreadySavedCard(this.saved, token);
    if (duplicate) return this.alreadySaved(duplicate);
    try {
      const saved = await api.addCard(clientId, { card: token, makeDefault: this.makeDefault });
      this.host.emit('portal-payment-method-added', { clientId, paymentMethodId: saved.id });
      if (generation !== this.generation) return;
      this.addBusy = false;
      this.notice = this.host.t.cardAdded(cardName(this.host.t, saved));
      this.host.announce(this.notice);
      this.closeAdd(false);
      void this.host.updateComplete.then(() => focusIfPossible(this.host.renderRoot.querySelector<HTMLElement>('#cards-notice')));
    } catch (error) {
      if (generation !== this.generation) return;
      const text = this.host.reportError(error, clientId, 'addCard');
      // Saved meanwhile (another tab, the client in the portal): show the current cards and say which.
      if ((error as { code?: ProblemCode }).code === 'card_already_saved') this.host.reload();
      this.saveFailed(text);
    }
  }

  private alreadySaved(card: CardMethod): void {
    this.addBusy = false;
    this.duplicate = card;
    void this.host.updateComplete.then(() => focusIfPossible(this.host.renderRoot.querySelector<HTMLElement>('#duplicate-card button')));
  }

  /** From the "already saved" note: make the saved card the default instead, and close the dialog. */
  private async makeSavedDefault(clientId: string, card: CardMethod): Promise<void> {
    const api = this.host.client;
    if (this.addBusy || !api) return;
    const generation = this.generation;
    this.addBusy = true;
    try {
      await api.setDefaultPaymentMethod(clientId, card.id);
      if (generation !== this.generation) return;
      this.addBusy = false;
      this.notice = this.host.t.defaultSet(cardName(this.host.t, card));
      this.host.announce(this.notice);
      this.closeAdd(false);
      void this.host.updateComplete.then(() => focusIfPossible(this.host.renderRoot.querySelector<HTMLElement>('#cards-notice')));
    } catch (error) {
      if (generation !== this.generation) return;
      this.duplicate = null;
      this.saveFailed(this.host.reportError(error, clientId, 'setDefaultPaymentMethod'));
    }
  }

  /** Keeps the dialog and what was typed; the error shows above the field. */
  private saveFailed(text: string): void {
    this.addBusy = false;
    this.addError = text;
    void this.host.updateComplete.then(() => {
      const active = document.activeElement;
      if (!active || active === document.body) focusIfPossible(this.host.renderRoot.querySelector<HTMLElement>('#save-card-button'));
    });
  }


  private async setDefault(clientId: string, card: CardMethod): Promise<void> {
    const api = this.host.client;
    if (this.busyId || !api) return;
    const generation = this.generation;
    this.busyId = card.id;
    this.rowError = this.notice = null;
    try {
      await api.setDefaultPaymentMethod(clientId, card.id);
      if (generation !== this.generation) return;
      this.notice = this.host.t.defaultSet(cardName(this.host.t, card));
      this.host.announce(this.notice);
    } catch (error) {
      if (generation !== this.generation) return;
      this.rowError = { id: card.id, text: this.host.reportError(error, clientId, 'setDefaultPaymentMethod') };
    }
    this.busyId = null;
    // The button is gone once the card is the default: keep focus on something meaningful.
    await this.host.updateComplete;
    const active = document.activeElement;
    if (!active || active === document.body) focusIfPossible(this.host.renderRoot.querySelector<HTMLElement>('#cards-notice'));
  }

  private openRemove(card: CardMethod, event: Event): void {
    this.trigger = event.currentTarget as HTMLElement;
    this.removing = card;
    this.removeError = this.notice = this.rowError = null;
  }

  private closeRemove(restoreFocus: boolean): void {
    if (this.removeBusy) return;
    this.removing = null;
    this.removeError = null;
    this.restoreFocus(restoreFocus);
  }

  private async remove(clientId: string, card: CardMethod): Promise<void> {
    const api = this.host.client;
    if (this.removeBusy || !api) return;
    const generation = this.generation;
    this.removeBusy = true;
    this.removeError = null;
    try {
      await api.removePaymentMethod(clientId, card.id);
      this.host.emit('portal-payment-method-removed', { clientId, paymentMethodId: card.id });
      if (generation !== this.generation) return;
      this.removeBusy = false;
      this.notice = this.host.t.cardRemoved(cardName(this.host.t, card));
      this.host.announce(this.notice);
      this.closeRemove(false);
      void this.host.updateComplete.then(() => focusIfPossible(this.host.renderRoot.querySelector<HTMLElement>('#cards-notice')));
    } catch (error) {
      if (generation !== this.generation) return;
      this.removeBusy = false;
      this.removeError = this.host.reportError(error, clientId, 'removePaymentMethod');
      }
  }

  private restoreFocus(restore: boolean): void {
    const trigger = this.trigger;
    this.trigger = null;
    if (restore) void this.host.updateComplete.then(() => focusIfPossible(trigger));
  }
}

/** What the host renders: setting any of these renders it again. */
reactive(CardsSection, 'adding', 'addBusy', 'addError', 'duplicate', 'makeDefault', 'removing', 'removeBusy', 'removeError', 'busyId', 'rowError', 'notice');
