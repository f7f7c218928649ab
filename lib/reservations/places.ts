// Places left per date and unit at a site, where staff set a capacity (accueil de loisirs des vacances, mercredi).
import { and, between, eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { reservations, siteCapacities } from '@/db/schema';
import { addDays, type IsoDate, type ServiceKind, type Unit } from '@/lib/planning';

/** date -> unit -> places left (only units with a capacity). Two queries, whatever the range. */
export async function placesLeft(
  db: Queryable,
  p: { siteId: number; service: ServiceKind; from: IsoDate; to: IsoDate },
): Promise<Record<IsoDate, Partial<Record<Unit, number>>>> {
  const capacities = await db
    .select({ unit: siteCapacities.unit, capacity: siteCapacities.capacity })
    .from(siteCapacities)
    .where(and(eq(siteCapacities.siteId, p.siteId), eq(siteCapacities.service, p.service)));
  if (capacities.length === 0) return {};
  const taken = await db
    .select({ date: reservations.date, unit: reservations.unit, n: sql<number>`count(*)::int` })
    .from(reservations)
    .where(
      and(
        eq(reservations.siteId, p.siteId),
        eq(reservations.service, p.service),
        between(reservations.date, p.from, p.to),
      ),
    )
    .groupBy(reservations.date, reservations.unit);
  const out: Record<IsoDate, Partial<Record<Unit, number>>> = {};
  const count = new Map(taken.map((t) => [`${t.date}|${t.unit}`, t.n]));
  for (let d = p.from; d <= p.to; d = addDays(d, 1)) {
    out[d] = Object.fromEntries(
      capacities.map((c) => [c.unit, Math.max(0, c.capacity - (count.get(`${d}|${c.unit}`) ?? 0))]),
    );
  }
  return out;
}
