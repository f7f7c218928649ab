// The draft of a "Gérer mes réservations" démarche lives on the server (refresh, back button, a phone that
// sleeps lose nothing): the planning at the start (base) and the planning the parent wants (desired).
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { rows, type Queryable } from '@/db/client';
import { children, enrolments, families, requests } from '@/db/schema';
import { dateParam, fieldError, said, UserError } from '@/lib/errors';
import { idSchema } from '@/lib/ids';
import {
  applyTemplate,
  bookablePredicate,
  diffReservations,
  formatDateLong,
  greyReason,
  groupByDate,
  greyWords,
  isUnit,
  pendingOpeningOf,
  sortReservations,
  SERVICE_LABELS,
  UNIT_LABELS,
  validateDay,
  type IsoDate,
  type Reservation,
  type ServiceKind,
  type Template,
  type Unit,
} from '@/lib/planning';
import { referenceData, type ReferenceData } from '@/lib/calendar/reference-cache';
import { schoolYearSpanIn } from '@/lib/calendar/school-years';
import {
  loadServiceCalendar,
  planningOptions,
  serviceCalendar,
  type ServiceCalendar,
} from '@/lib/reservations/calendar';
import { draftExpiresAt, isExpiredDraft, openOrResumeDraft } from './lifecycle';
import { calendarFor, refuses, type DemarchePolicy } from './policy';
import { assertFamilyActive } from '@/lib/families/signups';
import { childGraceDays, datesHeldToDeadline } from '@/lib/waiting-list/grace';

const reservationSchema = z.object({
  date: z.iso.date(),
  unit: z.enum(['matin', 'apres_midi', 'repas_classique', 'repas_sans_viande']),
});
export const draftPayloadSchema = z.object({
  base: z.array(reservationSchema).max(2000),
  desired: z.array(reservationSchema).max(2000),
  // « Liste d'attente »: the full units the parent asks to wait for, per day (drafts of before have none)
  waiting: z.array(reservationSchema).max(400).default([]),
});
export type DraftPayload = z.infer<typeof draftPayloadSchema>;

export interface Draft {
  id: number;
  familyId: number;
  /** the family's name (the démarche's pages head with it) */
  familyName: string;
  childId: number;
  childFirstName: string;
  childLastName: string;
  service: ServiceKind;
  status: 'draft' | 'submitted' | 'cancelled';
  reference: string | null;
  expiresAt: Date | null;
  payload: DraftPayload;
  /** siblings in one démarche: the id of the group's lead request (its own when it leads), else null */
  groupId: number | null;
  enrolment: { id: number; siteId: number; schoolYearId: number; planningVersion: number };
}

function enrolmentMissing(firstName: string, service: ServiceKind): UserError {
  return new UserError('not_enrolled', { firstName, service: serviceParam(service) });
}

/** The full dates of a refusal: « mercredi 13 janvier 2027 (matin) », said again in the request's language. */
function fullDatesParam(full: readonly { date: IsoDate; unit: Unit }[]) {
  return said(full.map((f) => `${formatDateLong(f.date)} (${UNIT_LABELS[f.unit].toLowerCase()})`).join(', '), (s) =>
    full.map((f) => `${s.words.dateLong(f.date)} (${s.words.unit(f.unit).toLocaleLowerCase()})`).join(', '),
  );
}

/** « Valider »'s refusal of the units over their capacity (bookWithinCapacity's answer), or null when none is. */
export function fullRefusal(full: readonly { date: IsoDate; unit: Unit }[]): UserError | null {
  if (full.length === 0) return null;
  return new UserError(
    full.length === 1 ? 'date_full' : 'dates_full',
    { dates: fullDatesParam(full) },
    { details: full },
  );
}

/** A service inside a refusal: « l'accueil de loisirs du mercredi », 'the Wednesday leisure centre'. */
export function serviceParam(service: ServiceKind) {
  return said(SERVICE_LABELS[service].toLowerCase(), (s) => s.words.service(service));
}

/** The child's reservations of a service over a school year, sorted. */
export async function childReservations(
  db: Queryable,
  p: { childId: number; service: ServiceKind; from: IsoDate; to: IsoDate },
): Promise<Reservation[]> {
  const found = await rows<{ date: string; unit: Unit }>(
    db,
    sql`select to_char(date, 'YYYY-MM-DD') as date, unit from reservations
        where child_id = ${p.childId} and service = ${p.service} and date between ${p.from} and ${p.to}`,
  );
  return sortReservations(found);
}

