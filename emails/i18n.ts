// The words of an e-mail in its recipient's language: the sentences of messages/<locale>/emails.json (next-intl's
// createTranslator: no React, no request), dates in that language (Paris time), and the service and unit labels a
// payload holds in French (written when the e-mail was queued) said again in that language.
import { createTranslator } from 'next-intl';
import arMessages from '@/messages/ar.json';
import arEmails from '@/messages/ar/emails.json';
import enMessages from '@/messages/en.json';
import enEmails from '@/messages/en/emails.json';
import frEmails from '@/messages/fr/emails.json';
import { directionOf, intlLocaleOf, localeOr, type Locale } from '@/i18n/locales';
import {
  FRENCH_WORDING,
  intlWording,
  SERVICE_LABELS,
  SERVICE_KINDS,
  UNIT_LABELS,
  UNITS,
  type Wording,
} from '@/lib/planning';

export type EmailValues = Record<string, string | number>;
/** A sentence of the e-mails' messages by its key under `emails` ('layout.footer'), its {placeholders} filled. */
export type EmailText = (key: string, values?: EmailValues) => string;

export interface EmailWords {
  locale: Locale;
  dir: 'ltr' | 'rtl';
  t: EmailText;
  words: Wording;
  /** 'mercredi 13 janvier 2027 à 10 h 05' (Paris time) */
  dateTime(iso: string): string;
  /** a service or unit label of the payload (French) in the e-mail's language; any other text as it is */
  label(french: string): string;
}

const EMAILS = { fr: frEmails, en: enEmails, ar: arEmails } as const;
const PLANNING = { en: enMessages, ar: arMessages } as const;

const cache = new Map<Locale, EmailWords>();

function build(locale: Locale): EmailWords {
  const translate = createTranslator({ locale, messages: EMAILS[locale], namespace: 'emails' });
  const t: EmailText = (key, values) => (translate as unknown as EmailText)(key, values);
  const other = locale === 'fr' ? null : PLANNING[locale];
  const planning = other && createTranslator({ locale, messages: other, namespace: 'planningWords' });
  const words =
    other && planning
      ? intlWording(intlLocaleOf(locale), {
          units: other.planningWords.units,
          services: other.services,
          greyed: other.planningWords.greyed,
          weekOf: (date) => planning('weekOf', { date }),
          opening: (o) => planning('opening', { ...o }),
          dayRules: other.planningWords.dayRules,
        })
      : FRENCH_WORDING;
  const time = new Intl.DateTimeFormat(intlLocaleOf(locale), {
    timeZone: 'Europe/Paris',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const paris = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const translations = new Map<string, string>([
    ...UNITS.map((u) => [UNIT_LABELS[u], words.unit(u)] as const),
    ...SERVICE_KINDS.map((s) => [SERVICE_LABELS[s], words.service(s)] as const),
  ]);
  return {
    locale,
    dir: directionOf(locale),
    t,
    words,
    dateTime(iso) {
      const at = new Date(iso);
      const date = words.dateLong(paris.format(at));
      const [hour, minute] = time
        .format(at)
        .replace(/[^\d:]/g, '')
        .split(':');
      return t('layout.dateTime', { date, hour: locale === 'fr' ? Number(hour) : hour!, minute: minute! });
    },
    label: (french) => translations.get(french) ?? french,
  };
}

/** The words of an e-mail in `locale` (French for anything unknown). */
export function emailWords(locale: unknown = 'fr'): EmailWords {
  const l = localeOr(locale);
  let words = cache.get(l);
  if (!words) cache.set(l, (words = build(l)));
  return words;
}
