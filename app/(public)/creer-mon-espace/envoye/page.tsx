import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signup'))('sentTitle') };
}

// The one answer of « Créer mon espace famille », whatever the address: nobody learns whether it has an account.
export default async function SignupSentPage() {
  const t = await getTranslations('signup');
  return (
    <>
      <h1 className="text-2xl font-bold">{t('sentTitle')}</h1>
      <div role="status" className="mt-4 space-y-3 rounded border-s-4 border-green-700 bg-green-50 p-4">
        <p>{t('sent')}</p>
        <p>{t('sentExisting')}</p>
        <p>{t('sentNext')}</p>
      </div>
      <p className="mt-6">
        <Link href="/connexion" className="text-brand-700 underline">
          {t('back')}
        </Link>
      </p>
    </>
  );
}
