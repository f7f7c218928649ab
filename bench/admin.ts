// npm run bench (after bench/reservations.ts) — the back office's reports at the scale of a big town, on PostgreSQL.
// A fresh database portail_bench_admin_<timestamp> on BENCH_DATABASE_URL / DATABASE_URL (default: the local server):
// the demo town grown to 10,000 children and 25 sites with a full school year of reservations (~2 million rows,
// written by set-based SQL), ANALYZE, then the three queries of the pages, each timed (median of 5 runs) against
// a 100 ms target and explained (EXPLAIN ANALYZE, BUFFERS). The database is dropped at the end, even on failure or Ctrl-C.
import { performance } from 'node:perf_hooks';
import { withBenchDatabase } from './database';
import { queryTimer, type BenchQuery } from './support';
import { openDatabase, rows, sql } from '@/db/client';
import { seedIfEmpty } from '@/lib/demo/seed';
import { growTown } from './town';
import { attendanceList } from '@/lib/reports/attendance';
import { mealOrders } from '@/lib/reports/meal-orders';
import { occupancy, occupancyWindow } from '@/lib/reports/occupancy';
import type { IsoDate } from '@/lib/planning';

// ---- configuration -------------------------------------------------------------------------------------
const TODAY: IsoDate = '2026-11-30';
const ATTENDANCE_DATE: IsoDate = '2026-12-02'; // a Wednesday
const MONTH = { from: '2027-01-01', to: '2027-01-31' } as const;
const RUNS = 5;
const TARGET_MS = 100;

const failures: string[] = [];
function check(label: string, ok: boolean, detail = ''): void {
  console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${label}${detail ? ` — ${detail}` : ''}`);
  if (!ok) failures.push(label);
}

// ---- main -----------------------------------------------------------------------------------------------
async function main(): Promise<void> {
  const started = performance.now();
  await withBenchDatabase({ tag: 'bench:admin', prefix: 'portail_bench_admin', failures }, async (bench) => {
    console.log(`[bench:admin] PostgreSQL ${bench.version}, database ${bench.name}, today ${TODAY}`);
    const timer = queryTimer(bench, { runs: RUNS, target: TARGET_MS });
    const database = await openDatabase({ url: bench.url }, { logger: timer.logger, max: 4 });
    bench.closeLater(() => database.close());
    const db = database.db;

    const seedStarted = performance.now();
    await seedIfEmpty(db, () => {});
    await growTown(db);
    const loadMs = performance.now() - seedStarted;
    const analyzeStarted = performance.now();
    // what autovacuum would do after a bulk load: statistics and the visibility map (index-only scans)
    await db.execute(sql`vacuum (analyze) reservations`);
    await db.execute(sql`analyze`);
    const analyzeMs = performance.now() - analyzeStarted;
    const [town] = await rows<{ children: number; sites: number; reservations: number }>(
      db,
      sql`
      select (select count(*)::int from children) as children, (select count(*)::int from sites) as sites,
             (select count(*)::int from reservations) as reservations`,
    );
    console.log(
      `[bench:admin] ${town!.children} children, ${town!.sites} sites, ${town!.reservations} reservations: ` +
        `loaded in ${(loadMs / 1000).toFixed(1)} s, vacuum/analyze ${(analyzeMs / 1000).toFixed(1)} s`,
    );

    // the busiest centre on the Wednesday: the longest attendance list
    const [centre] = await rows<{ siteId: number; name: string; n: number }>(
      db,
      sql`
      select r.site_id as "siteId", s.name, count(distinct r.child_id)::int as n
      from reservations r join sites s on s.id = r.site_id
      where r.date = ${ATTENDANCE_DATE} and s.kind = 'centre' group by r.site_id, s.name order by n desc limit 1`,
    );

    const window = occupancyWindow(TODAY);
    const sizes = { occupancy: 0, attendance: 0, meals: 0 };
    const queries: BenchQuery[] = [
      {
        label: `dashboard: 8-week occupancy of every site (${window.from} → ${window.to})`,
        run: async () => {
          sizes.occupancy = (await occupancy(db, window)).length;
        },
      },
      {
        label: `attendance list: ${centre!.name} on ${ATTENDANCE_DATE}`,
        run: async () => {
          sizes.attendance = (await attendanceList(db, { date: ATTENDANCE_DATE, siteId: centre!.siteId })).length;
        },
      },
      {
        label: `kitchen orders: one month of every site (${MONTH.from} → ${MONTH.to})`,
        run: async () => {
          sizes.meals = (await mealOrders(db, MONTH)).lines.length;
        },
      },
    ];
    const results = await timer.time(queries);
    console.log(
      `[bench:admin] result sizes: ${sizes.occupancy} occupancy cells, ${sizes.attendance} children on the list (${centre!.n} expected), ${sizes.meals} order lines`,
    );
    check(
      'the attendance list holds every child expected',
      sizes.attendance === centre!.n,
      `${sizes.attendance} of ${centre!.n}`,
    );

    await timer.report('Admin reports benchmark', results, check);
    console.log(
      `\n${failures.length === 0 ? 'ALL PASS' : `FAIL: ${failures.join('; ')}`} — total ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  });
}

void main();
