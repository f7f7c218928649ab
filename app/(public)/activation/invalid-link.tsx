import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** One message for an unknown, used or expired link: nobody learns which. */
export async function InvalidLink() {
  const t = await getTranslations('activation');
  return (
    <>
      <h1 className="text-2xl font-bold">{t('invalidTitle')}</h1>
      <p className="mt-4 rounded border-s-4 border-amber-700 bg-amber-50 p-4">{t('invalid')}</p>
      <p className="mt-6">
        <Link href="/mot-de-passe-oublie" className="text-brand-700 underline">
          {t('forgotLink')}
        </Link>
      </p>
    </>
  );
}
