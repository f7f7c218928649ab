'use server';

// The parent's démarche « Gérer mes réservations »: each action builds the parent's policy and runs the step the
// back office's agent runs too (lib/requests/steps.ts).
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
import { idSchema, versionSchema } from '@/lib/ids';
import { SERVICE_KINDS } from '@/lib/planning';
import { saveDaysSchema, templateSchema } from '@/lib/requests/drafts';
import { hasReadIntroduction, markIntroductionRead } from '@/lib/requests/introduction';
import { parentPolicy } from '@/lib/requests/policy';
import { copyPlanning, copyPlanningSchema, MAX_SIBLINGS, startSiblingDrafts } from '@/lib/requests/siblings';
import { applyTemplate, cancelAddress, recapAddress, saveDays, submitDemarche } from '@/lib/requests/steps';

const startSchema = z.object({
  childId: idSchema,
  service: z.enum(SERVICE_KINDS as ['cantine', 'mercredi', 'vacances']),
  /** a day tapped in « À venir » or on the child's page: Étape 1 opens at its week */
  date: z.iso.date().optional(),
  /** « Commencer » pressed on the introduction: it is read (remembered for the account) */
  introduction: z.literal('1').optional(),
  /** siblings ticked on the introduction: one démarche for all of them (a single box arrives as a string) */
  childIds: z
    .union([idSchema, z.array(idSchema).max(MAX_SIBLINGS)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
});
const draftSchema = z.object({ requestId: idSchema });
const submitSchema = z.object({ requestId: idSchema, version: versionSchema });
// the buttons that lead somewhere read their form themselves: a forged form leads home, as any unknown démarche
const anyForm = z.record(z.string(), z.unknown());

/**
 * « Commencer » on the introduction, « Gérer mes réservations » or a day tapped in « À venir »: opens (or resumes) the
 * draft, then Étape 1 (at the day's week). Until the parent has read the introduction once, it is shown first.
 */
export const startReservationAction = action({ role: 'parent', input: anyForm }, async (form, user) => {
  const parsed = startSchema.safeParse(form);
  if (!parsed.success) redirect('/?erreur=demarche');
  const { date, introduction, childIds, ...input } = parsed.data;
  // the child the parent came from leads, when ticked
  const chosen = childIds?.length
    ? [...childIds].sort((a, b) => (a === input.childId ? -1 : b === input.childId ? 1 : 0))
    : [input.childId];
  const introUrl = `/demarches/reservations/${input.service}/${input.childId}`;
  const week = date ? `?vue=semaine&date=${date}` : '';
  const db = await getDb();
  if (!introduction && !(await hasReadIntroduction(db, user.id))) redirect(`${introUrl}${date ? `?date=${date}` : ''}`);
  let requestId: number;
  try {
    ({ requestId } = await db.transaction(async (tx) => {
      if (introduction) await markIntroductionRead(tx, user.id, now());
      return startSiblingDrafts(tx, {
        familyId: user.familyId,
        accountId: user.id,
        childIds: chosen,
        service: input.service,
        today: today(),
        now: now(),
      });
    }));
  } catch (error) {
    if (error instanceof UserError) redirect(`${introUrl}?erreur=${error.kind}`);
    throw error;
  }
  redirect(`${parentPolicy(user).baseUrl}/${requestId}/etape-1${week}`);
});

/** Étape 1, day by day: saves the ticked units of some days in the draft. */
export const saveDaysAction = action({ role: 'parent', input: saveDaysSchema }, async (input, user) =>
  saveDays(await getDb(), parentPolicy(user), input, { today: today(), now: now() }),
);

/**
 * Étape 1, "Appliquer une périodicité". The answer carries Étape 1 redrawn with the days it ticked (`refresh()`): the
 * browser asks for nothing more, one request fewer per démarche on rush day.
 */
export const applyTemplateAction = action({ role: 'parent', input: templateSchema }, async (input, user) => {
  const applied = await applyTemplate(await getDb(), parentPolicy(user), input, { today: today(), now: now() });
  refresh();
  return applied;
});

/** "Aller à l'étape 2". */
export const goToRecapAction = action({ role: 'parent', input: anyForm }, async (form, user) => {
  const input = draftSchema.safeParse(form);
  if (!input.success) redirect('/');
  redirect(await recapAddress(await getDb(), parentPolicy(user), input.data.requestId, now()));
});

/** "Annuler la démarche": nothing is changed, back to the child's page. */
export const cancelDraftAction = action({ role: 'parent', input: anyForm }, async (form, user) => {
  const input = draftSchema.safeParse(form);
  if (!input.success) redirect('/');
  redirect(await cancelAddress(await getDb(), parentPolicy(user), input.data.requestId, now()));
});

/** "Valider" (Étape 2): one transaction; then the acknowledgment e-mail leaves after the commit. */
export const submitAction = action({ role: 'parent', input: anyForm, name: 'submit' }, async (form, user) => {
  const parsed = submitSchema.safeParse(form);
  if (!parsed.success) throw new UserError('draft_not_found');
  const input = parsed.data;
  const { address, submitted } = await submitDemarche(await getDb(), parentPolicy(user), input, {
    today: today(),
    now: now(),
    appUrl: await requestBaseUrl(),
  });
  if (submitted) after(() => kickDispatcher({ requestId: input.requestId }));
  redirect(address);
});

const copySchema = copyPlanningSchema.and(
  z.object({ vue: z.enum(['semaine', 'mois', 'periode']).optional(), date: z.iso.date().optional() }),
);

/** « Même planning pour Hugo »: the days shown of one child's planning copied to a sibling's, then Étape 1 again. */
export const copyPlanningAction = action({ role: 'parent', input: anyForm }, async (form, user) => {
  const parsed = copySchema.safeParse(form);
  if (!parsed.success) throw new UserError('invalid_input');
  const { vue, date, ...input } = parsed.data;
  const policy = parentPolicy(user);
  const db = await getDb();
  const { groupId, childId } = await db.transaction((tx) =>
    copyPlanning(tx, { policy, today: today(), now: now(), input }),
  );
  const view = vue && date ? `&vue=${vue}&date=${date}` : '';
  redirect(`${policy.baseUrl}/${groupId}/etape-1?enfant=${childId}&copie=1${view}`);
});
