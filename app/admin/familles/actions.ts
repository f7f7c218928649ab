'use server';

// Back office « Familles »: every action checks staff or admin (action(), and for the démarche actions still
// requireStaff / staffAction until the démarche engine takes them), calls one use-case, and answers in French. Acting for a family goes through lib/families/on-behalf (deadline waived, reason required).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { getDb } from '@/db/client';
import { z } from 'zod';
import { action, staffAction } from '@/lib/action';
import {
  addChild,
  addChildSchema,
  addParent,
  addParentSchema,
  createFamily,
  createFamilySchema,
  setFamilySector,
  setSectorSchema,
} from '@/lib/families/families';
import {
  agentSaveDaysSchema,
  agentTemplateSchema,
  applyTemplateOnBehalf,
  enrolOnBehalf,
  enrolOnBehalfSchema,
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

/**
 * TRANSITION: the state of « Valider » for the family (submitOnBehalfAction, agent-validate-form.tsx), until the
 * démarche engine replaces it with lib/action's FormState. The other forms of this file answer that one already.
 */
export interface FormState {
  formError?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  done?: string;
}

/** What a « Familles » form announces once done (admin-form.tsx): `done` fills its message's {value}. */
export interface FamilyAnswer {
  done: string;
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

const familyPage = (familyId: number) => `/admin/familles/${familyId}`;

// « Créer une famille » names its fields parent.… and child0.…, child1.…: the children are the lines filled in
const createFamilyInput = z.preprocess((v) => {
  const { child0, child1, ...family } = (v ?? {}) as Record<string, unknown>;
  const filled = (line: unknown) =>
    typeof line === 'object' &&
    line !== null &&
    Object.values(line).some((value) => typeof value === 'string' && value.trim() !== '');
  return { ...family, children: [child0, child1].filter(filled) };
}, createFamilySchema);

/** « Créer une famille »: the family, its first parent and the children whose lines are filled in. */
export const createFamilyAction = action({ role: 'staff', input: createFamilyInput }, async (input, user) => {
  const { familyId } = await createFamily(await getDb(), user, input, { now: now() });
  redirect(familyPage(familyId));
});

export const addParentAction = action(
  { role: 'staff', input: addParentSchema },
  async (input, user): Promise<FamilyAnswer> => {
    await addParent(await getDb(), user, input, { now: now() });
    revalidatePath(familyPage(input.familyId));
    return { done: 'parent' };
  },
);

export const addChildAction = action(
  { role: 'staff', input: addChildSchema },
  async (input, user): Promise<FamilyAnswer> => {
    await addChild(await getDb(), user, input, { now: now() });
    revalidatePath(familyPage(input.familyId));
    return { done: 'child' };
  },
);

export const setSectorAction = action(
  { role: 'staff', input: setSectorSchema },
  async (input, user): Promise<FamilyAnswer> => {
    await setFamilySector(await getDb(), user, input, { now: now() });
    revalidatePath(familyPage(input.familyId));
    return { done: 'sector' };
  },
);

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
export const enrolOnBehalfAction = action(
  { role: 'staff', input: enrolOnBehalfSchema },
  async (input, user): Promise<FamilyAnswer> => {
    const { reference, requestId } = await enrolOnBehalf(await getDb(), user, {
      input,
      today: today(),
      now: now(),
      appUrl: appUrl(),
    });
    after(() => kickDispatcher({ requestId }));
    revalidatePath(`${familyPage(input.familyId)}/enfants/${input.childId}`);
    return { done: reference };
  },
);
