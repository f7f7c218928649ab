// Back office « Calendrier et paramètres »: the hour at which parents may start booking a period of a service (the
// moment of the rush). A holiday period for the holiday centres; the school year's school days for the canteen and the
// Wednesdays (they have no day in the holidays, so a holiday period would hold nothing for them). Staff type a Paris
// date and hour; the database keeps the instant. Each write is one transaction with its audit row.
import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Queryable } from '@/db/client';
import { bookingOpenings, holidayPeriods, schoolYears } from '@/db/schema';
import { writeAudit, type StaffActor } from '@/lib/audit/write';
import { parisDateTime, parisInstant } from '@/lib/clock';
import { UserError } from '@/lib/errors';
import { idSchema } from '@/lib/ids';
import { addDays, SERVICE_KINDS, type IsoDate, type ServiceKind } from '@/lib/planning';
import { isoDateField, parseOrRefuse, serviceSchema } from '@/lib/validation';

export interface BookingOpeningAdmin {
  id: number;
  service: ServiceKind;
  holidayPeriodId: number | null;
  /** the holiday period's name, or null: the school year */
  periodLabel: string | null;
  /** Paris date and time, as staff typed them */
  date: IsoDate;
  time: string;
  note: string;
}

/** The openings of a school year, by service then period. */
export async function listBookingOpenings(db: Queryable, schoolYearId: number): Promise<BookingOpeningAdmin[]> {
  const found = await db
    .select({
      id: bookingOpenings.id,
      service: bookingOpenings.service,
      holidayPeriodId: bookingOpenings.holidayPeriodId,
      periodLabel: holidayPeriods.label,
      periodStart: holidayPeriods.start,
      opensAt: bookingOpenings.opensAt,
      note: bookingOpenings.note,
    })
    .from(bookingOpenings)
    .leftJoin(holidayPeriods, eq(holidayPeriods.id, bookingOpenings.holidayPeriodId))
    .where(eq(bookingOpenings.schoolYearId, schoolYearId))
    .orderBy(asc(bookingOpenings.service), asc(holidayPeriods.start));
  return found
    .sort((a, b) => SERVICE_KINDS.indexOf(a.service) - SERVICE_KINDS.indexOf(b.service))
    .map((o) => {
      const paris = parisDateTime(o.opensAt);
      return {
        id: o.id,
        service: o.service,
        holidayPeriodId: o.holidayPeriodId,
        periodLabel: o.periodLabel,
        date: paris.date,
        time: `${String(paris.hour).padStart(2, '0')}:${String(paris.minute).padStart(2, '0')}`,
        note: o.note,
      };
    });
}

const noPeriodForSchoolDays =
  "La restauration scolaire et l'accueil du mercredi n'ont aucun jour pendant les vacances : leur ouverture vaut pour l'année scolaire.";

export const bookingOpeningSchema = z
  .object({
    schoolYearId: idSchema,
    service: serviceSchema,
    // the form's select: '' for the school year
    holidayPeriodId: z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), idSchema.nullable()),
    date: isoDateField("le jour de l'ouverture des réservations"),
    time: z
      .string({ error: "Indiquez l'heure de l'ouverture des réservations." })
      .trim()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "L'heure de l'ouverture s'écrit comme 08:00 (heures et minutes)."),
    note: z.string().trim().max(200, 'La note est trop longue (200 caractères au plus).').default(''),
  })
  .refine((o) => o.service !== 'vacances' || o.holidayPeriodId !== null, {
    message: 'Choisissez la période de vacances dont les réservations ouvrent à cette heure.',
    path: ['holidayPeriodId'],
  })
  .refine((o) => o.service === 'vacances' || o.holidayPeriodId === null, {
    message: noPeriodForSchoolDays,
    path: ['holidayPeriodId'],
  });

/** Sets (adds or changes) the opening of a service's period: one per service and period. */
export async function setBookingOpening(
  db: Db,
  actor: StaffActor,
  input: unknown,
  ctx: { now: Date },
): Promise<{ id: number }> {
  const o = parseOrRefuse(bookingOpeningSchema, input);
  const opensAt = parisInstant(o.date, o.time);
  if (!opensAt) throw new UserError('opening_hour_skipped', { time: o.time.replace(':', ' h ') });
  return db.transaction(async (tx) => {
    const [year] = await tx.select().from(schoolYears).where(eq(schoolYears.id, o.schoolYearId));
    if (!year) throw new UserError('school_year_not_found');
    let lastDay: IsoDate;
    if (o.holidayPeriodId !== null) {
      // the period must be one of this year's: the id comes from the form
      const [period] = await tx
        .select()
        .from(holidayPeriods)
        .where(and(eq(holidayPeriods.id, o.holidayPeriodId), eq(holidayPeriods.schoolYearId, year.id)));
      if (!period) throw new UserError('holidays_not_found');
      lastDay = period.end;
    } else lastDay = addDays(year.yearEnd, -1);
    // an opening after the period's last day would never let a parent book it
    if (o.date > lastDay) throw new UserError('opening_after_period');
    const samePeriod = and(
      eq(bookingOpenings.service, o.service),
      eq(bookingOpenings.schoolYearId, year.id),
      o.holidayPeriodId === null
        ? isNull(bookingOpenings.holidayPeriodId)
        : eq(bookingOpenings.holidayPeriodId, o.holidayPeriodId),
    );
    const [before] = await tx.select().from(bookingOpenings).where(samePeriod).for('update');
    const values = {
      service: o.service,
      schoolYearId: year.id,
      holidayPeriodId: o.holidayPeriodId,
      opensAt,
      note: o.note,
    };
    const [after] = before
      ? await tx.update(bookingOpenings).set(values).where(eq(bookingOpenings.id, before.id)).returning()
      : await tx.insert(bookingOpenings).values(values).returning();
    await writeAudit(tx, actor, {
      at: ctx.now,
      action: 'booking_opening.set',
      entity: 'booking_opening',
      entityId: after!.id,
      before: before ?? null,
      after,
    });
    return { id: after!.id };
  });
}

export const deleteBookingOpeningSchema = z.object({ id: idSchema });

/** Removes an opening: the period's days are bookable again under the deadline alone. */
export async function deleteBookingOpening(
  db: Db,
  actor: StaffActor,
  input: unknown,
  ctx: { now: Date },
): Promise<void> {
  const { id } = parseOrRefuse(deleteBookingOpeningSchema, input);
  await db.transaction(async (tx) => {
    const [before] = await tx.delete(bookingOpenings).where(eq(bookingOpenings.id, id)).returning();
    if (!before) throw new UserError('booking_opening_not_found');
    await writeAudit(tx, actor, {
      at: ctx.now,
      action: 'booking_opening.delete',
      entity: 'booking_opening',
      entityId: id,
      before,
    });
  });
}
