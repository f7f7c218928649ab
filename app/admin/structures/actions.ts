'use server';

// Server actions of "Structures": each goes through staffAction (session, role, zod) and one use-case of lib/structures
// (one transaction with its audit row), then refreshes the page.
import { getDb } from '@/db/client';
import { staffAction, type ActionResult } from '@/lib/action';
import { now } from '@/lib/clock';
import {
  createSector,
  createSectorSchema,
  createSite,
  createSiteSchema,
  deleteSchema,
  deleteSector,
  deleteSite,
  updateSector,
  updateSectorSchema,
  updateSite,
  updateSiteSchema,
} from '@/lib/structures/structures';
import type { AdminFormState } from '../calendrier/admin-form';
import { fields, formState } from '../calendrier/form-state';

const toState = <T>(result: ActionResult<T>): AdminFormState => formState(result, '/admin/structures');

const newSector = staffAction(createSectorSchema, async (input, user) =>
  createSector(await getDb(), user, input, { now: now() }),
);
const editSector = staffAction(updateSectorSchema, async (input, user) =>
  updateSector(await getDb(), user, input, { now: now() }),
);
const removeSector = staffAction(deleteSchema, async (input, user) =>
  deleteSector(await getDb(), user, input, { now: now() }),
);
const newSite = staffAction(createSiteSchema, async (input, user) =>
  createSite(await getDb(), user, input, { now: now() }),
);
const editSite = staffAction(updateSiteSchema, async (input, user) =>
  updateSite(await getDb(), user, input, { now: now() }),
);
const removeSite = staffAction(deleteSchema, async (input, user) =>
  deleteSite(await getDb(), user, input, { now: now() }),
);

export async function createSectorAction(_: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return toState(await newSector(fields(formData)));
}
export async function updateSectorAction(_: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return toState(await editSector(fields(formData)));
}
export async function deleteSectorAction(_: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return toState(await removeSector(fields(formData)));
}
export async function createSiteAction(_: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return toState(await newSite(fields(formData)));
}
export async function updateSiteAction(_: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return toState(await editSite(fields(formData)));
}
export async function deleteSiteAction(_: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return toState(await removeSite(fields(formData)));
}
