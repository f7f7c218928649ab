// What the démarche pages need for a draft of the signed-in family (ownership in every query).
import { eq } from 'drizzle-orm';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { sites } from '@/db/schema';
import { errorText, UserError } from '@/lib/errors';
import { now } from '@/lib/clock';
import { loadServiceCalendar, type ServiceCalendar } from '@/lib/reservations/calendar';
import { loadDraft, type Draft } from './drafts';

export interface DraftPageData {
  draft: Draft;
  cal: ServiceCalendar;
  siteName: string;
}

/** The draft, or the right page: confirmation when already validated, 404 when not the family's. */
export async function draftPageData(
  requestIdParam: string,
  familyId: number,
): Promise<DraftPageData | { error: string }> {
  const requestId = Number(requestIdParam);
  if (!Number.isInteger(requestId) || requestId <= 0 || requestId > 2_147_483_647) notFound();
  const db = await getDb();
  let draft: Draft;
  try {
    draft = await loadDraft(db, { requestId, familyId, now: now() });
  } catch (error) {
    if (error instanceof UserError) {
      if (error.code === 'draft_not_found') notFound();
      return { error: error.message };
    }
    throw error;
  }
  if (draft.status === 'submitted') redirect(`/demarches/${draft.id}/confirmation`);
  if (draft.status === 'cancelled') return { error: errorText('draft_cancelled') };
  const [cal, [site]] = await Promise.all([
    loadServiceCalendar(db, {
      schoolYearId: draft.enrolment.schoolYearId,
      service: draft.service,
      siteId: draft.enrolment.siteId,
    }),
    db.select({ name: sites.name }).from(sites).where(eq(sites.id, draft.enrolment.siteId)),
  ]);
  return { draft, cal, siteName: site?.name ?? '' };
}
