// First figures of the back-office dashboard.
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '@/db/client';
import { pendingFamiliesCount } from '@/lib/families/signups';

export interface KeyFigures {
  families: number;
  children: number;
  enrolments: number;
  /** « Mes données »: closures asked by families and not yet confirmed by an agent */
  closureRequests: number;
  /** « Familles en attente de validation »: signed up, address confirmed, not yet validated or refused */
  pendingFamilies: number;
}

export async function keyFigures(db: Queryable, schoolYearId: number | null): Promise<KeyFigures> {
  const [row] = await rows<KeyFigures>(
    db,
    sql`select
      (select count(*)::int from families) as families,
      (select count(*)::int from children) as children,
      (select count(*)::int from enrolments where school_year_id = ${schoolYearId ?? -1}) as enrolments,
      (select count(*)::int from families where closure_requested_at is not null and closed_at is null)
        as "closureRequests",
      ${pendingFamiliesCount} as "pendingFamilies"`,
  );
  return row ?? { families: 0, children: 0, enrolments: 0, closureRequests: 0, pendingFamilies: 0 };
}
