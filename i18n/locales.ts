// The portal's languages (issue 14): French by default, English, and Arabic written right to left. No locale in the
// URL: the language of a request is the signed-in parent's stored choice, else the « Langue » cookie, else French
// (i18n/request.ts). The back office stays French.
import { LOCALES } from '@/db/schema/enums';

export { LOCALES };
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'fr';

/** The cookie the language switcher sets (a year; read by i18n/request.ts and the waiting room's page). */
export const LOCALE_COOKIE = 'langue';
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/** Each language named in itself, as the switcher lists them. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { fr: 'Français', en: 'English', ar: 'العربية' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** A stored or sent language code, or French for anything else (an unknown code is ignored, never an error page). */
export function localeOr(value: unknown): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/**
 * The BCP 47 tag dates and numbers are formatted with: Arabic with Western digits (« 13 », not « ١٣ »), as the
 * Maghreb writes them and as the dates typed in the forms (jj/mm/aaaa) are.
 */
export function intlLocaleOf(locale: Locale): string {
  return locale === 'ar' ? 'ar-u-nu-latn' : locale === 'en' ? 'en-GB' : 'fr-FR';
}
