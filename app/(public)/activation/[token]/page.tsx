import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { findValidToken } from '@/lib/accounts/tokens';
import { wallNow } from '@/lib/clock';
import { InvalidLink } from '../invalid-link';
import { PasswordForm } from '../password-form';

// the token is in the address: never sent to another site, never cached
export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('activation'))('title'), referrer: 'no-referrer', robots: { index: false } };
}

// The invitation link (7 days, single use): choose the password of the account the Guichet famille created.
export default async function ActivationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const account = await findValidToken(await getDb(), { token, kind: 'invitation', now: wallNow() });
  if (!account) return <InvalidLink />;
  const t = await getTranslations('activation');
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2">{t('intro', { email: account.email })}</p>
      <div className="mt-6 rounded bg-white p-5 shadow-sm">
        <PasswordForm token={token} kind="invitation" doneMessage={t('done')} />
      </div>
    </>
  );
}
