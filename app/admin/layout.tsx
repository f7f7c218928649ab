import { getTranslations } from 'next-intl/server';
import { signOutAction } from '@/app/actions';
import { SiteHeader } from '@/components/site-header';
import { requireStaff } from '@/lib/auth/session';

const NAV = [
  ['/admin', 'dashboard'],
  ['/admin/presences', 'attendance'],
  ['/admin/bilans', 'reports'],
  ['/admin/commandes', 'meals'],
  ['/admin/familles', 'families'],
  ['/admin/demandes', 'requests'],
  ['/admin/fermetures', 'closures'],
  ['/admin/absences', 'absences'],
  ['/admin/listes-attente', 'waitingLists'],
  ['/admin/calendrier', 'calendar'],
  ['/admin/structures', 'structures'],
  ['/admin/emails', 'emails'],
  ['/admin/journal', 'journal'],
  ['/admin/comptes', 'accounts'],
] as const;

// Every page under /admin is for staff and admin only: the layout refuses the others, and each page checks again.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireStaff();
  const t = await getTranslations('admin');
  return (
    <>
      <SiteHeader
        account={{ name: `${user.firstName} ${user.lastName}`.trim(), signOut: signOutAction }}
        nav={NAV.map(([href, key]) => ({ href, label: t(`nav.${key}`) }))}
      />
      <main id="contenu" className="mx-auto max-w-6xl px-4 py-6">
        {/* no messages for the browser here: each page's forms get theirs (components/client-messages.tsx) */}
        {children}
      </main>
    </>
  );
}
