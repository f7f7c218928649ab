// « Quitter la liste d'attente »: a parent takes a child's day off the waiting list, after a confirmation; and the
// entries whose day has come expire (a place is promoted until the day before, never on the day).
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { rows, type Db, type Queryable } from '@/db/client';
import { writeAudit } from '@/lib/audit/write';
import { UserError } from '@/lib/errors';
import { idSchema } from '@/lib/ids';
import type { IsoDate } from '@/lib/planning';
import { LINE_POSITION } from './join';
import { takeWaitingTurns } from './promote';

export const leaveWaitingListSchema = z.object({ entryId: idSchema });

/**
 * The family's own live entry leaves the list (ownership in the query). It takes the capacity turn of its site first,
 * so it never races a refill that is giving it a place. One transaction, 3 statements.
 */
export async function leaveWaitingList(
  db: Db,
  user: { id: number; familyId: number },
  input: z.infer<typeof leaveWaitingListSchema>,
  ctx: { now: Date },
): Promise<{ childId: number }> {
  return db.transaction(async (tx) => {
    await takeWaitingTurns(tx, sql`w.id = ${input.entryId} and w.family_id = ${user.familyId}`);
    const [left] = await rows<{ childId: number; date: IsoDate; service: string; units: string[] }>(
      tx,
      sql`update waiting_entries set status = 'left', closed_at = ${ctx.now.toISOString()}::timestamptz,
            closed_by = ${user.id}
          where id = ${input.entryId} and family_id = ${user.familyId} and status = 'waiting'
          returning child_id as "childId", to_char(date, 'YYYY-MM-DD') as date, service::text as service,
                    units::text[] as units`,
    );
    if (!left) throw new UserError('waiting_entry_gone');
    await writeAudit(
      tx,
      { id: user.id, role: 'parent' },
      {
        action: 'waiting_list.leave',
        entity: 'waiting_entry',
        entityId: input.entryId,
        familyId: user.familyId,
        before: { childId: left.childId, service: left.service, date: left.date, units: left.units },
        after: null,
        at: ctx.now,
      },
    );
    return { childId: left.childId };
  });
}

/** The entries whose day has come (today or before) expire. One statement; any instance may run it. */
export async function expireWaitingEntries(db: Queryable, p: { today: IsoDate; now: Date }): Promise<number> {
  const expired = await rows<{ id: number }>(
    db,
    sql`update waiting_entries set status = 'expired', closed_at = ${p.now.toISOString()}::timestamptz
        where status = 'waiting' and date <= ${p.today} returning id`,
  );
  return expired.length;
}

export interface FamilyWaitingEntry {
  id: number;
  childId: number;
  childName: string;
  service: 'cantine' | 'mercredi' | 'vacances';
  date: IsoDate;
  units: string[];
  position: number;
}

/** One of the family's live entries (ownership in the query), with its place in line, or null. */
export async function familyWaitingEntry(
  db: Queryable,
  p: { familyId: number; entryId: number; today: IsoDate },
): Promise<FamilyWaitingEntry | null> {
  const [found] = await rows<FamilyWaitingEntry>(
    db,
    sql`select w.id, w.child_id as "childId", c.first_name as "childName", w.service::text as service,
          to_char(w.date, 'YYYY-MM-DD') as date, w.units::text[] as units,
          ${LINE_POSITION} as position
        from waiting_entries w
        join children c on c.id = w.child_id
        where w.id = ${p.entryId} and w.family_id = ${p.familyId} and w.status = 'waiting' and w.date > ${p.today}`,
  );
  return found ?? null;
}
