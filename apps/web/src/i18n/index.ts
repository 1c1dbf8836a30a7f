/**
 * The one way the web app says anything: `t('screen.key', { values })` with ICU messages (plurals, selects) from
 * the catalogues en.json and cy.json, and Intl formatting for the chosen locale. The shell re-renders the whole
 * page when the language changes (useLocale in app.tsx), so plain functions may call t() too.
 */
import { useSyncExternalStore } from 'react';
import { IntlMessageFormat, PrimitiveType } from 'intl-messageformat';
import en from './en.json';
import cy from './cy.json';
import { INTL_LOCALES, Locale, storedLocale, storeLocale } from './locale';

export { LANGUAGE_NAMES, LOCALES, isLocale } from './locale';
export type { Locale } from './locale';

export type MessageKey = keyof typeof en;
export type MessageValues = Record<string, PrimitiveType>;

const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { en, cy };

let current: Locale = storedLocale();
const listeners = new Set<() => void>();
const compiled = new Map<string, IntlMessageFormat>();

export function currentLocale(): Locale {
  return current;
}

/** 'en-GB' or 'cy-GB', for toLocaleString and Intl.*Format. */
export function intlLocale(): string {
  return INTL_LOCALES[current];
}

export function setLocale(locale: Locale): void {
  storeLocale(locale);
  if (locale === current) return;
  current = locale;
  markDocument();
  listeners.forEach((listener) => listener());
}

export function t(key: MessageKey, values?: MessageValues): string {
  const cacheKey = `${current}:${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(CATALOGUES[current][key] ?? en[key], INTL_LOCALES[current]);
    compiled.set(cacheKey, format);
  }
  return String(format.format(values));
}

/** Whether a key is in the catalogues (for keys built from data, like API error codes). */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** The language on screen; a component that calls it re-renders (with all below it) when she switches. */
export function useLocale(): Locale {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

/** The page's lang attribute follows the choice, so screen readers speak Welsh in Welsh (WCAG 3.1.1). */
function markDocument(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = current;
}

markDocument();
