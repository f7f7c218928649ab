// « Une place s'est libérée »: for 48 hours after a promotion the family may cancel that day without the deadline (it
// did not choose the moment the place came). The day is modifiable again on Étape 1, for removals only, until then.
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '@/db/client';
import type { IsoDate, ServiceKind } from '@/lib/planning';
import { PROMOTION_GRACE_MS } from './promote';

/** The children's promoted days still within 48 hours of their promotion, from tomorrow on, per child. One statement. */
export async function promotionGraceDays(
  db: Queryable,
  p: { childIds: readonly number[]; service: ServiceKind; today: IsoDate; now: Date },
): Promise<Map<number, Set<IsoDate>>> {
  const since = new Date(p.now.getTime() - PROMOTION_GRACE_MS).toISOString();
  const found = await rows<{ childId: number; date: IsoDate }>(
    db,
    sql`select child_id as "childId", to_char(date, 'YYYY-MM-DD') as date from waiting_entries
        where child_id = any(${`{${p.childIds.join(',')}}`}::int[]) and service = ${p.service} and status = 'promoted'
          and promoted_at > ${since}::timestamptz and date > ${p.today}`,
  );
  const out = new Map<number, Set<IsoDate>>();
  for (const f of found) out.set(f.childId, (out.get(f.childId) ?? new Set()).add(f.date));
  return out;
}

/** One child's promoted days within their 48 hours, for an actor held to the deadline (none for an agent). */
export async function childGraceDays(
  db: Queryable,
  p: { heldToDeadline: boolean; childId: number; service: ServiceKind; today: IsoDate; now: Date },
): Promise<Set<IsoDate>> {
  if (!p.heldToDeadline) return new Set();
  const found = await promotionGraceDays(db, { childIds: [p.childId], service: p.service, today: p.today, now: p.now });
  return found.get(p.childId) ?? new Set();
}

/**
 * The changed dates still held to the deadline: a promoted day within its 48 hours is let through when the change
 * only removes units (it is checked for every other reason, and for additions, as any day).
 */
export function datesHeldToDeadline(
  dates: readonly IsoDate[],
  grace: ReadonlySet<IsoDate>,
  /** the dates that gain a unit (booked or put on the waiting list) */
  adding: Iterable<IsoDate>,
): IsoDate[] {
  if (grace.size === 0) return [...dates];
  const gaining = new Set(adding);
  return dates.filter((d) => !grace.has(d) || gaining.has(d));
}

/** Étape 1: a promoted day within its 48 hours, greyed only by the deadline, is modifiable again. */
export function ungreyGraceDays(
  days: { date: IsoDate; greyed: string | null }[],
  grace: ReadonlySet<IsoDate>,
  /** the deadline's greyed label in the page's language */
  deadlineLabel: string,
): void {
  for (const day of days) if (grace.has(day.date) && day.greyed === deadlineLabel) day.greyed = null;
}
