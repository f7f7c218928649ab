import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <main id="contenu" className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-2xl font-bold">{t('notFoundTitle')}</h1>
      <p className="mt-3">{t('notFoundBody')}</p>
      <p className="mt-6">
        <Link href="/" className="text-brand-700 underline">
          {t('backHome')}
        </Link>
      </p>
    </main>
  );
}