/**
 * "Commencer": opens a draft for the family's enrolled child, or resumes the one already open. `reference`: the
 * reference data its caller has already read in the same transaction (« Commencer » for siblings), else read here.
 */
export async function startReservationDraft(
  db: Queryable,
  p: {
    familyId: number;
    accountId: number;
    childId: number;
    service: ServiceKind;
    today: IsoDate;
    now: Date;
    /** an agent acting for the family: resumes only the agent's own draft */
    onBehalf?: boolean;
  },
  reference?: ReferenceData,
): Promise<{ requestId: number; resumed: boolean }> {
  const data = reference ?? (await referenceData(db));
  const year = schoolYearSpanIn(data, p.today)?.year;
  if (!year) throw new UserError('no_year_for_reservations');
  const [child] = await db
    .select({
      id: children.id,
      firstName: children.firstName,
      enrolmentId: enrolments.id,
      planningVersion: enrolments.planningVersion,
      siteId: enrolments.siteId,
      familyStatus: families.status,
    })
    .from(children)
    .innerJoin(families, eq(families.id, children.familyId))
    .leftJoin(
      enrolments,
      and(eq(enrolments.childId, children.id), eq(enrolments.service, p.service), eq(enrolments.schoolYearId, year.id)),
    )
    .where(and(eq(children.id, p.childId), eq(children.familyId, p.familyId)));
  if (!child) throw new UserError('child_not_found');
  assertFamilyActive(child.familyStatus);
  if (child.enrolmentId === null) throw enrolmentMissing(child.firstName, p.service);

  const key = { ...p, type: 'reservation' as const, onBehalf: Boolean(p.onBehalf) };
  return openOrResumeDraft(db, key, async () => {
    const cal = serviceCalendar(data, { schoolYearId: year.id, service: p.service, siteId: child.siteId });
    const current = await childReservations(db, {
      childId: p.childId,
      service: p.service,
      from: cal.schoolYear.yearStart,
      to: cal.schoolYear.lastDay,
    });
    const payload: DraftPayload = { base: current, desired: current, waiting: [] };
    return { schoolYearId: year.id, payload, baseVersion: child.planningVersion ?? undefined };
  });
}

/** Which of the family's requests the actor may load: the family's own, or the agent's own from the desk. */
function reachableBy(policy: DemarchePolicy): SQL {
  return policy.drafts.onBehalf
    ? and(eq(requests.onBehalf, true), eq(requests.createdBy, policy.drafts.createdBy))!
    : eq(requests.onBehalf, false);
}

type DraftRow = {
  id: number;
  familyId: number;
  familyName: string;
  childId: number;
  service: ServiceKind;
  status: 'draft' | 'submitted' | 'cancelled';
  reference: string | null;
  expiresAt: Date | null;
  payload: unknown;
  groupId: number | null;
  firstName: string;
  lastName: string;
  enrolmentId: number | null;
  siteId: number | null;
  schoolYearId: number | null;
  planningVersion: number | null;
};

/**
 * The actor's reservation drafts matching `which` (the family and the author in the query), in id order, each with its
 * child and its enrolment. One statement whatever their number.
 */
async function selectDrafts(
  db: Queryable,
  p: { which: SQL; policy: DemarchePolicy; forUpdate?: boolean },
): Promise<DraftRow[]> {
  const query = db
    .select({
      id: requests.id,
      familyId: requests.familyId,
      familyName: families.name,
      childId: requests.childId,
      service: requests.service,
      status: requests.status,
      reference: requests.reference,
      expiresAt: requests.expiresAt,
      payload: requests.payload,
      groupId: requests.groupId,
      firstName: children.firstName,
      lastName: children.lastName,
      enrolmentId: enrolments.id,
      siteId: enrolments.siteId,
      schoolYearId: enrolments.schoolYearId,
      planningVersion: enrolments.planningVersion,
    })
    .from(requests)
    .innerJoin(children, and(eq(children.id, requests.childId), eq(children.familyId, requests.familyId)))
    .innerJoin(families, eq(families.id, requests.familyId))
    .leftJoin(
      enrolments,
      and(
        eq(enrolments.childId, requests.childId),
        eq(enrolments.service, requests.service),
        eq(enrolments.schoolYearId, requests.schoolYearId),
      ),
    )
    .where(
      and(p.which, eq(requests.familyId, p.policy.familyId), eq(requests.type, 'reservation'), reachableBy(p.policy)),
    )
    .orderBy(requests.id);
  return p.forUpdate ? await query.for('update', { of: requests }) : await query;
}

