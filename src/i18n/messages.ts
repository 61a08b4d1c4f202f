import type { Locale } from './locale.js';

/** A message is a plain string or a function of its parameters (plurals, dates, names). */
export type Message = string | ((...args: never[]) => string);
export type Messages = Record<string, Message>;

/**
 * Declares one catalog in both languages. Spanish must have the same keys and the same function
 * signatures as English, so a missing translation is a type error, not a runtime surprise.
 */
export function defineMessages<T extends Messages>(catalog: { en: T; es: NoInfer<T> }): Record<Locale, T> {
  return catalog;
}
