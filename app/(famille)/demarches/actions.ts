'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { parentAction, type ActionResult } from '@/lib/action';
import { requireParent } from '@/lib/auth/session';
import { now, today } from '@/lib/clock';
import { kickDispatcher } from '@/lib/email/dispatcher';
import { env } from '@/lib/env';
import { GENERIC_ERROR, UserError } from '@/lib/errors';
import { idSchema, versionSchema } from '@/lib/ids';
import { SERVICE_KINDS } from '@/lib/planning';
import {
  applyTemplateToDraft,
  cancelDraft,
  loadDraft,
  saveDaysSchema,
  saveDraftDays,
  startReservationDraft,
  templateSchema,
} from '@/lib/requests/drafts';
import { submitReservationRequest } from '@/lib/requests/submit';
import { after } from 'next/server';

const startSchema = z.object({
  childId: idSchema,
  service: z.enum(SERVICE_KINDS as ['cantine', 'mercredi', 'vacances']),
});

/** "Commencer": opens (or resumes) the draft, then Étape 1. */
export async function startReservationAction(formData: FormData): Promise<void> {
  const user = await requireParent();
  const parsed = startSchema.safeParse({ childId: formData.get('childId'), service: formData.get('service') });
  if (!parsed.success) redirect('/?erreur=demarche');
  let requestId: number;
  try {
    ({ requestId } = await startReservationDraft(await getDb(), {
      familyId: user.familyId,
      accountId: user.id,
      ...parsed.data,
      today: today(),
      now: now(),
    }));
  } catch (error) {
    if (error instanceof UserError)
      redirect(`/demarches/reservations/${parsed.data.service}/${parsed.data.childId}?erreur=${error.kind}`);
    throw error;
  }
  redirect(`/demarches/${requestId}/etape-1`);
}

/** Étape 1, day by day: saves the ticked units of some days in the draft. */
export const saveDaysAction = parentAction(saveDaysSchema, async (input, user) => {
  const db = await getDb();
  const { desired } = await db.transaction((tx) =>
    saveDraftDays(tx, { familyId: user.familyId, today: today(), now: now(), input }),
  );
  const dates = new Set(input.days.map((d) => d.date));
  return { saved: desired.filter((r) => dates.has(r.date)) };
});

/** Étape 1, "Appliquer une périodicité". */
export const applyTemplateAction = parentAction(templateSchema, async (input, user) => {
  const db = await getDb();
  return db.transaction((tx) =>
    applyTemplateToDraft(tx, { familyId: user.familyId, today: today(), now: now(), input }),
  );
});

/** "Aller à l'étape 2". */
export async function goToRecapAction(formData: FormData): Promise<void> {
  const user = await requireParent();
  const requestId = idSchema.safeParse(formData.get('requestId'));
  if (!requestId.success) redirect('/');
  await loadDraft(await getDb(), { requestId: requestId.data, familyId: user.familyId, now: now() }).catch(() =>
    redirect('/'),
  );
  redirect(`/demarches/${requestId.data}/etape-2`);
}

/** "Annuler la démarche": nothing is changed, back to the child's page. */
export async function cancelDraftAction(formData: FormData): Promise<void> {
  const user = await requireParent();
  const requestId = idSchema.safeParse(formData.get('requestId'));
  if (!requestId.success) redirect('/');
  let childId: number | null = null;
  try {
    ({ childId } = await cancelDraft(await getDb(), {
      familyId: user.familyId,
      requestId: requestId.data,
      now: now(),
    }));
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
  }
  redirect(childId ? `/enfants/${childId}?annulee=1` : '/');
}

const submitSchema = z.object({ requestId: idSchema, version: versionSchema });

export interface SubmitState {
  formError?: string;
}

/** "Valider" (Étape 2): one transaction; then the acknowledgment e-mail leaves after the commit. */
export async function submitAction(_prev: SubmitState, formData: FormData): Promise<SubmitState> {
  const user = await requireParent();
  const parsed = submitSchema.safeParse({ requestId: formData.get('requestId'), version: formData.get('version') });
  if (!parsed.success)
    return { formError: 'Cette démarche est introuvable. Recommencez depuis « Gérer mes réservations ».' };
  try {
    await submitReservationRequest(await getDb(), {
      familyId: user.familyId,
      accountId: user.id,
      requestId: parsed.data.requestId,
      version: parsed.data.version,
      today: today(),
      now: now(),
      appUrl: env().APP_URL ?? 'http://localhost:3000',
    });
  } catch (error) {
    if (error instanceof UserError) {
      if (error.code === 'stale') redirect(`/demarches/${parsed.data.requestId}/etape-2?conflit=1`);
      return { formError: error.message };
    }
    console.error('[submit]', { family: user.familyId, request: parsed.data.requestId }, error);
    return { formError: GENERIC_ERROR };
  }
  after(() => kickDispatcher({ requestId: parsed.data.requestId }));
  redirect(`/demarches/${parsed.data.requestId}/confirmation`);
}

export type { ActionResult };
