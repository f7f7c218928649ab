// The CAF report reads attendance_present_months, counts the marks' triggers keep (migration 0015): every integration
// test's database checks, when it closes, that those counts equal a recount of the marks it left, whatever wrote them
// (« Pointage », a fixture, a child's deletion), as the audit rows' French is checked (tests/support/db.ts).
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '@/db/client';

/** « 2027-03-01 site 2 mercredi matin child 7: counted 1, marks 2 »…: where the counts and the marks disagree. */
export async function presentMonthsDrift(db: Queryable): Promise<string[]> {
  let found: { key: string; counted: number | null; marked: number | null }[];
  try {
    found = await rows(
      db,
      sql`
      with marked as (
        select date_trunc('month', date)::date as month, site_id, service, slot, child_id, count(*)::int as n
        from attendance_marks where status = 'present' group by 1, 2, 3, 4, 5
      )
      select concat_ws(' ', coalesce(k.month, m.month), 'site', coalesce(k.site_id, m.site_id),
               coalesce(k.service, m.service), coalesce(k.slot, m.slot), 'child', coalesce(k.child_id, m.child_id)) as key,
             k.present as counted, m.n as marked
      from attendance_present_months k
      full join marked m using (month, site_id, service, slot, child_id)
      where k.present is distinct from m.n`,
    );
  } catch {
    return []; // a database closed before its migrations ran: nothing counted
  }
  return found.map((r) => `${r.key}: counted ${r.counted ?? 0}, marks ${r.marked ?? 0}`);
}
