// Every message of one language: messages/<locale>.json and its parts (i18n/parts.ts). Another language than French
// has the parents' namespaces only; the back office's come from French. Loaded once per process and language: by the
// pages (i18n/request.ts) and by the e-mails, rendered outside any request (emails/i18n.ts).
import type { AbstractIntlMessages } from 'next-intl';
import { DEFAULT_LOCALE, type Locale } from './locales';
import { MESSAGE_PARTS, TRANSLATED_PARTS } from './parts';

type Messages = Record<string, AbstractIntlMessages | string>;

async function ownMessages(locale: Locale): Promise<Messages> {
  const parts: readonly string[] = locale === DEFAULT_LOCALE ? MESSAGE_PARTS : TRANSLATED_PARTS;
  const base = (await import(`../messages/${locale}.json`)).default as Messages;
  const loaded = await Promise.all(
    parts.map(async (part) => (await import(`../messages/${locale}/${part}.json`)).default as Messages),
  );
  return Object.assign({}, base, ...loaded);
}

const cache = new Map<Locale, Promise<Messages>>();

export function loadMessages(locale: Locale): Promise<Messages> {
  let messages = cache.get(locale);
  if (!messages) {
    messages =
      locale === DEFAULT_LOCALE
        ? ownMessages(locale)
        : Promise.all([ownMessages(DEFAULT_LOCALE), ownMessages(locale)]).then(([fr, own]) => ({ ...fr, ...own }));
    cache.set(locale, messages);
  }
  return messages;
}
