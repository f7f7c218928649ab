// npm run bench (after bench/admin.ts) — « Bilans de présence » and « Rapport CAF » at the scale of a big town, on
// PostgreSQL. A fresh database portail_bench_attendance_<timestamp> on BENCH_DATABASE_URL / DATABASE_URL (default:
// the local server): the town of bench/admin.ts (10,000 children, a school year of reservations), then a school year
// of « Pointage » marks written by set-based SQL (every booked slot marked, 8 % absent; signalled absences pending,
// justified or unjustified; children present without a reservation at the holiday centres), ANALYZE, then each
// report's query timed (median of 5 runs, target < 100 ms) and explained (EXPLAIN ANALYZE, BUFFERS). Dropped at the end.
import { performance } from 'node:perf_hooks';
import { openDatabase, rows, sql, type Db } from '@/db/client';
import { seedIfEmpty } from '@/lib/demo/seed';
import { absencesByFamily, attendanceVsExpected, cafReport } from '@/lib/reports/attendance-reports';
import { lastFourWeeks } from '@/lib/reports/params';
import { pointageDay, type PointageDay } from '@/lib/pointage/day';
import { withBenchDatabase } from './database';
import { queryTimer, type BenchQuery } from './support';
import { growTown } from './town';

// ---- configuration -------------------------------------------------------------------------------------
const TODAY = '2027-02-01';
const MONTH = { from: '2027-01', to: '2027-01' } as const;
const PERIOD = { from: '2027-01-01', to: '2027-01-31' } as const;
const RUNS = 5;
const TARGET_MS = 100;

