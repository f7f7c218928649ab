// npm run bench — "Valider" (submitReservationRequest) under load, on PostgreSQL only.
// A fresh database portail_bench_<timestamp> on BENCH_DATABASE_URL / DATABASE_URL (default: the local server),
// 2,000 families, then 1, 10 and 50 concurrent callers each validating a full-year two-week template for
// children never used before. Only the validation is timed. The invariants are checked in SQL at the end;
// the exit code is non-zero on any FAIL. The database is dropped at the end, even on failure.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { withBenchDatabase } from './database';
import { reservationsOnClosedDates } from './invariants';
import type { Logger } from 'drizzle-orm';
import { openDatabase, rows, sql, type Database, type Db } from '@/db/client';
import { DEMO_ACCOUNTS, DEMO_YEAR, seedIfEmpty } from '@/lib/demo/seed';
import { UserError } from '@/lib/errors';
import { defaultTemplatePeriod, diffByDate, openDates, type IsoDate, type Unit } from '@/lib/planning';
import { applyTemplateToDraft, loadDraft, saveDraftDays, startReservationDraft } from '@/lib/requests/drafts';
import { parentPolicy } from '@/lib/requests/policy';
import { submitReservationRequest, type SubmitResult } from '@/lib/requests/submit';
import { loadServiceCalendar, type ServiceCalendar } from '@/lib/reservations/calendar';

// ---- configuration -------------------------------------------------------------------------------------
const FAMILIES = 2000;
const LEVELS = [1, 10, 50] as const;
/** validations per level: a few seconds each, every caller of the 50 running a dozen times */
const validationsFor = (concurrency: number) => Math.max(150, 30 * Math.min(concurrency, 10), 12 * concurrency);
const POOL_MAX = 60;
const TODAY: IsoDate = '2026-11-29';
const NOW = new Date('2026-11-29T09:00:00Z');
const APP_URL = 'http://localhost:3000';
const BENCH_CAPACITY = 10_000;
/** week 1: a full day with the classic meal on Wednesday; week 2: a morning with the meatless meal */
const TEMPLATE_WEEKS: Record<string, string[]>[] = [
  { 3: ['matin', 'apres_midi', 'repas_classique'] },
  { 3: ['matin', 'repas_sans_viande'] },
];
const SAMPLE_EVERY_MS = 25;

// ---- small helpers -------------------------------------------------------------------------------------
let statements = 0;
const counter: Logger = {
  logQuery: () => {
    statements += 1;
  },
};

