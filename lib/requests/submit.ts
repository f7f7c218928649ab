// "Valider": the démarche is checked and written in one transaction, with a constant number of SQL
// statements whatever the number of dates. Any refusal writes nothing and names the dates and the reason.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { enrolments } from '@/db/schema';
import { errorText, UserError } from '@/lib/errors';
import { groupByDate, type IsoDate } from '@/lib/planning';
import { bookWithinCapacity } from '@/lib/reservations/capacity';
import { loadServiceCalendar } from '@/lib/reservations/calendar';
import { fullRefusal, invalidDaysRefusal, loadDraft, lockedDatesRefusal } from './drafts';
import { joinWaitingList, placesOfChild } from '@/lib/waiting-list/join';
import { childGraceDays, datesHeldToDeadline } from '@/lib/waiting-list/grace';
import { refillFreedPlaces } from '@/lib/waiting-list/promote';
import { submitRequest } from './lifecycle';
import { calendarFor, type DemarchePolicy } from './policy';
import { computeRecap } from './recap';

/** The pages show it above a recap that is up to date again. */
export const STALE_MESSAGE = errorText('stale');

export interface SubmitInput {
  /** who validates: the deadline they are held to, whether a reason is required, the author recorded */
  policy: DemarchePolicy;
  requestId: number;
  /** planning version shown on the recap */
  version: number;
  today: IsoDate;
  now: Date;
  appUrl: string;
  /** the reason given at « Valider » (required by the agent's policy) */
  reason?: string;
}

export interface SubmitResult {
  reference: string;
  alreadySubmitted: boolean;
  added: number;
  removed: number;
  /** days put on the waiting list */
  waiting: number;
}

function asJson(list: { date: IsoDate; unit: string }[]): string {
  return JSON.stringify(list.map((r) => ({ date: r.date, unit: r.unit })));
}

export async function submitReservationRequest(db: Db, p: SubmitInput): Promise<SubmitResult> {
  const { policy } = p;
  const reason = policy.reasonRequired ? (p.reason ?? '').trim() : null;
  if (reason === '') throw new UserError('request_reason_required');
  return db.transaction(async (tx) => {
    const draft = await loadDraft(tx, { requestId: p.requestId, policy, now: p.now, forUpdate: true });
    // The same draft validated twice (double click, two tabs): the first commit wins, the second reads it.
    if (draft.status === 'submitted')
      return { reference: draft.reference!, alreadySubmitted: true, added: 0, removed: 0, waiting: 0 };
    if (draft.status === 'cancelled') throw new UserError('draft_cancelled');

    // Racing validations of one child's planning queue here, one after the other.
    const [enrolment] = await tx
      .select({ planningVersion: enrolments.planningVersion })
      .from(enrolments)
      .where(eq(enrolments.id, draft.enrolment.id))
      .for('update');
    if (!enrolment || enrolment.planningVersion !== p.version) throw new UserError('stale');

    const cal = calendarFor(
      policy,
      await loadServiceCalendar(tx, {
        schoolYearId: draft.enrolment.schoolYearId,
        service: draft.service,
        siteId: draft.enrolment.siteId,
      }),
    );
    const recap = await computeRecap(tx, draft, { cal, version: enrolment.planningVersion });
    const { added, removed, waiting } = recap;
    if (added.length + removed.length + waiting.length === 0) {
      throw new UserError('request_empty');
    }

    const changedDates = [...recap.changes.map((c) => c.date), ...waiting.map((w) => w.date)];
    // a day promoted from the waiting list may be cancelled without the deadline for 48 hours (the parent's only)
    const grace = await childGraceDays(tx, {
      heldToDeadline: policy.deadline === 'calendar',
      childId: draft.childId,
      service: draft.service,
      today: p.today,
      now: p.now,
    });
    const locked = lockedDatesRefusal(
      draft.service,
      cal,
      datesHeldToDeadline(changedDates, grace, [...added.map((r) => r.date), ...waiting.map((w) => w.date)]),
      { today: p.today, now: p.now },
      policy,
    );
    if (locked) throw locked;
    // a waiting day is checked as it will be once its units are booked
    const byDate = groupByDate([
      ...recap.desired,
      ...waiting.flatMap((w) => w.units.map((unit) => ({ date: w.date, unit }))),
    ]);
    const invalid = invalidDaysRefusal(
      draft.service,
      changedDates.map((date) => ({ date, units: byDate.get(date) ?? [] })),
    );
    if (invalid) throw invalid;

    // The statements below run whatever the change (an empty list costs nothing): the count stays constant.
    // The additions are booked last but the refill (bookWithinCapacity), so the site's capacity turn is held briefly.
    const siteId = draft.enrolment.siteId;
    await tx.execute(sql`delete from reservations r
      using jsonb_to_recordset(${asJson(removed)}::jsonb) as x(date date, unit unit)
      where r.child_id = ${draft.childId} and r.service = ${draft.service} and r.date = x.date and r.unit = x.unit`);
    await tx
      .update(enrolments)
      .set({ planningVersion: sql`${enrolments.planningVersion} + 1` })
      .where(eq(enrolments.id, draft.enrolment.id));
    // « Liste d'attente »: the days asked wait in line (2 statements, none without)
    const positions =
      waiting.length > 0
        ? await joinWaitingList(tx, {
            familyId: policy.familyId,
            service: draft.service,
            siteId,
            schoolYearId: draft.enrolment.schoolYearId,
            entries: waiting.map((w) => ({ ...w, childId: draft.childId, requestId: draft.id })),
            now: p.now,
          })
        : undefined;

    const { reference } = await submitRequest(tx, {
      type: 'reservation',
      requestId: draft.id,
      familyId: policy.familyId,
      childId: draft.childId,
      childName: `${draft.childFirstName} ${draft.childLastName}`,
      service: draft.service,
      siteId,
      diff: waiting.length > 0 ? { added, removed, waiting } : { added, removed },
      waitingPositions: placesOfChild(positions, draft.childId),
      accountId: policy.accountId,
      today: p.today,
      now: p.now,
      appUrl: p.appUrl,
      onBehalf: policy.onBehalf ? { agentName: policy.onBehalf.agentName, reason: reason ?? '' } : undefined,
      audit: (reference) => ({
        action: 'reservations.replace',
        entity: 'request',
        entityId: draft.id,
        before: { childId: draft.childId, service: draft.service, removed },
        after: {
          childId: draft.childId,
          service: draft.service,
          added,
          ...(waiting.length > 0 && { waiting }),
          reference,
          reason,
        },
      }),
    });
    // Capacity: the additions, all or none, in the site's turn (any refusal rolls back everything above)
    const bookings = added.map((r) => ({ childId: draft.childId, requestId: draft.id, date: r.date, unit: r.unit }));
    const refusal = fullRefusal(await bookWithinCapacity(tx, { siteId, service: draft.service, added: bookings }));
    if (refusal) throw refusal;
    // the places this validation freed go to the waiting list, in the same transaction (after the additions: a
    // waiting child's units booked just now are held, not booked twice)
    await refillFreedPlaces(
      tx,
      { siteId, service: draft.service, dates: [...new Set(removed.map((r) => r.date))] },
      { today: p.today, now: p.now, appUrl: p.appUrl, actor: { id: policy.accountId } },
    );
    return {
      reference,
      alreadySubmitted: false,
      added: added.length,
      removed: removed.length,
      waiting: waiting.length,
    };
  });
}
