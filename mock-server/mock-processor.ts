/**
 * A pretend payment processor for the demo page, Storybook and tests: card number, expiry and CVC
 * inputs rendered into the light-DOM container `<billing-payment-methods>` hands it, Luhn and
 * expiry checks, and a fake `tok_…` token. It stands in for a real processor's hosted fields (see
 * docs/payments.md); it is not PCI-safe and is never part of a production bundle.
 *
 * The card 4000 0000 0000 0002 tokenizes to a `tok_decline_…` token, which the mock API declines.
 */
import { CardEntryError, type CardFieldContext, type PaymentProcessor } from '../src/components/billing-payment-methods/payment-processor.js';
import type { Locale } from '../src/i18n/locale.js';
import type { CardBrand, TokenizedCard } from '../src/schemas/index.js';

/** Numbers that pass the checks; `declined` tokenizes fine and is then declined by the mock API. */
export const TEST_CARDS = {
  visa: '4242 4242 4242 4242',
  mastercard: '5555 5555 5555 4444',
  amex: '3782 822463 10005',
  discover: '6011 1111 1111 1117',
  declined: '4000 0000 0000 0002',
} as const;

const DECLINED_DIGITS = TEST_CARDS.declined.replace(/\D/g, '');

export interface MockProcessorOptions {
  /** How long tokenizing takes, in ms (default 0): shows the widget's busy state. */
  latencyMs?: number;
  /** Make `mount()` fail, as a processor script that did not load would. */
  failMount?: boolean;
  /** The clock that decides whether an expiry has passed; default the real one. */
  now?: () => Date;
}

export interface MockProcessor extends PaymentProcessor {
  /** How many tokens were handed out (tests). */
  readonly tokenCount: number;
}

/** Luhn checksum of a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** The brand from the number's leading digits (IIN ranges). */
export function brandOf(digits: string): CardBrand {
  if (/^4/.test(digits)) return 'visa';
  if (/^(5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/.test(digits)) return 'mastercard';
  if (/^3[47]/.test(digits)) return 'amex';
  if (/^(6011|65|64[4-9])/.test(digits)) return 'discover';
  return 'other';
}

/**
 * An expiry as people type it, shown as `MM/YY` (or `MM/YYYY`): `1130` → `11/30`, `1 30` → `01/30`,
 * `11 / 30` → `11/30`, `4` then `3` → `04/3`. Never invents digits beyond a leading zero, so what it
 * cannot read stays visible for the validation message to point at.
 */
export function formatExpiryInput(raw: string): string {
  const groups = raw.match(/\d+/g) ?? [];
  const [first = '', ...rest] = groups;
  if (!first) return raw.trim() === '' ? '' : raw;
  const pad = (month: string) => (month.length === 1 ? `0${month}` : month);
  if (rest.length && first.length <= 2) return `${pad(first)}/${rest.join('').slice(0, 4)}`;
  const digits = groups.join('');
  // A separator typed after the month ("1/" or "11 ") closes it.
  if (!rest.length && first.length <= 2 && /\d\D+$/.test(raw)) return `${pad(first)}/`;
  if (digits.length === 1) return digits;
  const monthDigits = digits[0]! >= '2' ? 1 : 2;
  const month = pad(digits.slice(0, monthDigits));
  const year = digits.slice(monthDigits, monthDigits + 4);
  return year ? `${month}/${year}` : month;
}

/** Month and four-digit year of a formatted expiry, or null when it is not one. */
export function parseExpiry(raw: string): { expMonth: number; expYear: number } | null {
  const m = /^(\d{2})\/(\d{2}|\d{4})$/.exec(formatExpiryInput(raw));
  if (!m) return null;
  return { expMonth: Number(m[1]), expYear: m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]) };
}

const TEXT: Record<Locale, { number: string; expiry: string; cvc: string; note: string; incomplete: string; invalid_number: string; invalid_expiry: string; invalid_cvc: string }> = {
  en: {
    number: 'Card number',
    expiry: 'Expiry (MM/YY)',
    cvc: 'Security code (CVC)',
    note: `Test mode: try ${TEST_CARDS.visa}; ${TEST_CARDS.declined} is declined.`,
    incomplete: 'Enter the card number, the expiry date and the security code.',
    invalid_number: 'This card number is not valid. Check it and try again.',
    invalid_expiry: 'The expiry date is not valid or has passed.',
    invalid_cvc: 'The security code is not valid.',
  },
  es: {
    number: 'Número de tarjeta',
    expiry: 'Caducidad (MM/AA)',
    cvc: 'Código de seguridad (CVC)',
    note: `Modo de prueba: use ${TEST_CARDS.visa}; ${TEST_CARDS.declined} se rechaza.`,
    incomplete: 'Introduzca el número de tarjeta, la fecha de caducidad y el código de seguridad.',
    invalid_number: 'Este número de tarjeta no es válido. Revíselo e inténtelo de nuevo.',
    invalid_expiry: 'La fecha de caducidad no es válida o ya pasó.',
    invalid_cvc: 'El código de seguridad no es válido.',
  },
};