const failures: string[] = [];
function check(label: string, ok: boolean, detail = ''): void {
  console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${label}${detail ? ` — ${detail}` : ''}`);
  if (!ok) failures.push(label);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1; // nearest-rank
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

const ms = (n: number) => n.toFixed(1);
const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');
const pad = (s: string | number, n: number) => String(s).padStart(n);

interface Candidate {
  childId: number;
  familyId: number;
  accountId: number;
  siteId: number;
}

/** The candidate's parent, as the parent's pages see the démarche. */
const asParent = (c: Candidate) => parentPolicy({ id: c.accountId, familyId: c.familyId });

interface Prepared extends Candidate {
  requestId: number;
  version: number;
}

/** What the validations reported: the bench checks the reservation count against it. */
const totals = { added: 0, removed: 0, submitted: 0 };

function record(result: SubmitResult): void {
  if (result.alreadySubmitted) return;
  totals.added += result.added;
  totals.removed += result.removed;
  totals.submitted += 1;
}

// ---- the use-cases, as the server actions call them -----------------------------------------------------
const calendars = new Map<number, Promise<ServiceCalendar>>();
function calendarOf(db: Db, schoolYearId: number, siteId: number): Promise<ServiceCalendar> {
  const key = schoolYearId * 100_000 + siteId;
  let cal = calendars.get(key);
  if (!cal) {
    cal = loadServiceCalendar(db, { schoolYearId, service: 'mercredi', siteId });
    calendars.set(key, cal);
  }
  return cal;
}

/** startReservationDraft → applyTemplateToDraft (default period → end of the school year); null when it changes nothing. */
async function prepareTemplate(
  db: Db,
  c: Candidate,
  schoolYearId: number,
): Promise<(Prepared & { changedDates: number }) | null> {
  const { requestId } = await startReservationDraft(db, {
    familyId: c.familyId,
    accountId: c.accountId,
    childId: c.childId,
    service: 'mercredi',
    today: TODAY,
    now: NOW,
  });
  const cal = await calendarOf(db, schoolYearId, c.siteId);
  const period = defaultTemplatePeriod('mercredi', cal.cal, TODAY, cal.deadlineDays, { weekdays: cal.weekdays });
  if (!period) throw new Error('no bookable Wednesday left in the school year: the bench needs a period');
  const applied = await db.transaction((tx) =>
    applyTemplateToDraft(tx, {
      policy: asParent(c),
      today: TODAY,
      now: NOW,
      input: { requestId, weeks: TEMPLATE_WEEKS, from: period.from, to: period.to },
    }),
  );
  if (applied.added + applied.removed === 0) return null;
  const draft = await loadDraft(db, { requestId, policy: asParent(c), now: NOW });
  return {
    ...c,
    requestId,
    version: draft.enrolment.planningVersion,
    changedDates: diffByDate(draft.payload.base, draft.payload.desired).length,
  };
}

/** Unit sets a parent may book on a Wednesday: a day is changed by picking one that differs from its current units. */
const DAY_CHOICES: Unit[][] = [
  ['matin', 'repas_sans_viande'],
  ['matin', 'apres_midi', 'repas_classique'],
  ['apres_midi'],
];

/**
 * startReservationDraft → the units of `dates` changed day by day (saveDraftDays): `1` changes the first
 * bookable Wednesday, `'all'` every bookable Wednesday left in the school year.
 */
async function prepareDays(
  db: Db,
  c: Candidate,
  schoolYearId: number,
  dates: 1 | 'all',
): Promise<Prepared & { changedDates: number }> {
  const { requestId } = await startReservationDraft(db, {
    familyId: c.familyId,
    accountId: c.accountId,
    childId: c.childId,
    service: 'mercredi',
    today: TODAY,
    now: NOW,
  });
  const cal = await calendarOf(db, schoolYearId, c.siteId);
  const period = defaultTemplatePeriod('mercredi', cal.cal, TODAY, cal.deadlineDays, { weekdays: cal.weekdays });
  if (!period) throw new Error('no bookable Wednesday left in the school year');
  const bookable = openDates('mercredi', cal.cal, period.from, period.to, { weekdays: cal.weekdays });
  const before = await loadDraft(db, { requestId, policy: asParent(c), now: NOW });
  const key = (units: readonly Unit[]) => [...units].sort().join(',');
  const days = (dates === 1 ? bookable.slice(0, 1) : bookable).map((date) => {
    const current = key(before.payload.desired.filter((r) => r.date === date).map((r) => r.unit));
    return { date, units: DAY_CHOICES.find((units) => key(units) !== current)! as string[] };
  });
  await db.transaction((tx) =>
    saveDraftDays(tx, { policy: asParent(c), today: TODAY, now: NOW, input: { requestId, days } }),
  );
  const draft = await loadDraft(db, { requestId, policy: asParent(c), now: NOW });
  return {
    ...c,
    requestId,
    version: draft.enrolment.planningVersion,
    changedDates: diffByDate(draft.payload.base, draft.payload.desired).length,
  };
}

function submit(db: Db, p: Prepared): Promise<SubmitResult> {
  return submitReservationRequest(db, {
    policy: asParent(p),
    requestId: p.requestId,
    version: p.version,
    today: TODAY,
    now: NOW,
    appUrl: APP_URL,
  });
}

/** Runs `task` over `items` with `concurrency` callers pulling from one queue. */
async function pool<T, R>(items: readonly T[], concurrency: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      out[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return out;
}

// ---- what PostgreSQL is doing while the validations run (a separate client: not counted) ------------------
interface Sampling {
  samples: number;
  /** sum over samples of the sessions of the bench database that were active */
  active: number;
  /** "wait_event_type:wait_event" → session-samples */
  waits: Map<string, number>;
  /** first words of the statement a waiting session was blocked in → session-samples */
  blockedIn: Map<string, number>;
  maxLockWaiters: number;
}

function startSampler(monitor: postgres.Sql, dbName: string): { stop(): Promise<Sampling> } {
  const s: Sampling = { samples: 0, active: 0, waits: new Map(), blockedIn: new Map(), maxLockWaiters: 0 };
  let running = true;
  const loop = (async () => {
    while (running) {
      const found = await monitor<{ wait_event_type: string | null; wait_event: string | null; query: string }[]>`
        select wait_event_type, wait_event, left(regexp_replace(query, '\\s+', ' ', 'g'), 60) as query
        from pg_stat_activity
        where datname = ${dbName} and state = 'active' and pid <> pg_backend_pid()`;
      s.samples += 1;
      s.active += found.length;
      let lockWaiters = 0;
      for (const row of found) {
        if (!row.wait_event_type) continue;
        const key = `${row.wait_event_type}:${row.wait_event}`;
        s.waits.set(key, (s.waits.get(key) ?? 0) + 1);
        if (row.wait_event_type === 'Lock') {
          lockWaiters += 1;
          s.blockedIn.set(row.query, (s.blockedIn.get(row.query) ?? 0) + 1);
        }
      }
      s.maxLockWaiters = Math.max(s.maxLockWaiters, lockWaiters);
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return s;
    },
  };
}

// ---- one level ------------------------------------------------------------------------------------------
interface LevelResult {
  concurrency: number;
  validations: number;
  refused: Map<string, number>;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  statementsPerValidation: number;
  changedPerValidation: number;
  changedDatesPerValidation: number;
  sampling: Sampling;
  clientBusy: number;
}

async function runLevel(
  database: Database,
  monitor: postgres.Sql,
  dbName: string,
  schoolYearId: number,
  concurrency: number,
  candidates: Candidate[],
): Promise<LevelResult> {
  const db = database.db;
  const wanted = validationsFor(concurrency);
  // Preparation (not timed): drafts with the template applied, 10 at a time.
  const prepared: (Prepared & { changedDates: number })[] = [];
  while (prepared.length < wanted) {
    const batch = candidates.splice(0, wanted - prepared.length);
    if (batch.length === 0)
      throw new Error(
        `not enough children enrolled in mercredi for ${wanted} validations at concurrency ${concurrency}`,
      );
    const done = await pool(batch, 10, (c) => prepareTemplate(db, c, schoolYearId));
    for (const p of done) if (p) prepared.push(p);
  }

  // The timed phase: only submits run, so every statement counted belongs to them.
  const latencies: number[] = [];
  const refused = new Map<string, number>();
  let changed = 0;
  const sampler = startSampler(monitor, dbName);
  const elu0 = performance.eventLoopUtilization();
  statements = 0;
  const t0 = performance.now();
  await pool(prepared, concurrency, async (p) => {
    const started = performance.now();
    try {
      const result = await submit(db, p);
      latencies.push(performance.now() - started);
      record(result);
      changed += result.added + result.removed;
    } catch (error) {
      const key =
        error instanceof UserError
          ? `${error.code}: ${error.message.slice(0, 120)}`
          : `error: ${String(error).slice(0, 160)}`;
      refused.set(key, (refused.get(key) ?? 0) + 1);
    }
  });
  const elapsed = performance.now() - t0;
  const counted = statements;
  const clientBusy = performance.eventLoopUtilization(elu0).utilization;
  const sampling = await sampler.stop();

  latencies.sort((a, b) => a - b);
  const ok = latencies.length;
  return {
    concurrency,
    validations: ok,
    refused,
    seconds: elapsed / 1000,
    perSecond: ok / (elapsed / 1000),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[ok - 1] ?? Number.NaN,
    statementsPerValidation: counted / prepared.length,
    changedPerValidation: ok ? changed / ok : 0,
    changedDatesPerValidation: prepared.reduce((n, p) => n + p.changedDates, 0) / prepared.length,
    sampling,
    clientBusy,
  };
}

// ---- invariants -----------------------------------------------------------------------------------------
async function checkInvariants(db: Db, seededReservations: number): Promise<void> {
  console.log('\nInvariants');

  // 1. Every reservation lies on an open date of its service (computed by lib/planning, per year and site).
  const { used, bad } = await reservationsOnClosedDates(db);
  const badRows = bad.reduce((n, b) => n + b.n, 0);
  check(
    'every reservation is on an open date of its service (weekday, school period, no jour férié, no closure)',
    bad.length === 0,
    bad.length === 0
      ? `${used.reduce((n, u) => n + u.n, 0)} reservations on ${used.length} service/site/date triples checked`
      : `${badRows} reservations on ${bad.length} closed dates, e.g. ${bad
          .slice(0, 5)
          .map((b) => `${b.service} ${b.date}`)
          .join(', ')}`,
  );

  // 2. No request half-written.
  const [half] = await rows<{ incomplete: number; not_submitted: number; missing: number; submitted: number }>(
    db,
    sql`
    select
      (select count(*)::int from requests where status = 'submitted' and (reference is null or diff is null or submitted_at is null)) as incomplete,
      (select count(*)::int from reservations r join requests q on q.id = r.request_id where q.status <> 'submitted') as not_submitted,
      (select count(*)::int from reservations r where r.request_id is not null and not exists (select 1 from requests q where q.id = r.request_id)) as missing,
      (select count(*)::int from requests where status = 'submitted') as submitted`,
  );
  check(
    "no request half-written (submitted ⇒ reference, diff and submitted_at; a reservation's request is submitted)",
    half!.incomplete === 0 && half!.not_submitted === 0 && half!.missing === 0,
    `${half!.incomplete} incomplete, ${half!.not_submitted} reservations of a non-submitted request, ${half!.missing} of a missing request`,
  );
  check(
    'submitted requests = successful validations',
    half!.submitted === totals.submitted,
    `${half!.submitted} in the database, ${totals.submitted} reported`,
  );

  // 3. Exactly one outbox row per submitted request, none for the others.
  const [outbox] = await rows<{ wrong: number; for_others: number; orphans: number; rows: number }>(
    db,
    sql`
    select
      (select count(*)::int from requests r where r.status = 'submitted'
         and (select count(*) from email_outbox o where o.request_id = r.id) <> 1) as wrong,
      (select count(*)::int from email_outbox o join requests r on r.id = o.request_id where r.status <> 'submitted') as for_others,
      (select count(*)::int from email_outbox o where o.request_id is not null and not exists (select 1 from requests r where r.id = o.request_id)) as orphans,
      (select count(*)::int from email_outbox) as rows`,
  );
  check(
    'exactly one outbox row per submitted request, none for a draft or a cancelled one',
    outbox!.wrong === 0 && outbox!.for_others === 0 && outbox!.orphans === 0 && outbox!.rows === half!.submitted,
    `${outbox!.rows} outbox rows for ${half!.submitted} submitted requests; ${outbox!.wrong} requests without exactly one, ${outbox!.for_others} rows for non-submitted requests, ${outbox!.orphans} orphans`,
  );

  // 4. Reservations = seeded + added − removed, as the validations reported.
  const [count] = await rows<{ n: number }>(db, sql`select count(*)::int as n from reservations`);
  const expected = seededReservations + totals.added - totals.removed;
  check(
    'reservations = seeded + added − removed reported by the validations',
    count!.n === expected,
    `${count!.n} = ${seededReservations} + ${totals.added} − ${totals.removed}${count!.n === expected ? '' : ` (expected ${expected})`}`,
  );

  // 5. Each enrolment's planning version moved once per validation of it.
  const [versions] = await rows<{ n: number }>(
    db,
    sql`select coalesce(sum(planning_version), 0)::int as n from enrolments`,
  );
  check(
    'planning versions moved once per validation',
    versions!.n === totals.submitted,
    `sum of planning_version ${versions!.n}, validations ${totals.submitted}`,
  );
}

// ---- main -----------------------------------------------------------------------------------------------
async function main(): Promise<void> {
  const started = performance.now();
  await withBenchDatabase({ tag: 'bench', prefix: 'portail_bench', failures }, async (bench) => {
    console.log(
      `[bench] PostgreSQL ${bench.version}, database ${bench.name}, pool max ${POOL_MAX}, today ${TODAY}; ` +
        `${os.cpus().length} CPUs, load average ${loadAverage()} (other work on the machine skews the figures)`,
    );
    const database = await openDatabase({ url: bench.url }, { logger: counter, max: POOL_MAX });
    bench.closeLater(() => database.close());
    const monitor = postgres(bench.url, { max: 1, onnotice: () => {} });
    bench.closeLater(() => monitor.end({ timeout: 5 }));
    const db = database.db;

    // Seed.
    const seedStarted = performance.now();
    await seedIfEmpty(db, () => {}, { families: FAMILIES });
    const seedMs = performance.now() - seedStarted;
    const [seeded] = await rows<{
      families: number;
      children: number;
      mercredi: number;
      reservations: number;
      year: number;
    }>(
      db,
      sql`
      select (select count(*)::int from families) as families, (select count(*)::int from children) as children,
             (select count(*)::int from enrolments e join school_years y on y.id = e.school_year_id where e.service = 'mercredi' and y.label = ${DEMO_YEAR}) as mercredi,
             (select count(*)::int from reservations) as reservations,
             (select id from school_years where label = ${DEMO_YEAR}) as year`,
    );
    console.log(
      `[bench] seeded ${seeded!.families} families, ${seeded!.children} children (${seeded!.mercredi} enrolled in mercredi), ${seeded!.reservations} reservations in ${(seedMs / 1000).toFixed(1)} s`,
    );
    // The bulk load leaves work behind (autovacuum of 500,000 new rows, dirty buffers): done before timing.
    await db.execute(sql`vacuum analyze`);
    await db.execute(sql`checkpoint`);
    // postgres.js opens connections on demand: open the whole pool now, not during a timed phase.
    await Promise.all(Array.from({ length: POOL_MAX }, () => db.execute(sql`select pg_sleep(0.05)`)));

    // Capacities: 80 per unit would refuse full-year templates of many children ('complet').
    await db.execute(sql`update site_capacities set capacity = ${BENCH_CAPACITY} where service = 'mercredi'`);

    // Children enrolled in mercredi with a parent account (not the Martin family), in a fixed order.
    const candidates = (
      await rows<{ child_id: number; family_id: number; account_id: number; site_id: number }>(
        db,
        sql`
      select c.id as child_id, c.family_id, p.account_id, e.site_id
      from children c
      join enrolments e on e.child_id = c.id and e.service = 'mercredi' and e.school_year_id = ${seeded!.year}
      join lateral (select account_id from parents where family_id = c.family_id and account_id is not null order by id limit 1) p on true
      join accounts a on a.id = p.account_id and a.email <> ${DEMO_ACCOUNTS.parent.email}
      order by c.id`,
      )
    ).map((r) => ({ childId: r.child_id, familyId: r.family_id, accountId: r.account_id, siteId: r.site_id }));
    const needed = LEVELS.reduce((n, c) => n + validationsFor(c), 2);
    console.log(`[bench] ${candidates.length} candidate children, ${needed} needed`);
    if (candidates.length < needed)
      throw new Error(`only ${candidates.length} children enrolled in mercredi, ${needed} needed`);

    // One validation alone, counted precisely: one changed date, then a full-year template.
    console.log('\nStatements of one validation (alone, nothing else running)');
    const oneDay = await prepareDays(db, candidates.shift()!, seeded!.year, 1);
    statements = 0;
    const oneResult = await submit(db, oneDay);
    const oneCount = statements;
    record(oneResult);
    // Every Wednesday still bookable on TODAY is changed: 23 dates is the most a parent can change now.
    const fullYear = await prepareDays(db, candidates.shift()!, seeded!.year, 'all');
    statements = 0;
    const fullResult = await submit(db, fullYear);
    const fullCount = statements;
    record(fullResult);
    console.log(
      `  ${pad(oneDay.changedDates, 3)} changed date(s), ${pad(oneResult.added + oneResult.removed, 3)} reservations changed: ${oneCount} statements`,
    );
    console.log(
      `  ${pad(fullYear.changedDates, 3)} changed date(s), ${pad(fullResult.added + fullResult.removed, 3)} reservations changed: ${fullCount} statements`,
    );
    check(
      `a validation issues the same number of statements for 1 and for ${fullYear.changedDates} changed dates`,
      oneCount === fullCount && oneDay.changedDates === 1 && fullYear.changedDates > 20,
      `${oneCount} vs ${fullCount}`,
    );

    // The levels.
    const results: LevelResult[] = [];
    for (const concurrency of LEVELS) {
      const r = await runLevel(database, monitor, bench.name, seeded!.year, concurrency, candidates);
      results.push(r);
      const refusedTotal = [...r.refused.values()].reduce((a, b) => a + b, 0);
      console.log(
        `\nConcurrency ${concurrency}: ${r.validations} validations in ${r.seconds.toFixed(2)} s → ${r.perSecond.toFixed(1)}/s, ` +
          `p50 ${ms(r.p50)} ms, p95 ${ms(r.p95)} ms, p99 ${ms(r.p99)} ms, max ${ms(r.max)} ms (load average ${loadAverage()})`,
      );
      console.log(
        `  ${r.statementsPerValidation.toFixed(2)} statements/validation, ${r.changedPerValidation.toFixed(1)} reservations changed/validation ` +
          `(${r.changedDatesPerValidation.toFixed(1)} dates), client event loop busy ${(r.clientBusy * 100).toFixed(0)}%`,
      );
      const s = r.sampling;
      const waits = [...s.waits.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([k, v]) => `${k} ${(v / Math.max(1, s.samples)).toFixed(2)}`)
        .join(', ');
      console.log(
        `  server: ${(s.active / Math.max(1, s.samples)).toFixed(2)} active sessions on average (${s.samples} samples); ` +
          `waiting on average: ${waits || 'none'}; at most ${s.maxLockWaiters} sessions waiting on a lock`,
      );
      for (const [query, n] of [...s.blockedIn.entries()].sort((a, b) => b[1] - a[1]).slice(0, 2)) {
        console.log(`    lock waits in: ${query} (${n} session-samples)`);
      }
      console.log(
        `  refused: ${refusedTotal}${refusedTotal ? ` — ${[...r.refused.entries()].map(([k, v]) => `${v}× ${k}`).join('; ')}` : ''}`,
      );
    }

    console.log('\nRun');
    for (const r of results) {
      const refusedTotal = [...r.refused.values()].reduce((a, b) => a + b, 0);
      check(`concurrency ${r.concurrency}: no validation refused`, refusedTotal === 0, `${refusedTotal} refused`);
      check(
        `concurrency ${r.concurrency}: ${oneCount} statements per validation under load`,
        Math.abs(r.statementsPerValidation - oneCount) < 1e-9,
        r.statementsPerValidation.toFixed(2),
      );
    }

    await checkInvariants(db, seeded!.reservations);

    // The table.
    const line = (cells: (string | number)[], widths: number[]) =>
      `| ${cells.map((c, i) => pad(c, widths[i]!)).join(' | ')} |`;
    const widths = [11, 11, 8, 8, 8, 8, 13, 14, 13];
    console.log(
      `\nReservations "Valider" benchmark — ${seeded!.families} families, ${seeded!.reservations} seeded reservations, PostgreSQL ${bench.version}, pool ${POOL_MAX}`,
    );
    console.log(
      `${os.cpus().length} CPUs, load average at the end ${loadAverage()}; seed ${(seedMs / 1000).toFixed(1)} s; one validation = ${oneCount} SQL statements (1 date: ${oneCount}, ${fullYear.changedDates} dates: ${fullCount})`,
    );
    console.log('');
    console.log(
      line(
        [
          'concurrency',
          'validations',
          'per s',
          'p50 ms',
          'p95 ms',
          'p99 ms',
          'stmts/valid.',
          'changed/valid.',
          'refused',
        ],
        widths,
      ),
    );
    console.log(`|${widths.map((w) => '-'.repeat(w + 1) + ':').join('|')}|`);
    for (const r of results) {
      const refusedTotal = [...r.refused.values()].reduce((a, b) => a + b, 0);
      console.log(
        line(
          [
            r.concurrency,
            r.validations,
            r.perSecond.toFixed(1),
            ms(r.p50),
            ms(r.p95),
            ms(r.p99),
            r.statementsPerValidation.toFixed(1),
            r.changedPerValidation.toFixed(1),
            refusedTotal,
          ],
          widths,
        ),
      );
    }
    console.log(
      `\n${failures.length === 0 ? 'ALL PASS' : `FAIL: ${failures.join('; ')}`} — total ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  });
}

void main();
