// The demo family and a snapshot of what a refused démarche must leave untouched.
import { eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { rows, type Db } from '@/db/client';
import type { Agent } from '@/lib/families/on-behalf';
import { UserError } from '@/lib/errors';
import { accounts, children, parents } from '@/db/schema';
import { DEMO_ACCOUNTS } from '@/lib/demo/seed';

export const TODAY = '2026-11-29';
export const NOW = new Date('2026-11-29T09:00:00Z');

export interface Martin {
  familyId: number;
  accountId: number;
  lea: number;
  hugo: number;
}

export async function martin(db: Db): Promise<Martin> {
  const [parent] = await db
    .select({ familyId: parents.familyId, accountId: accounts.id })
    .from(parents)
    .innerJoin(accounts, eq(accounts.id, parents.accountId))
    .where(eq(accounts.email, DEMO_ACCOUNTS.parent.email));
  const kids = await db
    .select({ id: children.id, firstName: children.firstName })
    .from(children)
    .where(eq(children.familyId, parent!.familyId));
  return {
    familyId: parent!.familyId,
    accountId: parent!.accountId,
    lea: kids.find((k) => k.firstName === 'Léa')!.id,
    hugo: kids.find((k) => k.firstName === 'Hugo')!.id,
  };
}

/** The demo agent of the Guichet famille, as the on-behalf use-cases take it. */
export async function demoAgent(db: Db): Promise<Agent> {
  const [staff] = await db
    .select({ id: accounts.id, firstName: accounts.firstName, lastName: accounts.lastName })
    .from(accounts)
    .where(eq(accounts.email, DEMO_ACCOUNTS.staff.email));
  return { ...staff!, role: 'staff' };
}

/** Another family of the demo with an account and a child enrolled in the Wednesday centre. */
export async function otherFamily(
  db: Db,
  notFamilyId: number,
): Promise<{ familyId: number; accountId: number; childId: number }> {
  const [row] = await rows<{ family_id: number; account_id: number; child_id: number }>(
    db,
    sql`select c.family_id, p.account_id, c.id as child_id from children c
        join enrolments e on e.child_id = c.id and e.service = 'mercredi'
        join parents p on p.family_id = c.family_id and p.account_id is not null
        where c.family_id <> ${notFamilyId} order by c.id limit 1`,
  );
  return { familyId: row!.family_id, accountId: row!.account_id, childId: row!.child_id };
}

/** Everything a démarche may write (drafts included): a refusal must leave it identical. */
export async function snapshot(db: Db): Promise<string> {
  const [state] = await rows(
    db,
    sql`select
      (select count(*)::int from reservations) as reservations,
      (select coalesce(sum(hashtext(child_id || service::text || date::text || unit::text)), 0)::text from reservations) as reservations_hash,
      (select count(*)::int from requests where status = 'submitted') as submitted,
      (select count(*)::int from requests) as requests,
      -- drafts too (opened, resumed, changed, cancelled): a refused démarche leaves them as they were
      (select coalesce(sum(hashtext(concat_ws('|', id, status, payload::text, on_behalf, created_by, group_id,
        extract(epoch from expires_at), extract(epoch from updated_at)))), 0)::text from requests) as requests_hash,
      (select coalesce(string_agg(id || ':' || planning_version, ',' order by id), '') from enrolments) as versions,
      (select count(*)::int from email_outbox) as outbox,
      (select count(*)::int from audit_log) as audit`,
  );
  return JSON.stringify(state);
}

/** The démarche is refused with a French message matching `message`, and nothing at all is written. */
export async function expectRefused(db: Db, run: () => Promise<unknown>, message: RegExp): Promise<void> {
  const before = await snapshot(db);
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  expect((error as Error).message).toMatch(message);
  expect(await snapshot(db)).toBe(before);
}
