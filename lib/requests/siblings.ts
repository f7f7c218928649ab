// Siblings in one démarche: « Gérer mes réservations » for several children of a family enrolled in the same service
// at the same site. Each child keeps a request of its own (its reference, its diff: history, « Mes demandes », the back
// office and the journal read it unchanged); the requests of one démarche are linked by group_id, the id of the lead
// request whose pages show them all (its own group_id is its id). « Valider » writes them all in one transaction, with
// a constant number of SQL statements whatever the number of children and dates, capacity counted for all the
// children together, and queues ONE acknowledgment listing each child's reference and changes.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { rows, type Db, type Queryable } from '@/db/client';
import { accounts, auditLog, children, enrolments, families, parents, sites } from '@/db/schema';
import { enqueueEmail } from '@/lib/email/outbox';
import { fieldError, innerRefusal, refusalParam, UserError } from '@/lib/errors';
import { idSchema } from '@/lib/ids';
import {
  addDays,
  bookablePredicate,
  daysBetween,
  groupByDate,
  SERVICE_LABELS,
  sortReservations,
  UNIT_LABELS,
  type IsoDate,
  type ServiceKind,
  type Unit,
} from '@/lib/planning';
import { referenceData } from '@/lib/calendar/reference-cache';
import { schoolYearSpanIn } from '@/lib/calendar/school-years';
import { bookWithinCapacity } from '@/lib/reservations/capacity';
import { joinWaitingList, splitWaiting } from '@/lib/waiting-list/join';
import { datesHeldToDeadline, promotionGraceDays } from '@/lib/waiting-list/grace';
import { refillFreedPlaces } from '@/lib/waiting-list/promote';
import { loadServiceCalendar, planningOptions, serviceCalendar } from '@/lib/reservations/calendar';
import {
  fullRefusal,
  invalidDaysRefusal,
  loadDraft,
  loadDraftGroup,
  lockedDatesRefusal,
  requireOpen,
  serviceParam,
  startReservationDraft,
  writePayload,
  type Draft,
} from './drafts';
import { calendarFor, type DemarchePolicy } from './policy';
import { replayOwnChanges } from './recap';
import type { SubmitInput, SubmitResult } from './submit';
import { changesByDate } from './types';
import { assertFamilyActive } from '@/lib/families/signups';

/** A démarche holds at most this many children (a family's siblings; a bound on what one « Valider » writes). */
export const MAX_SIBLINGS = 6;

/** « Léa, Hugo et Zoé » */
function namesOf(firstNames: string[]): string {
  return firstNames.length <= 1
    ? (firstNames[0] ?? '')
    : `${firstNames.slice(0, -1).join(', ')} et ${firstNames[firstNames.length - 1]}`;
}

/**
 * The family's children enrolled in the service at the same site as `childId` this school year (the child included),
 * in the order of the family: who « Gérer mes réservations » may take along. One query.
 */
export async function siblingsOf(
  db: Queryable,
  p: { familyId: number; childId: number; service: ServiceKind; schoolYearId: number },
): Promise<{ id: number; firstName: string; lastName: string }[]> {
  const site = sql`(select e.site_id from enrolments e
    where e.child_id = ${p.childId} and e.service = ${p.service} and e.school_year_id = ${p.schoolYearId})`;
  return db
    .select({ id: children.id, firstName: children.firstName, lastName: children.lastName })
    .from(children)
    .innerJoin(
      enrolments,
      and(
        eq(enrolments.childId, children.id),
        eq(enrolments.service, p.service),
        eq(enrolments.schoolYearId, p.schoolYearId),
      ),
    )
    .where(and(eq(children.familyId, p.familyId), sql`${enrolments.siteId} = ${site}`))
    .orderBy(children.birthDate, children.id);
}

/**
 * « Commencer » for one or several children: every child must be the family's (in the query), enrolled, at the same
 * site and with the same deadline, else nothing starts. Each child's draft is opened or resumed, then linked to the
 * first child's (the lead); a démarche of one child unlinks its draft, and any group it belonged to breaks up.
 */
