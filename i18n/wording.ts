// The planning's words (dates, units, services, greyed reasons) in the request's language, for server components;
// i18n/use-wording.ts is the client components' twin. French stays lib/planning's hand-written words (the seed's
// own), so French pages are unchanged.
import { getLocale, getTranslations } from 'next-intl/server';
import type { Wording } from '@/lib/planning/format';
import { wordingOf, type Translate } from './wording-of';

export async function getWording(): Promise<Wording> {
  const [locale, words, services] = await Promise.all([
    getLocale(),
    getTranslations('planningWords'),
    getTranslations('services'),
  ]);
  return wordingOf(locale, words as unknown as Translate, services as unknown as Translate);
}
