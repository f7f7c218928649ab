// The request types (démarches) the lifecycle knows: each declares what its submitted request records (`diff`,
// checked by zod when read) and the acknowledgment it sends. A new démarche (waiting list, justified absence) adds
// its value to the request_type enum, an entry below, and calls submitRequest (lifecycle.ts) from its use-case.
import { z } from 'zod';
import type { EmailPayloads } from '@/lib/email/outbox';
import { UNIT_LABELS, UNITS, type DayChange, type Reservation, type Unit } from '@/lib/planning';

const reservationSchema = z.object({ date: z.iso.date(), unit: z.enum(UNITS as [Unit, ...Unit[]]) });

/** « Gérer mes réservations »: the reservations the request added and removed. */
export const reservationDiffSchema = z.object({
  added: z.array(reservationSchema),
  removed: z.array(reservationSchema),
  // the days put on the waiting list (absent from requests validated before the waiting lists)
  waiting: z.lazy(() => waitingDaysSchema).optional(),
});

/** « S'inscrire » (inscription): the enrolment it made, with the site and the year as they were named then. */
export const inscriptionDiffSchema = z.object({
  enrolment: z.object({ siteId: z.number().int().positive(), siteName: z.string(), schoolYear: z.string() }),
});

/**
 * « Signaler une absence »: the booked units marked « Absence signalée » (kept, not deleted), the reason and, for
 * « Autre motif », the parent's text. The certificate and the decision come later: they live in `absences`.
 */
export const absenceDiffSchema = z.object({
  absent: z.array(reservationSchema),
  reason: z.enum(['maladie', 'autre']),
  details: z.string().nullable(),
});

/**
 * « Une place s'est libérée »: a waiting-list entry booked when a place freed, by the list's order or by an agent out of
 * order (with the agent's reason). For 48 hours (`cancelUntil`) the family may cancel that day without the deadline.
 */
export const promotionDiffSchema = z.object({
  entryId: z.number().int().positive(),
  added: z.array(reservationSchema),
  by: z.enum(['list', 'agent']),
  reason: z.string().nullable(),
  cancelUntil: z.iso.datetime({ offset: true }),
});

/** « Liste d'attente » days a reservation request asked (each day's units together), recorded with its diff. */
export const waitingDaysSchema = z.array(
  z.object({ date: z.iso.date(), units: z.array(z.enum(UNITS as [Unit, ...Unit[]])).min(1) }),
);

/** A submitted request's diff with its type: the `type` column discriminates the `diff` column. */
export const requestDiffSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reservation'), diff: reservationDiffSchema }),
  z.object({ type: z.literal('inscription'), diff: inscriptionDiffSchema }),
  z.object({ type: z.literal('absence'), diff: absenceDiffSchema }),
  z.object({ type: z.literal('promotion'), diff: promotionDiffSchema }),
]);
export type RequestDiff = z.infer<typeof requestDiffSchema>;
export type RequestType = RequestDiff['type'];
export type DiffOf<T extends RequestType> = Extract<RequestDiff, { type: T }>['diff'];

/** The key of each request type's label in the pages' messages (« Réservation », « Place libérée (liste d'attente) »). */
export const REQUEST_TYPE_KEYS = {
  reservation: 'typeReservation',
  inscription: 'typeInscription',
  absence: 'typeAbsence',
  promotion: 'typePromotion',
} as const satisfies Record<RequestType, string>;

/** What every acknowledgment knows of the submitted request, whatever its type. */
export interface AcknowledgmentContext {
  reference: string;
  parentName: string;
  childName: string;
  serviceLabel: string;
  siteName: string;
  submittedAt: Date;
  link: string;
  /** the request's page in « Mes demandes » */
  requestLink: string;
  onBehalfOf: string | null;
  /** « Liste d'attente »: each waiting day's place in line, once the entries are written */
  waitingPositions?: ReadonlyMap<string, number>;
}

type Acknowledgment =
  | { template: 'request-acknowledgment'; payload: EmailPayloads['request-acknowledgment'] }
  | { template: 'absence-acknowledgment'; payload: EmailPayloads['absence-acknowledgment'] }
  | { template: 'waiting-list'; payload: EmailPayloads['waiting-list'] };

interface RequestTypeDefinition<T extends RequestType> {
  acknowledgment: (c: AcknowledgmentContext, diff: DiffOf<T>) => Acknowledgment;
}

