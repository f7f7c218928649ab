import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ForgotForm } from './forgot-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('forgot'))('title') };
}

// « Mot de passe oublié ? »: an e-mail address, then the same answer for everyone (a link leaves only for a known account).
export default async function ForgotPasswordPage() {
  const t = await getTranslations('forgot');
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2">{t('intro')}</p>
      <div className="mt-6 rounded bg-white p-5 shadow-sm">
        <ForgotForm />
      </div>
      <p className="mt-4 text-sm text-slate-700">{t('help')}</p>
      <p className="mt-6">
        <Link href="/connexion" className="text-brand-700 underline">
          {t('back')}
        </Link>
      </p>
    </>
  );
}