export async function startSiblingDrafts(
  db: Queryable,
  p: {
    familyId: number;
    accountId: number;
    /** the child the parent started from comes first: its request leads */
    childIds: number[];
    service: ServiceKind;
    today: IsoDate;
    now: Date;
  },
): Promise<{ requestId: number; resumed: boolean }> {
  const childIds = [...new Set(p.childIds)];
  if (childIds.length === 0) throw new UserError('siblings_child_not_found');
  if (childIds.length > MAX_SIBLINGS) throw new UserError('siblings_too_many');
  // the reference data once for the whole « Commencer » (the year, each site's calendar, each child's draft)
  const reference = await referenceData(db);
  const year = schoolYearSpanIn(reference, p.today)?.year;
  if (!year) throw new UserError('no_year_for_reservations');
  const found = await db
    .select({
      id: children.id,
      firstName: children.firstName,
      siteId: enrolments.siteId,
      siteName: sites.name,
      familyStatus: families.status,
    })
    .from(children)
    .innerJoin(families, eq(families.id, children.familyId))
    .leftJoin(
      enrolments,
      and(eq(enrolments.childId, children.id), eq(enrolments.service, p.service), eq(enrolments.schoolYearId, year.id)),
    )
    .leftJoin(sites, eq(sites.id, enrolments.siteId))
    .where(and(inArray(children.id, childIds), eq(children.familyId, p.familyId)));
  // one child not the family's: the same refusal as a single child's démarche (nothing said of whose it is)
  if (found.length !== childIds.length)
    throw new UserError(childIds.length === 1 ? 'child_not_found' : 'siblings_child_not_found');
  const ordered = childIds.map((id) => found.find((c) => c.id === id)!);
  assertFamilyActive(ordered[0]!.familyStatus);
  for (const c of ordered) {
    if (c.siteId === null)
      throw new UserError('not_enrolled', { firstName: c.firstName, service: serviceParam(p.service) });
  }
  const siteIds = [...new Set(ordered.map((c) => c.siteId!))];
  const cals = siteIds.map((siteId) =>
    serviceCalendar(reference, { schoolYearId: year.id, service: p.service, siteId }),
  );
  const names = namesOf(ordered.map((c) => c.firstName));
  if (new Set(cals.map((c) => c.deadlineDays)).size > 1) throw new UserError('siblings_deadlines_differ', { names });
  if (siteIds.length > 1) {
    const siteNames = [...new Set(ordered.map((c) => c.siteName ?? ''))].join(', ');
    throw new UserError('siblings_sites_differ', { names, sites: siteNames });
  }

  const started: { requestId: number; resumed: boolean }[] = [];
  for (const childId of childIds) {
    started.push(await startReservationDraft(db, { ...p, childId }, reference));
  }
  const lead = started[0]!.requestId;
  const ids = sql.join(
    started.map((s) => sql`${s.requestId}`),
    sql`, `,
  );
  await db.execute(sql`update requests
    set group_id = case when id in (${ids}) then ${childIds.length > 1 ? lead : null}::int else null end
    where family_id = ${p.familyId} and status = 'draft' and not on_behalf
      and (id in (${ids}) or group_id in (${ids})
           or group_id in (select r.group_id from requests r where r.id in (${ids}) and r.group_id is not null))`);
  return { requestId: lead, resumed: started.every((s) => s.resumed) };
}

export const copyPlanningSchema = z
  .object({
    requestId: idSchema,
    targetRequestId: idSchema,
    from: z.iso.date(),
    to: z.iso.date(),
  })
  .refine((c) => c.from <= c.to, { message: fieldError('field_period_order'), path: ['to'] });

/**
 * « Même planning pour Hugo »: the days shown (a week, a month, a holiday period) of one child's draft are copied to a
 * sibling's draft of the same démarche, on the days the sibling may still change; other days stay as they are.
 */
