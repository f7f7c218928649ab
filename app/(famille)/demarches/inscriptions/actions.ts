'use server';

import { after } from 'next/server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireParent } from '@/lib/auth/session';
import { now, today } from '@/lib/clock';
import { kickDispatcher } from '@/lib/email/dispatcher';
import {
  cancelEnrolmentDraft,
  chooseEnrolmentSite,
  chooseSiteSchema,
  startEnrolmentDraft,
  submitEnrolment,
} from '@/lib/enrolments/enrol';
import { env } from '@/lib/env';
import { GENERIC_ERROR, UserError } from '@/lib/errors';
import { idSchema } from '@/lib/ids';

const startSchema = z.object({ childId: idSchema, service: z.enum(['cantine', 'mercredi', 'vacances']) });

export interface EnrolState {
  formError?: string;
}

/** "Commencer" (S'inscrire). */
export async function startEnrolmentAction(formData: FormData): Promise<void> {
  const user = await requireParent();
  const parsed = startSchema.safeParse({ childId: formData.get('childId'), service: formData.get('service') });
  if (!parsed.success) redirect('/');
  let requestId: number;
  try {
    ({ requestId } = await startEnrolmentDraft(await getDb(), {
      familyId: user.familyId,
      accountId: user.id,
      ...parsed.data,
      today: today(),
      now: now(),
    }));
  } catch (error) {
    if (error instanceof UserError)
      redirect(`/demarches/inscription/${parsed.data.service}/${parsed.data.childId}?erreur=${error.kind}`);
    throw error;
  }
  redirect(`/demarches/inscriptions/${requestId}/etape-1`);
}

/** Étape 1: the proposed site is selected, then Étape 2. */
export async function chooseSiteAction(_prev: EnrolState, formData: FormData): Promise<EnrolState> {
  const user = await requireParent();
  const parsed = chooseSiteSchema.safeParse({
    requestId: formData.get('requestId'),
    siteId: formData.get('siteId') ?? undefined,
  });
  if (!parsed.success)
    return { formError: z.flattenError(parsed.error).fieldErrors.siteId?.[0] ?? 'Sélectionnez le lieu proposé.' };
  try {
    const db = await getDb();
    await db.transaction((tx) => chooseEnrolmentSite(tx, { familyId: user.familyId, now: now(), input: parsed.data }));
  } catch (error) {
    if (error instanceof UserError) return { formError: error.message };
    console.error('[enrolment.site]', { family: user.familyId }, error);
    return { formError: GENERIC_ERROR };
  }
  redirect(`/demarches/inscriptions/${parsed.data.requestId}/etape-2`);
}

/** "Valider" (S'inscrire). */
export async function submitEnrolmentAction(_prev: EnrolState, formData: FormData): Promise<EnrolState> {
  const user = await requireParent();
  const requestId = idSchema.safeParse(formData.get('requestId'));
  if (!requestId.success) return { formError: "Cette démarche est introuvable. Recommencez depuis « S'inscrire »." };
  try {
    await submitEnrolment(await getDb(), {
      familyId: user.familyId,
      accountId: user.id,
      requestId: requestId.data,
      today: today(),
      now: now(),
      appUrl: env().APP_URL ?? 'http://localhost:3000',
    });
  } catch (error) {
    if (error instanceof UserError) return { formError: error.message };
    console.error('[enrolment.submit]', { family: user.familyId, request: requestId.data }, error);
    return { formError: GENERIC_ERROR };
  }
  after(() => kickDispatcher({ requestId: requestId.data }));
  redirect(`/demarches/inscriptions/${requestId.data}/confirmation`);
}

/** "Annuler la démarche" (S'inscrire). */
export async function cancelEnrolmentAction(formData: FormData): Promise<void> {
  const user = await requireParent();
  const requestId = idSchema.safeParse(formData.get('requestId'));
  if (requestId.success)
    await cancelEnrolmentDraft(await getDb(), { familyId: user.familyId, requestId: requestId.data, now: now() });
  redirect('/');
}
