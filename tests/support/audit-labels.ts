// Every audit row an integration test wrote must read in French in the Journal: a field or a code without its label
// in lib/audit/describe.ts fails the test file that wrote it (checked when its database closes, tests/support/db.ts).
import { sql } from 'drizzle-orm';
import { rows, type Db } from '@/db/client';
import { describeAudit, emptyAuditNames } from '@/lib/audit/describe';

/** « field siteId (closure.create) »…: what the Journal would show untranslated; empty when all reads in French. */
export async function unlabelledAuditFields(db: Db): Promise<string[]> {
  let found: { action: string; entity: string; before: unknown; after: unknown }[];
  try {
    found = await rows(db, sql`select action, entity, before, after from audit_log`);
  } catch {
    return []; // a database closed before its migrations ran: no audit row to read
  }
  const missing = new Set<string>();
  for (const r of found) {
    const row = new Set<string>();
    describeAudit(r.before, r, emptyAuditNames(), row);
    describeAudit(r.after, r, emptyAuditNames(), row);
    for (const m of row) missing.add(`${m} (${r.action})`);
  }
  return [...missing];
}
