// « Pointage »'s sync: a batch of taps sent by a phone (at once, or when the connection returns). Each tap carries an
// idempotency key drawn on the phone: a tap sent twice is stored once. The trail (attendance_taps) keeps every tap;
// the mark (attendance_marks) is the latest tap by the phone's time, clamped to the server's now, so a tap that waited
// offline and arrives after a newer one does not override it.
// Refused as a whole, nothing written, when one tap names a day other than today or yesterday, a site the person does
// not reach, or a child neither booked nor enrolled there: the answer names those taps so the phone drops them.
// A batch names the account that tapped it, and is refused under any other session (nothing dropped): on a phone the
// animateurs share, a page left open after its person signed out must not send their taps as the next person.
// Two statements whatever the batch's size: one reads what each tap may be, one writes the trail and the marks.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { rows, type Queryable } from '@/db/client';
import { referenceData } from '@/lib/calendar/reference-cache';
import { currentSchoolYear } from '@/lib/calendar/school-years';
import { UserError } from '@/lib/errors';
import type { Marker } from './day';
import { isPointageDay, serviceOfDay, slotsOf, SLOTS, UNITS_OF_SLOT } from './slots';

export const MAX_TAPS = 500;

export const tapSchema = z.object({
  key: z.uuid(),
  childId: z.number().int().positive().max(2_147_483_647),
  siteId: z.number().int().positive().max(2_147_483_647),
  date: z.iso.date(),
  slot: z.enum(SLOTS),
  status: z.enum(['present', 'absent']),
  /** the phone's time of the tap */
  tappedAt: z.iso.datetime({ offset: true }),
});
export type Tap = z.infer<typeof tapSchema>;

export const tapBatchSchema = z.object({
  /** the account that tapped them, as the phone recorded it: it must be the session's */
  account: z.number().int().positive().max(2_147_483_647),
  taps: z
    .array(tapSchema)
    .min(1, 'Aucun pointage à envoyer.')
    .max(MAX_TAPS, `${MAX_TAPS} pointages au plus par envoi.`),
});

/** The refusals of a batch carry the keys of the taps that caused them (the phone drops those). */
const refusedKeys = (keys: string[]) => ({ details: { rejected: keys } });

/** The keys of the taps a refusal of recordTaps names, or null for any other error. */
export function rejectedTaps(error: unknown): string[] | null {
  if (!(error instanceof UserError) || !error.code.startsWith('pointage_')) return null;
  const rejected = (error.details as { rejected?: unknown } | undefined)?.rejected;
  return Array.isArray(rejected) ? rejected.map(String) : null;
}

/**
 * Stores a batch tapped by `tappedBy`; answers every key of the batch (new or already stored), which the phone may
 * forget.
 */
