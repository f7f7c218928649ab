// The town of the back office's benchmarks (bench/admin.ts, bench/attendance.ts): the demo town grown to 10,000
// children and 25 sites with a full school year of reservations (~2 million rows), written by set-based SQL.
import type { Database } from '@/db/client';
import { rows, sql } from '@/db/client';
import { DEMO_YEAR } from '@/lib/demo/seed';
import calendarData from '@/data/calendrier-zone-c.json';
import { buildSchoolCalendar, openDates, type IsoDate } from '@/lib/planning';

export const CHILDREN = 10_000;
const EXTRA_SCHOOLS = 16; // 20 schools in all
const EXTRA_CENTRES = 5; // 8 leisure centres, one per sector

/** Grows the demo town (~400 children) to CHILDREN children, with sites, sectors, enrolments and a year of bookings. */
export async function growTown(db: Database['db']): Promise<void> {
  const year = calendarData.schoolYears.find((y) => y.label === DEMO_YEAR)!;
  const cal = buildSchoolCalendar({ ...year, closures: [] });
  const lastDay = year.holidays.reduce((max, h) => (h.end > max ? h.end : max), year.yearEnd);
  const open = {
    cantine: openDates('cantine', cal, year.yearStart, lastDay),
    mercredi: openDates('mercredi', cal, year.yearStart, lastDay),
    vacances: openDates('vacances', cal, year.yearStart, lastDay),
  };
  const pgDates = (dates: IsoDate[]) => `{${dates.join(',')}}`;
  await db.transaction(async (tx) => {
    // sites and sectors: more schools, and a leisure centre per new sector
    await tx.execute(sql`insert into sites (kind, name, address)
      select 'ecole', 'École n° ' || g, g || ' rue des Écoles, 91999 Belleval' from generate_series(1, ${EXTRA_SCHOOLS}) g`);
    await tx.execute(sql`with c as (
        insert into sites (kind, name, address)
        select 'centre', 'Accueil de loisirs n° ' || g, g || ' allée des Loisirs, 91999 Belleval' from generate_series(1, ${EXTRA_CENTRES}) g
        returning id, name)
      insert into sectors (name, leisure_centre_id) select 'Secteur ' || c.name, c.id from c`);
    await tx.execute(sql`insert into site_capacities (site_id, service, unit, capacity)
      select s.id, v.service::service_kind, u.unit::unit, v.capacity
      from sites s
      cross join (values ('mercredi', 900), ('vacances', 700)) v(service, capacity)
      cross join unnest(array['matin', 'apres_midi', 'repas_classique', 'repas_sans_viande']) u(unit)
      where s.kind = 'centre'
      on conflict (site_id, service, unit) do update set capacity = excluded.capacity`);

    const [before] = await rows<{ children: number; families: number; child: number }>(
      tx,
      sql`
      select (select count(*)::int from children) as children, (select max(id)::int from families) as families,
             (select max(id)::int from children) as child`,
    );
    const newChildren = CHILDREN - before!.children;
    const newFamilies = Math.ceil(newChildren / 2);
    // families (two children each), one parent per family
    await tx.execute(sql`insert into families (name, address, postal_code, city, sector_id)
      select 'Famille' || g, g || ' rue du Bench', '91999', 'Belleval',
             (select id from sectors order by id offset (g % (select count(*) from sectors)) limit 1)
      from generate_series(1, ${newFamilies}) g`);
    await tx.execute(sql`insert into parents (family_id, first_name, last_name, email, phone)
      select f.id, 'Parent', f.name, 'parent.' || f.id || '@example.fr', '06 00 00 ' || lpad((f.id % 100)::text, 2, '0') || ' 00'
      from families f where f.id > ${before!.families}`);
    await tx.execute(sql`with schools as (select id, row_number() over (order by id) - 1 as n from sites where kind = 'ecole'),
        k as (select count(*) as n from schools)
      insert into children (family_id, first_name, last_name, birth_date, school_id, class_level)
      select f.id, 'Enfant' || k.i, f.name, date '2016-01-01' + ((f.id * 7 + k.i * 131) % 2500),
             (select s.id from schools s where s.n = (f.id * 2 + k.i) % (select n from k)),
             (array['PS','MS','GS','CP','CE1','CE2','CM1','CM2'])[1 + (f.id + k.i) % 8]
      from families f cross join generate_series(0, 1) k(i)
      where f.id > ${before!.families}
      order by f.id, k.i
      limit ${newChildren}`);
    // who goes where: deterministic draws from a hash of the child (and of the date for the days booked)
    await tx.execute(sql`create temporary table bench_kids on commit drop as
      select c.id, c.school_id, s.leisure_centre_id as centre_id,
             case when hashint4(c.id) & 1023 < 205 then 'repas_sans_viande' else 'repas_classique' end::unit as meal,
             (hashint4(c.id * 3 + 1) & 1023) < 512 as mercredi,
             (hashint4(c.id * 3 + 2) & 1023) < 410 as vacances
      from children c join families f on f.id = c.family_id join sectors s on s.id = f.sector_id
      where c.id > ${before!.child}`);
    await tx.execute(sql`insert into enrolments (child_id, service, site_id, school_year_id)
      select k.id, e.service, case when e.service = 'cantine' then k.school_id else k.centre_id end,
             (select id from school_years where label = ${DEMO_YEAR})
      from bench_kids k cross join unnest(array['cantine', 'mercredi', 'vacances']::service_kind[]) e(service)
      where e.service = 'cantine' or (e.service = 'mercredi' and k.mercredi) or (e.service = 'vacances' and k.vacances)`);
    // Rows go in child by child, as parents' requests write them (a child's year at once): a date's rows are spread
    // over the whole table, the worst case for a report over dates.
    // the canteen: 4 days in 5 on average (a child keeps its weekdays); Wednesdays: 85 %, a full day with a meal;
    // holidays: 35 % of the days, full days with a meal
    await tx.execute(sql`insert into reservations (child_id, service, site_id, date, unit)
      select k.id, 'cantine', k.school_id, d, k.meal
      from bench_kids k cross join unnest(${pgDates(open.cantine)}::date[]) d
      where (hashint4(k.id * 8 + extract(isodow from d)::int) & 1023) < 820
      order by k.id, d`);
    await tx.execute(sql`insert into reservations (child_id, service, site_id, date, unit)
      select k.id, 'mercredi', k.centre_id, d, u
      from bench_kids k cross join unnest(${pgDates(open.mercredi)}::date[]) d
        cross join lateral unnest(array['matin', 'apres_midi', k.meal::text]::unit[]) u
      where k.mercredi and (hashint4(k.id + (d - date '2026-01-01') * 100003) & 1023) < 870
      order by k.id, d`);
    await tx.execute(sql`insert into reservations (child_id, service, site_id, date, unit)
      select k.id, 'vacances', k.centre_id, d, u
      from bench_kids k cross join unnest(${pgDates(open.vacances)}::date[]) d
        cross join lateral unnest(array['matin', 'apres_midi', k.meal::text]::unit[]) u
      where k.vacances and (hashint4(k.id + (d - date '2026-01-01') * 100019) & 1023) < 360
      order by k.id, d`);
  });
}
