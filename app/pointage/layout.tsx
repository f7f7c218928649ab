// « Pointage »: the animateurs' attendance check-in, on a phone. Animateurs (their sites), agents and administrators
// (every site) only: a parent gets 403; each page checks again.
import { getTranslations } from 'next-intl/server';
import { signOutAction } from '@/app/actions';
import { SiteHeader } from '@/components/site-header';
import { requireMarker } from '@/lib/auth/session';

export default async function PointageLayout({ children }: { children: React.ReactNode }) {
  const user = await requireMarker();
  const t = await getTranslations('pointage');
  return (
    <>
      <SiteHeader
        account={{ name: `${user.firstName} ${user.lastName}`.trim(), signOut: signOutAction }}
        nav={[{ href: '/pointage', label: t('nav') }]}
      />
      <main id="contenu" className="mx-auto max-w-3xl px-3 py-4">
        {children}
      </main>
    </>
  );
}
