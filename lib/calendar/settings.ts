// Back office "Calendrier et paramètres": school years, holiday periods, booking deadlines, the canteen's open
// weekdays and site capacities. Each write is one transaction with its audit row; refusals are UserErrors in French.
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Queryable } from '@/db/client';
import {
  holidayPeriods,
  schoolYears,
  serviceSettings,
  siteCapacities,
  sites,
  type AuditAction,
  type AuditEntity,
} from '@/db/schema';
import { UserError } from '@/lib/errors';
import { idSchema } from '@/lib/ids';
import { isoDateField, parseOrRefuse, serviceSchema } from '@/lib/validation';
import {
  addDays,
  DEFAULT_DEADLINE_DAYS,
  DEFAULT_WEEKDAYS,
  formatDateLong,
  SERVICE_KINDS,
  UNIT_LABELS,
  unitsOf,
  type IsoDate,
  type ServiceKind,
  type StoredSchoolYear,
  type Unit,
} from '@/lib/planning';
import {
  confirmAndCancel,
  lockEnrolments,
  reservationsStrandedBy,
  type CancellationPreview,
} from '@/lib/calendar/cancellations';

import { writeAudit, type StaffActor } from '@/lib/audit/write';
import { FAR_FUTURE, refillFreedPlaces } from '@/lib/waiting-list/promote';

// ---------------------------------------------------------------------------------------------------------------
// Reading

export interface SchoolYearAdmin {
  id: number;
  label: string;
  yearStart: IsoDate;
  yearEnd: IsoDate;
  holidays: { id: number; label: string; start: IsoDate; end: IsoDate }[];
}

export async function listSchoolYears(db: Queryable): Promise<SchoolYearAdmin[]> {
  const [years, periods] = await Promise.all([
    db.select().from(schoolYears).orderBy(asc(schoolYears.yearStart)),
    db.select().from(holidayPeriods).orderBy(asc(holidayPeriods.start)),
  ]);
  return years.map((y) => ({
    ...y,
    holidays: periods
      .filter((p) => p.schoolYearId === y.id)
      .map(({ id, label, start, end }) => ({ id, label, start, end })),
  }));
}

/** Last day a school year covers: the end of its last holiday period (the summer), at least the day before yearEnd. */
export function lastDayOf(year: Pick<SchoolYearAdmin, 'yearEnd' | 'holidays'>): IsoDate {
  return year.holidays.reduce((last, h) => (h.end > last ? h.end : last), addDays(year.yearEnd, -1));
}

export interface ServiceSettingAdmin {
  service: ServiceKind;
  deadlineDays: number;
  openWeekdays: number[];
}

export async function listServiceSettings(db: Queryable): Promise<ServiceSettingAdmin[]> {
  const stored = await db.select().from(serviceSettings);
  return SERVICE_KINDS.map((service) => {
    const row = stored.find((s) => s.service === service);
    return {
      service,
      deadlineDays: row?.deadlineDays ?? DEFAULT_DEADLINE_DAYS,
      openWeekdays: row?.openWeekdays ?? [...DEFAULT_WEEKDAYS[service]],
    };
  });
}

/** Which services a site offers: a leisure centre the Wednesday and holiday centres, a school the canteen. */
export function servicesOfSite(kind: 'centre' | 'ecole'): ServiceKind[] {
  return kind === 'centre' ? ['mercredi', 'vacances'] : ['cantine'];
}

export interface SiteCapacityAdmin {
  id: number;
  kind: 'centre' | 'ecole';
  name: string;
  /** per service, per unit: the capacity, or null (no limit) */
  capacities: { service: ServiceKind; units: { unit: Unit; capacity: number | null }[] }[];
}

