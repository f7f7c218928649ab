// The planning's words of a language from its `planningWords` and `services` messages (server and client alike).
import { FRENCH_WORDING, intlWording, type Wording, type WordingLabels } from '@/lib/planning/format';
import { intlLocaleOf, localeOr } from './locales';

export type Translate = ((key: string, values?: Record<string, string>) => string) & { raw(key: string): unknown };

export function wordingOf(locale: string, words: Translate, services: Translate): Wording {
  const l = localeOr(locale);
  if (l === 'fr') return FRENCH_WORDING;
  const labels: WordingLabels = {
    units: words.raw('units') as WordingLabels['units'],
    greyed: words.raw('greyed') as WordingLabels['greyed'],
    services: { cantine: services('cantine'), mercredi: services('mercredi'), vacances: services('vacances') },
    weekOf: (date) => words('weekOf', { date }),
    opening: (o) => words('opening', { ...o }),
    dayRules: words.raw('dayRules') as WordingLabels['dayRules'],
  };
  return intlWording(intlLocaleOf(l), labels);
}
