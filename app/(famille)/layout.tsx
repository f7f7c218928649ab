import { getTranslations } from 'next-intl/server';
import { signOutAction } from '@/app/actions';
import { SiteHeader } from '@/components/site-header';
import { requireParent } from '@/lib/auth/session';

export default async function FamilyLayout({ children }: { children: React.ReactNode }) {
  const user = await requireParent();
  const t = await getTranslations('home');
  const td = await getTranslations('demarche');
  const ta = await getTranslations('myAccount');
  const tm = await getTranslations('myData');
  return (
    <>
      <SiteHeader
        account={{ name: `${user.firstName} ${user.lastName}`.trim(), signOut: signOutAction }}
        nav={[
          { href: '/', label: t('title') },
          { href: '/demarches/reservations', label: td('manageTitle') },
          { href: '/demarches/inscription', label: t('enrol') },
          { href: '/mes-demandes', label: t('navRequests') },
          { href: '/mon-compte', label: ta('title') },
          { href: '/mes-donnees', label: tm('title') },
        ]}
      />
      {/* no messages for the browser here: the pages' client components get theirs (components/client-messages.tsx) */}
      <main id="contenu" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
