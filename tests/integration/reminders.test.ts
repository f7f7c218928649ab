// The reminders before the deadline, on the demo town: the clock (APP_NOW) moves across Monday 4 January 2027 at 8:00
// Paris time (07:00 UTC). The Martins chose « Chaque lundi », a family with a child at a Wednesday centre « La veille »,
// the Bernards (holiday centre only: nothing closes that week) « Chaque lundi », every other parent nothing.
// Exactly one e-mail per parent and period, whatever the ticks and the instances; then the e-mail as it is sent.
import type { Logger } from 'drizzle-orm';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, rows, type Db } from '@/db/client';
import { accounts, emailOutbox, mailbox, reservations } from '@/db/schema';
import type { DeadlineReminderPayload } from '@/emails';
import { DEMO_ACCOUNTS } from '@/lib/demo/seed';
import { dispatchPending } from '@/lib/email/dispatcher';
import { lastChangeDay, UNIT_LABELS, UNITS, type Unit } from '@/lib/planning';
import { duePeriods, forgetClaims, runReminders } from '@/lib/reminders/run';
import { createDemoDatabase, type TestDatabase } from '../support/db';
import { martin, otherFamily, type Martin } from '../support/demo';

vi.mock('server-only', () => ({}));

const APP_URL = 'https://famille.belleval.example.fr';
const BEFORE = '2027-01-04T06:59:00Z'; // Monday 4 January 2027, 7:59 in Paris
const AFTER = '2027-01-04T07:00:00Z'; // 8:00 in Paris
let statements = 0;
const logger: Logger = {
  logQuery: () => {
    statements += 1;
  },
};

let database: TestDatabase;
let db: Db;
let m: Martin;
let eveFamily: { familyId: number; accountId: number; childId: number };
let bernard: number;

beforeAll(async () => {
  database = await createDemoDatabase({ logger });
  db = database.db;
  m = await martin(db);
  eveFamily = await otherFamily(db, m.familyId);
  bernard = (
    await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, DEMO_ACCOUNTS.neighbour.email))
  )[0]!.id;
  await db
    .update(accounts)
    .set({ reminders: 'weekly' })
    .where(inArray(accounts.id, [m.accountId, bernard]));
  await db.update(accounts).set({ reminders: 'eve' }).where(eq(accounts.id, eveFamily.accountId));
  // seeding the demo town takes a while on a shared machine
}, 180_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  forgetClaims();
  await database?.close();
});

beforeEach(() => forgetClaims());

/** One tick as the server runs it: the business clock is APP_NOW. */
async function tickAt(iso: string, on: Db = db) {
  vi.stubEnv('APP_NOW', iso);
  return runReminders(on, { appUrl: APP_URL });
}

async function reminders() {
  return db
    .select({ key: emailOutbox.idempotencyKey, to: emailOutbox.to, payload: emailOutbox.payload })
    .from(emailOutbox)
    .where(eq(emailOutbox.template, 'deadline-reminder'))
    .orderBy(emailOutbox.idempotencyKey);
}

async function emailOf(accountId: number): Promise<string> {
  return (await db.select({ email: accounts.email }).from(accounts).where(eq(accounts.id, accountId)))[0]!.email;
}

/** What the demo has booked for a child on a day, in words (« Matin, Repas classique »), or null. */
async function bookedOn(childId: number, service: 'cantine' | 'mercredi', date: string): Promise<string | null> {
  const found = await db
    .select({ unit: reservations.unit })
    .from(reservations)
    .where(and(eq(reservations.childId, childId), eq(reservations.service, service), eq(reservations.date, date)));
  const units = UNITS.filter((u: Unit) => found.some((f) => f.unit === u));
  return units.length === 0 ? null : units.map((u) => UNIT_LABELS[u]).join(', ');
}

