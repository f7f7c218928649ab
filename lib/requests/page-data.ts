// What the démarche pages need for a draft the actor may load (the family and the author in every query).
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { errorText, UserError } from '@/lib/errors';
import { now } from '@/lib/clock';
import { loadDemarchePage, type DemarchePage } from './demarche-page';
import type { DemarchePolicy } from './policy';

/** A request id of the URL, or a 404. */
export function requestIdOf(param: string): number {
  const requestId = Number(param);
  if (!Number.isInteger(requestId) || requestId <= 0 || requestId > 2_147_483_647) notFound();
  return requestId;
}

export interface StepPage {
  policy: DemarchePolicy;
  data: DemarchePage | { error: string };
  /** the request's instant: the draft is loaded at it, and Étape 1 greys the periods not yet open by it */
  now: Date;
}

/** What a step of a démarche (Étape 1, Étape 2) loads for the actor's policy: the draft at one instant. */
export async function loadStepPage(
  policy: DemarchePolicy,
  requestIdParam: string,
  /** the page asked, where a sibling's request leads to its démarche's page */
  step: 'etape-1' | 'etape-2' = 'etape-1',
): Promise<StepPage> {
  const at = now();
  return { policy, data: await draftPageData(policy, requestIdParam, at, step), now: at };
}

/**
 * The draft, or the right page: confirmation when already validated; a draft the actor may not load is a 404 or
 * « Démarche indisponible », as the policy says.
 */
async function draftPageData(
  policy: DemarchePolicy,
  requestIdParam: string,
  at: Date,
  step: 'etape-1' | 'etape-2',
): Promise<DemarchePage | { error: string }> {
  const requestId = requestIdOf(requestIdParam);
  const db = await getDb();
  let data: DemarchePage;
  try {
    data = await loadDemarchePage(db, { policy, requestId, now: at });
  } catch (error) {
    if (error instanceof UserError) {
      const unknown = error.code === 'draft_not_found' || error.code === 'agent_draft_not_found';
      if (unknown && policy.unknownDraft === 'not_found') notFound();
      return { error: error.message };
    }
    throw error;
  }
  const { draft } = data;
  // a sibling's request: its démarche's pages, on this child's tab
  if (draft.groupId !== null && draft.groupId !== draft.id)
    redirect(`${policy.baseUrl}/${draft.groupId}/${step}?enfant=${draft.childId}`);
  // siblings validated together: a child without change leaves the démarche, the lead's request included
  if (data.group.some((d) => d.status === 'submitted')) redirect(`${policy.baseUrl}/${draft.id}/confirmation`);
  if (draft.status === 'cancelled') return { error: errorText('draft_cancelled') };
  return { ...data, group: data.group.filter((d) => d.status === 'draft') };
}
