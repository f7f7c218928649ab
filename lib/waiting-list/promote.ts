// « Liste d'attente »: whenever a place frees (a cancellation by a parent or an agent, an absence, a closure lifted, a
// calendar change, a capacity raised), the first waiting entries that now fit entirely are booked, in the transaction
// that freed the place: refillFreedPlaces() is called by every use-case that frees one, with the scope it touched.
//
// Fairness under concurrency: the refill takes the capacity lock of each site and service it may book (the same
// advisory lock « Valider » takes before counting places, db/locks.ts), then counts; so a freed place goes to one
// entry, an entry is promoted once (its UPDATE … WHERE status = 'waiting' is the check), and capacity is never
// exceeded. It never locks another family's enrolment (a promotion does not bump the planning version: a draft of
// the promoted child replays its own changes on the planning as it is, lib/requests/recap.ts), so a refill cannot
// deadlock with a validation.
//
// Constant cost: a refill is 2 statements when nobody waits in its scope (the lock, the entries), 3 when nothing fits
// (the places), and 7 when some do (plus the calendars' reference data, from memory), whatever the number of entries,
// dates and families.
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '@/db/client';
import { CAPACITY_LOCK } from '@/db/locks';
import {
  greyReason,
  SERVICE_LABELS,
  UNIT_LABELS,
  sortUnits,
  validateDay,
  type IsoDate,
  type ServiceKind,
  type Unit,
} from '@/lib/planning';
import { calendarKey, loadServiceCalendars } from '@/lib/reservations/calendar';
import { bookedCounts } from '@/lib/reservations/capacity';

/** The end of a scope that runs to every date to come. */
export const FAR_FUTURE: IsoDate = '9999-12-31';

/** For 48 hours after a promotion the family may cancel that day without the deadline. */
export const PROMOTION_GRACE_MS = 48 * 3600_000;

/**
 * Where places may have freed: a site (or every site), a service (or every service), and a span of dates or the very
 * dates a cancellation touched (an empty list matches nothing, at the same cost).
 */
export type RefillScope = { siteId?: number | null; service?: ServiceKind | null } & (
  { from: IsoDate; to: IsoDate } | { dates: readonly IsoDate[] }
);

export interface PromotionContext {
  /** the Paris date of `now`: entries of today or before are not promoted any more (they expire) */
  today: IsoDate;
  now: Date;
  appUrl: string;
  /** who freed the place (the audit row's actor, its role read with it): a parent, an agent, or nobody */
  actor: { id: number } | null;
}

export interface WaitingCandidate {
  id: number;
  familyId: number;
  childId: number;
  service: ServiceKind;
  siteId: number;
  schoolYearId: number;
  date: IsoDate;
  units: Unit[];
  /** the units the child already holds that day */
  held: Unit[];
  enrolled: boolean;
}

/** A promotion to write: the entry and the units it books (its units the child does not hold yet). */
export interface Promotion {
  entry: WaitingCandidate;
  added: Unit[];
  by: 'list' | 'agent';
  reason: string | null;
}

const LOCK_KEY = sql`case w.service when 'cantine' then ${CAPACITY_LOCK.cantine}::int
  when 'mercredi' then ${CAPACITY_LOCK.mercredi}::int else ${CAPACITY_LOCK.vacances}::int end`;

function scopeWhere(scope: RefillScope, today: IsoDate) {
  const days =
    'dates' in scope
      ? sql`w.date = any(${`{${scope.dates.join(',')}}`}::date[])`
      : sql`w.date between ${scope.from} and ${scope.to}`;
  return sql`w.status = 'waiting' and w.date > ${today} and ${days}
    ${scope.siteId ? sql`and w.site_id = ${scope.siteId}` : sql``}
    ${scope.service ? sql`and w.service = ${scope.service}` : sql``}`;
}

/** The capacity turns of the sites and services `where` selects (waiting entries `w`), in one order for everyone. */
export async function takeWaitingTurns(tx: Queryable, where: ReturnType<typeof sql>): Promise<void> {
  await tx.execute(sql`select count(pg_advisory_xact_lock(x.key, x.site_id))
    from (select distinct ${LOCK_KEY} as key, w.site_id from waiting_entries w where ${where} order by 1, 2) x`);
}

/** The waiting entries `where` selects, in line order, each with what the child holds that day. */
export async function waitingCandidates(tx: Queryable, where: ReturnType<typeof sql>): Promise<WaitingCandidate[]> {
  return rows<WaitingCandidate>(
    tx,
    sql`select w.id, w.family_id as "familyId", w.child_id as "childId", w.service::text as service,
          w.site_id as "siteId", w.school_year_id as "schoolYearId", to_char(w.date, 'YYYY-MM-DD') as date,
          w.units::text[] as units,
          coalesce((select array_agg(r.unit::text) from reservations r
                    where r.child_id = w.child_id and r.service = w.service and r.date = w.date), '{}') as held,
          exists (select 1 from enrolments e
                  where e.child_id = w.child_id and e.service = w.service and e.school_year_id = w.school_year_id
                    and e.site_id = w.site_id) as enrolled
        from waiting_entries w
        where ${where}
        order by w.site_id, w.service, w.date, w.queued_at, w.id`,
  );
}