export async function listSiteCapacities(db: Queryable): Promise<SiteCapacityAdmin[]> {
  const [siteRows, caps] = await Promise.all([
    db
      .select({ id: sites.id, kind: sites.kind, name: sites.name })
      .from(sites)
      .orderBy(asc(sites.kind), asc(sites.name)),
    db.select().from(siteCapacities),
  ]);
  return siteRows.map((s) => ({
    ...s,
    capacities: servicesOfSite(s.kind).map((service) => ({
      service,
      units: unitsOf(service).map((unit) => ({
        unit,
        capacity: caps.find((c) => c.siteId === s.id && c.service === service && c.unit === unit)?.capacity ?? null,
      })),
    })),
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// Calendar changes that strand reservations (holiday periods, rentrée, end of the year): preview, then confirm

const truthy = z.preprocess((v) => v === true || v === 'true' || v === '1' || v === 'on', z.boolean());
/**
 * The second submit of a change that cancels reservations (a closure, a calendar change): `confirm`, after the agent
 * read the reservations concerned, and the fingerprint of what was read (a list changed since is shown again).
 */
export const confirmFields = { confirm: truthy.default(false), fingerprint: z.string().max(128).optional() };

export interface CalendarChangeContext {
  today: IsoDate;
  now: Date;
  appUrl: string;
}

/** Saved (with the reservations it cancelled), or the reservations it would cancel (nothing written). */
export type CalendarChangeResult =
  { status: 'saved'; id: number; cancelled: number; families: number } | CancellationPreview;

interface YearWithPeriods extends Omit<StoredSchoolYear, 'holidays'> {
  id: number;
  label: string;
  holidays: { id?: number; start: IsoDate; end: IsoDate; label: string }[];
}

/** A school year as stored, with its holiday periods (the input of buildSchoolCalendar). */
async function storedYear(db: Queryable, schoolYearId: number): Promise<YearWithPeriods> {
  const [year] = await db.select().from(schoolYears).where(eq(schoolYears.id, schoolYearId));
  if (!year) throw new UserError('school_year_not_found');
  const holidays = await db
    .select({
      id: holidayPeriods.id,
      start: holidayPeriods.start,
      end: holidayPeriods.end,
      label: holidayPeriods.label,
    })
    .from(holidayPeriods)
    .where(eq(holidayPeriods.schoolYearId, schoolYearId))
    .orderBy(asc(holidayPeriods.start));
  return { id: year.id, label: year.label, yearStart: year.yearStart, yearEnd: year.yearEnd, holidays };
}

/**
 * Writes a calendar change of one school year through confirmAndCancel: the reservations from today on that were on
 * an open date of their service and are not any more with the new calendar are listed first, then cancelled.
 */
async function changeCalendar(
  tx: Queryable,
  actor: StaffActor,
  p: {
    schoolYearId: number;
    before: StoredSchoolYear;
    after: StoredSchoolYear;
    confirm: boolean;
    fingerprint: string | undefined;
    ctx: CalendarChangeContext;
    entity: AuditEntity;
    reason: string;
    write: () => Promise<number>;
  },
): Promise<CalendarChangeResult> {
  if (p.confirm) await lockEnrolments(tx, { schoolYearId: p.schoolYearId });
  const affected = await reservationsStrandedBy(tx, { before: p.before, after: p.after, from: p.ctx.today });
  const batch = affected.reduce((min, r) => Math.min(min, r.id), Number.MAX_SAFE_INTEGER);
  const outcome = await confirmAndCancel(tx, actor, {
    schoolYearId: p.schoolYearId,
    affected,
    confirm: p.confirm,
    fingerprint: p.fingerprint,
    now: p.ctx.now,
    appUrl: p.ctx.appUrl,
    write: p.write,
    notice: (id) => ({
      auditAction: 'reservations.cancel_calendar',
      entity: p.entity,
      entityId: id,
      // the smallest reservation id cancelled makes the key unique per change (ids are never reused)
      emailKey: (familyId) => `calendar-${p.entity}-${id}-r${batch}-family-${familyId}`,
      siteName: 'tous les sites',
      reason: p.reason,
      calendarChange: true,
    }),
  });
  if (outcome.status === 'confirm') return outcome;
  // days that open (a holiday period moved or removed, a longer year) may give places to the waiting lists
  await refillFreedPlaces(tx, { from: p.ctx.today, to: FAR_FUTURE }, { ...p.ctx, actor });
  return { status: 'saved', id: outcome.written, cancelled: outcome.cancelled, families: outcome.families };
}

const span = (start: IsoDate, end: IsoDate) => `du ${formatDateLong(start)} au ${formatDateLong(end)}`;

// ---------------------------------------------------------------------------------------------------------------
// School years (rentrée .. first day of the summer holidays)

export const schoolYearSchema = z
  .object({
    label: z
      .string({ error: "Indiquez le libellé de l'année (par exemple 2027-2028)." })
      .trim()
      .regex(/^\d{4}-\d{4}$/, "Le libellé de l'année s'écrit comme 2027-2028."),
    yearStart: isoDateField('la date de rentrée'),
    yearEnd: isoDateField("la date de fin (premier jour des vacances d'été)"),
  })
  .refine((y) => y.yearStart < y.yearEnd, {
    message: "La rentrée doit précéder la fin de l'année scolaire.",
    path: ['yearEnd'],
  })
  .refine((y) => Number(y.label.slice(5)) === Number(y.label.slice(0, 4)) + 1, {
    message: "Le libellé de l'année s'écrit comme 2027-2028 (deux années qui se suivent).",
    path: ['label'],
  });

async function refuseOverlappingYear(
  db: Queryable,
  y: { yearStart: IsoDate; yearEnd: IsoDate; label: string },
  exceptId?: number,
) {
  const others = await db
    .select()
    .from(schoolYears)
    .where(exceptId === undefined ? undefined : ne(schoolYears.id, exceptId));
  const sameLabel = others.find((o) => o.label === y.label);
  if (sameLabel) throw new UserError('school_year_exists', { label: y.label });
  const overlap = others.find((o) => y.yearStart < o.yearEnd && o.yearStart < y.yearEnd);
  if (overlap) throw new UserError('school_year_overlap', { label: overlap.label });
}

export async function createSchoolYear(
  db: Db,
  actor: StaffActor,
  input: unknown,
  ctx: { now: Date },
): Promise<{ id: number }> {
  const y = parseOrRefuse(schoolYearSchema, input);
  return db.transaction(async (tx) => {
    await refuseOverlappingYear(tx, y);
    const [row] = await tx.insert(schoolYears).values(y).returning();
    await writeAudit(tx, actor, {
      at: ctx.now,
      action: 'school_year.create',
      entity: 'school_year',
      entityId: row!.id,
      after: row,
    });
    return { id: row!.id };
  });
}

export const updateSchoolYearSchema = z.intersection(z.object({ id: idSchema, ...confirmFields }), schoolYearSchema);

/** Moving the rentrée or the end cancels, after confirmation, the reservations on days no longer in the year. */
export async function updateSchoolYear(
  db: Db,
  actor: StaffActor,
  input: unknown,
  ctx: CalendarChangeContext,
): Promise<CalendarChangeResult> {
  const { id, confirm, fingerprint, ...y } = parseOrRefuse(updateSchoolYearSchema, input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(schoolYears).where(eq(schoolYears.id, id)).for('update');
    if (!before) throw new UserError('school_year_not_found');
    await refuseOverlappingYear(tx, y, id);
    const stored = await storedYear(tx, id);
    return changeCalendar(tx, actor, {
      schoolYearId: id,
      before: stored,
      after: { ...stored, yearStart: y.yearStart, yearEnd: y.yearEnd },
      confirm,
      fingerprint,
      ctx,
      entity: 'school_year',
      reason: `Modification du calendrier : année scolaire ${y.label} désormais ${span(y.yearStart, addDays(y.yearEnd, -1))}`,
      write: async () => {
        const [after] = await tx.update(schoolYears).set(y).where(eq(schoolYears.id, id)).returning();
        await writeAudit(tx, actor, {
          at: ctx.now,
          action: 'school_year.update',
          entity: 'school_year',
          entityId: id,
          before,
          after,
        });
        return id;
      },
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Holiday periods (the days without school, inclusive)

const holidayFields = {
  label: z
    .string({ error: 'Indiquez le nom de la période (par exemple Vacances de Noël).' })
    .trim()
    .min(1, 'Indiquez le nom de la période (par exemple Vacances de Noël).')
    .max(80, 'Le nom de la période est trop long (80 caractères au plus).'),
  start: isoDateField('le premier jour des vacances'),
  end: isoDateField('le dernier jour des vacances'),
};
const startBeforeEnd = {
  message: 'Le premier jour des vacances doit précéder le dernier (ou être le même).',
  path: ['end'],
};

export const addHolidaySchema = z
  .object({ schoolYearId: idSchema, ...holidayFields, ...confirmFields })
  .refine((h) => h.start <= h.end, startBeforeEnd);
export const updateHolidaySchema = z
  .object({ id: idSchema, ...holidayFields, ...confirmFields })
  .refine((h) => h.start <= h.end, startBeforeEnd);
export const deleteByIdSchema = z.object({ id: idSchema });
export const deleteHolidaySchema = z.object({ id: idSchema, ...confirmFields });

async function checkHoliday(
  db: Queryable,
  schoolYearId: number,
  h: { start: IsoDate; end: IsoDate },
  exceptId?: number,
) {
  const [year] = await db.select().from(schoolYears).where(eq(schoolYears.id, schoolYearId));
  if (!year) throw new UserError('school_year_not_found');
  if (h.start < year.yearStart) throw new UserError('holidays_before_year', { label: year.label });
  const periods = await db
    .select()
    .from(holidayPeriods)
    .where(
      and(
        eq(holidayPeriods.schoolYearId, schoolYearId),
        exceptId === undefined ? undefined : ne(holidayPeriods.id, exceptId),
      ),
    );
  const overlap = periods.find((p) => h.start <= p.end && p.start <= h.end);
  if (overlap) throw new UserError('holidays_overlap', { label: overlap.label });
}

/**
 * Adding (or moving) a holiday period closes its school days to the canteen and the Wednesdays (and opens them to the
 * holiday centres): the reservations stranded are listed first, then cancelled on confirmation.
 */
export async function addHolidayPeriod(
  db: Db,
  actor: StaffActor,
  input: unknown,
  ctx: CalendarChangeContext,
): Promise<CalendarChangeResult> {
  const { confirm, fingerprint, ...h } = parseOrRefuse(addHolidaySchema, input);
  return db.transaction(async (tx) => {
    await checkHoliday(tx, h.schoolYearId, h);
    const stored = await storedYear(tx, h.schoolYearId);
    return changeCalendar(tx, actor, {
      schoolYearId: h.schoolYearId,
      before: stored,
      after: { ...stored, holidays: [...stored.holidays, h] },
      confirm,
      fingerprint,
      ctx,
      entity: 'holiday_period',
      reason: `Modification du calendrier : ${h.label} ${span(h.start, h.end)}`,
      write: async () => {
        const [row] = await tx.insert(holidayPeriods).values(h).returning();
        await writeAudit(tx, actor, {
          at: ctx.now,
          action: 'holiday_period.create',
          entity: 'holiday_period',
          entityId: row!.id,
          after: row,
        });
        return row!.id;
      },
    });
  });
}

export async function updateHolidayPeriod(
  db: Db,
  actor: StaffActor,
  input: unknown,
  ctx: CalendarChangeContext,
): Promise<CalendarChangeResult> {
  const { id, confirm, fingerprint, ...h } = parseOrRefuse(updateHolidaySchema, input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(holidayPeriods).where(eq(holidayPeriods.id, id)).for('update');
    if (!before) throw new UserError('holidays_not_found');
    await checkHoliday(tx, before.schoolYearId, h, id);
    const stored = await storedYear(tx, before.schoolYearId);
    return changeCalendar(tx, actor, {
      schoolYearId: before.schoolYearId,
      before: stored,
      after: { ...stored, holidays: stored.holidays.map((p) => (p.id === id ? { ...p, ...h } : p)) },
      confirm,
      fingerprint,
      ctx,
      entity: 'holiday_period',
      reason: `Modification du calendrier : ${h.label} désormais ${span(h.start, h.end)}`,
      write: async () => {
        const [after] = await tx.update(holidayPeriods).set(h).where(eq(holidayPeriods.id, id)).returning();
        await writeAudit(tx, actor, {
          at: ctx.now,
          action: 'holiday_period.update',
          entity: 'holiday_period',
          entityId: id,
          before,
          after,
        });
        return id;
      },
    });
  });
}

/** Deleting a holiday period closes its days to the holiday centres: their reservations are listed, then cancelled. */
export async function deleteHolidayPeriod(
  db: Db,
  actor: StaffActor,
  input: unknown,
  ctx: CalendarChangeContext,
): Promise<CalendarChangeResult> {
  const { id, confirm, fingerprint } = parseOrRefuse(deleteHolidaySchema, input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(holidayPeriods).where(eq(holidayPeriods.id, id)).for('update');
    if (!before) throw new UserError('holidays_already_deleted');
    const stored = await storedYear(tx, before.schoolYearId);
    return changeCalendar(tx, actor, {
      schoolYearId: before.schoolYearId,
      before: stored,
      after: { ...stored, holidays: stored.holidays.filter((p) => p.id !== id) },
      confirm,
      fingerprint,
      ctx,
      entity: 'holiday_period',
      reason: `Modification du calendrier : suppression de la période « ${before.label} » (${span(before.start, before.end)})`,
      write: async () => {
        await tx.delete(holidayPeriods).where(eq(holidayPeriods.id, id));
        await writeAudit(tx, actor, {
          at: ctx.now,
          action: 'holiday_period.delete',
          entity: 'holiday_period',
          entityId: id,
          before,
        });
        return id;
      },
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Service settings: booking deadline (délai) and the canteen's open weekdays

export const MIN_DEADLINE_DAYS = 1;
export const MAX_DEADLINE_DAYS = 60;

export const deadlineSchema = z.object({
  service: serviceSchema,
  deadlineDays: z.coerce
    .number({ error: `Le délai s'exprime en jours : un nombre entier de ${MIN_DEADLINE_DAYS} à ${MAX_DEADLINE_DAYS}.` })
    .int(`Le délai s'exprime en jours : un nombre entier de ${MIN_DEADLINE_DAYS} à ${MAX_DEADLINE_DAYS}.`)
    .min(MIN_DEADLINE_DAYS, `Le délai doit être d'au moins ${MIN_DEADLINE_DAYS} jour.`)
    .max(MAX_DEADLINE_DAYS, `Le délai ne peut pas dépasser ${MAX_DEADLINE_DAYS} jours.`),
});

async function upsertSetting(
  db: Queryable,
  actor: StaffActor,
  service: ServiceKind,
  change: { deadlineDays?: number; openWeekdays?: number[] },
  action: AuditAction,
  now: Date,
) {
  const [before] = await db.select().from(serviceSettings).where(eq(serviceSettings.service, service)).for('update');
  const next = {
    service,
    deadlineDays: change.deadlineDays ?? before?.deadlineDays ?? DEFAULT_DEADLINE_DAYS,
    openWeekdays: change.openWeekdays ?? before?.openWeekdays ?? [...DEFAULT_WEEKDAYS[service]],
  };
  const [after] = await db
    .insert(serviceSettings)
    .values(next)
    .onConflictDoUpdate({
      target: serviceSettings.service,
      set: { deadlineDays: next.deadlineDays, openWeekdays: next.openWeekdays },
    })
    .returning();
  await writeAudit(db, actor, {
    at: now,
    action,
    entity: 'service_settings',
    entityId: service,
    before: before ?? null,
    after,
  });
}

export async function setDeadline(db: Db, actor: StaffActor, input: unknown, ctx: { now: Date }): Promise<void> {
  const { service, deadlineDays } = parseOrRefuse(deadlineSchema, input);
  await db.transaction((tx) =>
    upsertSetting(tx, actor, service, { deadlineDays }, 'service_settings.deadline', ctx.now),
  );
}

export const canteenWeekdaysSchema = z.object({
  weekdays: z
    .array(
      z.coerce.number().int().min(1, 'Jour inconnu.').max(5, 'La restauration scolaire ouvre du lundi au vendredi.'),
      { error: 'Cochez au moins un jour.' },
    )
    .min(1, "Cochez au moins un jour d'ouverture de la restauration scolaire."),
});

export async function setCanteenWeekdays(db: Db, actor: StaffActor, input: unknown, ctx: { now: Date }): Promise<void> {
  const { weekdays } = parseOrRefuse(canteenWeekdaysSchema, input);
  const openWeekdays = [...new Set(weekdays)].sort((a, b) => a - b);
  await db.transaction((tx) =>
    upsertSetting(tx, actor, 'cantine', { openWeekdays }, 'service_settings.weekdays', ctx.now),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Capacities per site, service and unit (empty = no limit)

export const MAX_CAPACITY = 10_000;

export const capacitiesSchema = z.object({
  siteId: idSchema,
  service: serviceSchema,
  /** per unit, what the agent typed: '' = no limit */
  capacities: z.record(z.string(), z.union([z.string(), z.number(), z.null()]).optional()),
});

/** '' → null (no limit); '40' → 40; anything else is refused with the unit's name. */
export function parseCapacity(unit: Unit, raw: string | number | null | undefined): number | null {
  const text = raw === null || raw === undefined ? '' : String(raw).trim();
  if (text === '') return null;
  if (!/^\d+$/.test(text) || Number(text) > MAX_CAPACITY) {
    throw new UserError(
      'capacity_invalid',
      { unit: UNIT_LABELS[unit], max: MAX_CAPACITY, value: text },
      { details: { unit } },
    );
  }
  return Number(text);
}

export async function saveSiteCapacities(
  db: Db,
  actor: StaffActor,
  input: unknown,
  ctx: { today: IsoDate; now: Date; appUrl: string },
): Promise<void> {
  const p = parseOrRefuse(capacitiesSchema, input);
  // every value is checked before anything is written
  const units = unitsOf(p.service);
  for (const key of Object.keys(p.capacities)) {
    if (!units.includes(key as Unit)) throw new UserError('unit_not_in_service', { unit: key });
  }
  const wanted = units.map((unit) => ({ unit, capacity: parseCapacity(unit, p.capacities[unit]) }));
  await db.transaction(async (tx) => {
    const [site] = await tx.select().from(sites).where(eq(sites.id, p.siteId));
    if (!site) throw new UserError('site_not_found');
    if (!servicesOfSite(site.kind).includes(p.service))
      throw new UserError('site_without_this_service', { name: site.name });
    const before = await tx
      .select({ unit: siteCapacities.unit, capacity: siteCapacities.capacity })
      .from(siteCapacities)
      .where(and(eq(siteCapacities.siteId, p.siteId), eq(siteCapacities.service, p.service)));
    for (const w of wanted) {
      const where = and(
        eq(siteCapacities.siteId, p.siteId),
        eq(siteCapacities.service, p.service),
        eq(siteCapacities.unit, w.unit),
      );
      if (w.capacity === null) await tx.delete(siteCapacities).where(where);
      else {
        await tx
          .insert(siteCapacities)
          .values({ siteId: p.siteId, service: p.service, unit: w.unit, capacity: w.capacity })
          .onConflictDoUpdate({
            target: [siteCapacities.siteId, siteCapacities.service, siteCapacities.unit],
            set: { capacity: w.capacity },
          });
      }
    }
    await writeAudit(tx, actor, {
      at: ctx.now,
      action: 'site_capacity.update',
      entity: 'site',
      entityId: p.siteId,
      before: { service: p.service, capacities: before },
      after: { service: p.service, capacities: wanted.filter((w) => w.capacity !== null) },
    });
    // a capacity raised (or removed) gives its new places to the waiting lists
    await refillFreedPlaces(
      tx,
      { siteId: p.siteId, service: p.service, from: ctx.today, to: FAR_FUTURE },
      { ...ctx, actor },
    );
  });
}

/** The school year holding a date (rentrée .. end of its summer), or null. */
export async function schoolYearOfDate(db: Queryable, date: IsoDate): Promise<{ id: number; label: string } | null> {
  const lastDay = sql<string>`greatest((select max(${holidayPeriods.end}) from ${holidayPeriods} where ${holidayPeriods.schoolYearId} = ${schoolYears.id}), ${schoolYears.yearEnd} - 1)`;
  const [year] = await db
    .select({ id: schoolYears.id, label: schoolYears.label })
    .from(schoolYears)
    .where(and(sql`${schoolYears.yearStart} <= ${date}`, sql`${lastDay} >= ${date}`))
    .limit(1);
  return year ?? null;
}
