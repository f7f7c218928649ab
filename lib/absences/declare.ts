// « Signaler une absence »: a parent declares booked days of one of a child's services absent, from 2 working days
// back to 30 days ahead, past the J-15 deadline included (the deadline is waived for this démarche only: it keeps
// the booking and gives no place, it only marks units). One transaction, a constant number of statements whatever the
// number of days: the booked units (ownership in the query, locked), the certificate when given, the request and its
// absence row, the units marked, then the lifecycle's tail (reference, audit, acknowledgment).
// The places of days not yet past are freed: they go to the waiting list in the same transaction (refillFreedPlaces),
// and the use-case returns them (`freedSlots`).
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { rows, type Db, type Queryable } from '@/db/client';
import { absences, requests } from '@/db/schema';
import { readCertificate, type CheckedCertificate } from '@/lib/documents/certificate';
import { documentStorage } from '@/lib/documents/storage';
import { UserError } from '@/lib/errors';
import { idSchema } from '@/lib/ids';
import {
  absenceWindow,
  formatDateLong,
  releasesPlace,
  type IsoDate,
  type ServiceKind,
  type Unit,
} from '@/lib/planning';
import { refillFreedPlaces } from '@/lib/waiting-list/promote';
import { submitRequest } from '@/lib/requests/lifecycle';
import { serviceSchema } from '@/lib/validation';

/** A certificate may be added this long after the declaration, from Mes demandes. */
export const CERTIFICATE_DELAY_MS = 48 * 3600_000;

/** A file input left empty sends an empty, nameless file: no certificate. */
const optionalFile = z
  .custom<File>((v) => v instanceof Blob, 'Fichier invalide.')
  .optional()
  .transform((f) => (f && f.size > 0 ? f : undefined));

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));

export const declareAbsenceSchema = z
  .object({
    childId: idSchema,
    service: serviceSchema,
    days: oneOrMany(z.iso.date({ error: 'Date invalide.' }))
      .pipe(z.array(z.string()).min(1, 'Cochez au moins un jour.').max(31, 'Trop de jours à la fois.'))
      .transform((days) => [...new Set(days)].sort()),
    reason: z.enum(['maladie', 'autre'], { error: 'Choisissez le motif de l’absence.' }),
    details: z.string().trim().max(500, '500 caractères au plus.').optional(),
    certificate: optionalFile,
  })
  .superRefine((v, ctx) => {
    if (v.reason === 'autre' && !v.details)
      ctx.addIssue({ code: 'custom', path: ['details'], message: 'Précisez le motif de l’absence.' });
  });
export type DeclareAbsenceInput = z.infer<typeof declareAbsenceSchema>;

export interface FreedSlot {
  siteId: number;
  service: ServiceKind;
  date: IsoDate;
  unit: Unit;
}

export interface DeclareAbsenceResult {
  requestId: number;
  reference: string;
  /** the places given back (days not yet past), for the waiting list */
  freedSlots: FreedSlot[];
}

interface BookedUnit {
  id: number;
  date: IsoDate;
  unit: Unit;
  siteId: number;
  absent: boolean;
  childName: string;
}

/** The dates outside the window, in words, or null. */
function outsideWindow(days: IsoDate[], today: IsoDate): UserError | null {
  const { from, to } = absenceWindow(today);
  const outside = days.filter((d) => d < from || d > to);
  if (outside.length === 0) return null;
  return new UserError('absence_outside_window', {
    dates: outside.map(formatDateLong).join(', '),
    from: formatDateLong(from),
    to: formatDateLong(to),
  });
}

/**
 * The child's booked units of those days for that service, locked, if the child is the family's (else none): the
 * ownership is in the query.
 */