export async function recordTaps(
  tx: Queryable,
  p: { who: Marker; tappedBy: number; taps: Tap[]; today: string; now: Date },
): Promise<{ stored: string[]; added: string[] }> {
  // another person's taps: kept on the phone (no key named) until their own account sends them
  if (p.tappedBy !== p.who.id) throw new UserError('pointage_account_refused');
  if (p.who.role !== 'animateur' && p.who.role !== 'staff' && p.who.role !== 'admin')
    throw new UserError('pointage_site_refused', {}, refusedKeys(p.taps.map((t) => t.key)));
  // a key sent twice in one batch: its first tap
  const seen = new Set<string>();
  const taps = p.taps.filter((t) => !seen.has(t.key) && seen.add(t.key));

  const wrongDay = taps.filter((t) => !isPointageDay(t.date, p.today)).map((t) => t.key);
  if (wrongDay.length) throw new UserError('pointage_day_refused', {}, refusedKeys(wrongDay));

  // the day's service and school year of each site and date (reference data every instance keeps)
  const reference = await referenceData(tx);
  const kindOf = new Map(reference.sites.map((s) => [s.id, s.kind]));
  const yearOf = new Map<string, number | null>();
  for (const date of new Set(taps.map((t) => t.date)))
    yearOf.set(date, (await currentSchoolYear(tx, date))?.id ?? null);
  const unknownSite = taps.filter((t) => !kindOf.has(t.siteId)).map((t) => t.key);
  if (unknownSite.length) throw new UserError('pointage_site_refused', {}, refusedKeys(unknownSite));
  const wrongSlot = taps.filter((t) => !slotsOf(kindOf.get(t.siteId)!).includes(t.slot)).map((t) => t.key);
  if (wrongSlot.length) throw new UserError('pointage_child_refused', {}, refusedKeys(wrongSlot));

  const everySite = p.who.role !== 'animateur';
  const input = taps.map((t, i) => ({
    i,
    k: t.key,
    c: t.childId,
    s: t.siteId,
    d: t.date,
    l: t.slot,
    t: t.status,
    // the phone's clock may run ahead: a tap is never later than the server's now
    at: new Date(Math.min(Date.parse(t.tappedAt), p.now.getTime())).toISOString(),
    v: serviceOfDay(kindOf.get(t.siteId)!, t.date, reference.holidays),
    y: yearOf.get(t.date) ?? 0,
    u: UNITS_OF_SLOT[t.slot],
  }));
  const json = JSON.stringify(input);

  // 1. what each tap may be: the site is the person's, the child booked for the slot or enrolled for the day's service
  const checked = await rows<{ k: string; own: boolean; booked: boolean; enrolled: boolean }>(
    tx,
    sql`select x.k,
          (${everySite} or exists (select 1 from account_sites a where a.account_id = ${p.who.id} and a.site_id = x.s)) as own,
          exists (select 1 from reservations r where r.child_id = x.c and r.site_id = x.s and r.date = x.d
                  and r.service = x.v and r.unit::text in (select jsonb_array_elements_text(x.u))) as booked,
          exists (select 1 from enrolments e where e.child_id = x.c and e.site_id = x.s and e.service = x.v
                  and e.school_year_id = x.y) as enrolled
        from jsonb_to_recordset(${json}::jsonb) as x(k text, c int, s int, d date, v service_kind, y int, u jsonb)`,
  );
  const notOwn = checked.filter((r) => !r.own).map((r) => r.k);
  if (notOwn.length) throw new UserError('pointage_site_refused', {}, refusedKeys(notOwn));
  const notThere = checked.filter((r) => !r.booked && !r.enrolled).map((r) => r.k);
  if (notThere.length) throw new UserError('pointage_child_refused', {}, refusedKeys(notThere));
  const bookedKeys = new Set(checked.filter((r) => r.booked).map((r) => r.k));
  const toWrite = JSON.stringify(input.map(({ u: _units, y: _year, ...r }) => ({ ...r, b: bookedKeys.has(r.k) })));

  // 2. the trail (a key already stored: nothing), then the marks from the taps just stored, the latest of each child
  // and slot (by the phone's time, then the order of the batch), over a mark tapped no later
  const added = await rows<{ k: string }>(
    tx,
    sql`with x as (
          select * from jsonb_to_recordset(${toWrite}::jsonb) as x(i int, k uuid, c int, s int, d date,
            l attendance_slot, t attendance_status, at timestamptz, v service_kind, b boolean)
        ), trail as (
          insert into attendance_taps (idempotency_key, child_id, site_id, service, date, slot, status, tapped_at,
            received_at, account_id)
          select x.k, x.c, x.s, x.v, x.d, x.l, x.t, x.at, ${p.now.toISOString()}::timestamptz, ${p.who.id}
          from x order by x.i
          on conflict (idempotency_key) do nothing
          returning idempotency_key
        ), latest as (
          select distinct on (x.c, x.v, x.d, x.l) x.*
          from x join trail on trail.idempotency_key = x.k
          order by x.c, x.v, x.d, x.l, x.at desc, x.i desc
        ), marked as (
          insert into attendance_marks (child_id, site_id, service, date, slot, status, booked, tapped_at, marked_by,
            updated_at)
          select latest.c, latest.s, latest.v, latest.d, latest.l, latest.t, latest.b, latest.at, ${p.who.id},
            ${p.now.toISOString()}::timestamptz
          from latest
          on conflict (child_id, service, date, slot) do update set
            site_id = excluded.site_id, status = excluded.status, booked = excluded.booked,
            tapped_at = excluded.tapped_at, marked_by = excluded.marked_by, updated_at = excluded.updated_at
          where excluded.tapped_at >= attendance_marks.tapped_at
          returning 1
        )
        select trail.idempotency_key::text as k from trail`,
  );
  return { stored: taps.map((t) => t.key), added: added.map((r) => r.k) };
}