// Light DOM, so styled by a constructed sheet adopted where the container lives (no inline styles).
// Slotted content inherits the widget's private color variables; the fallbacks are for elsewhere.
const CSS = `
.pw-mock-card { display: grid; gap: 0.6rem; }
.pw-mock-card__row { display: grid; grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr)); gap: 0.6rem; }
.pw-mock-card__field { display: flex; flex-direction: column; gap: 0.25rem; }
.pw-mock-card label { font-weight: 600; }
.pw-mock-card input {
  font: inherit; color: inherit; min-height: 2.25rem; padding: 0.4rem 0.55rem;
  background: var(--_surface, Field); border: 1px solid var(--_border, #6b7280); border-radius: var(--_radius, 6px);
  font-variant-numeric: tabular-nums;
}
.pw-mock-card input[aria-invalid='true'] { border-color: var(--_danger, #b91c1c); }
.pw-mock-card input:focus-visible { outline: 3px solid var(--_focus, #1d4ed8); outline-offset: 2px; }
.pw-mock-card__note { margin: 0; font-size: 0.875em; color: var(--_muted, inherit); }
`;

let sheet: CSSStyleSheet | undefined;
function adoptStyles(container: HTMLElement): void {
  const root = container.getRootNode();
  const target = root instanceof ShadowRoot || root instanceof Document ? root : document;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  if (!target.adoptedStyleSheets.includes(sheet)) target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
}

let instances = 0;

/** A mock {@link PaymentProcessor}: give it to the widget as `el.processor = createMockProcessor()`. */
export function createMockProcessor(options: MockProcessorOptions = {}): MockProcessor {
  const id = `pw-mock-card-${++instances}`;
  let fields: { number: HTMLInputElement; expiry: HTMLInputElement; cvc: HTMLInputElement } | null = null;
  let container: HTMLElement | null = null;
  let text = TEXT.en;
  let tokenCount = 0;

  const field = (name: 'number' | 'expiry' | 'cvc', autocomplete: AutoFill) => {
    const wrap = document.createElement('div');
    wrap.className = `pw-mock-card__field pw-mock-card__${name}`;
    const label = document.createElement('label');
    label.htmlFor = `${id}-${name}`;
    label.textContent = text[name];
    const input = document.createElement('input');
    input.id = `${id}-${name}`;
    input.type = 'text';
    input.inputMode = 'numeric';
    input.autocomplete = autocomplete;
    input.spellcheck = false;
    input.addEventListener('input', () => input.removeAttribute('aria-invalid'));
    wrap.append(label, input);
    return { wrap, input };
  };

  const fail = (code: 'incomplete' | 'invalid_number' | 'invalid_expiry' | 'invalid_cvc', input: HTMLInputElement): never => {
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    throw new CardEntryError(code, text[code]);
  };

  return {
    get tokenCount() {
      return tokenCount;
    },

    mount(target: HTMLElement, context: CardFieldContext) {
      if (options.failMount) return Promise.reject(new Error('mock processor: mount failed on purpose'));
      text = TEXT[context.locale] ?? TEXT.en;
      adoptStyles(target);
      const number = field('number', 'cc-number');
      const expiry = field('expiry', 'cc-exp');
      // Formats as typed while the caret is at the end (editing in the middle is left alone), and on leaving.
      expiry.input.addEventListener('input', (event) => {
        const input = expiry.input;
        // Deleting (the slash, say) must not put it straight back.
        if (input.selectionStart !== input.value.length || (event as InputEvent).inputType?.startsWith('delete')) return;
        const formatted = formatExpiryInput(input.value);
        if (formatted !== input.value) input.value = formatted;
      });
      expiry.input.addEventListener('change', () => (expiry.input.value = formatExpiryInput(expiry.input.value)));
      const cvc = field('cvc', 'cc-csc');
      const row = document.createElement('div');
      row.className = 'pw-mock-card__row';
      row.append(expiry.wrap, cvc.wrap);
      const note = document.createElement('p');
      note.className = 'pw-mock-card__note';
      note.textContent = text.note;
      const root = document.createElement('div');
      root.className = 'pw-mock-card';
      root.append(number.wrap, row, note);
      target.replaceChildren(root);
      container = target;
      fields = { number: number.input, expiry: expiry.input, cvc: cvc.input };
    },

    async tokenize(): Promise<TokenizedCard> {
      if (!fields) throw new Error('mock processor: not mounted');
      const f = fields;
      const digits = f.number.value.replace(/[\s-]/g, '');
      const exp = f.expiry.value.trim();
      const cvc = f.cvc.value.trim();
      for (const input of [f.number, f.expiry, f.cvc]) if (!input.value.trim()) fail('incomplete', input);
      if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits)) fail('invalid_number', f.number);
      const parsed = parseExpiry(exp);
      const expMonth = parsed?.expMonth ?? NaN;
      const expYear = parsed?.expYear ?? NaN;
      if (parsed) f.expiry.value = formatExpiryInput(exp);
      const now = options.now?.() ?? new Date();
      const endOfMonth = Date.UTC(expYear, expMonth, 1) - 1;
      if (!(expMonth >= 1 && expMonth <= 12) || !(expYear <= 2100) || endOfMonth < now.getTime()) fail('invalid_expiry', f.expiry);
      const brand = brandOf(digits);
      if (!(brand === 'amex' ? /^\d{4}$/ : /^\d{3}$/).test(cvc)) fail('invalid_cvc', f.cvc);
      if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
      const random = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
      tokenCount++;
      return { token: `tok_${digits === DECLINED_DIGITS ? 'decline' : 'mock'}_${random}`, brand, last4: digits.slice(-4), expMonth, expYear };
    },

    unmount() {
      container?.replaceChildren();
      container = null;
      fields = null;
    },
  };
}
