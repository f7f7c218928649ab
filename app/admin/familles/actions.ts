'use server';

// Back office « Familles »: every action checks staff or admin (action()), calls one use-case, and answers in
// French. Acting for a family goes through lib/families/on-behalf (deadline waived, reason required); the démarche
// « Gérer les réservations » has its actions beside its pages ([id]/demarches/actions.ts).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { getDb } from '@/db/client';
import { z } from 'zod';
import { action } from '@/lib/action';
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
import { enrolOnBehalf, enrolOnBehalfSchema } from '@/lib/families/on-behalf';
import { refuseFamily, refuseFamilySchema, validateFamily, validateFamilySchema } from '@/lib/families/signups';
import { now, today } from '@/lib/clock';
import { kickDispatcher } from '@/lib/email/dispatcher';
import { requestBaseUrl } from '@/lib/email/base-url';

/** What a « Familles » form announces once done (admin-form.tsx): `done` fills its message's {value}. */
export interface FamilyAnswer {
  done: string;
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

/** « S'inscrire » for the family: the site chosen, the reason; then back to the child's page. */
export const enrolOnBehalfAction = action(
  { role: 'staff', input: enrolOnBehalfSchema },
  async (input, user): Promise<FamilyAnswer> => {
    const { reference, requestId } = await enrolOnBehalf(await getDb(), user, {
      input,
      today: today(),
      now: now(),
      appUrl: await requestBaseUrl(),
    });
    after(() => kickDispatcher({ requestId }));
    revalidatePath(`${familyPage(input.familyId)}/enfants/${input.childId}`);
    return { done: reference };
  },
);

/**
 * « Valider la famille » (a family that signed up itself): its sector is set; it may enrol from now on. Back to the
 * family's page, which says it.
 */
export const validateFamilyAction = action({ role: 'staff', input: validateFamilySchema }, async (input, user) => {
  await validateFamily(await getDb(), user, input, { now: now(), appUrl: await requestBaseUrl() });
  after(() => kickDispatcher({ familyId: input.familyId }));
  redirect(`${familyPage(input.familyId)}?fait=validation`);
});

/** « Refuser l'espace famille », with the reason the family reads. */
export const refuseFamilyAction = action({ role: 'staff', input: refuseFamilySchema }, async (input, user) => {
  await refuseFamily(await getDb(), user, input, { now: now(), appUrl: await requestBaseUrl() });
  after(() => kickDispatcher({ familyId: input.familyId }));
  redirect(`${familyPage(input.familyId)}?fait=refus`);
});