/** A row of selectDrafts as a Draft, refused when expired or when the child is no longer enrolled. */
function toDraft(row: DraftRow, now: Date): Draft {
  if (isExpiredDraft(row, now)) {
    throw new UserError('draft_expired');
  }
  if (row.enrolmentId === null || row.siteId === null || row.schoolYearId === null || row.planningVersion === null) {
    throw enrolmentMissing(row.firstName, row.service);
  }
  const payload = draftPayloadSchema.safeParse(row.payload);
  if (!payload.success) throw new Error(`draft ${row.id} holds an invalid payload`);
  return {
    id: row.id,
    familyId: row.familyId,
    familyName: row.familyName,
    childId: row.childId,
    childFirstName: row.firstName,
    childLastName: row.lastName,
    service: row.service,
    status: row.status,
    reference: row.reference,
    expiresAt: row.expiresAt,
    payload: payload.data,
    groupId: row.groupId,
    enrolment: {
      id: row.enrolmentId,
      siteId: row.siteId,
      schoolYearId: row.schoolYearId,
      planningVersion: row.planningVersion,
    },
  };
}

function draftNotFound(policy: DemarchePolicy): UserError {
  return new UserError(policy.actor === 'agent' ? 'agent_draft_not_found' : 'draft_not_found');
}

/**
 * A draft the actor may load (the family and the author in the query); refuses unknown, foreign and expired drafts
 * alike: a parent never loads a draft an agent opened at the desk, an agent only the drafts it opened.
 */
export async function loadDraft(
  db: Queryable,
  p: { requestId: number; policy: DemarchePolicy; now: Date; forUpdate?: boolean },
): Promise<Draft> {
  const [row] = await selectDrafts(db, { ...p, which: eq(requests.id, p.requestId) });
  if (!row) throw draftNotFound(p.policy);
  return toDraft(row, p.now);
}

/**
 * The drafts of a démarche, lead first: the request of the URL and, when it leads siblings (its group id is its own),
 * the other children's requests of its group; one statement whatever their number. A member of someone else's group
 * comes alone (its pages lead to the group's).
 */
export async function loadDraftGroup(
  db: Queryable,
  p: { requestId: number; policy: DemarchePolicy; now: Date; forUpdate?: boolean },
): Promise<Draft[]> {
  const found = await selectDrafts(db, {
    ...p,
    which: or(eq(requests.id, p.requestId), eq(requests.groupId, p.requestId))!,
  });
  const lead = found.find((r) => r.id === p.requestId);
  if (!lead) throw draftNotFound(p.policy);
  const members = lead.groupId === lead.id ? found.filter((r) => r.id !== lead.id) : [];
  return [lead, ...members].map((r) => toDraft(r, p.now));
}

export function requireOpen(draft: Draft): void {
  if (draft.status === 'submitted')
    throw new UserError('draft_already_submitted', { reference: draft.reference ?? '' });
  if (draft.status === 'cancelled') throw new UserError('draft_cancelled');
}

/**
 * The refusal listing "date (raison)" for every date the actor may not change now, or null. `cal` is the actor's
 * calendar (calendarFor); `policy` given, the reasons it overrides at validation are let through. `now` is the instant
 * of the request: a day of a period whose bookings open later is refused until then, whatever the client sent.
 */
export function lockedDatesRefusal(
  kind: ServiceKind,
  cal: ServiceCalendar,
  dates: Iterable<IsoDate>,
  at: { today: IsoDate; now: Date },
  policy?: DemarchePolicy,
): UserError | null {
  const locked: { date: IsoDate; reason: NonNullable<ReturnType<typeof greyReason>> }[] = [];
  const options = planningOptions(cal, at.now);
  for (const date of [...new Set(dates)].sort()) {
    const reason = greyReason(kind, cal.cal, date, at.today, cal.deadlineDays, options);
    if (reason && (!policy || refuses(policy, reason))) locked.push({ date, reason });
  }
  if (locked.length === 0) return null;
  // « mercredi 13 janvier 2027 (hors délai) », said again in the request's language (the opening's day and hour too)
  const list = said(
    locked.map((l) => `${formatDateLong(l.date)} (${greyWords(l.reason, l.date, options)})`).join(', '),
    (s) =>
      locked
        .map((l) => {
          const why = s.words.greyedWords(l.reason, '', pendingOpeningOf(l.date, options));
          return `${s.words.dateLong(l.date)} (${why})`;
        })
        .join(', '),
  );
  return new UserError(locked.length === 1 ? 'date_locked' : 'dates_locked', { dates: list });
}