type Places = Map<string, { capacity: number; booked: number }>;
const placeKey = (siteId: number, service: string, date: IsoDate, unit: Unit) => `${siteId}|${service}|${date}|${unit}`;

/** Capacity and booked children of every unit with a capacity on the days `where` selects. */
async function placesOf(tx: Queryable, where: ReturnType<typeof sql>): Promise<Places> {
  const found = await rows<{
    siteId: number;
    service: string;
    date: IsoDate;
    unit: Unit;
    capacity: number;
    booked: number;
  }>(
    tx,
    sql`select d.site_id as "siteId", d.service::text as service, to_char(d.date, 'YYYY-MM-DD') as date,
          c.unit::text as unit, c.capacity, coalesce(o.booked, 0)::int as booked
        from (select distinct w.site_id, w.service, w.date from waiting_entries w where ${where}) d
        join site_capacities c on c.site_id = d.site_id and c.service = d.service
        left join lateral (${bookedCounts(sql`r.site_id = d.site_id and r.service = d.service and r.date = d.date and r.unit = c.unit`)}) o
          on true`,
  );
  return new Map(found.map((f) => [placeKey(f.siteId, f.service, f.date, f.unit), f]));
}

/** Entries whose day is still open for their service (a closure or a holiday change may have closed it since). */
async function openDays(tx: Queryable, entries: WaitingCandidate[], today: IsoDate): Promise<Set<number>> {
  const open = new Set<number>();
  const years = new Map<number, WaitingCandidate[]>();
  for (const e of entries) years.set(e.schoolYearId, [...(years.get(e.schoolYearId) ?? []), e]);
  for (const [schoolYearId, list] of years) {
    const keys = [...new Map(list.map((e) => [calendarKey(e.service, e.siteId), e])).values()].map((e) => ({
      service: e.service,
      siteId: e.siteId,
    }));
    const calendars = await loadServiceCalendars(tx, { schoolYearId, keys });
    for (const e of list) {
      const cal = calendars.get(calendarKey(e.service, e.siteId));
      // no deadline: a place freed the day before is still given; the opening hour is past for anyone waiting
      if (cal && greyReason(e.service, cal.cal, e.date, today, 0, { weekdays: cal.weekdays }) === null) open.add(e.id);
    }
  }
  return open;
}

/** The entries that fit, greedily in line order: each takes its units' places, and a later one gets what is left. */
export function choosePromotions(entries: WaitingCandidate[], places: Places, open: Set<number>): Promotion[] {
  const taken = new Map<string, number>();
  const out: Promotion[] = [];
  for (const entry of entries) {
    if (!entry.enrolled || !open.has(entry.id)) continue;
    const added = entry.units.filter((u) => !entry.held.includes(u));
    if (added.length === 0) continue;
    if (validateDay(entry.service, [...entry.held, ...added]) !== null) continue;
    const keys = added.map((u) => placeKey(entry.siteId, entry.service, entry.date, u));
    const fits = keys.every((k) => {
      const p = places.get(k);
      return !p || p.booked + (taken.get(k) ?? 0) < p.capacity;
    });
    if (!fits) continue;
    for (const k of keys) taken.set(k, (taken.get(k) ?? 0) + 1);
    out.push({ entry, added: sortUnits(added), by: 'list', reason: null });
  }
  return out;
}

/**
 * Fills the places freed in `scope` from the waiting lists, in the caller's transaction. Returns the entries
 * promoted (their ids).
 */
export async function refillFreedPlaces(
  tx: Queryable,
  scope: RefillScope,
  ctx: PromotionContext,
): Promise<{ promoted: number[] }> {
  // no early return for an empty list of dates: a validation costs the same statements whatever it removes
  const where = scopeWhere(scope, ctx.today);
  await takeWaitingTurns(tx, where);
  const entries = await waitingCandidates(tx, where);
  if (entries.length === 0) return { promoted: [] };
  const places = await placesOf(tx, where);
  const open = await openDays(tx, entries, ctx.today);
  const promotions = choosePromotions(entries, places, open);
  return { promoted: await writePromotions(tx, promotions, ctx) };
}

/**
 * Writes promotions in 4 statements whatever their number: the promotion requests (their references), the entries
 * promoted with their reservations (one statement: an entry no longer waiting books nothing), the audit rows, the
 * families' e-mails « Une place s'est libérée ».
 */