const failures: string[] = [];
function check(label: string, ok: boolean, detail = ''): void {
  console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${label}${detail ? ` — ${detail}` : ''}`);
  if (!ok) failures.push(label);
}

// ---- a school year of marks --------------------------------------------------------------------------------
async function markTheYear(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    // signalled absences: about 0.6 % of the booked days, a third each pending, justified, unjustified
    await tx.execute(sql`
      with picked as (
        select distinct r.child_id, r.service, r.date from reservations r
        where (hashint4(r.child_id * 31 + (r.date - date '2026-01-01')) & 1023) < 6
      ), req as (
        insert into requests (family_id, child_id, service, type, status, payload)
        select c.family_id, p.child_id, p.service, 'absence', 'submitted', jsonb_build_object('date', p.date)
        from picked p join children c on c.id = p.child_id
        returning id, family_id, child_id, service, (payload ->> 'date')::date as date
      ), ab as (
        insert into absences (request_id, family_id, reason, certificate_due_at, status)
        select id, family_id, 'autre', now(), (array['pending', 'justified', 'unjustified'])[1 + id % 3]::absence_status
        from req returning request_id
      )
      update reservations r set absence_request_id = req.id
      from req where r.child_id = req.child_id and r.service = req.service and r.date = req.date`);
    // every booked slot marked (two meals would be one Repas): 8 % absent, a signalled absence always absent
    await tx.execute(sql`
      insert into attendance_marks (child_id, site_id, service, date, slot, status, booked, tapped_at, updated_at)
      select r.child_id, r.site_id, r.service, r.date,
             (case r.unit when 'matin' then 'matin' when 'apres_midi' then 'apres_midi' else 'repas' end)::attendance_slot,
             (case when bool_or(r.absence_request_id is not null)
                     or (hashint4(r.child_id * 13 + (r.date - date '2026-01-01')) & 1023) < 82
                   then 'absent' else 'present' end)::attendance_status,
             true, r.date + time '09:00', r.date + time '09:00'
      from reservations r
      group by 1, 2, 3, 4, 5
      order by 4, 2`);
    // « présent non réservé »: 2 % of the holiday days an enrolled child did not book
    await tx.execute(sql`
      insert into attendance_marks (child_id, site_id, service, date, slot, status, booked, tapped_at, updated_at)
      select e.child_id, e.site_id, 'vacances', d.date, 'matin', 'present', false, d.date + time '09:00',
             d.date + time '09:00'
      from enrolments e
      cross join (select distinct date from reservations where service = 'vacances') d
      where e.service = 'vacances' and (hashint4(e.child_id * 17 + (d.date - date '2026-01-01')) & 1023) < 20
      on conflict (child_id, service, date, slot) do nothing`);
  });
}

/** What a check-in list holds: « 23 présents / 25 attendus » per slot. */
const checkInSize = (day: PointageDay) =>
  day.slots.map((l) => `${l.slot} ${l.present} présents / ${l.expected} attendus`).join(', ');

// ---- main -----------------------------------------------------------------------------------------------
async function main(): Promise<void> {
  const started = performance.now();
  await withBenchDatabase({ tag: 'bench:attendance', prefix: 'portail_bench_attendance', failures }, async (bench) => {
    console.log(`[bench:attendance] PostgreSQL ${bench.version}, database ${bench.name}, today ${TODAY}`);
    const timer = queryTimer(bench, { runs: RUNS, target: TARGET_MS });
    const database = await openDatabase({ url: bench.url }, { logger: timer.logger, max: 4 });
    bench.closeLater(() => database.close());
    const db = database.db;

    const seedStarted = performance.now();
    await seedIfEmpty(db, () => {});
    await growTown(db);
    const townMs = performance.now() - seedStarted;
    const marksStarted = performance.now();
    await markTheYear(db);
    const marksMs = performance.now() - marksStarted;
    await db.execute(sql`vacuum (analyze) reservations`);
    await db.execute(sql`vacuum (analyze) attendance_marks`);
    await db.execute(sql`analyze`);
    const [town] = await rows<{ children: number; reservations: number; marks: number; absences: number }>(
      db,
      sql`
      select (select count(*)::int from children) as children, (select count(*)::int from reservations) as reservations,
             (select count(*)::int from attendance_marks) as marks, (select count(*)::int from absences) as absences`,
    );
    console.log(
      `[bench:attendance] ${town!.children} children, ${town!.reservations} reservations, ${town!.absences} signalled ` +
        `absences (town in ${(townMs / 1000).toFixed(1)} s), ${town!.marks} marks in ${(marksMs / 1000).toFixed(1)} s`,
    );

    // the busiest leisure centre and the busiest school of the month
    const busiest = async (kind: 'centre' | 'ecole') =>
      (
        await rows<{ siteId: number; name: string }>(
          db,
          sql`select m.site_id as "siteId", s.name from attendance_marks m join sites s on s.id = m.site_id
              where m.date between ${PERIOD.from} and ${PERIOD.to} and s.kind = ${kind}
              group by m.site_id, s.name order by count(*) desc limit 1`,
        )
      )[0]!;
    const centre = await busiest('centre');
    const school = await busiest('ecole');
    const fourWeeks = lastFourWeeks(TODAY);

    const queries: BenchQuery[] = [
      {
        label: `Rapport CAF: ${MONTH.from}, every site`,
        run: async () => `${(await cafReport(db, MONTH)).lines.length} lines`,
      },
      {
        label: `absences per family: ${PERIOD.from} → ${PERIOD.to}, ${school.name}`,
        run: async () => {
          const r = await absencesByFamily(db, { ...PERIOD, siteId: school.siteId });
          return `${r.totals.unjustified} unjustified, ${r.totals.justified} justified, ${r.pending} pending units`;
        },
      },
      {
        label: `absences per family: ${PERIOD.from} → ${PERIOD.to}, every site`,
        run: async () => {
          const r = await absencesByFamily(db, PERIOD);
          return `${r.totals.unjustified} unjustified, ${r.totals.justified} justified, ${r.totals.unbooked} unbooked`;
        },
      },
      {
        label: `expected vs present: ${PERIOD.from} → ${PERIOD.to}, ${centre.name}`,
        run: async () => `${(await attendanceVsExpected(db, { ...PERIOD, siteId: centre.siteId })).lines.length} lines`,
      },
      {
        label: `expected vs present: ${PERIOD.from} → ${PERIOD.to}, ${school.name}`,
        run: async () => `${(await attendanceVsExpected(db, { ...PERIOD, siteId: school.siteId })).lines.length} lines`,
      },
      {
        // the dashboard keeps it DASHBOARD_RATE_SECONDS per instance: recounted once in 5 minutes, not per page
        target: 1000,
        label: `dashboard: rate of the 4 weeks ${fourWeeks.from} → ${fourWeeks.to}, every site (kept 5 min)`,
        run: async () => `rate ${(await attendanceVsExpected(db, { ...fourWeeks, siteId: null })).total.rate} %`,
      },
      {
        label: `« Pointage »: the check-in list of ${centre.name} on Wednesday 2027-01-13`,
        run: async () =>
          checkInSize(
            await pointageDay(db, {
              site: { id: centre.siteId, name: centre.name, kind: 'centre' },
              date: '2027-01-13',
            }),
          ),
      },
      {
        label: `« Pointage »: the check-in list of ${school.name} on Thursday 2027-01-14`,
        run: async () =>
          checkInSize(
            await pointageDay(db, {
              site: { id: school.siteId, name: school.name, kind: 'ecole' },
              date: '2027-01-14',
            }),
          ),
      },
    ];

    const results = await timer.time(queries);
    await timer.report('Attendance reports benchmark', results, check);
    console.log(
      `\n${failures.length === 0 ? 'ALL PASS' : `FAIL: ${failures.join('; ')}`} — total ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  });
}

void main();
