// The demo town: sectors, sites, the zone C calendar, fixed accounts, the Martin family and ~200 families.
// Deterministic (seeded random), loaded at start when the database is empty.
import { sql } from 'drizzle-orm';
import calendarData from '@/data/calendrier-zone-c.json';
import { rows, type Db, type Tx } from '@/db/client';
import { DEMO_SEED_LOCK } from '@/db/locks';
import * as t from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { parisInstant } from '@/lib/clock';
import {
  buildSchoolCalendar,
  daysBetween,
  isoWeekday,
  mondayOf,
  openDates,
  type IsoDate,
  type ServiceKind,
  type Unit,
} from '@/lib/planning';

export const DEMO_ACCOUNTS = {
  parent: { email: 'famille.martin@example.fr', password: 'Demo-2026!' },
  // a second family of the same sector, enrolled at the holiday centre: two parents competing for the last place
  neighbour: { email: 'famille.bernard@example.fr', password: 'Demo-2026!' },
  // a family of its own for « Mes données »: its journey downloads its data and closes its account
  closing: { email: 'famille.moreau@example.fr', password: 'Demo-2026!' },
  // the languages' journey (tests/e2e/languages.spec.ts) stores its choice on this account, nobody else's
  languages: { email: 'famille.haddad@example.fr', password: 'Demo-2026!' },
  // « Liste d'attente » (issue 15): Jules is enrolled at Les Tilleuls' holiday centre, like the Bernards' Chloé; when
  // the Bernards take the last morning of 8 February, the Petits join its waiting list
  waiting: { email: 'famille.petit@example.fr', password: 'Demo-2026!' },
  staff: { email: 'agent@example.fr', password: 'Agent-2026!' },
  admin: { email: 'admin@example.fr', password: 'Admin-2026!' },
  // « Pointage » (issue 16): the animateur of Les Tilleuls, who marks the children present on a phone
  animateur: { email: 'animateur.tilleuls@example.fr', password: 'Anim-2026!' },
} as const;

export const DEMO_YEAR = '2026-2027';
/** Families of the demo town (the Martin family included); the benchmark loads more. */
export const DEFAULT_FAMILY_COUNT = 200;
/** Places per unit and day at each holiday centre. */
export const HOLIDAY_CAPACITY = 40;
/** Days of Les Tilleuls' holiday centre with one morning place left in the demo. */
export const NEARLY_FULL_DAYS = ['2027-02-08', '2027-02-09'];
/**
 * The summer holidays' bookings at the holiday centres open at this hour (Paris): after the demo clock's default
 * (29 November 2026), so the demo shows « Réservations pour les vacances d'été ouvertes le mardi 4 mai à 8 h ».
 */
export const SUMMER_OPENING = { period: "Vacances d'été", date: '2027-05-04', time: '08:00' } as const;

export interface SeedOptions {
  /** number of families, the Martin family included (default 200) */
  families?: number;
}

