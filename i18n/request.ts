// next-intl without locale routing: the URL never names the language. A request's language is the signed-in
// parent's choice (accounts.locale, read with the session: no query of its own), else the « Langue » cookie of the
// switcher, else French. Not Accept-Language: a phone set to English in a French town should not surprise a parent
// who reads French; the switcher is one tap away on every page. Staff always get French (the back office is French,
// and the démarche they run on a family's behalf with it).
import { getRequestConfig } from 'next-intl/server';
import { cookies } from 'next/headers';
import { currentUser } from '@/lib/auth/session';
import { loadMessages } from './messages';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, localeOr, type Locale } from './locales';

export { DEFAULT_LOCALE };

/** The language of the current request (see the top of the file). */
export async function requestLocale(): Promise<Locale> {
  const user = await currentUser();
  if (user && user.role !== 'parent') return DEFAULT_LOCALE;
  if (user && isLocale(user.locale)) return user.locale;
  return localeOr((await cookies()).get(LOCALE_COOKIE)?.value);
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return {
    locale,
    timeZone: 'Europe/Paris',
    messages: await loadMessages(locale),
  };
});
