import { html, nothing, type ReactiveController } from 'lit';
import { IMAGE_SIGNATURE_BYTES, imageTypeOfBytes, insuranceImageProblem, type InsuranceImageType } from '../../domain/insurance-image.js';
import { formatDate } from '../../i18n/format.js';
import { INSURANCE_IMAGE_MAX_BYTES, INSURANCE_IMAGE_TYPES, type CardSide, type InsuranceMethod } from '../../schemas/index.js';
import type { BillingData, BillingHost } from './billing-host.js';
import { bidi } from '../shared/bidi.js';
import { ActionController } from '../shared/action-controller.js';
import { busyButton } from '../shared/busy-button.js';
import { reactive } from '../shared/reactive.js';

const SIDES: readonly CardSide[] = ['front', 'back'];
const MAX_MB = INSURANCE_IMAGE_MAX_BYTES / (1024 * 1024);
const ACCEPT = INSURANCE_IMAGE_TYPES.join(',');
/** How image types are named to people: the same in every language. */
const TYPE_LABEL: Record<InsuranceImageType, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP' };

interface Upload {
  file: File | null;
  /** Object URL of the preview; revoked when replaced, uploaded, or the widget goes away. */
  preview: string | null;
  /** Why the file chosen was refused (an upload's failure is the action's error). */
  error: string | null;
  /** Set right after this side was uploaded here; the side's one status line says so. */
  done: string | null;
}

const empty = (): Upload => ({ file: null, preview: null, error: null, done: null });

/**
 * Insurance payment methods and the insurance card images. Each side has one tile with one status
 * line (not uploaded / uploaded on … / ready / uploading / why refused), a styled, localised file
 * picker that also takes a dropped file, and a preview. A file is checked before anything is sent:
 * declared type, size, and its bytes (a text file renamed `.png` is refused, never previewed).
 */
export class InsuranceSection implements ReactiveController {
  private uploads: Record<CardSide, Upload> = { front: empty(), back: empty() };
  /** Which side a file is being dragged over, for the drop zone's highlight. */
  private dragging: CardSide | null = null;
  /** Bumped per side on every choice, so a slow byte check for an older file is ignored. */
  private readonly choices: Record<CardSide, number> = { front: 0, back: 0 };
  /** One upload per side, named after it. */
  private readonly actions: ActionController;

  constructor(private readonly host: BillingHost) {
    host.addController(this);
    this.actions = new ActionController(host);
  }

  hostDisconnected(): void {
    this.reset();
  }

  reset(): void {
    this.actions.reset();
    this.dragging = null;
    for (const side of SIDES) {
      this.choices[side]++;
      this.replace(side, empty());
    }
  }

  render(data: BillingData) {
    const { t, audience } = this.host;
    const methods = data.methods.insurance;
    return html`<section class="section panel" part="insurance" aria-labelledby="insurance-title">
      <div class="section-head"><h3 id="insurance-title">${t.insuranceTitle}</h3></div>
      ${methods.length === 0
        ? html`<div class="empty" part="empty">
            <strong>${audience === 'staff' ? t.noInsuranceTitleStaff : t.noInsurance}</strong>
            ${audience === 'staff' ? t.noInsuranceStaff : t.noInsuranceClient}
          </div>`
        : html`<ul class="rows" part="insurance-list" aria-labelledby="insurance-title">
              ${methods.map((m) => this.renderMethod(m))}
            </ul>
            <h4 id="images-title">${t.imagesTitle}</h4>
            ${this.host.caps.can('billing.cards')
              ? html`<p class="hint">${audience === 'staff' ? t.imagesIntroStaff : t.imagesIntroClient}</p>`
              : this.host.caps.note('billing.cards', this.host.activeLocale)}
            <div class="uploads">${SIDES.map((side) => this.renderUpload(data.clientId, side, methods[0]!))}</div>`}
    </section>`;
  }

  private renderMethod(method: InsuranceMethod) {
    const { t } = this.host;
    return html`<li class="item" part="row insurance-method">
      <div class="item-main">
        <strong>${bidi(method.payerName)}</strong>
        <span class="muted">${t.memberId(method.memberIdMasked)}</span>
      </div>
    </li>`;
  }

  /** The one thing said about a side: what is wrong, what is happening, or where it stands. */
  private status(side: CardSide, u: Upload, method: InsuranceMethod) {
    const { t, activeLocale: locale } = this.host;
    const id = `upload-${side}-status`;
    const error = u.error ?? this.actions.error(side);
    if (error) return html`<p class="field-error" id=${id} role="alert">${error}</p>`;
    if (this.actions.busy(side)) return html`<p class="pending" id=${id}><span class="spinner" aria-hidden="true"></span>${t.uploading}</p>`;
    if (u.file) return html`<p class="status-line" id=${id}>${t.readyToUpload(u.file.name)}</p>`;
    if (u.done) return html`<p class="success-text" id=${id} tabindex="-1">${u.done}</p>`;
    const image = method.cardImages[side];
    return image
      ? html`<p class="success-text" id=${id}>${t.sideUploaded(formatDate(image.uploadedAt, locale))}</p>`
      : html`<p class="muted" id=${id}>${t.sideMissing}</p>`;
  }