/** mulberry32: a small seeded generator, so the demo is the same on every machine. */
function random(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

const LAST_NAMES = [
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefebvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'Andre',
  'Lefevre',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'Francois',
  'Martinez',
  'Legrand',
  'Garnier',
  'Faure',
  'Rousseau',
  'Blanc',
  'Guerin',
  'Muller',
  'Henry',
  'Roussel',
  'Nicolas',
  'Perrin',
  'Morin',
  'Mathieu',
  'Clement',
  'Gauthier',
  'Dumont',
  'Lopez',
  'Fontaine',
  'Chevalier',
  'Robin',
  'Masson',
  'Sanchez',
  'Diallo',
  'Nguyen',
  'Benali',
];
const CHILD_FIRST = [
  'Emma',
  'Gabriel',
  'Jade',
  'Louis',
  'Louise',
  'Raphaël',
  'Alice',
  'Jules',
  'Chloé',
  'Adam',
  'Lina',
  'Arthur',
  'Rose',
  'Maël',
  'Anna',
  'Lucas',
  'Mia',
  'Léo',
  'Inès',
  'Noah',
  'Ambre',
  'Sacha',
  'Julia',
  'Nathan',
  'Léna',
  'Tom',
  'Zoé',
  'Ethan',
  'Manon',
  'Paul',
  'Sarah',
  'Yanis',
  'Camille',
  'Aaron',
  'Nina',
  'Malo',
];
const PARENT_FIRST = [
  'Marie',
  'Thomas',
  'Julie',
  'Nicolas',
  'Sophie',
  'Julien',
  'Aurélie',
  'Sébastien',
  'Émilie',
  'Mathieu',
  'Céline',
  'Karim',
  'Sandrine',
  'David',
  'Nadia',
  'Pierre',
  'Claire',
  'Mehdi',
  'Laure',
  'Antoine',
];
const STREETS = [
  'rue des Lilas',
  'avenue Jean Jaurès',
  'rue Victor Hugo',
  'allée des Peupliers',
  'rue de la Mairie',
  'boulevard de la République',
  'rue des Écoles',
  'chemin du Moulin',
  'place du Marché',
  'rue Pasteur',
];
const CLASS_LEVELS = ['PS', 'MS', 'GS', 'CP', 'CE1', 'CE2', 'CM1', 'CM2'];

export const TOWN = { name: 'Belleval', postalCode: '91999' };

/** True when the database holds no account yet. */
export async function isEmpty(db: Db | Tx): Promise<boolean> {
  const [row] = await rows<{ n: number }>(db, sql`select count(*)::int as n from accounts`);
  return (row?.n ?? 0) === 0;
}

/** Loads the demo once: several instances starting together on PostgreSQL take turns (advisory lock). */
export async function seedIfEmpty(
  db: Db,
  log: (m: string) => void = console.log,
  options: SeedOptions = {},
): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_SEED_LOCK})`);
    if (!(await isEmpty(tx))) return false;
    const started = Date.now();
    await seedDemo(tx, options);
    // Statistics for the planner, as autovacuum would gather them after a bulk load (and autovacuum may be off):
    // without them it counts a centre's bookings for Étape 1 in a nested loop, once per unit (a month of a centre with
    // 3,000 families: 13-16 ms instead of 3 ms). ANALYZE runs inside the transaction and counts the rows it wrote.
    await tx.execute(sql`analyze`);
    log(`[seed] demo town loaded in ${Date.now() - started} ms`);
    return true;
  });
}

export async function seedDemo(tx: Db | Tx, options: SeedOptions = {}): Promise<void> {
  const familyCount = options.families ?? DEFAULT_FAMILY_COUNT;
  if (!Number.isInteger(familyCount) || familyCount < 1)
    throw new Error(`seedDemo: invalid family count ${familyCount}`);
  const rand = random(20262027);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

  // Structures
  const centres = await tx
    .insert(t.sites)
    .values([
      {
        kind: 'centre',
        name: 'Accueil de loisirs Les Tilleuls',
        address: `4 rue des Tilleuls, ${TOWN.postalCode} ${TOWN.name}`,
      },
      {
        kind: 'centre',
        name: 'Accueil de loisirs Jean Moulin',
        address: `18 avenue Jean Moulin, ${TOWN.postalCode} ${TOWN.name}`,
      },
      {
        kind: 'centre',
        name: 'Accueil de loisirs Les Cerisiers',
        address: `2 allée des Cerisiers, ${TOWN.postalCode} ${TOWN.name}`,
      },
    ])
    .returning({ id: t.sites.id });
  const schools = await tx
    .insert(t.sites)
    .values([
      { kind: 'ecole', name: 'École Victor Hugo', address: `10 rue Victor Hugo, ${TOWN.postalCode} ${TOWN.name}` },
      { kind: 'ecole', name: 'École Jules Ferry', address: `5 place Jules Ferry, ${TOWN.postalCode} ${TOWN.name}` },
      { kind: 'ecole', name: 'École Marie Curie', address: `27 rue Marie Curie, ${TOWN.postalCode} ${TOWN.name}` },
      {
        kind: 'ecole',
        name: 'École Jacques Prévert',
        address: `9 rue Jacques Prévert, ${TOWN.postalCode} ${TOWN.name}`,
      },
    ])
    .returning({ id: t.sites.id });
  const sectorRows = await tx
    .insert(t.sectors)
    .values([
      { name: 'Secteur Nord', leisureCentreId: centres[0]!.id },
      { name: 'Secteur Centre', leisureCentreId: centres[1]!.id },
      { name: 'Secteur Sud', leisureCentreId: centres[2]!.id },
    ])
    .returning({ id: t.sectors.id, centreId: t.sectors.leisureCentreId });
  // Schools by sector: Nord has two schools.
  const schoolOfSector = [[schools[0]!.id, schools[1]!.id], [schools[2]!.id], [schools[3]!.id]];

  await tx.insert(t.siteCapacities).values(
    centres.flatMap((c) =>
      (['matin', 'apres_midi', 'repas_classique', 'repas_sans_viande'] as const).flatMap((unit) => [
        { siteId: c.id, service: 'mercredi' as const, unit, capacity: 80 },
        { siteId: c.id, service: 'vacances' as const, unit, capacity: HOLIDAY_CAPACITY },
      ]),
    ),
  );

  // Calendar
  await tx.insert(t.serviceSettings).values([
    { service: 'cantine', deadlineDays: 15, openWeekdays: [1, 2, 4, 5] },
    { service: 'mercredi', deadlineDays: 15, openWeekdays: [3] },
    { service: 'vacances', deadlineDays: 15, openWeekdays: [1, 2, 3, 4, 5] },
  ]);
  let demoYearId = 0;
  for (const year of calendarData.schoolYears) {
    const [row] = await tx
      .insert(t.schoolYears)
      .values({ label: year.label, yearStart: year.yearStart, yearEnd: year.yearEnd })
      .returning({ id: t.schoolYears.id });
    const periods = await tx
      .insert(t.holidayPeriods)
      .values(year.holidays.map((h) => ({ schoolYearId: row!.id, ...h })))
      .returning({ id: t.holidayPeriods.id, label: t.holidayPeriods.label });
    if (year.label === DEMO_YEAR) {
      demoYearId = row!.id;
      await tx.insert(t.bookingOpenings).values({
        service: 'vacances',
        schoolYearId: row!.id,
        holidayPeriodId: periods.find((p) => p.label === SUMMER_OPENING.period)!.id,
        opensAt: parisInstant(SUMMER_OPENING.date, SUMMER_OPENING.time)!,
      });
    }
  }
  const demoYear = calendarData.schoolYears.find((y) => y.label === DEMO_YEAR)!;
  const cal = buildSchoolCalendar({ ...demoYear, closures: [] });
  const lastDay = demoYear.holidays.reduce((max, h) => (h.end > max ? h.end : max), demoYear.yearEnd);
  const open: Record<ServiceKind, IsoDate[]> = {
    cantine: openDates('cantine', cal, demoYear.yearStart, lastDay),
    mercredi: openDates('mercredi', cal, demoYear.yearStart, lastDay),
    vacances: openDates('vacances', cal, demoYear.yearStart, lastDay),
  };

  // Fixed accounts
  const [parentHash, staffHash, adminHash] = await Promise.all([
    hashPassword(DEMO_ACCOUNTS.parent.password),
    hashPassword(DEMO_ACCOUNTS.staff.password),
    hashPassword(DEMO_ACCOUNTS.admin.password),
  ]);
  await tx.insert(t.accounts).values([
    {
      email: DEMO_ACCOUNTS.staff.email,
      passwordHash: staffHash,
      role: 'staff',
      firstName: 'Camille',
      lastName: 'Agent',
    },
    {
      email: DEMO_ACCOUNTS.admin.email,
      passwordHash: adminHash,
      role: 'admin',
      firstName: 'Dominique',
      lastName: 'Admin',
    },
  ]);

  const enrolmentRows: (typeof t.enrolments.$inferInsert)[] = [];
  const reservationRows: (typeof t.reservations.$inferInsert)[] = [];
  const book = (childId: number, service: ServiceKind, siteId: number, dates: IsoDate[], units: Unit[]) => {
    for (const date of dates) for (const unit of units) reservationRows.push({ childId, service, siteId, date, unit });
  };

  // The Martin family (SPEC): Léa enrolled at the Wednesday centre and the canteen with reservations, Hugo in nothing.
  const [martin] = await tx
    .insert(t.families)
    .values({
      name: 'Martin',
      address: '12 rue des Lilas',
      postalCode: TOWN.postalCode,
      city: TOWN.name,
      sectorId: sectorRows[0]!.id,
    })
    .returning({ id: t.families.id });
  const [martinAccount] = await tx
    .insert(t.accounts)
    .values({
      email: DEMO_ACCOUNTS.parent.email,
      passwordHash: parentHash,
      role: 'parent',
      firstName: 'Claire',
      lastName: 'Martin',
    })
    .returning({ id: t.accounts.id });
  await tx.insert(t.parents).values({
    familyId: martin!.id,
    accountId: martinAccount!.id,
    firstName: 'Claire',
    lastName: 'Martin',
    email: DEMO_ACCOUNTS.parent.email,
    phone: '06 12 34 56 78',
  });
  const [lea, hugo] = await tx
    .insert(t.children)
    .values([
      {
        familyId: martin!.id,
        firstName: 'Léa',
        lastName: 'Martin',
        birthDate: '2018-03-14',
        schoolId: schools[0]!.id,
        classLevel: 'CE2',
      },
      {
        familyId: martin!.id,
        firstName: 'Hugo',
        lastName: 'Martin',
        birthDate: '2021-06-02',
        schoolId: schools[0]!.id,
        classLevel: 'GS',
      },
    ])
    .returning({ id: t.children.id });
  void hugo;
  enrolmentRows.push(
    { childId: lea!.id, service: 'mercredi', siteId: centres[0]!.id, schoolYearId: demoYearId },
    { childId: lea!.id, service: 'cantine', siteId: schools[0]!.id, schoolYearId: demoYearId },
  );
  // Booked across the whole school year, so that whatever the date Mon espace shows real days: the canteen four days a
  // week, and Wednesdays on a two-week rhythm counted in calendar weeks from the rentrée (holidays do not shift it).
  const rentreeMonday = mondayOf(demoYear.yearStart);
  const week1 = (d: IsoDate) => Math.floor(daysBetween(rentreeMonday, d) / 7) % 2 === 0;
  const leaWednesdays = open.mercredi.filter((d) => d < demoYear.yearEnd);
  book(lea!.id, 'mercredi', centres[0]!.id, leaWednesdays.filter(week1), ['matin', 'repas_classique']);
  book(
    lea!.id,
    'mercredi',
    centres[0]!.id,
    leaWednesdays.filter((d) => !week1(d)),
    ['matin', 'apres_midi', 'repas_sans_viande'],
  );
  book(
    lea!.id,
    'cantine',
    schools[0]!.id,
    open.cantine.filter((d) => d < demoYear.yearEnd),
    ['repas_classique'],
  );

  const northKids: number[] = []; // children of the Nord sector, who go to Les Tilleuls
  // The other families (199 in the demo); their parents share the demo parent's password (one hash, computed once).
  for (let i = 1; i < familyCount; i += 1) {
    const name = pick(LAST_NAMES);
    const sectorIndex = Math.floor(rand() * 3);
    const sector = sectorRows[sectorIndex]!;
    const [family] = await tx
      .insert(t.families)
      .values({
        name,
        address: `${1 + Math.floor(rand() * 80)} ${pick(STREETS)}`,
        postalCode: TOWN.postalCode,
        city: TOWN.name,
        sectorId: sector.id,
      })
      .returning({ id: t.families.id });
    const parentFirst = pick(PARENT_FIRST);
    const email = `${slug(parentFirst)}.${slug(name)}.${i}@example.fr`;
    const [account] = await tx
      .insert(t.accounts)
      .values({ email, passwordHash: parentHash, role: 'parent', firstName: parentFirst, lastName: name })
      .returning({ id: t.accounts.id });
    await tx.insert(t.parents).values({
      familyId: family!.id,
      accountId: account!.id,
      firstName: parentFirst,
      lastName: name,
      email,
      phone: `06 ${String(10 + (i % 90))} ${String(10 + ((i * 7) % 90))} ${String(10 + ((i * 13) % 90))} ${String(10 + ((i * 17) % 90))}`,
    });
    const childCount = 1 + Math.floor(rand() * 3);
    const childValues = Array.from({ length: childCount }, () => {
      const level = Math.floor(rand() * CLASS_LEVELS.length);
      return {
        familyId: family!.id,
        firstName: pick(CHILD_FIRST),
        lastName: name,
        birthDate: `${2023 - level}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
        schoolId: pick(schoolOfSector[sectorIndex]!),
        classLevel: CLASS_LEVELS[level]!,
      };
    });
    const kids = await tx
      .insert(t.children)
      .values(childValues)
      .returning({ id: t.children.id, schoolId: t.children.schoolId });
    if (sectorIndex === 0) northKids.push(...kids.map((k) => k.id));
    for (const kid of kids) {
      const meal: Unit = rand() < 0.2 ? 'repas_sans_viande' : 'repas_classique';
      if (rand() < 0.7) {
        enrolmentRows.push({ childId: kid.id, service: 'cantine', siteId: kid.schoolId!, schoolYearId: demoYearId });
        const days = [1, 2, 4, 5].filter(() => rand() < 0.8);
        book(
          kid.id,
          'cantine',
          kid.schoolId!,
          open.cantine.filter((d) => days.includes(isoWeekday(d))),
          [meal],
        );
      }
      if (rand() < 0.4) {
        enrolmentRows.push({
          childId: kid.id,
          service: 'mercredi',
          siteId: sector.centreId!,
          schoolYearId: demoYearId,
        });
        const units: Unit[] = rand() < 0.6 ? ['matin', 'apres_midi', meal] : ['matin', meal];
        book(
          kid.id,
          'mercredi',
          sector.centreId!,
          open.mercredi.filter(() => rand() < 0.85),
          units,
        );
      }
      if (rand() < 0.3) {
        enrolmentRows.push({
          childId: kid.id,
          service: 'vacances',
          siteId: sector.centreId!,
          schoolYearId: demoYearId,
        });
        book(
          kid.id,
          'vacances',
          sector.centreId!,
          open.vacances.filter(() => rand() < 0.3),
          ['matin', 'apres_midi', meal],
        );
      }
    }
  }
  // Four families of one parent and one child each, for the journeys that need a family of their own.
  const family = (f: DemoFamily) => demoFamily(tx, { ...f, passwordHash: parentHash });
  // The Bernard family (Nord, like the Martins): Chloé is enrolled at the holiday centre, with nothing booked yet.
  const chloe = await family({
    name: 'Bernard',
    address: '3 rue des Lilas',
    sectorId: sectorRows[0]!.id,
    parent: { firstName: 'Sophie', email: DEMO_ACCOUNTS.neighbour.email, phone: '06 98 76 54 32' },
    child: { firstName: 'Chloé', birthDate: '2017-09-21', schoolId: schools[1]!.id, classLevel: 'CM1' },
  });
  enrolmentRows.push({ childId: chloe, service: 'vacances', siteId: centres[0]!.id, schoolYearId: demoYearId });

  // The Moreau family (Sud): Nina eats at the canteen on Tuesdays and Fridays of the whole year. « Mes données »' journey
  // closes this account, so no other journey reads it.
  const nina = await family({
    name: 'Moreau',
    address: '7 impasse des Glycines',
    sectorId: sectorRows[2]!.id,
    parent: { firstName: 'Julien', email: DEMO_ACCOUNTS.closing.email, phone: '06 11 22 33 44' },
    child: { firstName: 'Nina', birthDate: '2019-05-17', schoolId: schools[3]!.id, classLevel: 'CE1' },
  });
  enrolmentRows.push({ childId: nina, service: 'cantine', siteId: schools[3]!.id, schoolYearId: demoYearId });
  book(
    nina,
    'cantine',
    schools[3]!.id,
    open.cantine.filter((d) => d < demoYear.yearEnd && [2, 5].includes(isoWeekday(d))),
    ['repas_classique'],
  );
  // The Haddad family (Nord): Yasmine is enrolled at the Wednesday centre, nothing booked; its parent's language
  // choice is the languages' journey's own.
  const yasmine = await family({
    name: 'Haddad',
    address: '8 rue des Lilas',
    sectorId: sectorRows[0]!.id,
    parent: { firstName: 'Samira', email: DEMO_ACCOUNTS.languages.email, phone: '06 11 22 33 44' },
    child: { firstName: 'Yasmine', birthDate: '2018-03-14', schoolId: schools[0]!.id, classLevel: 'CE2' },
  });
  enrolmentRows.push({ childId: yasmine, service: 'mercredi', siteId: centres[0]!.id, schoolYearId: demoYearId });

  // The Petit family (Nord, like the Bernards): Jules is enrolled at Les Tilleuls' holiday centre, nothing booked.
  const jules = await family({
    name: 'Petit',
    address: '12 rue des Lilas',
    sectorId: sectorRows[0]!.id,
    parent: { firstName: 'Marc', email: DEMO_ACCOUNTS.waiting.email, phone: '06 55 44 33 22' },
    child: { firstName: 'Jules', birthDate: '2018-06-02', schoolId: schools[1]!.id, classLevel: 'CE2' },
  });
  enrolmentRows.push({ childId: jules, service: 'vacances', siteId: centres[0]!.id, schoolYearId: demoYearId });

  // Nearly full holiday days at Les Tilleuls: one morning place left on the first days of the winter holidays.
  const tilleuls = centres[0]!.id;
  const enrolledHolidays = new Set(enrolmentRows.filter((e) => e.service === 'vacances').map((e) => e.childId));
  for (const date of NEARLY_FULL_DAYS) {
    const booked = new Set(
      reservationRows
        .filter((r) => r.siteId === tilleuls && r.service === 'vacances' && r.date === date && r.unit === 'matin')
        .map((r) => r.childId),
    );
    for (const childId of northKids) {
      if (booked.size >= HOLIDAY_CAPACITY - 1) break;
      if (booked.has(childId)) continue;
      if (!enrolledHolidays.has(childId)) {
        enrolmentRows.push({ childId, service: 'vacances', siteId: tilleuls, schoolYearId: demoYearId });
        enrolledHolidays.add(childId);
      }
      book(childId, 'vacances', tilleuls, [date], ['matin', 'apres_midi', 'repas_classique']);
      booked.add(childId);
    }
  }

  // Chunked so a bigger town stays under the 65,535 parameters of a statement.
  for (let i = 0; i < enrolmentRows.length; i += 5000) {
    await tx.insert(t.enrolments).values(enrolmentRows.slice(i, i + 5000));
  }
  // One JSON parameter per chunk rather than a VALUES list of five parameters per row: building that list
  // costs the client far more than the insert costs the database (2,000 families book ~530,000 rows).
  // Rows keep their order (ordinality), so they get the same ids as with VALUES lists.
  for (let i = 0; i < reservationRows.length; i += 20_000) {
    const chunk = reservationRows
      .slice(i, i + 20_000)
      .map((r) => ({ c: r.childId, s: r.service, i: r.siteId, d: r.date, u: r.unit }));
    await tx.execute(sql`insert into reservations (child_id, service, site_id, date, unit)
      select x.c, x.s, x.i, x.d, x.u
      from rows from (jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as (c int, s service_kind, i int, d date, u unit))
        with ordinality as x(c, s, i, d, u, n)
      order by x.n`);
  }

  // The animateur of Les Tilleuls (« Pointage »): added last, so the ids of everything above stay as they were.
  const [animateur] = await tx
    .insert(t.accounts)
    .values({
      email: DEMO_ACCOUNTS.animateur.email,
      passwordHash: await hashPassword(DEMO_ACCOUNTS.animateur.password),
      role: 'animateur',
      firstName: 'Samuel',
      lastName: 'Animateur',
    })
    .returning({ id: t.accounts.id });
  await tx.insert(t.accountSites).values({ accountId: animateur!.id, siteId: tilleuls });
}

