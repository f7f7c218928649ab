// The role check of the back office's route handlers (CSV exports): they answer 401/403 rather than redirect,
// since a download link has no page to show.
import 'server-only';
import { getTranslations } from 'next-intl/server';
import { currentUser } from '@/lib/auth/session';

/** null for staff and admin; else the Response to send (401 anonymous, 403 parent). */
export async function staffOrRefusal(): Promise<Response | null> {
  const user = await currentUser();
  if (user && (user.role === 'staff' || user.role === 'admin')) return null;
  const t = await getTranslations({ locale: 'fr', namespace: 'reportErrors' });
  return new Response(user ? t('forbidden') : t('unauthorized'), {
    status: user ? 403 : 401,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
