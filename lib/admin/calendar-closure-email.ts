// What the "closure-cancellation" e-mail carries (queued by addClosure, rendered by emails/closure-cancellation.tsx),
// its subject and the check of a stored payload. No React here: the outbox lists subjects cheaply.
import { z } from 'zod';
import { formatDateLong } from '@/lib/planning/format';

/** A family's reservations cancelled because staff closed a day. */
export interface ClosureCancellationPayload {
  parentName: string;
  /** the closed day, YYYY-MM-DD (for a calendar change: the first day cancelled) */
  date: string;
  /** set when the school calendar changed (holidays, rentrée, end of the year): the last day cancelled */
  until?: string;
  /** the closed site, or 'tous les sites' */
  siteName: string;
  reason: string;
  /** per child, service and site: the unit labels cancelled, e.g. 'Matin' */
  cancellations: { childName: string; serviceLabel: string; siteName: string; units: string[]; date?: string }[];
  /** absolute URL of the family's space */
  link: string;
}

export const closureCancellationPayloadSchema = z.object({
  parentName: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue au format AAAA-MM-JJ'),
  until: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue au format AAAA-MM-JJ')
    .optional(),
  siteName: z.string().min(1),
  reason: z.string(),
  cancellations: z
    .array(
      z.object({
        childName: z.string().min(1),
        serviceLabel: z.string().min(1),
        siteName: z.string(),
        units: z.array(z.string()).min(1),
        date: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .optional(),
      }),
    )
    .min(1),
  // only web links: nothing like javascript: ends up in an e-mail
  link: z.url({ protocol: /^https?$/ }),
});

/** 'Fermeture le mercredi 13 janvier 2027 : réservations annulées' (a calendar change: 'Modification du calendrier : …') */
export function closureCancellationSubject(p: Pick<ClosureCancellationPayload, 'date' | 'until'>): string {
  if (p.until !== undefined) return 'Modification du calendrier : réservations annulées';
  return `Fermeture le ${formatDateLong(p.date)} : réservations annulées`;
}
