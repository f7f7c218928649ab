// The waiting room's limit as staff set it on the dashboard: one row, written with its audit line in one
// transaction. Empty: back to the server's default (WAITING_ROOM_LIMIT, or no waiting room at all).
import { z } from 'zod';
import type { Db } from '@/db/client';
import { waitingRoomSettings } from '@/db/schema';
import { writeAudit, type StaffActor } from '@/lib/audit/write';
import { parseOrRefuse } from '@/lib/validation';

export const MAX_ACTIVE_LIMIT = 100_000;
const LIMIT_MESSAGE = `Le nombre maximal de parents actifs est un nombre entier de 1 à ${MAX_ACTIVE_LIMIT}, ou vide pour la valeur par défaut.`;

export const activeLimitSchema = z.object({
  activeLimit: z.preprocess(
    (v) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : v),
    z.coerce
      .number({ error: LIMIT_MESSAGE })
      .int(LIMIT_MESSAGE)
      .min(1, LIMIT_MESSAGE)
      .max(MAX_ACTIVE_LIMIT, LIMIT_MESSAGE)
      .nullable(),
  ),
});

/** The staff's limit, or null when they set none. */
export async function staffLimit(db: Db): Promise<number | null> {
  const [row] = await db.select({ activeLimit: waitingRoomSettings.activeLimit }).from(waitingRoomSettings);
  return row?.activeLimit ?? null;
}

export async function setActiveLimit(db: Db, actor: StaffActor, input: unknown, ctx: { now: Date }): Promise<void> {
  const { activeLimit } = parseOrRefuse(activeLimitSchema, input);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(waitingRoomSettings).for('update');
    const [after] = await tx
      .insert(waitingRoomSettings)
      .values({ id: 1, activeLimit, updatedAt: ctx.now, updatedBy: actor.id })
      .onConflictDoUpdate({
        target: waitingRoomSettings.id,
        set: { activeLimit, updatedAt: ctx.now, updatedBy: actor.id },
      })
      .returning();
    await writeAudit(tx, actor, {
      at: ctx.now,
      action: 'waiting_room.limit',
      entity: 'waiting_room_settings',
      entityId: 1,
      before: before ? { activeLimit: before.activeLimit } : null,
      after: { activeLimit: after!.activeLimit },
    });
  });
}
