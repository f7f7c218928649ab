'use server';

// Back office « Familles »: every action checks staff or admin (requireStaff / staffAction), calls one use-case,
// and answers in French. Acting for a family goes through lib/families/on-behalf (deadline waived, reason required).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { getDb } from '@/db/client';
import { staffAction } from '@/lib/action';
import { addChild, addParent, createFamily, setFamilySector } from '@/lib/families/families';
import {
  agentSaveDaysSchema,
  agentTemplateSchema,
  applyTemplateOnBehalf,
  enrolOnBehalf,
  loadAgentDraft,
  saveDaysOnBehalf,
  startReservationOnBehalf,
  submitReservationOnBehalf,
} from '@/lib/families/on-behalf';
import { idSchema } from '@/lib/ids';
import { childPageErrorCode } from '@/lib/families/child-page-errors';
import { requireStaff } from '@/lib/auth/session';
import { now, today } from '@/lib/clock';
import { kickDispatcher } from '@/lib/email/dispatcher';
import { env } from '@/lib/env';
import { GENERIC_ERROR, UserError } from '@/lib/errors';
import { cancelDraft } from '@/lib/requests/drafts';

export interface FormState {
  formError?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  done?: string;
}

const appUrl = () => env().APP_URL ?? 'http://localhost:3000';
const str = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
};

/** A refusal the agent reads (with the fields it concerns), or our bug: logged, and a generic message. */
function refusal(error: unknown, context: Record<string, unknown>): FormState {
  if (error instanceof UserError) {
    return { formError: error.message, fieldErrors: error.fieldErrors };
  }
  console.error('[admin familles]', context, error);
  return { formError: GENERIC_ERROR };
}

function parentFrom(formData: FormData, prefix: string) {
  return {
    firstName: str(formData, `${prefix}firstName`),
    lastName: str(formData, `${prefix}lastName`),
    email: str(formData, `${prefix}email`),
    phone: str(formData, `${prefix}phone`),
  };
}

function childFrom(formData: FormData, prefix: string) {
  return {
    firstName: str(formData, `${prefix}firstName`),
    lastName: str(formData, `${prefix}lastName`),
    birthDate: str(formData, `${prefix}birthDate`),
    schoolId: str(formData, `${prefix}schoolId`),
    classLevel: str(formData, `${prefix}classLevel`),
  };
}

/** « Créer une famille »: the family, its first parent and the children whose lines are filled in. */
export async function createFamilyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireStaff();
  const kids = [0, 1]
    .map((i) => childFrom(formData, `child${i}.`))
    .filter((c) => Object.values(c).some((v) => v.trim() !== ''));
  let familyId: number;
  try {
    ({ familyId } = await createFamily(
      await getDb(),
      user,
      {
        name: str(formData, 'name'),
        address: str(formData, 'address'),
        postalCode: str(formData, 'postalCode'),
        city: str(formData, 'city'),
        sectorId: str(formData, 'sectorId'),
        parent: parentFrom(formData, 'parent.'),
        children: kids,
      },
      { now: now() },
    ));
  } catch (error) {
    return refusal(error, { user: user.id });
  }
  redirect(`/admin/familles/${familyId}`);
}

export async function addParentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireStaff();
  const familyId = str(formData, 'familyId');
  try {
    await addParent(await getDb(), user, { familyId, ...parentFrom(formData, '') }, { now: now() });
  } catch (error) {
    return refusal(error, { user: user.id, familyId });
  }
  revalidatePath(`/admin/familles/${familyId}`);
  return { done: 'parent' };
}

export async function addChildAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireStaff();
  const familyId = str(formData, 'familyId');
  try {
    await addChild(await getDb(), user, { familyId, ...childFrom(formData, '') }, { now: now() });
  } catch (error) {
    return refusal(error, { user: user.id, familyId });
  }
  revalidatePath(`/admin/familles/${familyId}`);
  return { done: 'child' };
}

export async function setSectorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireStaff();
  const familyId = str(formData, 'familyId');
  try {
    await setFamilySector(await getDb(), user, { familyId, sectorId: str(formData, 'sectorId') }, { now: now() });
  } catch (error) {
    return refusal(error, { user: user.id, familyId });
  }
  revalidatePath(`/admin/familles/${familyId}`);
  return { done: 'sector' };
}

