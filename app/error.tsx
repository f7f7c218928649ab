'use client';

import { useTranslations } from 'next-intl';

// Our bug, not the user's mistake: a plain French message, never a stack trace.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <main id="contenu" className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-2xl font-bold">{t('genericTitle')}</h1>
      <p className="mt-3">{t('genericBody')}</p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-brand-700 px-4 py-2 font-semibold text-white">
        {t('retry')}
      </button>
    </main>
  );
}
