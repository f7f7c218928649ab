import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentUser, homeOf } from '@/lib/auth/session';
import { getTranslations } from 'next-intl/server';
import { LoginForm } from './login-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('login'))('title') };
}

export default async function ConnexionPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  // someone whose session is still open has nothing to do here (an ended session's cookie stays until the next
  // sign-in, and must not send the visitor round in circles)
  const user = await currentUser();
  if (user) redirect(homeOf(user.role));
  const t = await getTranslations('login');
  const { callbackUrl } = await searchParams;
  // Auth.js gives an absolute URL: keep only its path, on this site.
  let target = '/';
  try {
    const url = new URL(callbackUrl ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/') && !url.pathname.startsWith('/connexion')) target = `${url.pathname}${url.search}`;
  } catch {
    target = '/';
  }
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-lg">{t('intro')}</p>
      <p className="mt-1 text-slate-700">{t('help')}</p>
      <div className="mt-6 rounded bg-white p-5 shadow-sm">
        <LoginForm callbackUrl={target} />
      </div>
      <p className="mt-4">
        <Link href="/mot-de-passe-oublie" className="text-brand-700 underline">
          {t('forgot')}
        </Link>
      </p>
      <p className="mt-6">
        {t('noAccount')}{' '}
        <Link href="/creer-mon-espace" className="font-semibold text-brand-700 underline">
          {t('signup')}
        </Link>
      </p>
    </>
  );
}