/** « Gérer les réservations » for the family: the agent's draft, then Étape 1. */
export async function startOnBehalfAction(formData: FormData): Promise<void> {
  const user = await requireStaff();
  const input = {
    familyId: str(formData, 'familyId'),
    childId: str(formData, 'childId'),
    service: str(formData, 'service'),
  };
  let target: string;
  try {
    const { requestId, familyId } = await startReservationOnBehalf(await getDb(), user, {
      input,
      today: today(),
      now: now(),
    });
    target = `/admin/familles/${familyId}/demarches/${requestId}/etape-1`;
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    // a code only: the child's page has the sentence (lib/families/child-page-errors.ts)
    const childPage = `/admin/familles/${Number(input.familyId) || ''}/enfants/${Number(input.childId) || ''}`;
    target = `${childPage}?erreur=${childPageErrorCode(error)}`;
  }
  redirect(target);
}

/** Étape 1, day by day (deadline waived). */
export const saveDaysOnBehalfAction = staffAction(agentSaveDaysSchema, async (input, user) => {
  const { desired } = await saveDaysOnBehalf(await getDb(), user, { input, today: today(), now: now() });
  const dates = new Set(input.days.map((d) => d.date));
  return { saved: desired.filter((r) => dates.has(r.date)) };
});

/** Étape 1, « Appliquer une périodicité » (deadline waived). */
export const applyTemplateOnBehalfAction = staffAction(agentTemplateSchema, async (input, user) =>
  applyTemplateOnBehalf(await getDb(), user, { input, today: today(), now: now() }),
);

function draftIds(formData: FormData): { familyId: number; requestId: number } | null {
  const familyId = idSchema.safeParse(formData.get('familyId'));
  const requestId = idSchema.safeParse(formData.get('requestId'));
  return familyId.success && requestId.success ? { familyId: familyId.data, requestId: requestId.data } : null;
}

/** « Aller à l'étape 2 ». */
export async function goToRecapOnBehalfAction(formData: FormData): Promise<void> {
  const user = await requireStaff();
  const ids = draftIds(formData);
  if (!ids) redirect('/admin/familles');
  await loadAgentDraft(await getDb(), { agentId: user.id, ...ids, now: now() }).catch(() =>
    redirect('/admin/familles'),
  );
  redirect(`/admin/familles/${ids.familyId}/demarches/${ids.requestId}/etape-2`);
}

/** « Annuler la démarche »: nothing is changed, back to the child's page. */
export async function cancelOnBehalfAction(formData: FormData): Promise<void> {
  const user = await requireStaff();
  const ids = draftIds(formData);
  if (!ids) redirect('/admin/familles');
  let childId: number | null = null;
  try {
    const db = await getDb();
    await loadAgentDraft(db, { agentId: user.id, ...ids, now: now() });
    ({ childId } = await cancelDraft(db, { familyId: ids.familyId, requestId: ids.requestId, now: now() }));
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
  }
  redirect(childId ? `/admin/familles/${ids.familyId}/enfants/${childId}` : `/admin/familles/${ids.familyId}`);
}

/** « Valider » with the reason (Étape 2). */
export async function submitOnBehalfAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireStaff();
  const input = {
    familyId: str(formData, 'familyId'),
    requestId: str(formData, 'requestId'),
    version: str(formData, 'version'),
    reason: str(formData, 'reason'),
  };
  let target: string;
  try {
    const result = await submitReservationOnBehalf(await getDb(), user, {
      input,
      today: today(),
      now: now(),
      appUrl: appUrl(),
    });
    target = `/admin/familles/${result.familyId}/demarches/${result.requestId}/confirmation`;
    after(() => kickDispatcher({ requestId: result.requestId }));
  } catch (error) {
    if (error instanceof UserError && error.code === 'stale') {
      redirect(`/admin/familles/${Number(input.familyId)}/demarches/${Number(input.requestId)}/etape-2?conflit=1`);
    }
    return refusal(error, { user: user.id, ...input });
  }
  redirect(target);
}

/** « S'inscrire » for the family: the site chosen, the reason; then back to the child's page. */
export async function enrolOnBehalfAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireStaff();
  const input = {
    familyId: str(formData, 'familyId'),
    childId: str(formData, 'childId'),
    service: str(formData, 'service'),
    siteId: str(formData, 'siteId'),
    reason: str(formData, 'reason'),
  };
  try {
    const { reference, requestId } = await enrolOnBehalf(await getDb(), user, {
      input,
      today: today(),
      now: now(),
      appUrl: appUrl(),
    });
    after(() => kickDispatcher({ requestId }));
    revalidatePath(`/admin/familles/${Number(input.familyId)}/enfants/${Number(input.childId)}`);
    return { done: reference };
  } catch (error) {
    return refusal(error, { user: user.id, ...input });
  }
}
