'use client';
// The planning's words in the page's language, for client components (the démarche's grid, the periodicity form).
import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { Wording } from '@/lib/planning/format';
import { wordingOf } from './wording-of';

export function useWording(): Wording {
  const locale = useLocale();
  const words = useTranslations('planningWords');
  const services = useTranslations('services');
  return useMemo(() => wordingOf(locale, words as never, services as never), [locale, words, services]);
}
