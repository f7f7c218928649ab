import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('forgot'))('title') };
}

// The single-use reset link arrives with the e-mail work (issue 6); until then the page says whom to call.
export default async function ForgotPasswordPage() {
  const t = await getTranslations('forgot');
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-4">{t('body')}</p>
      <p className="mt-6"><Link href="/connexion" className="text-brand-700 underline">{t('back')}</Link></p>
    </>
  );
}
