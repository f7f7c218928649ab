// The enrolment draft of the signed-in family for the S'inscrire pages (404 when it is not theirs).
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { now } from '@/lib/clock';
import { errorText, UserError } from '@/lib/errors';
import { loadEnrolmentDraft, type EnrolmentDraft } from './enrol';

export async function enrolmentPageData(
  requestIdParam: string,
  familyId: number,
  opts: { allowSubmitted?: boolean } = {},
): Promise<EnrolmentDraft | { error: string }> {
  const requestId = Number(requestIdParam);
  if (!Number.isInteger(requestId) || requestId <= 0 || requestId > 2_147_483_647) notFound();
  try {
    const draft = await loadEnrolmentDraft(await getDb(), { requestId, familyId, now: now() });
    if (draft.status === 'submitted' && !opts.allowSubmitted)
      redirect(`/demarches/inscriptions/${draft.id}/confirmation`);
    if (draft.status === 'cancelled') return { error: errorText('enrolment_draft_cancelled') };
    return draft;
  } catch (error) {
    if (error instanceof UserError) {
      if (error.code === 'enrolment_draft_not_found') notFound();
      return { error: error.message };
    }
    throw error;
  }
}
