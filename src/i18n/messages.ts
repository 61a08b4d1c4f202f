import type { Locale } from './locale.js';

/** A message is a plain string or a function of its parameters (plurals, dates, names). */
export type Message = string | ((...args: never[]) => string);
export type Messages = Record<string, Message>;

/** The shape a translation must match: same keys, same parameters, any text. */
export type CatalogShape<T extends Messages> = {
  [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

/**
 * Declares one catalog in both languages. Spanish must have the same keys and the same function
 * parameters as English, so a missing translation is a type error, not a runtime surprise.
 */
export function defineMessages<T extends Messages>(catalog: { en: T; es: NoInfer<CatalogShape<T>> }): Record<Locale, CatalogShape<T>> {
  // English is its own shape; the cast only widens its literal return types to string.
  return catalog as unknown as Record<Locale, CatalogShape<T>>;
}
