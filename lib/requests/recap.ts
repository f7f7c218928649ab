// Step 2, "Le récapitulatif": what the draft changes on the child's planning as it is now.
// The parent's own changes (base → desired) are replayed on the current planning, so a change made
// meanwhile elsewhere (another tab, an agent) is neither lost nor silently undone.
import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { enrolments } from '@/db/schema';
import { diffReservations, sortReservations, type DayChange, type Reservation } from '@/lib/planning';
import { loadServiceCalendar, type ServiceCalendar } from '@/lib/reservations/calendar';
import { splitWaiting, type WaitingDay } from '@/lib/waiting-list/join';
import { childReservations, type Draft } from './drafts';
import { changesByDate } from './types';

export interface Recap {
  /** what « Valider » books and cancels, per date (a day put on the waiting list is not among them) */
  changes: DayChange[];
  added: Reservation[];
  removed: Reservation[];
  /** « Liste d'attente »: the days asked, each with the units that wait together */
  waiting: WaitingDay[];
  /** the planning version the recap was computed on: "Valider" sends it back */
  version: number;
  /** the planning changed since the draft began */
  rebased: boolean;
  desired: Reservation[];
  current: Reservation[];
}

/** desired' = (current − what the parent removed) ∪ what the parent added. */
export function replayOwnChanges(base: Reservation[], desired: Reservation[], current: Reservation[]): Reservation[] {
  const own = diffReservations(base, desired);
  const removed = new Set(own.removed.map((r) => `${r.date}|${r.unit}`));
  return sortReservations([...current.filter((r) => !removed.has(`${r.date}|${r.unit}`)), ...own.added]);
}

export async function computeRecap(
  db: Queryable,
  draft: Draft,
  given?: { cal: ServiceCalendar; version: number },
): Promise<Recap> {
  const version =
    given?.version ??
    (
      await db
        .select({ planningVersion: enrolments.planningVersion })
        .from(enrolments)
        .where(eq(enrolments.id, draft.enrolment.id))
    )[0]?.planningVersion ??
    0;
  const cal =
    given?.cal ??
    (await loadServiceCalendar(db, {
      schoolYearId: draft.enrolment.schoolYearId,
      service: draft.service,
      siteId: draft.enrolment.siteId,
    }));
  const current = await childReservations(db, {
    childId: draft.childId,
    service: draft.service,
    from: cal.schoolYear.yearStart,
    to: cal.schoolYear.lastDay,
  });
  const desired = replayOwnChanges(draft.payload.base, draft.payload.desired, current);
  const { added, removed, waiting } = splitWaiting({ current, desired, waiting: draft.payload.waiting });
  const meanwhile = diffReservations(draft.payload.base, current);
  return {
    // what « Valider » books and cancels: a waiting day's additions wait with it
    changes: changesByDate({ added, removed }),
    added,
    removed,
    waiting,
    desired,
    current,
    version,
    rebased: meanwhile.added.length + meanwhile.removed.length > 0,
  };
}