  private renderUpload(clientId: string, side: CardSide, method: InsuranceMethod) {
    const { t } = this.host;
    const u = this.uploads[side];
    const busy = this.actions.busy(side);
    const id = `upload-${side}`;
    const hasImage = method.cardImages[side] !== null || u.done !== null;
    // Without `billing.cards` each side only says where it stands: nothing to choose or upload.
    if (!this.host.caps.can('billing.cards')) {
      return html`<div class="upload" part="upload"><p class="upload-title" id="${id}-title">${t.side(side)}</p>${this.status(side, u, method)}</div>`;
    }
    return html`<div class="upload" part="upload">
      <p class="upload-title" id="${id}-title">${t.side(side)}</p>
      ${this.status(side, u, method)}
      ${u.preview ? html`<img class="preview" part="preview" src=${u.preview} alt=${t.previewAlt(side)} @error=${() => this.unreadable(side)} />` : nothing}
      <div
        class="drop ${this.dragging === side ? 'dragging' : ''}"
        part="drop-zone"
        @dragenter=${(e: DragEvent) => this.dragOver(side, e)}
        @dragover=${(e: DragEvent) => this.dragOver(side, e)}
        @dragleave=${(e: DragEvent) => this.dragLeave(side, e)}
        @drop=${(e: DragEvent) => this.drop(side, e)}
      >
        <input
          type="file"
          id=${id}
          class="visually-hidden file-input"
          accept=${ACCEPT}
          aria-labelledby="${id}-title ${id}-choose"
          aria-describedby="${id}-status ${id}-hint"
          aria-invalid=${u.error || this.actions.error(side) ? 'true' : 'false'}
          ?disabled=${busy}
          @change=${(e: Event) => this.choose(side, (e.target as HTMLInputElement).files?.[0] ?? null)}
        />
        <label for=${id} id="${id}-choose" class="button" part="button choose-button" aria-hidden="true">${u.file || hasImage ? t.chooseAnother : t.chooseImage}</label>
        <span class="hint" id="${id}-hint">${t.dropHint(MAX_MB)}</span>
      </div>
      ${u.file
        ? html`<div class="actions">
            ${busyButton({ id: `${id}-button`, label: busy ? t.uploading : t.upload(side), busy, kind: 'primary', part: 'upload-button', onClick: () => this.upload(clientId, side) })}
          </div>`
        : nothing}
    </div>`;
  }

  private dragOver(side: CardSide, event: DragEvent): void {
    if (this.actions.busy(side) || !event.dataTransfer?.types.includes('Files')) return;
    // Without preventDefault the browser would open the dropped file in place of the page.
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.dragging = side;
  }

  private dragLeave(side: CardSide, event: DragEvent): void {
    // Leaving for a child of the zone (the button, the hint) is not leaving the zone.
    if (event.relatedTarget instanceof Node && (event.currentTarget as Node).contains(event.relatedTarget)) return;
    if (this.dragging === side) this.dragging = null;
  }

  private drop(side: CardSide, event: DragEvent): void {
    event.preventDefault();
    this.dragging = null;
    if (this.actions.busy(side)) return;
    void this.choose(side, event.dataTransfer?.files[0] ?? null);
  }

  private async choose(side: CardSide, file: File | null): Promise<void> {
    const choice = ++this.choices[side];
    this.actions.setError(side, null);
    if (!file) return this.replace(side, empty());
    const head = new Uint8Array(await file.slice(0, IMAGE_SIGNATURE_BYTES).arrayBuffer());
    if (choice !== this.choices[side]) return;
    const problem = insuranceImageProblem({ type: file.type, size: file.size, head });
    if (problem) return this.refuse(side, this.problemText(problem, file.type, head));
    this.replace(side, { ...empty(), file, preview: URL.createObjectURL(file) });
  }

  private problemText(problem: NonNullable<ReturnType<typeof insuranceImageProblem>>, declared: string, head: Uint8Array): string {
    const { t } = this.host;
    const named = TYPE_LABEL[declared.toLowerCase() as InsuranceImageType];
    if (problem === 'image_too_large') return t.imageTooLarge(MAX_MB);
    if (problem === 'empty_image') return t.emptyImage;
    if (problem === 'image_type_mismatch') {
      const actual = imageTypeOfBytes(head)!;
      return t.imageTypeMismatch(named, TYPE_LABEL[actual]);
    }
    // Declared as an accepted image, but its bytes are not one: say so, the name is misleading.
    return named ? t.notAnImage(named) : t.unsupportedImage;
  }

  /** Refused: nothing to preview or upload; the input is cleared so choosing the same file again reacts. */
  private refuse(side: CardSide, error: string): void {
    this.replace(side, { ...empty(), error });
    const input = this.host.renderRoot.querySelector<HTMLInputElement>(`#upload-${side}`);
    if (input) input.value = '';
  }

  /** The bytes looked like an image but the browser could not decode them. */
  private unreadable(side: CardSide): void {
    this.choices[side]++;
    this.refuse(side, this.host.t.unreadableImage);
  }

  private upload(clientId: string, side: CardSide): void {
    const client = this.host.client;
    const file = this.uploads[side].file;
    if (!client || !file) return;
    // On failure the chosen file and its preview stay, so trying again is one click.
    void this.actions.run(
      side,
      async () => {
        const method = await client.uploadInsuranceCard(clientId, side, file);
        this.host.emit('portal-insurance-card-uploaded', { clientId, insuranceMethodId: method.id, side });
      },
      {
        operation: 'uploadInsuranceCard',
        done: () => {
          const done = this.host.t.uploaded(side);
          this.replace(side, { ...empty(), done });
          this.host.announce(done);
          const input = this.host.renderRoot.querySelector<HTMLInputElement>(`#upload-${side}`);
          if (input) input.value = '';
        },
        // The button is gone once uploaded: focus goes to the side's status line, which says so.
        focus: () => this.host.renderRoot.querySelector<HTMLElement>(`#upload-${side}-status`),
      },
    );
  }

  private replace(side: CardSide, next: Upload): void {
    const previous = this.uploads[side].preview;
    if (previous && previous !== next.preview) URL.revokeObjectURL(previous);
    this.uploads = { ...this.uploads, [side]: next };
  }
}

/** What the host renders: setting any of these renders it again. */
reactive(InsuranceSection, 'uploads', 'dragging');
