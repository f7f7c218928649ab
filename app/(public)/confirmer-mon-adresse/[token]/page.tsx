import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { findValidToken } from '@/lib/accounts/tokens';
import { wallNow } from '@/lib/clock';
import { errorText } from '@/lib/errors';
import { ConfirmForm } from '../confirm-form';

// the token is in the address: never sent to another site, never cached
export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('confirmEmail'))('title'), referrer: 'no-referrer', robots: { index: false } };
}

// The link of « Confirmez votre adresse e-mail » (48 hours, single use). Opening it changes nothing (a GET): the
// button confirms. A used, expired or unknown link gets one refusal.
export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('confirmEmail');
  const account = await findValidToken(await getDb(), { token, kind: 'email_confirmation', now: wallNow() });
  if (!account) {
    return (
      <>
        <h1 className="text-2xl font-bold">{t('invalidTitle')}</h1>
        <p role="alert" className="mt-4 rounded border-s-4 border-amber-700 bg-amber-50 p-4">
          {errorText('signup_link_invalid')}
        </p>
        <p className="mt-6 flex flex-wrap gap-x-6 gap-y-2">
          <Link href="/connexion" className="text-brand-700 underline">
            {t('login')}
          </Link>
          <Link href="/mot-de-passe-oublie" className="text-brand-700 underline">
            {t('forgot')}
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2">{t('intro', { email: account.email })}</p>
      <div className="mt-6 rounded bg-white p-5 shadow-sm">
        <ConfirmForm token={token} />
      </div>
    </>
  );
}