async function bookedUnits(
  tx: Queryable,
  p: { familyId: number; childId: number; service: ServiceKind; days: IsoDate[] },
): Promise<BookedUnit[]> {
  return rows<BookedUnit>(
    tx,
    sql`select r.id::int as id, to_char(r.date, 'YYYY-MM-DD') as date, r.unit::text as unit, r.site_id as "siteId",
               (r.absence_request_id is not null) as absent, c.first_name || ' ' || c.last_name as "childName"
        from reservations r
        join children c on c.id = r.child_id
        where r.child_id = ${p.childId} and c.family_id = ${p.familyId} and r.service = ${p.service}
          and r.date in (select x::date from jsonb_array_elements_text(${JSON.stringify(p.days)}::jsonb) as x)
        order by r.date, r.unit
        for update of r`,
  );
}

export async function declareAbsence(
  db: Db,
  user: { id: number; familyId: number },
  input: DeclareAbsenceInput,
  ctx: { today: IsoDate; now: Date; appUrl: string },
): Promise<DeclareAbsenceResult> {
  const window = outsideWindow(input.days, ctx.today);
  if (window) throw window;
  // read and checked before anything is written: a refused file leaves nothing
  const certificate: CheckedCertificate | null = input.certificate ? await readCertificate(input.certificate) : null;
  const details = input.reason === 'autre' ? (input.details ?? '') : null;

  return db.transaction(async (tx) => {
    const booked = await bookedUnits(tx, { ...input, familyId: user.familyId });
    const free = booked.filter((b) => !b.absent);
    const missing = input.days.filter((d) => !free.some((b) => b.date === d));
    // a day with nothing booked, already declared, or another family's child (no row): one sentence, nothing told
    if (missing.length > 0) {
      throw new UserError('absence_nothing_booked', { dates: missing.map(formatDateLong).join(', ') });
    }
    const siteId = free[0]!.siteId;
    const childName = free[0]!.childName;

    const documentId = certificate
      ? await documentStorage().put(tx, {
          familyId: user.familyId,
          ...certificate,
          uploadedBy: user.id,
          now: ctx.now,
        })
      : null;
    const [request] = await tx
      .insert(requests)
      .values({
        familyId: user.familyId,
        childId: input.childId,
        service: input.service,
        type: 'absence',
        status: 'draft',
        createdBy: user.id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: requests.id });
    const requestId = request!.id;
    await tx.insert(absences).values({
      requestId,
      familyId: user.familyId,
      reason: input.reason,
      details,
      documentId,
      certificateDueAt: new Date(ctx.now.getTime() + CERTIFICATE_DELAY_MS),
      createdAt: ctx.now,
    });
    await tx.execute(sql`update reservations
      set absence_request_id = ${requestId}, absence_released = (date > ${ctx.today}::date)
      where id in (select x::bigint from jsonb_array_elements_text(${JSON.stringify(free.map((b) => String(b.id)))}::jsonb) as x)`);

    const absent = free.map((b) => ({ date: b.date, unit: b.unit }));
    const { reference } = await submitRequest(tx, {
      type: 'absence',
      requestId,
      familyId: user.familyId,
      childId: input.childId,
      childName,
      service: input.service,
      siteId,
      diff: { absent, reason: input.reason, details },
      accountId: user.id,
      today: ctx.today,
      now: ctx.now,
      appUrl: ctx.appUrl,
      audit: (reference) => ({
        action: 'absence.declare',
        entity: 'request',
        entityId: requestId,
        before: null,
        after: { childId: input.childId, service: input.service, absent, reason: input.reason, reference, documentId },
      }),
    });
    const freedSlots = free
      .filter((b) => releasesPlace(b.date, ctx.today))
      .map((b) => ({ siteId: b.siteId, service: input.service, date: b.date, unit: b.unit }));
    // the places given back go to the waiting list, in this transaction
    await refillFreedPlaces(
      tx,
      { siteId, service: input.service, dates: [...new Set(freedSlots.map((f) => f.date))] },
      { ...ctx, actor: { id: user.id } },
    );
    return { requestId, reference, freedSlots };
  });
}