/** Per date, the units added and removed (the recap's « changes »), dates in order. */
export function changesByDate(diff: { added: readonly Reservation[]; removed: readonly Reservation[] }): DayChange[] {
  const days = new Map<string, DayChange>();
  const day = (date: string): DayChange => {
    let d = days.get(date);
    if (!d) days.set(date, (d = { date, added: [], removed: [] }));
    return d;
  };
  for (const r of diff.added) day(r.date).added.push(r.unit);
  for (const r of diff.removed) day(r.date).removed.push(r.unit);
  return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

function requestAcknowledgment(
  c: AcknowledgmentContext,
  kind: 'reservation' | 'inscription',
  changes: DayChange[],
  waiting: { date: string; units: Unit[] }[] = [],
): Acknowledgment {
  return {
    template: 'request-acknowledgment',
    payload: {
      reference: c.reference,
      kind,
      parentName: c.parentName,
      childName: c.childName,
      serviceLabel: c.serviceLabel,
      siteName: c.siteName,
      submittedAt: c.submittedAt.toISOString(),
      changes: changes.map((d) => ({
        date: d.date,
        added: d.added.map((u) => UNIT_LABELS[u]),
        removed: d.removed.map((u) => UNIT_LABELS[u]),
      })),
      link: c.link,
      onBehalfOf: c.onBehalfOf,
      ...(waiting.length > 0 && {
        waiting: waiting.map((d) => ({
          date: d.date,
          units: d.units.map((u) => UNIT_LABELS[u]),
          position: c.waitingPositions?.get(d.date) ?? 1,
        })),
      }),
    },
  };
}

export const REQUEST_TYPES: { [T in RequestType]: RequestTypeDefinition<T> } = {
  reservation: {
    acknowledgment: (c, diff) => requestAcknowledgment(c, 'reservation', changesByDate(diff), diff.waiting),
  },
  inscription: { acknowledgment: (c) => requestAcknowledgment(c, 'inscription', []) },
  absence: {
    acknowledgment: (c, diff) => ({
      template: 'absence-acknowledgment',
      payload: {
        reference: c.reference,
        parentName: c.parentName,
        childName: c.childName,
        serviceLabel: c.serviceLabel,
        siteName: c.siteName,
        submittedAt: c.submittedAt.toISOString(),
        days: changesByDate({ added: diff.absent, removed: [] }).map((d) => ({
          date: d.date,
          units: d.added.map((u) => UNIT_LABELS[u]),
        })),
        reason: diff.reason,
        details: diff.details,
        link: c.requestLink,
      },
    }),
  },
  promotion: {
    acknowledgment: (c, diff) => ({
      template: 'waiting-list',
      payload: {
        kind: 'promoted',
        reference: c.reference,
        parentName: c.parentName,
        childName: c.childName,
        serviceLabel: c.serviceLabel,
        siteName: c.siteName,
        date: diff.added[0]?.date ?? c.submittedAt.toISOString().slice(0, 10),
        units: diff.added.map((r) => UNIT_LABELS[r.unit]),
        cancelUntil: diff.cancelUntil,
        reason: null,
        link: c.requestLink,
      },
    }),
  },
};

/**
 * The diff of a submitted request, parsed. A row that does not parse is a bug (a writer bypassed the types): outside
 * production it throws, so a test fails loudly; in production it is logged and the request is shown without its
 * details (null) rather than hiding the family's request altogether.
 */
export function readRequestDiff(row: { id: number; type: string; diff: unknown }): RequestDiff | null {
  const parsed = requestDiffSchema.safeParse({ type: row.type, diff: row.diff });
  if (parsed.success) return parsed.data;
  const message = `request ${row.id} (${row.type}) holds a diff that does not match its type`;
  if (process.env.NODE_ENV !== 'production') throw new Error(message, { cause: parsed.error });
  console.error(`[requests] ${message}`, z.flattenError(parsed.error));
  return null;
}

/** The reservations a request added and removed (none for other types, or when its diff is unreadable). */
export function reservationChanges(diff: RequestDiff | null): { added: Reservation[]; removed: Reservation[] } {
  if (diff?.type === 'reservation') return { added: diff.diff.added, removed: diff.diff.removed };
  if (diff?.type === 'promotion') return { added: diff.diff.added, removed: [] };
  return { added: [], removed: [] };
}

/** The units an absence request marked « Absence signalée » (none for other types). */
export function absentUnits(diff: RequestDiff | null): Reservation[] {
  return diff?.type === 'absence' ? diff.diff.absent : [];
}
