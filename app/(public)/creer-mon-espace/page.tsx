import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { MAX_SIGNUP_CHILDREN } from '@/lib/accounts/signup';
import { currentUser, homeOf } from '@/lib/auth/session';
import { listSiteOptions } from '@/lib/families/families';
import { SignupForm } from './signup-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signup'))('title') };
}

// « Créer mon espace famille » (from Connexion): the parent, the account, the address, the other parent, the children.
export default async function SignupPage() {
  const user = await currentUser();
  if (user) redirect(homeOf(user.role));
  const t = await getTranslations('signup');
  const schools = await listSiteOptions(await getDb(), 'ecole');
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2">{t('intro')}</p>
      <p className="mt-2 text-sm text-slate-700">{t('required')}</p>
      <div className="mt-6 rounded bg-white p-5 shadow-sm">
        <SignupForm schools={schools} maxChildren={MAX_SIGNUP_CHILDREN} />
      </div>
      <p className="mt-6">
        <Link href="/connexion" className="text-brand-700 underline">
          {t('back')}
        </Link>
      </p>
    </>
  );
}
