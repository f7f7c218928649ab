// « Liste d'attente » at « Valider »: the days a reservation request puts on the waiting list become entries, in line by
// validation time; and the places in line the pages and the acknowledgment show (« Liste d'attente : 2e »).
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '@/db/client';
import {
  diffReservations,
  groupByDate,
  sortUnits,
  type IsoDate,
  type Reservation,
  type ServiceKind,
  type Unit,
} from '@/lib/planning';

export interface WaitingDay {
  date: IsoDate;
  units: Unit[];
}

/**
 * What a validation books and what it puts on the list. A day with a unit on the waiting list waits as a whole: the
 * units the parent added that day (« Matin + Repas classique ») wait with it, to be booked together when they all fit;
 * the rest of the request is booked now.
 */
export function splitWaiting(p: {
  current: readonly Reservation[];
  desired: readonly Reservation[];
  waiting: readonly Reservation[];
}): { added: Reservation[]; removed: Reservation[]; waiting: WaitingDay[] } {
  const { added, removed } = diffReservations(p.current, p.desired);
  const held = groupByDate(p.current);
  const waitingByDate = groupByDate(p.waiting);
  const addedByDate = groupByDate(added);
  const waiting: WaitingDay[] = [];
  for (const [date, units] of waitingByDate) {
    const asked = sortUnits([...new Set([...units, ...(addedByDate.get(date) ?? [])])]).filter(
      (u) => !(held.get(date) ?? []).includes(u),
    );
    if (asked.length > 0) waiting.push({ date, units: asked });
  }
  const waits = new Set(waiting.map((w) => w.date));
  return { added: added.filter((r) => !waits.has(r.date)), removed, waiting };
}

/** `${childId}|${date}` → place in line */
export type WaitingPlaces = ReadonlyMap<string, number>;

/**
 * The requests' waiting days as entries (one statement), then each one's place in line (one statement), whatever the
 * number of children and days. A day the child already waits for keeps its entry and its place.
 */
export async function joinWaitingList(
  tx: Queryable,
  p: {
    familyId: number;
    service: ServiceKind;
    siteId: number;
    schoolYearId: number;
    entries: readonly (WaitingDay & { childId: number; requestId: number })[];
    now: Date;
  },
): Promise<WaitingPlaces> {
  await tx.execute(sql`insert into waiting_entries
      (family_id, child_id, service, site_id, school_year_id, date, units, request_id, queued_at)
    select ${p.familyId}, x.child, ${p.service}, ${p.siteId}, ${p.schoolYearId}, x.date,
           array(select jsonb_array_elements_text(x.units))::unit[], x.request, ${p.now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(p.entries.map((e) => ({ child: e.childId, request: e.requestId, date: e.date, units: e.units })))}::jsonb)
      as x(child int, request int, date date, units jsonb)
    on conflict do nothing`);
  const first = p.entries.map((e) => e.date).sort()[0] ?? null;
  const found = await waitingPositions(tx, {
    childIds: [...new Set(p.entries.map((e) => e.childId))],
    service: p.service,
    from: first,
  });
  return new Map(found.map((f) => [`${f.childId}|${f.date}`, f.position]));
}

/** One child's places in line by date (the acknowledgment's). */
export function placesOfChild(places: WaitingPlaces | undefined, childId: number): Map<IsoDate, number> {
  const out = new Map<IsoDate, number>();
  for (const [key, position] of places ?? []) {
    const [child, date] = key.split('|');
    if (Number(child) === childId && date) out.set(date, position);
  }
  return out;
}

/**
 * The place in line of the waiting entry `w` of the enclosing query: 1 + the live entries of its site, service and
 * day queued before it (validation time, then id).
 */
export const LINE_POSITION = sql`(select count(*)::int from waiting_entries a
  where a.site_id = w.site_id and a.service = w.service and a.date = w.date and a.status = 'waiting'
    and (a.queued_at, a.id) <= (w.queued_at, w.id))`;

export interface WaitingPosition {
  id: number;
  childId: number;
  service: ServiceKind;
  siteId: number;
  date: IsoDate;
  units: Unit[];
  /** 1 = next to get a freed place */
  position: number;
}

/**
 * The children's live entries from `from` on (null: every one), each with its place in line at its site, service
 * and day. One statement whatever their number.
 */
export async function waitingPositions(
  db: Queryable,
  p: { childIds: readonly number[]; service?: ServiceKind; from: IsoDate | null },
): Promise<WaitingPosition[]> {
  if (p.childIds.length === 0) return [];
  return rows<WaitingPosition>(
    db,
    sql`select w.id, w.child_id as "childId", w.service::text as service, w.site_id as "siteId",
          to_char(w.date, 'YYYY-MM-DD') as date, w.units::text[] as units,
          ${LINE_POSITION} as position
        from waiting_entries w
        where w.child_id = any(${`{${p.childIds.join(',')}}`}::int[]) and w.status = 'waiting'
          ${p.service ? sql`and w.service = ${p.service}` : sql``}
          ${p.from ? sql`and w.date >= ${p.from}` : sql``}
        order by w.date, w.service`,
  );
}