export async function writePromotions(tx: Queryable, list: Promotion[], ctx: PromotionContext): Promise<number[]> {
  if (list.length === 0) return [];
  const year = ctx.today.slice(0, 4);
  const at = ctx.now.toISOString();
  const cancelUntil = new Date(ctx.now.getTime() + PROMOTION_GRACE_MS).toISOString();
  const items = list.map((p) => ({
    entry: p.entry.id,
    family: p.entry.familyId,
    child: p.entry.childId,
    service: p.entry.service,
    site: p.entry.siteId,
    year: p.entry.schoolYearId,
    diff: {
      entryId: p.entry.id,
      added: p.added.map((unit) => ({ date: p.entry.date, unit })),
      by: p.by,
      reason: p.reason,
      cancelUntil,
    },
    email: {
      kind: 'promoted',
      serviceLabel: SERVICE_LABELS[p.entry.service],
      date: p.entry.date,
      units: p.added.map((u) => UNIT_LABELS[u]),
      cancelUntil,
      reason: null,
    },
  }));
  const json = JSON.stringify(items);
  const created = await rows<{ id: number; entryId: number }>(
    tx,
    sql`insert into requests (reference, family_id, child_id, service, school_year_id, type, status, payload, diff,
                              created_by, on_behalf, reason, created_at, updated_at, submitted_at)
        select 'DEM-' || ${year} || '-' || lpad(nextval('request_reference_seq')::text, 6, '0'),
               x.family, x.child, x.service, x.year, 'promotion', 'submitted', '{}'::jsonb, x.diff,
               ${ctx.actor?.id ?? null}, ${list.some((p) => p.by === 'agent')}, x.diff->>'reason',
               ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz
        from rows from (jsonb_to_recordset(${json}::jsonb)
               as (entry int, family int, child int, service service_kind, year int, diff jsonb))
             with ordinality as x(entry, family, child, service, year, diff, n)
        order by x.n
        returning id, (diff->>'entryId')::int as "entryId"`,
  );
  const requestOf = JSON.stringify(created.map((c) => ({ entry: c.entryId, request: c.id })));
  const promoted = await rows<{ id: number }>(
    tx,
    sql`with p as (
          update waiting_entries w
          set status = 'promoted', promoted_at = ${at}::timestamptz, promotion_request_id = x.request
          from jsonb_to_recordset(${requestOf}::jsonb) as x(entry int, request int)
          where w.id = x.entry and w.status = 'waiting'
          returning w.id, w.child_id, w.service, w.site_id, w.date, w.promotion_request_id
        ), booked as (
          insert into reservations (child_id, service, site_id, date, unit, request_id)
          select p.child_id, p.service, p.site_id, p.date, u.unit, p.promotion_request_id
          from p
          join jsonb_to_recordset(${json}::jsonb) as x(entry int, diff jsonb) on x.entry = p.id
          cross join lateral jsonb_to_recordset(x.diff->'added') as u(unit unit)
          on conflict do nothing
        )
        select id from p`,
  );
  await tx.execute(sql`insert into audit_log (at, actor_id, actor_role, action, entity, entity_id, family_id, before, after)
    select ${at}::timestamptz, a.id, a.role, 'waiting_list.promote',
           'waiting_entry', x.entry::text, x.family, null,
           jsonb_build_object('childId', x.child, 'service', x.service, 'siteId', x.site, 'added', x.diff->'added',
                              'by', x.diff->'by', 'reason', x.diff->'reason', 'requestId', q.request)
    from jsonb_to_recordset(${json}::jsonb) as x(entry int, family int, child int, service text, site int, diff jsonb)
    join jsonb_to_recordset(${requestOf}::jsonb) as q(entry int, request int) on q.entry = x.entry
    left join accounts a on a.id = ${ctx.actor?.id ?? null}::int`);
  // the family's first parent (a promotion has no parent who asked it), in the family's language at sending
  await tx.execute(sql`insert into email_outbox (idempotency_key, "to", template, payload, request_id)
    select 'waiting-' || x.entry || '-promoted', p.email, 'waiting-list',
           x.email || jsonb_build_object(
             'reference', q.reference, 'parentName', p.first_name || ' ' || p.last_name,
             'childName', c.first_name || ' ' || c.last_name, 'siteName', s.name,
             'link', ${ctx.appUrl} || '/mes-demandes/' || q.id),
           q.id
    from jsonb_to_recordset(${json}::jsonb) as x(entry int, family int, child int, site int, email jsonb)
    join jsonb_to_recordset(${requestOf}::jsonb) as r(entry int, request int) on r.entry = x.entry
    join requests q on q.id = r.request
    join children c on c.id = x.child
    join sites s on s.id = x.site
    join lateral (select email, first_name, last_name from parents where family_id = x.family order by id limit 1) p
      on true
    on conflict (idempotency_key) do nothing`);
  return promoted.map((p) => p.id);
}