/** The refusal listing "date : message" for every day whose units break the day rules (lib/planning's words), or null. */
export function invalidDaysRefusal(kind: ServiceKind, days: { date: IsoDate; units: Unit[] }[]): UserError | null {
  const bad = days
    .map((d) => ({ date: d.date, message: validateDay(kind, d.units) }))
    .filter((d): d is { date: IsoDate; message: string } => d.message !== null);
  if (bad.length === 0) return null;
  const list = said(bad.map((d) => `${formatDateLong(d.date)} : ${d.message}`).join(' '), (s) =>
    bad.map((d) => `${s.words.dateLong(d.date)}: ${s.words.dayRule(d.message)}`).join(' '),
  );
  return new UserError('days_invalid', { days: list });
}

export const saveDaysSchema = z
  .object({
    requestId: idSchema,
    days: z
      .array(
        z.object({
          date: z.iso.date(fieldError('field_day_date')),
          units: z.array(z.string().max(32)).max(4),
          // « Liste d'attente – Matin – lundi 8 février 2027 »: full units the parent waits for that day
          waiting: z.array(z.string().max(32)).max(4).optional(),
        }),
      )
      .min(1, fieldError('field_days_none'))
      .max(62, fieldError('field_days_too_many')),
  })
  // the same day twice in one call: which units win would depend on the list's order, so the call is refused
  .superRefine(({ days }, ctx) => {
    const seen = new Set<string>();
    for (const { date } of days) {
      if (seen.has(date)) {
        ctx.addIssue({ code: 'custom', message: fieldError('field_day_twice', { date: dateParam(date) }) });
        return;
      }
      seen.add(date);
    }
  });

/** Step 1, day by day: sets the units of some days of the draft (open, modifiable, valid days only). */
export async function saveDraftDays(
  db: Queryable,
  p: { policy: DemarchePolicy; today: IsoDate; now: Date; input: z.infer<typeof saveDaysSchema> },
): Promise<{ desired: Reservation[] }> {
  const draft = await loadDraft(db, {
    requestId: p.input.requestId,
    policy: p.policy,
    now: p.now,
    forUpdate: true,
  });
  requireOpen(draft);
  const days = p.input.days.map((d) => {
    const waiting = d.waiting ?? [];
    if (!d.units.every(isUnit) || !waiting.every(isUnit))
      throw new UserError('unit_unknown_on_date', { date: dateParam(d.date) });
    // a unit is booked or waited for, not both
    return { date: d.date, units: d.units as Unit[], waiting: (waiting as Unit[]).filter((u) => !d.units.includes(u)) };
  });
  const cal = calendarFor(
    p.policy,
    await loadServiceCalendar(db, {
      schoolYearId: draft.enrolment.schoolYearId,
      service: draft.service,
      siteId: draft.enrolment.siteId,
    }),
  );
  // a day promoted from the waiting list may be cancelled without the deadline for 48 hours: a day that only loses
  // units it held is let through (« Valider » checks it again against the planning as it is then)
  const grace = await childGraceDays(db, {
    heldToDeadline: p.policy.deadline === 'calendar',
    childId: draft.childId,
    service: draft.service,
    today: p.today,
    now: p.now,
  });
  const held = groupByDate(draft.payload.base);
  const adding = days.flatMap((d) =>
    [...d.units, ...d.waiting].filter((u) => !(held.get(d.date) ?? []).includes(u)).map(() => d.date),
  );
  // step 1 holds everyone to their calendar; the policy's overrides apply at validation only
  const locked = lockedDatesRefusal(
    draft.service,
    cal,
    datesHeldToDeadline(
      days.map((d) => d.date),
      grace,
      adding,
    ),
    { today: p.today, now: p.now },
  );
  if (locked) throw locked;
  // the day as it will be once its waiting units are booked
  const invalid = invalidDaysRefusal(
    draft.service,
    days.map((d) => ({ date: d.date, units: [...d.units, ...d.waiting] })),
  );
  if (invalid) throw invalid;
  const touched = new Set(days.map((d) => d.date));
  const desired = sortReservations([
    ...draft.payload.desired.filter((r) => !touched.has(r.date)),
    ...days.flatMap((d) => d.units.map((unit) => ({ date: d.date, unit }))),
  ]);
  const waiting = sortReservations([
    ...draft.payload.waiting.filter((r) => !touched.has(r.date)),
    ...days.flatMap((d) => d.waiting.map((unit) => ({ date: d.date, unit }))),
  ]);
  await writePayload(db, draft, { ...draft.payload, desired, waiting }, p.now);
  return { desired };
}

