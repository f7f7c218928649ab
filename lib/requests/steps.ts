// The démarche's buttons for any actor, given its policy: the parent's and the agent's server actions wrap these
// (lib/action.ts) and redirect to the address they answer. The policy says whose drafts, which deadline, whether a
// reason is required and where the pages live.
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { UserError } from '@/lib/errors';
import type { IsoDate } from '@/lib/planning';
import {
  applyTemplateToDraft,
  cancelDraft,
  loadDraft,
  loadDraftGroup,
  saveDaysSchema,
  saveDraftDays,
  templateSchema,
} from './drafts';
import type { DemarchePolicy } from './policy';
import { submitSiblingRequests } from './siblings';
import { submitReservationRequest } from './submit';

export interface Clock {
  today: IsoDate;
  now: Date;
}

/** Étape 1, day by day: the units now saved for the days sent. */
export async function saveDays(db: Db, policy: DemarchePolicy, input: z.infer<typeof saveDaysSchema>, clock: Clock) {
  const { desired } = await db.transaction((tx) => saveDraftDays(tx, { policy, ...clock, input }));
  const dates = new Set(input.days.map((d) => d.date));
  return { saved: desired.filter((r) => dates.has(r.date)) };
}

/** Étape 1, « Appliquer une périodicité ». */
export async function applyTemplate(
  db: Db,
  policy: DemarchePolicy,
  input: z.infer<typeof templateSchema>,
  clock: Clock,
) {
  return db.transaction((tx) => applyTemplateToDraft(tx, { policy, ...clock, input }));
}

/** « Aller à l'étape 2 »: Étape 2 of a draft the actor may load, else the actor's home. */
export async function recapAddress(db: Db, policy: DemarchePolicy, requestId: number, now: Date): Promise<string> {
  let groupId: number | null;
  try {
    ({ groupId } = await loadDraft(db, { requestId, policy, now }));
  } catch {
    return policy.homeUrl;
  }
  // a sibling's « Aller à l'étape 2 » leads to the recap of its whole démarche
  return `${policy.baseUrl}/${groupId ?? requestId}/etape-2`;
}

/** « Annuler la démarche »: nothing is changed; the child's page, or the actor's home when nothing was cancelled. */
export async function cancelAddress(db: Db, policy: DemarchePolicy, requestId: number, now: Date): Promise<string> {
  try {
    const { childId } = await db.transaction((tx) => cancelDraft(tx, { policy, requestId, now }));
    return policy.cancelledUrl(childId);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return policy.homeUrl;
  }
}

/**
 * « Valider »: one transaction (lib/requests/submit.ts); the confirmation's address, or Étape 2 again with the
 * conflict shown when the planning changed meanwhile. Other refusals are thrown for the form to show.
 */
export async function submitDemarche(
  db: Db,
  policy: DemarchePolicy,
  input: { requestId: number; version: number; reason?: string },
  clock: Clock & { appUrl: string },
): Promise<{ address: string; submitted: boolean }> {
  try {
    // siblings in one démarche are validated together; a démarche of one child as it always was
    const group = await loadDraftGroup(db, { requestId: input.requestId, policy, now: clock.now }).catch(() => []);
    if (group.length > 1) await submitSiblingRequests(db, { policy, ...input, ...clock });
    else await submitReservationRequest(db, { policy, ...input, ...clock });
  } catch (error) {
    if (error instanceof UserError && error.code === 'stale')
      return { address: `${policy.baseUrl}/${input.requestId}/etape-2?conflit=1`, submitted: false };
    throw error;
  }
  return { address: `${policy.baseUrl}/${input.requestId}/confirmation`, submitted: true };
}
