// The role checks of route handlers (the back office's CSV exports, « Mes données »): they answer 401/403 rather than
// redirect, since a download link has no page to show.
import 'server-only';
import { getTranslations } from 'next-intl/server';
import { currentUser, type ParentUser } from '@/lib/auth/session';

async function refusal(signedIn: boolean, forbidden: 'forbidden' | 'forbiddenFamily'): Promise<Response> {
  const t = await getTranslations({ locale: 'fr', namespace: 'reportErrors' });
  return new Response(signedIn ? t(forbidden) : t('unauthorized'), {
    status: signedIn ? 403 : 401,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** null for staff and admin; else the Response to send (401 anonymous, 403 parent). */
export async function staffOrRefusal(): Promise<Response | null> {
  const user = await currentUser();
  if (user && (user.role === 'staff' || user.role === 'admin')) return null;
  return refusal(user !== null, 'forbidden');
}

/** The signed-in parent (with a family); else the Response to send (401 anonymous, 403 staff). */
export async function parentOrRefusal(): Promise<ParentUser | Response> {
  const user = await currentUser();
  if (user && user.role === 'parent' && user.familyId !== null) return user as ParentUser;
  return refusal(user !== null, 'forbiddenFamily');
}
