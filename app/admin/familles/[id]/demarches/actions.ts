'use server';

// The agent's démarche for a family (« Gérer les réservations »): each action builds the agent's policy for the
// family of the form (deadline waived, reason required, the agent's own drafts) and runs the parent's steps
// (lib/requests/steps.ts).
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { action } from '@/lib/action';
import { now, today } from '@/lib/clock';
import { kickDispatcher } from '@/lib/email/dispatcher';
import { requestBaseUrl } from '@/lib/email/base-url';
import { UserError } from '@/lib/errors';
import { childPageErrorCode } from '@/lib/families/child-page-errors';
import {
  agentSaveDaysSchema,
  agentTemplateSchema,
  startReservationOnBehalf,
  submitOnBehalfSchema,
} from '@/lib/families/on-behalf';
import { idSchema } from '@/lib/ids';
import { agentPolicy } from '@/lib/requests/policy';
import { applyTemplate, cancelAddress, recapAddress, saveDays, submitDemarche } from '@/lib/requests/steps';

const draftSchema = z.object({ familyId: idSchema, requestId: idSchema });
// the buttons that lead somewhere read their form themselves: a forged form leads to the families' list
const anyForm = z.record(z.string(), z.unknown());
const clock = () => ({ today: today(), now: now() });

/** « Gérer les réservations » for the family: the agent's draft, then Étape 1; a refusal, to the child's page. */
export const startOnBehalfAction = action({ role: 'staff', input: anyForm }, async (form, user) => {
  let target: string;
  try {
    // the use-case checks the form (startOnBehalfSchema): a forged one is refused with a code too
    const { requestId, familyId } = await startReservationOnBehalf(await getDb(), user, { input: form, ...clock() });
    target = `${agentPolicy(user, familyId).baseUrl}/${requestId}/etape-1`;
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    // a code only: the child's page has the sentence (lib/families/child-page-errors.ts)
    const childPage = `/admin/familles/${Number(form.familyId) || ''}/enfants/${Number(form.childId) || ''}`;
    target = `${childPage}?erreur=${childPageErrorCode(error)}`;
  }
  redirect(target);
});

/** Étape 1, day by day (deadline waived). */
export const saveDaysOnBehalfAction = action({ role: 'staff', input: agentSaveDaysSchema }, async (input, user) => {
  const { familyId, ...days } = input;
  return saveDays(await getDb(), agentPolicy(user, familyId), days, clock());
});

/** Étape 1, « Appliquer une périodicité » (deadline waived). */
export const applyTemplateOnBehalfAction = action(
  { role: 'staff', input: agentTemplateSchema },
  async (input, user) => {
    const { familyId, ...template } = input;
    const applied = await applyTemplate(await getDb(), agentPolicy(user, familyId), template, clock());
    refresh(); // the answer carries Étape 1 redrawn, as for the parent
    return applied;
  },
);

/** « Aller à l'étape 2 ». */
export const goToRecapOnBehalfAction = action({ role: 'staff', input: anyForm }, async (form, user) => {
  const input = draftSchema.safeParse(form);
  if (!input.success) redirect('/admin/familles');
  redirect(await recapAddress(await getDb(), agentPolicy(user, input.data.familyId), input.data.requestId, now()));
});

/** « Annuler la démarche »: nothing is changed, back to the child's page. */
export const cancelOnBehalfAction = action({ role: 'staff', input: anyForm }, async (form, user) => {
  const input = draftSchema.safeParse(form);
  if (!input.success) redirect('/admin/familles');
  redirect(await cancelAddress(await getDb(), agentPolicy(user, input.data.familyId), input.data.requestId, now()));
});

/** « Valider » with the reason (Étape 2). */
export const submitOnBehalfAction = action(
  { role: 'staff', input: submitOnBehalfSchema, name: 'submitOnBehalf' },
  async (input, user) => {
    const { familyId, ...rest } = input;
    const { address, submitted } = await submitDemarche(await getDb(), agentPolicy(user, familyId), rest, {
      ...clock(),
      appUrl: await requestBaseUrl(),
    });
    if (submitted) after(() => kickDispatcher({ requestId: input.requestId }));
    redirect(address);
  },
);
