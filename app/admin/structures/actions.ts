'use server';

// Server actions of "Structures": each goes through action() (session, role, zod, one FormState) and one use-case of
// lib/structures (one transaction with its audit row), then refreshes the page.
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { action, type StaffUser } from '@/lib/action';
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

/** One form of the page: its schema and use-case; a success refreshes the page, whose lists show it. */
function structureAction<S extends z.ZodType>(
  input: S,
  useCase: (
    db: Awaited<ReturnType<typeof getDb>>,
    user: StaffUser,
    input: z.infer<S>,
    ctx: { now: Date },
  ) => Promise<unknown>,
) {
  return action({ role: 'staff', input }, async (parsed, user) => {
    await useCase(await getDb(), user, parsed, { now: now() });
    revalidatePath('/admin/structures');
  });
}

export const createSectorAction = structureAction(createSectorSchema, createSector);
export const updateSectorAction = structureAction(updateSectorSchema, updateSector);
export const deleteSectorAction = structureAction(deleteSchema, deleteSector);
export const createSiteAction = structureAction(createSiteSchema, createSite);
export const updateSiteAction = structureAction(updateSiteSchema, updateSite);
export const deleteSiteAction = structureAction(deleteSchema, deleteSite);
