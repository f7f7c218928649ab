// The sites of the back office's reports (leisure centres first, then schools), for filters and headings.
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '@/db/client';

export interface ReportSite {
  id: number;
  kind: 'centre' | 'ecole';
  name: string;
}

export async function reportSites(db: Queryable): Promise<ReportSite[]> {
  return rows<ReportSite>(db, sql`select id, kind::text as kind, name from sites order by kind, name, id`);
}
