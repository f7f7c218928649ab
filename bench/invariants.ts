// The invariants more than one bench checks on the database it wrote (bench:reservations, bench:rush): computed here
// once, each bench wording its own line of the report.
import { rows, sql, type Db } from '@/db/client';
import { openDates, type IsoDate, type ServiceKind } from '@/lib/planning';
import { loadServiceCalendar } from '@/lib/reservations/calendar';

export interface ClosedDateCheck {
  /** the reservations counted per service, site and date */
  used: { service: ServiceKind; site_id: number; date: string; n: number }[];
  /** those of `used` on a date their service is closed (or outside every school year) */
  bad: { service: ServiceKind; site_id: number; date: string; n: number }[];
}

/**
 * Every reservation lies on an open date of its service: the open dates as lib/planning computes them, per service,
 * site and school year, against the dates the reservations table holds.
 */
export async function reservationsOnClosedDates(db: Db): Promise<ClosedDateCheck> {
  const years = await rows<{ id: number }>(db, sql`select id from school_years order by year_start`);
  const used = await rows<{ service: ServiceKind; site_id: number; date: string; n: number }>(
    db,
    sql`
    select service, site_id, to_char(date, 'YYYY-MM-DD') as date, count(*)::int as n
    from reservations group by 1, 2, 3`,
  );
  const open = new Map<string, { from: IsoDate; to: IsoDate; dates: Set<IsoDate> }[]>();
  for (const key of new Set(used.map((u) => `${u.service}|${u.site_id}`))) {
    const [service, site] = key.split('|') as [ServiceKind, string];
    const perYear: { from: IsoDate; to: IsoDate; dates: Set<IsoDate> }[] = [];
    for (const year of years) {
      const cal = await loadServiceCalendar(db, { schoolYearId: year.id, service, siteId: Number(site) });
      const { yearStart, lastDay } = cal.schoolYear;
      perYear.push({
        from: yearStart,
        to: lastDay,
        dates: new Set(openDates(service, cal.cal, yearStart, lastDay, { weekdays: cal.weekdays })),
      });
    }
    open.set(key, perYear);
  }
  const bad = used.filter((u) => {
    const year = open.get(`${u.service}|${u.site_id}`)!.find((y) => y.from <= u.date && u.date <= y.to);
    return !year || !year.dates.has(u.date);
  });
  return { used, bad };
}