export async function copyPlanning(
  db: Queryable,
  p: { policy: DemarchePolicy; today: IsoDate; now: Date; input: z.infer<typeof copyPlanningSchema> },
): Promise<{ targetRequestId: number; groupId: number; childId: number }> {
  const { input } = p;
  if (daysBetween(input.from, input.to) > 70) throw new UserError('siblings_copy_range');
  const source = await loadDraft(db, { requestId: input.requestId, policy: p.policy, now: p.now, forUpdate: true });
  const target = await loadDraft(db, {
    requestId: input.targetRequestId,
    policy: p.policy,
    now: p.now,
    forUpdate: true,
  });
  requireOpen(source);
  requireOpen(target);
  if (source.groupId === null || source.groupId !== target.groupId || source.id === target.id)
    throw new UserError('siblings_copy_not_in_group');
  const cal = calendarFor(
    p.policy,
    await loadServiceCalendar(db, {
      schoolYearId: target.enrolment.schoolYearId,
      service: target.service,
      siteId: target.enrolment.siteId,
    }),
  );
  const bookable = bookablePredicate(target.service, cal.cal, p.today, cal.deadlineDays, planningOptions(cal, p.now));
  const copied = new Set<IsoDate>();
  for (let d = input.from; d <= input.to; d = addDays(d, 1)) if (bookable(d)) copied.add(d);
  const desired = sortReservations([
    ...target.payload.desired.filter((r) => !copied.has(r.date)),
    ...source.payload.desired.filter((r) => copied.has(r.date)),
  ]);
  await writePayload(db, target, { ...target.payload, desired }, p.now);
  return { targetRequestId: target.id, groupId: source.groupId, childId: source.childId };
}

/** The version « Valider » sends for a group: planning versions only grow, so their sum moves when any one moves. */
export function groupVersion(drafts: readonly Draft[]): number {
  return drafts.reduce((sum, d) => sum + d.enrolment.planningVersion, 0);
}

function asJson(list: unknown[]): string {
  return JSON.stringify(list);
}

/**
 * « Valider » of a démarche for several children, in one transaction: the drafts and the plannings locked, every
 * child's changes checked as a démarche of one child is (open, modifiable dates; day rules), the capacity counted for
 * all of them together, then every child's reservations and request, the audit rows and ONE acknowledgment.
 * A child whose planning does not change leaves the démarche (its draft closed, no reference). Any refusal writes
 * nothing. 14 statements whatever the number of children and dates (the calendar read from memory).
 */
