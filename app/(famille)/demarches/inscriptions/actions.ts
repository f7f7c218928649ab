'use server';

// S'inscrire, the parent's side: each action goes through action() (the parent's session, zod, one FormState) and
// one use-case of lib/enrolments whose queries carry the family.
import { after } from 'next/server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { action, refusedAs } from '@/lib/action';
import { now, today } from '@/lib/clock';
import { kickDispatcher } from '@/lib/email/dispatcher';
import {
  cancelEnrolmentDraft,
  chooseEnrolmentSite,
  chooseSiteSchema,
  startEnrolmentDraft,
  submitEnrolment,
} from '@/lib/enrolments/enrol';
import { requestBaseUrl } from '@/lib/email/base-url';
import { errorText, fieldError, UserError } from '@/lib/errors';
import { idSchema } from '@/lib/ids';

// a plain form's fields: one that does not parse leads home, as a link that no longer leads anywhere
const startSchema = z
  .object({ childId: idSchema, service: z.enum(['cantine', 'mercredi', 'vacances']) })
  .nullable()
  .catch(null);
const draftSchema = z.object({ requestId: idSchema.nullable().catch(null) });

/** "Commencer" (S'inscrire). */
export const startEnrolmentAction = action({ role: 'parent', input: startSchema, plain: true }, async (input, user) => {
  if (!input) redirect('/');
  let requestId: number;
  try {
    ({ requestId } = await startEnrolmentDraft(await getDb(), {
      familyId: user.familyId,
      accountId: user.id,
      ...input,
      today: today(),
      now: now(),
    }));
  } catch (error) {
    if (error instanceof UserError)
      redirect(`/demarches/inscription/${input.service}/${input.childId}?erreur=${error.kind}`);
    throw error;
  }
  redirect(`/demarches/inscriptions/${requestId}/etape-1`);
});

/** Étape 1: the proposed site is selected, then Étape 2. */
export const chooseSiteAction = action(
  {
    role: 'parent',
    input: refusedAs(fieldError('field_enrolment_site'), chooseSiteSchema),
    name: 'enrolment.site',
  },
  async (input, user) => {
    const db = await getDb();
    await db.transaction((tx) => chooseEnrolmentSite(tx, { familyId: user.familyId, now: now(), input }));
    redirect(`/demarches/inscriptions/${input.requestId}/etape-2`);
  },
);

/** "Valider" (S'inscrire). */
export const submitEnrolmentAction = action(
  {
    role: 'parent',
    input: refusedAs(errorText('enrolment_draft_not_found'), z.object({ requestId: idSchema })),
    name: 'enrolment.submit',
  },
  async ({ requestId }, user) => {
    await submitEnrolment(await getDb(), {
      familyId: user.familyId,
      accountId: user.id,
      requestId,
      today: today(),
      now: now(),
      appUrl: await requestBaseUrl(),
    });
    after(() => kickDispatcher({ requestId }));
    redirect(`/demarches/inscriptions/${requestId}/confirmation`);
  },
);

/** "Annuler la démarche" (S'inscrire). */
export const cancelEnrolmentAction = action(
  { role: 'parent', input: draftSchema, plain: true },
  async ({ requestId }, user) => {
    if (requestId !== null)
      await cancelEnrolmentDraft(await getDb(), { familyId: user.familyId, requestId, now: now() });
    redirect('/');
  },
);
