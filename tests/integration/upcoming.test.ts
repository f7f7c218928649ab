// « À venir » on Mon espace: the next open days of each service a child is enrolled in, what is booked in words, until
// when each day can be changed, greyed days saying why; only the family's own children; a constant number of queries.
import { sql, type Logger } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '@/db/client';
import { hasReadIntroduction, markIntroductionRead } from '@/lib/requests/introduction';
import { upcomingDays } from '@/lib/reservations/upcoming';
import { createDemoDatabase, type TestDatabase } from '../support/db';
import { martin, NOW, otherFamily, TODAY, type Martin } from '../support/demo';

let database: TestDatabase;
let m: Martin;
let yearId: number;
let statements = 0;
const counter: Logger = {
  logQuery: () => {
    statements += 1;
  },
};

beforeAll(async () => {
  database = await createDemoDatabase({ logger: counter });
  m = await martin(database.db);
  const [year] = await rows<{ id: number }>(database.db, sql`select id from school_years where label = '2026-2027'`);
  yearId = year!.id;
});

afterAll(async () => {
  await database?.close();
});

const upcoming = (familyId: number, today = TODAY, now = NOW) =>
  upcomingDays(database.db, { familyId, schoolYearId: yearId, today, now });

describe('« À venir » on Mon espace', () => {
  it("shows Léa's next five open days of each service, booked in words, greyed « hors délai » within the deadline", async () => {
    const lea = (await upcoming(m.familyId)).get(m.lea)!;
    expect(lea.map((s) => s.service)).toEqual(['cantine', 'mercredi']);
    const [cantine, mercredi] = lea;
    expect(cantine!.days.map((d) => d.date)).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-03',
      '2026-12-04',
      '2026-12-07',
    ]);
    expect(cantine!.days.every((d) => d.bookedLabel === 'Repas classique' && d.greyedLabel === 'hors délai')).toBe(
      true,
    );
    // the Christmas holidays (23 and 30 December) are not open days of the Wednesday centre
    expect(mercredi!.days.map((d) => [d.dateLabel, d.bookedLabel, d.greyedLabel, d.lastChangeLabel])).toEqual([
      ['Mercredi 2 décembre 2026', 'Matin, Après-midi, Repas sans viande', 'hors délai', 'mardi 17 novembre'],
      ['Mercredi 9 décembre 2026', 'Matin, Repas classique', 'hors délai', 'mardi 24 novembre'],
      ['Mercredi 16 décembre 2026', 'Matin, Après-midi, Repas sans viande', null, 'mardi 1 décembre'],
      ['Mercredi 6 janvier 2027', 'Matin, Repas classique', null, 'mardi 22 décembre'],
      ['Mercredi 13 janvier 2027', 'Matin, Après-midi, Repas sans viande', null, 'mardi 29 décembre'],
    ]);
    expect(mercredi!.days[3]).toMatchObject({ greyed: null, lastChangeDay: '2026-12-22' });
    expect(mercredi!.days[0]).toMatchObject({ greyed: 'hors_delai' });
  });

  it('says « modifiable jusqu’au mardi 5 janvier » for Wednesday 20 January, and nothing booked in words', async () => {
    await database.db.execute(
      sql`delete from reservations where child_id = ${m.lea} and service = 'mercredi' and date = '2027-01-27'`,
    );
    const mercredi = (await upcoming(m.familyId, '2026-12-20')).get(m.lea)!.find((s) => s.service === 'mercredi')!;
    expect(mercredi.days.map((d) => d.date)).toEqual([
      '2027-01-06',
      '2027-01-13',
      '2027-01-20',
      '2027-01-27',
      '2027-02-03',
    ]);
    expect(mercredi.days[2]).toMatchObject({
      dateLabel: 'Mercredi 20 janvier 2027',
      bookedLabel: 'Matin, Repas classique',
      greyed: null,
      lastChangeLabel: 'mardi 5 janvier',
    });
    expect(mercredi.days[3]).toMatchObject({ units: [], bookedLabel: null });
  });

  it("shows only the family's own children: Hugo, enrolled in nothing, has no list; another family never sees Léa", async () => {
    const mine = await upcoming(m.familyId);
    expect([...mine.keys()]).toEqual([m.lea]);
    const other = await otherFamily(database.db, m.familyId);
    const theirs = await upcoming(other.familyId);
    expect(theirs.has(m.lea)).toBe(false);
    expect(theirs.has(other.childId)).toBe(true);
  });

  it('costs the same number of queries for one child or a family of several enrolled children', async () => {
    const [big] = await rows<{ family_id: number }>(
      database.db,
      sql`select c.family_id from enrolments e join children c on c.id = e.child_id
          group by c.family_id having count(distinct c.id) >= 2 and count(distinct e.site_id) >= 2
          order by count(*) desc limit 1`,
    );
    statements = 0;
    await upcoming(m.familyId);
    const one = statements;
    statements = 0;
    const many = await upcoming(big!.family_id);
    expect(many.size).toBeGreaterThanOrEqual(2);
    expect(statements).toBe(one);
    expect(one).toBeLessThanOrEqual(6);
  });
});

describe('the introduction of the démarche, read once per account', () => {
  it('is unread until « Commencer », and the first reading is kept', async () => {
    expect(await hasReadIntroduction(database.db, m.accountId)).toBe(false);
    await markIntroductionRead(database.db, m.accountId, NOW);
    await markIntroductionRead(database.db, m.accountId, new Date(NOW.getTime() + 60_000));
    expect(await hasReadIntroduction(database.db, m.accountId)).toBe(true);
    const [row] = await rows<{ at: string }>(
      database.db,
      sql`select introduction_read_at::text as at from accounts where id = ${m.accountId}`,
    );
    expect(new Date(row!.at).getTime()).toBe(NOW.getTime());
  });
});