interface DemoFamily {
  name: string;
  address: string;
  sectorId: number;
  parent: { firstName: string; email: string; phone: string };
  child: { firstName: string; birthDate: string; schoolId: number; classLevel: string };
}

/** A family of the town with one parent (and their account) and one child; returns the child's id. */
async function demoFamily(tx: Db | Tx, f: DemoFamily & { passwordHash: string }): Promise<number> {
  const [family] = await tx
    .insert(t.families)
    .values({ name: f.name, address: f.address, postalCode: TOWN.postalCode, city: TOWN.name, sectorId: f.sectorId })
    .returning({ id: t.families.id });
  const [account] = await tx
    .insert(t.accounts)
    .values({
      email: f.parent.email,
      passwordHash: f.passwordHash,
      role: 'parent',
      firstName: f.parent.firstName,
      lastName: f.name,
    })
    .returning({ id: t.accounts.id });
  await tx.insert(t.parents).values({
    familyId: family!.id,
    accountId: account!.id,
    firstName: f.parent.firstName,
    lastName: f.name,
    email: f.parent.email,
    phone: f.parent.phone,
  });
  const [child] = await tx
    .insert(t.children)
    .values({ familyId: family!.id, lastName: f.name, ...f.child })
    .returning({ id: t.children.id });
  return child!.id;
}

function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}
