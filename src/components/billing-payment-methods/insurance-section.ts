import { html, nothing, type ReactiveController } from 'lit';
import { insuranceImageProblem } from '../../domain/insurance-image.js';
import { formatDate } from '../../i18n/format.js';
import { INSURANCE_IMAGE_MAX_BYTES, INSURANCE_IMAGE_TYPES, type CardSide, type InsuranceMethod } from '../../schemas/index.js';
import type { BillingData, BillingHost } from './billing-host.js';
import { focusIfPossible } from './sync-modal.js';
import { bidi } from '../shared/bidi.js';

const SIDES: readonly CardSide[] = ['front', 'back'];
const MAX_MB = INSURANCE_IMAGE_MAX_BYTES / (1024 * 1024);
const ACCEPT = INSURANCE_IMAGE_TYPES.join(',');

interface Upload {
  file: File | null;
  /** Object URL of the preview; revoked when replaced, uploaded, or the widget goes away. */
  preview: string | null;
  error: string | null;
  busy: boolean;
  done: string | null;
}

const empty = (): Upload => ({ file: null, preview: null, error: null, busy: false, done: null });

/**
 * Insurance payment methods and the insurance card images: front and back, checked for type and
 * size before anything is sent, previewed, then uploaded. Only once the practice has added an
 * insurance method.
 */
export class InsuranceSection implements ReactiveController {
  private uploads: Record<CardSide, Upload> = { front: empty(), back: empty() };
  private generation = 0;

  constructor(private readonly host: BillingHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.reset();
  }

  reset(): void {
    this.generation++;
    for (const side of SIDES) this.replace(side, empty());
  }

  render(data: BillingData) {
    const { t, audience } = this.host;
    const methods = data.methods.insurance;
    return html`<section class="section" part="insurance" aria-labelledby="insurance-title">
      <h3 id="insurance-title">${t.insuranceTitle}</h3>
      ${methods.length === 0
        ? html`<div class="empty" part="empty">
            <strong>${t.noInsurance}</strong>
            ${audience === 'staff' ? t.noInsuranceStaff : t.noInsuranceClient}
          </div>`
        : html`<ul class="rows" part="insurance-list" aria-labelledby="insurance-title">
              ${methods.map((m) => this.renderMethod(m))}
            </ul>
            <h4>${t.imagesTitle}</h4>
            <div class="uploads">${SIDES.map((side) => this.renderUpload(data.clientId, side))}</div>`}
    </section>`;
  }

  private renderMethod(method: InsuranceMethod) {
    const { t, locale } = this.host;
    return html`<li class="item" part="row insurance-method">
      <div class="item-main">
        <strong>${bidi(method.payerName)}</strong>
        <span class="muted">${t.memberId(method.memberIdMasked)}</span>
      </div>
      <dl class="images">
        ${SIDES.map((side) => {
          const image = method.cardImages[side];
          return html`<div>
            <dt>${t.side(side)}</dt>
            <dd>${image ? t.sideUploaded(formatDate(image.uploadedAt, locale)) : html`<span class="muted">${t.sideMissing}</span>`}</dd>
          </div>`;
        })}
      </dl>
    </li>`;
  }

  private renderUpload(clientId: string, side: CardSide) {
    const { t } = this.host;
    const u = this.uploads[side];
    const id = `upload-${side}`;
    return html`<div class="field upload" part="upload">
      <label for=${id}>${t.side(side)}</label>
      <span class="hint" id="${id}-hint">${t.fileHint(MAX_MB)}</span>
      <input
        type="file"
        id=${id}
        accept=${ACCEPT}
        aria-describedby="${id}-hint ${id}-error"
        aria-invalid=${u.error ? 'true' : 'false'}
        ?disabled=${u.busy}
        @change=${(e: Event) => this.choose(side, e.target as HTMLInputElement)}
      />
      ${u.error ? html`<span class="field-error" id="${id}-error" role="alert">${u.error}</span>` : nothing}
      ${u.preview ? html`<img class="preview" part="preview" src=${u.preview} alt=${t.previewAlt(side)} />` : nothing}
      ${u.file
        ? html`<div>
            <button id="${id}-button" class="button primary" part="button upload-button" ?disabled=${u.busy} aria-busy=${u.busy ? 'true' : 'false'} @click=${() => void this.upload(clientId, side)}>
              ${u.busy ? t.uploading : t.upload(side)}
            </button>
          </div>`
        : nothing}
      ${u.done ? html`<p class="success-text" id="${id}-done" tabindex="-1">${u.done}</p>` : nothing}
    </div>`;
  }

  private choose(side: CardSide, input: HTMLInputElement): void {
    const file = input.files?.[0] ?? null;
    if (!file) return this.replace(side, empty());
    const problem = insuranceImageProblem(file);
    const { t } = this.host;
    if (problem) {
      const error = problem === 'unsupported_image' ? t.unsupportedImage : problem === 'image_too_large' ? t.imageTooLarge(MAX_MB) : t.emptyImage;
      return this.replace(side, { ...empty(), error });
    }
    this.replace(side, { ...empty(), file, preview: URL.createObjectURL(file) });
  }

  private async upload(clientId: string, side: CardSide): Promise<void> {
    const api = this.host.api;
    const file = this.uploads[side].file;
    if (!api || !file || this.uploads[side].busy) return;
    const generation = this.generation;
    this.replace(side, { ...this.uploads[side], busy: true, error: null });
    try {
      const method = await api.uploadInsuranceCard(clientId, side, file);
      this.host.emit('portal-insurance-card-uploaded', { clientId, insuranceMethodId: method.id, side });
      if (generation !== this.generation) return;
      const done = this.host.t.uploaded(side);
      this.replace(side, { ...empty(), done });
      this.host.announce(done);
      const input = this.host.root.querySelector<HTMLInputElement>(`#upload-${side}`);
      if (input) input.value = '';
      await this.host.updateComplete;
      focusIfPossible(this.host.root.querySelector<HTMLElement>(`#upload-${side}-done`));
    } catch (error) {
      if (generation !== this.generation) return;
      // The chosen file and its preview stay, so trying again is one click.
      this.replace(side, { ...this.uploads[side], busy: false, error: this.host.reportError(error, 'uploadInsuranceCard') });
      await this.host.updateComplete;
      focusIfPossible(this.host.root.querySelector<HTMLElement>(`#upload-${side}-button`));
    }
  }

  private replace(side: CardSide, next: Upload): void {
    const previous = this.uploads[side].preview;
    if (previous && previous !== next.preview) URL.revokeObjectURL(previous);
    this.uploads = { ...this.uploads, [side]: next };
    this.host.requestUpdate();
  }
}
