// The pseudo-locale `en-XA`: every English message accented, about 35% longer and between visible
// markers, made from the English catalogs as they are defined (never written by hand). A designer
// or a test sees at once text that is truncated (a marker is missing), too tight for a longer
// language, or hard-coded (plain ASCII letters). A development and test module only: no package
// entry imports it, so it adds nothing to what hosts download (Storybook and the tests do).
import { registerDerivedLocale, type Message, type Messages } from './messages.js';

export const PSEUDO_LOCALE = 'en-XA';
/** Opens and closes every pseudo-localised message: a missing end marker means cut-off text. */
export const PSEUDO_START = '⟦';
export const PSEUDO_END = '⟧';
/** How much longer than English a message becomes (translations run 30–40% longer). */
const EXPANSION = 0.35;

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [c, [...'åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i]!]),
);
const VOWELS = new Set('aeiouyAEIOUY');

/**
 * The pseudo-localised form of `text`. Parts equal to `keep` (a message's placeholders: names,
 * addresses, dates, amounts) stay as they are, so data reads as data and only the message's own
 * words change.
 */
export function pseudoLocalize(text: string, keep: readonly string[] = []): string {
  const kept = new Array<boolean>(text.length).fill(false);
  for (const value of [...keep].sort((a, b) => b.length - a.length)) {
    for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length)) kept.fill(true, at, at + value.length);
  }
  let extra = Math.max(0, Math.ceil(text.length * EXPANSION) - PSEUDO_START.length - PSEUDO_END.length);
  const vowels = [...text].filter((c, i) => !kept[i] && VOWELS.has(c)).length;
  // Each vowel is repeated as often as it takes to reach the length (évéry → éévéé…): the words
  // themselves grow, as long compound words do in German.
  const perVowel = vowels ? Math.ceil(extra / vowels) : 0;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (kept[i]) {
      out += c;
      continue;
    }
    const accented = ACCENTED[c] ?? c;
    out += accented;
    if (VOWELS.has(c) && extra > 0) {
      const more = Math.min(perVowel, extra);
      out += accented.repeat(more);
      extra -= more;
    }
  }
  return `${PSEUDO_START}${out}${'~'.repeat(extra)}${PSEUDO_END}`;
}

/** The text a message's arguments put into it: strings, and strings in arrays and plain objects. */
function placeholders(args: readonly unknown[], depth = 0): string[] {
  return args.flatMap((arg) => {
    // An identifier (`not_invited`, `blocker`) chooses a wording; it is not shown as it is.
    if (typeof arg === 'string') return /^[a-z][a-z_]*$/.test(arg) || arg.trim() === '' ? [] : [arg];
    if (depth > 2 || arg === null || typeof arg !== 'object') return [];
    return placeholders(Array.isArray(arg) ? arg : Object.values(arg), depth + 1);
  });
}

function pseudoMessage(message: Message): Message {
  if (typeof message === 'string') return pseudoLocalize(message);
  return (...args: never[]) => {
    const english: unknown = message(...args);
    return typeof english === 'string' ? pseudoLocalize(english, placeholders(args)) : (english as string);
  };
}

/** Every message of one English catalog, pseudo-localised. */
export function pseudoCatalog(en: Messages): Messages {
  return Object.fromEntries(Object.entries(en).map(([key, message]) => [key, pseudoMessage(message)]));
}

/** Makes `en-XA` a locale of every catalog, those defined later included. */
export function registerPseudoLocale(): void {
  registerDerivedLocale(PSEUDO_LOCALE, (_id, en) => pseudoCatalog(en));
}
