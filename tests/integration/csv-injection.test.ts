// A name typed by a parent or an agent never runs as a formula in the back office's CSV files (OWASP « CSV
// injection »): a child called =HYPERLINK(…), a site called @SUM(1), exported as the route handlers export them.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { children, parents, sites as sitesTable } from '@/db/schema';
import { DEMO_ACCOUNTS } from '@/lib/demo/seed';
import messages from '@/messages/fr/admin-dashboard.json';
import { attendanceList } from '@/lib/reports/attendance';
import { attendanceCsv, mealOrdersCsv } from '@/lib/reports/csv';
import { mealOrders } from '@/lib/reports/meal-orders';
import { reportSites } from '@/lib/structures/sites';
import { parseCsv } from '../support/csv';
import { createDemoDatabase, type TestDatabase } from '../support/db';

const CHILD = '=HYPERLINK("http://x";"y")';
const SITE = '@SUM(1)';
const PHONE = '+33 6 12 34 56 78';
const wednesday = '2026-12-02';

let database: TestDatabase;

beforeAll(async () => {
  database = await createDemoDatabase();
  // Léa Martin has the Wednesday centre with a classic meal at Les Tilleuls on 2 December 2026
  const [parent] = await database.db
    .update(parents)
    .set({ phone: PHONE })
    .where(eq(parents.email, DEMO_ACCOUNTS.parent.email))
    .returning({ familyId: parents.familyId });
  const renamed = await database.db
    .update(children)
    .set({ firstName: CHILD })
    .where(and(eq(children.familyId, parent!.familyId), eq(children.firstName, 'Léa')))
    .returning({ id: children.id });
  expect(renamed).toHaveLength(1);
  const site = await database.db
    .update(sitesTable)
    .set({ name: SITE })
    .where(eq(sitesTable.name, 'Accueil de loisirs Les Tilleuls'))
    .returning({ id: sitesTable.id });
  expect(site).toHaveLength(1);
});

afterAll(async () => {
  await database?.close();
});

const DANGEROUS = ['=', '+', '-', '@', '\t', '\r'];
const startsDangerously = (cell: string) => DANGEROUS.includes(cell.charAt(0));

describe('the CSV exports neutralise formulas', () => {
  it("the attendance list shows the child's and the site's names as text, and the parent's +33 phone too", async () => {
    // what app/admin/presences/export/route.ts does
    const [list, sites] = await Promise.all([
      attendanceList(database.db, { date: wednesday }),
      reportSites(database.db),
    ]);
    const cells = parseCsv(attendanceCsv(wednesday, list, sites, messages.attendance.csv));
    const header = cells[0]!;
    const lea = cells.find(
      (r) =>
        r[header.indexOf(messages.attendance.csv.lastName)] === 'Martin' &&
        r[header.indexOf(messages.attendance.csv.firstName)]!.includes('HYPERLINK'),
    )!;
    expect(lea[header.indexOf(messages.attendance.csv.firstName)]).toBe(`'${CHILD}`);
    expect(lea[header.indexOf(messages.attendance.csv.site)]).toBe(`'${SITE}`);
    // the accepted trade-off: an international phone number is text too
    expect(lea[header.indexOf(messages.attendance.csv.phone)]).toBe(`'${PHONE}`);
    expect(cells.length).toBeGreaterThan(5);
    for (const cell of cells.flat()) expect(startsDangerously(cell), JSON.stringify(cell)).toBe(false);
  });

  it("the kitchen's orders show the site's name as text on its lines and on its total", async () => {
    // what app/admin/commandes/export/route.ts does
    const [orders, sites] = await Promise.all([
      mealOrders(database.db, { from: '2026-11-30', to: '2026-12-06' }),
      reportSites(database.db),
    ]);
    const cells = parseCsv(mealOrdersCsv(orders, sites, messages.mealOrders.csv));
    const siteCells = cells.filter((r) => r[1]!.includes('SUM'));
    expect(siteCells.length).toBeGreaterThanOrEqual(2);
    for (const row of siteCells) expect(row[1]).toBe(`'${SITE}`);
    expect(siteCells.some((r) => r[0] === messages.mealOrders.csv.siteTotal)).toBe(true);
    // the counts stay numbers
    for (const row of cells.slice(1)) expect(row.slice(2)).toEqual(row.slice(2).map((n) => String(Number(n))));
    for (const cell of cells.flat()) expect(startsDangerously(cell), JSON.stringify(cell)).toBe(false);
  });
});
