// Commandes de repas for the kitchen: classic and meatless meals per date and site over a range, with the totals.
// Every meal counts: canteen (schools), Wednesday and holiday centres; a meal declared absent before its day
// (« Absence signalée », absence_released) does not. One query (GROUP BY date, site).
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '@/db/client';
import type { IsoDate } from '@/lib/planning';

export interface MealCount {
  classique: number;
  sansViande: number;
  total: number;
}

export interface MealOrderLine extends MealCount {
  date: IsoDate;
  siteId: number;
}

export interface MealOrders {
  from: IsoDate;
  to: IsoDate;
  /** by date, then site (only date and site pairs with meals) */
  lines: MealOrderLine[];
  /** site id -> its totals over the range */
  bySite: Map<number, MealCount>;
  total: MealCount;
}

export async function mealOrders(
  db: Queryable,
  p: { from: IsoDate; to: IsoDate; siteId?: number | null },
): Promise<MealOrders> {
  const site = p.siteId ? sql`and r.site_id = ${p.siteId}` : sql``;
  const found = await rows<{ date: IsoDate; siteId: number; classique: number; sansViande: number }>(
    db,
    sql`
    select r.date::text as date, r.site_id as "siteId",
           count(*) filter (where r.unit = 'repas_classique')::int as classique,
           count(*) filter (where r.unit = 'repas_sans_viande')::int as "sansViande"
    from reservations r
    where r.date between ${p.from} and ${p.to} and r.unit in ('repas_classique', 'repas_sans_viande')
      and not r.absence_released ${site}
    group by r.date, r.site_id
    order by r.date, r.site_id`,
  );
  return summariseMealOrders(p.from, p.to, found);
}

/** Rows, site and overall totals from the counts per date and site. */
export function summariseMealOrders(
  from: IsoDate,
  to: IsoDate,
  counts: readonly { date: IsoDate; siteId: number; classique: number; sansViande: number }[],
): MealOrders {
  const bySite = new Map<number, MealCount>();
  const total: MealCount = { classique: 0, sansViande: 0, total: 0 };
  const lines = counts.map((c) => {
    const line: MealOrderLine = {
      date: c.date,
      siteId: c.siteId,
      classique: c.classique,
      sansViande: c.sansViande,
      total: c.classique + c.sansViande,
    };
    const s = bySite.get(c.siteId) ?? { classique: 0, sansViande: 0, total: 0 };
    for (const t of [s, total]) {
      t.classique += line.classique;
      t.sansViande += line.sansViande;
      t.total += line.total;
    }
    bySite.set(c.siteId, s);
    return line;
  });
  return { from, to, lines, bySite, total };
}
