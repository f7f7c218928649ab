import { getTranslations } from 'next-intl/server';
import { SiteHeader } from '@/components/site-header';
import { requireStaff } from '@/lib/auth/session';

// Every page under /admin is for staff and admin only: the layout refuses the others, and each page checks again.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireStaff();
  const t = await getTranslations('admin');
  return (
    <>
      <SiteHeader userName={`${user.firstName} ${user.lastName}`.trim()} nav={[{ href: '/admin', label: t('title') }, { href: '/admin/emails', label: t('emails') }]} />
      <main id="contenu" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