const weekTemplateSchema = z.partialRecord(z.enum(['1', '2', '3', '4', '5']), z.array(z.string().max(32)).max(4));
export const templateSchema = z
  .object({
    requestId: idSchema,
    weeks: z.array(weekTemplateSchema).min(1).max(2),
    from: z.iso.date(fieldError('field_template_from')),
    to: z.iso.date(fieldError('field_template_to')),
  })
  .refine((t) => t.from <= t.to, { message: fieldError('field_period_order'), path: ['to'] });

/** "Appliquer une périodicité": replaces the draft's reservations on every open, modifiable date of the period. */
export async function applyTemplateToDraft(
  db: Queryable,
  p: { policy: DemarchePolicy; today: IsoDate; now: Date; input: z.infer<typeof templateSchema> },
): Promise<{ added: number; removed: number; from: IsoDate; to: IsoDate }> {
  const draft = await loadDraft(db, {
    requestId: p.input.requestId,
    policy: p.policy,
    now: p.now,
    forUpdate: true,
  });
  requireOpen(draft);
  const cal = calendarFor(
    p.policy,
    await loadServiceCalendar(db, {
      schoolYearId: draft.enrolment.schoolYearId,
      service: draft.service,
      siteId: draft.enrolment.siteId,
    }),
  );
  const { yearStart, lastDay } = cal.schoolYear;
  if (p.input.from < yearStart || p.input.to > lastDay) {
    throw new UserError('period_out_of_year', { start: dateParam(yearStart), end: dateParam(lastDay) });
  }
  const weeks = p.input.weeks.map((week, index) => {
    const out: Record<number, Unit[]> = {};
    for (const [weekday, units] of Object.entries(week)) {
      if (!cal.weekdays.includes(Number(weekday)) && units.length > 0) {
        throw new UserError('weekday_closed');
      }
      if (!units.every(isUnit)) throw new UserError('unit_unknown');
      const message = validateDay(draft.service, units as Unit[]);
      if (message)
        throw new UserError('week_day_invalid', {
          week: index + 1,
          rule: said(message, (s) => s.words.dayRule(message)),
        });
      out[Number(weekday)] = units as Unit[];
    }
    return out;
  });
  const template = { weeks, from: p.input.from, to: p.input.to } as Template;
  const desired = applyTemplate(
    draft.payload.desired,
    template,
    // a day of a period whose bookings open later is left as it is, like a day past the deadline
    bookablePredicate(draft.service, cal.cal, p.today, cal.deadlineDays, planningOptions(cal, p.now)),
  );
  await writePayload(db, draft, { ...draft.payload, desired }, p.now);
  const diff = diffReservations(draft.payload.desired, desired);
  return { added: diff.added.length, removed: diff.removed.length, from: p.input.from, to: p.input.to };
}

/** "Annuler la démarche": the draft is closed, nothing else changes. */
export async function cancelDraft(
  db: Queryable,
  p: { policy: DemarchePolicy; requestId: number; now: Date },
): Promise<{ childId: number }> {
  const draft = await loadDraft(db, { ...p, forUpdate: true });
  requireOpen(draft);
  await db
    .update(requests)
    .set({ status: 'cancelled', updatedAt: p.now })
    // siblings: « Annuler la démarche » closes every child's draft of the group
    .where(
      and(
        draft.groupId === null ? eq(requests.id, draft.id) : eq(requests.groupId, draft.groupId),
        eq(requests.familyId, p.policy.familyId),
        eq(requests.status, 'draft'),
      ),
    );
  return { childId: draft.childId };
}

export async function writePayload(db: Queryable, draft: Draft, payload: DraftPayload, now: Date): Promise<void> {
  await db
    .update(requests)
    .set({ payload, updatedAt: now, expiresAt: draftExpiresAt(now) })
    .where(and(eq(requests.id, draft.id), eq(requests.familyId, draft.familyId), eq(requests.status, 'draft')));
}