export async function submitSiblingRequests(db: Db, p: SubmitInput): Promise<SubmitResult & { references: string[] }> {
  const { policy } = p;
  return db.transaction(async (tx) => {
    const drafts = await loadDraftGroup(tx, { requestId: p.requestId, policy, now: p.now, forUpdate: true });
    const lead = drafts[0]!;
    // The same démarche validated twice: the first commit wins, the second reads it (the lead's own request may have
    // left it unchanged, closed: its siblings' references say it was validated).
    const references = drafts.filter((d) => d.status === 'submitted').map((d) => d.reference!);
    if (lead.status !== 'draft') {
      if (references.length === 0) throw new UserError('draft_cancelled');
      return { reference: references[0]!, references, alreadySubmitted: true, added: 0, removed: 0, waiting: 0 };
    }
    const open = drafts.filter((d) => d.status === 'draft');
    const names = namesOf(open.map((d) => d.childFirstName));
    // an enrolment moved to another site since « Commencer »: the children no longer go to the same place
    if (new Set(open.map((d) => `${d.enrolment.siteId}|${d.enrolment.schoolYearId}`)).size > 1) {
      throw new UserError('siblings_sites_differ', { names, sites: refusalParam('several_sites') });
    }

    // Racing validations of these children's plannings queue here, one after the other.
    const locked = await tx
      .select({ id: enrolments.id, planningVersion: enrolments.planningVersion })
      .from(enrolments)
      .where(
        inArray(
          enrolments.id,
          open.map((d) => d.enrolment.id),
        ),
      )
      .for('update');
    const version = locked.reduce((sum, e) => sum + e.planningVersion, 0);
    if (locked.length !== open.length || version !== p.version) throw new UserError('stale');

    const { siteId, schoolYearId } = lead.enrolment;
    const service = lead.service;
    const cal = calendarFor(policy, await loadServiceCalendar(tx, { schoolYearId, service, siteId }));
    const currentRows = await rows<{ childId: number; date: string; unit: Unit }>(
      tx,
      sql`select child_id as "childId", to_char(date, 'YYYY-MM-DD') as date, unit from reservations
          where child_id in (${sql.join(
            open.map((d) => sql`${d.childId}`),
            sql`, `,
          )})
            and service = ${service} and date between ${cal.schoolYear.yearStart} and ${cal.schoolYear.lastDay}`,
    );

    const perChild = open.map((draft) => {
      const current = sortReservations(currentRows.filter((r) => r.childId === draft.childId));
      const desired = replayOwnChanges(draft.payload.base, draft.payload.desired, current);
      // « Liste d'attente »: a waiting day's additions wait with it (lib/waiting-list/join.ts)
      return { draft, desired, ...splitWaiting({ current, desired, waiting: draft.payload.waiting }) };
    });
    const changes = (c: (typeof perChild)[number]) => c.added.length + c.removed.length + c.waiting.length;
    const changed = perChild.filter((c) => changes(c) > 0);
    const unchanged = perChild.filter((c) => changes(c) === 0);
    if (changed.length === 0) throw new UserError('request_empty');

    const at = { today: p.today, now: p.now };
    // a day promoted from the waiting list may be cancelled without the deadline for 48 hours (the parent's only)
    const grace =
      policy.deadline === 'calendar'
        ? await promotionGraceDays(tx, { childIds: changed.map((c) => c.draft.childId), service, ...at })
        : new Map<number, Set<string>>();
    for (const c of changed) {
      const dates = [...changesByDate(c).map((d) => d.date), ...c.waiting.map((w) => w.date)];
      const heldToDeadline = datesHeldToDeadline(dates, grace.get(c.draft.childId) ?? new Set(), [
        ...c.added.map((r) => r.date),
        ...c.waiting.map((w) => w.date),
      ]);
      // a waiting day is checked as it will be once its units are booked
      const byDate = groupByDate([
        ...c.desired,
        ...c.waiting.flatMap((w) => w.units.map((unit) => ({ date: w.date, unit }))),
      ]);
      const refusal =
        lockedDatesRefusal(service, cal, heldToDeadline, at, policy) ??
        invalidDaysRefusal(
          service,
          dates.map((date) => ({ date, units: byDate.get(date) ?? [] })),
        );
      if (refusal)
        throw new UserError('siblings_child_refusal', {
          name: c.draft.childFirstName,
          message: innerRefusal(refusal),
        });
    }

    // The additions are booked last but the refill (bookWithinCapacity), so the site's capacity turn is held briefly.
    const added = changed.flatMap((c) =>
      c.added.map((r) => ({ childId: c.draft.childId, requestId: c.draft.id, date: r.date, unit: r.unit })),
    );
    const removedRows = changed.flatMap((c) => c.removed.map((r) => ({ child_id: c.draft.childId, ...r })));
    await tx.execute(sql`delete from reservations r
      using jsonb_to_recordset(${asJson(removedRows)}::jsonb) as x(child_id int, date date, unit unit)
      where r.child_id = x.child_id and r.service = ${service} and r.date = x.date and r.unit = x.unit`);
    await tx
      .update(enrolments)
      .set({ planningVersion: sql`${enrolments.planningVersion} + 1` })
      .where(
        inArray(
          enrolments.id,
          changed.map((c) => c.draft.enrolment.id),
        ),
      );
    // « Liste d'attente »: every child's waiting days in line (2 statements, none without)
    const waitingEntries = changed.flatMap((c) =>
      c.waiting.map((w) => ({ ...w, childId: c.draft.childId, requestId: c.draft.id })),
    );
    const places =
      waitingEntries.length > 0
        ? await joinWaitingList(tx, {
            familyId: policy.familyId,
            service,
            siteId,
            schoolYearId,
            entries: waitingEntries,
            now: p.now,
          })
        : undefined;

    // The requests: each its own reference (DEM-<Paris year>-<sequence>) and diff, as lifecycle.submitRequest does.
    const diffs = changed.map((c) => ({
      id: c.draft.id,
      diff: {
        added: c.added.map(({ date, unit }) => ({ date, unit })),
        removed: c.removed.map(({ date, unit }) => ({ date, unit })),
        ...(c.waiting.length > 0 && { waiting: c.waiting }),
      },
    }));
    const year = p.today.slice(0, 4);
    const submitted = await rows<{ id: number; reference: string }>(
      tx,
      sql`update requests r
          set status = 'submitted',
              reference = 'DEM-' || ${year} || '-' || lpad(nextval('request_reference_seq')::text, 6, '0'),
              diff = x.diff, submitted_at = ${p.now.toISOString()}::timestamptz,
              updated_at = ${p.now.toISOString()}::timestamptz, expires_at = null, on_behalf = false, reason = null
          from jsonb_to_recordset(${asJson(diffs)}::jsonb) as x(id int, diff jsonb)
          where r.id = x.id and r.family_id = ${policy.familyId} and r.type = 'reservation' and r.status = 'draft'
          returning r.id, r.reference`,
    );
    if (submitted.length !== changed.length) throw new Error(`group ${lead.id}: not every request was an open draft`);
    const referenceOf = new Map(submitted.map((s) => [s.id, s.reference]));
    // a child without change leaves the démarche: its draft is closed, it gets no reference
    await tx.execute(sql`update requests set status = 'cancelled', updated_at = ${p.now.toISOString()}::timestamptz
      where family_id = ${policy.familyId} and status = 'draft'
        and id in (select value::int from jsonb_array_elements_text(${asJson(unchanged.map((c) => c.draft.id))}::jsonb))`);

    await tx.insert(auditLog).values(
      changed.map((c) => ({
        at: p.now,
        actorId: policy.accountId,
        actorRole: sql`(select ${accounts.role} from ${accounts} where ${accounts.id} = ${policy.accountId})`,
        action: 'reservations.replace' as const,
        entity: 'request' as const,
        entityId: String(c.draft.id),
        familyId: policy.familyId,
        before: { childId: c.draft.childId, service, removed: c.removed },
        after: {
          childId: c.draft.childId,
          service,
          added: c.added,
          ...(c.waiting.length > 0 && { waiting: c.waiting }),
          reference: referenceOf.get(c.draft.id),
          reason: null,
          groupId: lead.id,
        },
      })),
    );

    const [recipient] = await tx
      .select({ email: parents.email, firstName: parents.firstName, lastName: parents.lastName, siteName: sites.name })
      .from(parents)
      .innerJoin(sites, eq(sites.id, siteId))
      .where(eq(parents.familyId, policy.familyId))
      .orderBy(sql`(${parents.accountId} = ${policy.accountId}) desc nulls last`, parents.id)
      .limit(1);
    if (recipient) {
      await enqueueEmail(tx, {
        idempotencyKey: `request-group-${lead.id}-acknowledgment`,
        to: recipient.email,
        template: 'siblings-acknowledgment',
        requestId: lead.id,
        payload: {
          parentName: `${recipient.firstName} ${recipient.lastName}`,
          serviceLabel: SERVICE_LABELS[service],
          siteName: recipient.siteName,
          submittedAt: p.now.toISOString(),
          requests: changed.map((c) => ({
            reference: referenceOf.get(c.draft.id)!,
            childName: `${c.draft.childFirstName} ${c.draft.childLastName}`,
            changes: changesByDate(c).map((d) => ({
              date: d.date,
              added: d.added.map((u) => UNIT_LABELS[u]),
              removed: d.removed.map((u) => UNIT_LABELS[u]),
            })),
            link: `${p.appUrl}/enfants/${c.draft.childId}`,
            ...(c.waiting.length > 0 && {
              waiting: c.waiting.map((w) => ({
                date: w.date,
                units: w.units.map((u) => UNIT_LABELS[u]),
                position: places?.get(`${c.draft.childId}|${w.date}`) ?? 1,
              })),
            }),
          })),
        },
      });
    }
    // Capacity: every child's additions counted together (two children on the last place: refused), all or none, in
    // the site's turn (any refusal rolls back everything above)
    const refusal = fullRefusal(await bookWithinCapacity(tx, { siteId, service, added }));
    if (refusal) throw refusal;
    // the places these validations freed go to the waiting list, in the same transaction (after the additions: a
    // waiting child's units booked just now are held, not booked twice)
    await refillFreedPlaces(
      tx,
      { siteId, service, dates: [...new Set(removedRows.map((r) => r.date))] },
      { today: p.today, now: p.now, appUrl: p.appUrl, actor: { id: policy.accountId } },
    );
    const given = changed.map((c) => referenceOf.get(c.draft.id)!);
    return {
      reference: referenceOf.get(lead.id) ?? given[0]!,
      references: given,
      alreadySubmitted: false,
      added: added.length,
      removed: removedRows.length,
      waiting: waitingEntries.length,
    };
  });
}

/** Whether the draft leads a démarche of several children (its pages show them all). */
export function leadsSiblings(draft: Pick<Draft, 'id' | 'groupId'>): boolean {
  return draft.groupId === draft.id;
}