describe('the periods due on the business clock', () => {
  it('the week is due from Monday 8:00 Paris time (summer time too), the day before a deadline from 8:00 each day', () => {
    expect(duePeriods(new Date(BEFORE))).toEqual([]);
    expect(duePeriods(new Date(AFTER))).toEqual([
      { kind: 'weekly', period: '2027-01-04', from: '2027-01-04', to: '2027-01-10' },
      { kind: 'eve', period: '2027-01-04', from: '2027-01-05', to: '2027-01-05' },
    ]);
    // a run that comes late in the week lists what still closes, from that day to Sunday
    expect(duePeriods(new Date('2027-01-07T12:00:00Z'))[0]).toEqual({
      kind: 'weekly',
      period: '2027-01-04',
      from: '2027-01-07',
      to: '2027-01-10',
    });
    // 7:59 in summer time is 05:59 UTC
    expect(duePeriods(new Date('2027-05-03T05:59:00Z'))).toEqual([]);
    expect(duePeriods(new Date('2027-05-03T06:00:00Z')).map((p) => p.kind)).toEqual(['weekly', 'eve']);
  });
});

describe('across Monday 4 January 2027 at 8:00', () => {
  it('before 8:00: no claim, no e-mail', async () => {
    expect(await tickAt(BEFORE)).toEqual([]);
    expect(await reminders()).toEqual([]);
    expect(await rows(db, sql`select * from reminder_runs`)).toEqual([]);
  });

  it('at 8:00: one e-mail per opted-in parent with something to list, with the days closing and what is booked', async () => {
    const results = await tickAt(AFTER);
    expect(results.map(({ kind, claimed }) => [kind, claimed])).toEqual([
      ['weekly', true],
      ['eve', true],
    ]);
    const sent = await reminders();
    // the Bernards chose « Chaque lundi » too, but their holiday centre has no day closing that week: no e-mail
    expect(sent.map((s) => s.key)).toEqual([
      `reminder:eve:2027-01-04:${eveFamily.accountId}`,
      `reminder:weekly:2027-01-04:${m.accountId}`,
    ]);
    expect(sent.some((s) => s.key.endsWith(`:${bernard}`))).toBe(false);

    // the Martins: last change days Monday 4 to Sunday 10 January are the days 15 days later, 19 to 25 January
    const weekly = sent[1]!;
    expect(weekly.to).toBe(await emailOf(m.accountId));
    const payload = weekly.payload as DeadlineReminderPayload;
    expect(payload.kind).toBe('weekly');
    expect(payload.link).toBe(`${APP_URL}/`);
    const canteenDays = ['2027-01-19', '2027-01-21', '2027-01-22', '2027-01-25'];
    expect(payload.groups).toEqual([
      {
        childName: 'Léa Martin',
        serviceLabel: 'Restauration scolaire',
        siteName: expect.any(String),
        days: await Promise.all(
          canteenDays.map(async (date) => ({
            date,
            booked: await bookedOn(m.lea, 'cantine', date),
            lastChangeDay: lastChangeDay(date, 15),
          })),
        ),
      },
      {
        childName: 'Léa Martin',
        serviceLabel: 'Accueil de loisirs du mercredi',
        siteName: expect.any(String),
        days: [
          { date: '2027-01-20', booked: await bookedOn(m.lea, 'mercredi', '2027-01-20'), lastChangeDay: '2027-01-05' },
        ],
      },
    ]);
    // Léa is booked across the whole year: every day says what (Hugo is enrolled in nothing: not listed)
    expect(payload.groups.flatMap((g) => g.days).every((d) => d.booked !== null)).toBe(true);

    // « La veille »: the days whose last change day is tomorrow, Tuesday 5 January: Wednesday 20 January
    const eve = sent[0]!.payload as DeadlineReminderPayload;
    expect(eve.kind).toBe('eve');
    // (one group per child of that family at a Wednesday centre; the canteen has no day closing that Tuesday)
    expect(eve.groups.length).toBeGreaterThan(0);
    for (const group of eve.groups) {
      expect(group.serviceLabel).toBe('Accueil de loisirs du mercredi');
      expect(group.days.map((d) => [d.date, d.lastChangeDay])).toEqual([['2027-01-20', '2027-01-05']]);
    }
  });

  it('a second tick, and a second instance, send nothing more', async () => {
    const before = await reminders();
    expect(await tickAt(AFTER)).toEqual([
      { kind: 'weekly', period: '2027-01-04', claimed: false, emails: 0 },
      { kind: 'eve', period: '2027-01-04', claimed: false, emails: 0 },
    ]);
    // the same process's next tick does not even ask the database
    statements = 0;
    expect(await tickAt('2027-01-04T07:01:00Z')).toEqual([]);
    expect(statements).toBe(0);
    expect(await reminders()).toEqual(before);
    expect(await rows(db, sql`select kind, period::text, emails from reminder_runs order by kind`)).toEqual([
      { kind: 'eve', period: '2027-01-04', emails: 1 },
      { kind: 'weekly', period: '2027-01-04', emails: 1 },
    ]);
  });

  it(`two instances ticking at the same time on Monday 11 January claim each period once (${process.env.DATABASE_URL ? 'PostgreSQL: two connection pools' : 'PGlite: one connection'})`, async () => {
    // on PostgreSQL a second instance is a second pool on the same database; PGlite is one process's database
    const second = database.url ? await openDatabase({ url: database.url }) : null;
    try {
      vi.stubEnv('APP_NOW', '2027-01-11T07:00:00Z');
      const [a, b] = await Promise.all([
        runReminders(db, { appUrl: APP_URL }),
        runReminders(second?.db ?? db, { appUrl: APP_URL }),
      ]);
      const claims = [...a, ...b].filter((r) => r.claimed).map((r) => r.kind);
      expect(claims.sort()).toEqual(['eve', 'weekly']);
      const week = (await reminders()).filter((r) => r.key.includes(':2027-01-11:'));
      expect(week.filter((r) => r.key === `reminder:weekly:2027-01-11:${m.accountId}`)).toHaveLength(1);
      expect(new Set(week.map((r) => r.key)).size).toBe(week.length);
      expect(await rows(db, sql`select count(*)::int as n from reminder_runs where period = '2027-01-11'`)).toEqual([
        { n: 2 },
      ]);
    } finally {
      await second?.close();
    }
  });

  it('costs the same statements for one opted-in parent as for a hundred', async () => {
    const count = async (iso: string) => {
      forgetClaims();
      statements = 0;
      vi.stubEnv('APP_NOW', iso);
      await runReminders(db, { appUrl: APP_URL });
      return statements;
    };
    const few = await count('2027-01-18T07:00:00Z');
    await db.execute(
      sql`update accounts set reminders = 'weekly' where id in (select id from accounts where role = 'parent' and reminders = 'none' order by id limit 100)`,
    );
    const many = await count('2027-01-25T07:00:00Z');
    expect(many).toBe(few);
    const [run] = await rows<{ n: number }>(
      db,
      sql`select emails as n from reminder_runs where kind = 'weekly' and period = '2027-01-25'`,
    );
    expect(run!.n).toBeGreaterThan(50);
  });
});

