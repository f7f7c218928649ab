import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { findValidToken } from '@/lib/accounts/tokens';
import { wallNow } from '@/lib/clock';
import { InvalidLink } from '../../activation/invalid-link';
import { PasswordForm } from '../../activation/password-form';

// the token is in the address: never sent to another site, never cached
export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  return {
    title: (await getTranslations('resetPassword'))('title'),
    referrer: 'no-referrer',
    robots: { index: false },
  };
}

// The « Mot de passe oublié ? » link (1 hour, single use): choose a new password; every session of the account ends.
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const account = await findValidToken(await getDb(), { token, kind: 'password_reset', now: wallNow() });
  if (!account) return <InvalidLink />;
  const t = await getTranslations('resetPassword');
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2">{t('intro', { email: account.email })}</p>
      <div className="mt-6 rounded bg-white p-5 shadow-sm">
        <PasswordForm token={token} kind="password_reset" doneMessage={t('done')} />
      </div>
    </>
  );
}
