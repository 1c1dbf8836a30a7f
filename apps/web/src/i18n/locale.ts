/**
 * The languages the web app speaks and where the choice is kept: on her user once she is signed in (the API's
 * /users/me/settings), and in localStorage before sign-in, so the sign-in page is already in her language.
 */
export const LOCALES = ['en', 'cy'] as const;
export type Locale = (typeof LOCALES)[number];

/** BCP 47 tags for Intl (dates, numbers, plurals): British English and Welsh as written in the UK. */
export const INTL_LOCALES: Record<Locale, string> = { en: 'en-GB', cy: 'cy-GB' };

/** Each language named in itself, as the switch offers it (the Welsh Language Standards' "Cymraeg" link). */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', cy: 'Cymraeg' };

const STORAGE_KEY = 'resettle.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : 'en';
  } catch {
    return 'en';
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // A browser that refuses storage still switches for this page.
  }
}