describe('the e-mail as the outbox sends it', () => {
  it('reaches the local mailbox in French: the heading, each child and service, each day with what is booked', async () => {
    const weekly = (await reminders()).find((r) => r.key === `reminder:weekly:2027-01-04:${m.accountId}`)!;
    await dispatchPending(db, { limit: 1000 });
    const [mail] = await db
      .select({ subject: mailbox.subject, text: mailbox.text, html: mailbox.html })
      .from(mailbox)
      .innerJoin(emailOutbox, eq(emailOutbox.id, mailbox.outboxId))
      .where(eq(emailOutbox.idempotencyKey, weekly.key));
    expect(mail!.subject).toBe('Ces jours ferment cette semaine à la réservation');
    expect(mail!.html).toContain('lang="fr"');
    const wednesday = await bookedOn(m.lea, 'mercredi', '2027-01-20');
    for (const version of [mail!.html.replaceAll('&#x27;', "'"), mail!.text]) {
      expect(version).toContain('Ces jours ferment cette semaine à la réservation');
      expect(version).toContain('Léa Martin – Restauration scolaire');
      expect(version).toContain('Léa Martin – Accueil de loisirs du mercredi');
      expect(version).toContain(`Mercredi 20 janvier 2027 : ${wednesday}`);
      expect(version).toContain("modifiable jusqu'au mardi 5 janvier");
      expect(version).toContain(`${APP_URL}/mon-compte`);
    }
  });
});
