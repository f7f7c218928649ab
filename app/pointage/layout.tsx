// « Pointage »: the animateurs' attendance check-in, on a phone. Animateurs (their sites), agents and administrators
// (every site): a parent gets 403; each page checks again. « Se déconnecter » sends the taps still on the phone and
// deletes the page's offline copy before the session ends (./sign-out-form.tsx): the phones are shared.
import { getTranslations } from 'next-intl/server';
import { signOutAction } from '@/app/actions';
import { ClientMessages } from '@/components/client-messages';
import { SiteHeader } from '@/components/site-header';
import { requireMarker } from '@/lib/auth/session';
import { PointageSignOutForm } from './sign-out-form';

export default async function PointageLayout({ children }: { children: React.ReactNode }) {
  const user = await requireMarker();
  const t = await getTranslations('pointage');
  return (
    // one provider for the header's « Se déconnecter » and the board (./page.tsx)
    <ClientMessages namespaces={['pointage']}>
      <SiteHeader
        account={{
          name: `${user.firstName} ${user.lastName}`.trim(),
          signOut: signOutAction,
          signOutForm: (form) => <PointageSignOutForm {...form} accountId={user.id} />,
        }}
        nav={[{ href: '/pointage', label: t('nav') }]}
      />
      <main id="contenu" className="mx-auto max-w-3xl px-3 py-4">
        {children}
      </main>
    </ClientMessages>
  );
}
