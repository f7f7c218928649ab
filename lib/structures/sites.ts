// The sites of the back office's reports (leisure centres first, then schools), for filters and headings.
import type { Queryable } from '@/db/client';
import { referenceData } from '@/lib/calendar/reference-cache';

export interface ReportSite {
  id: number;
  kind: 'centre' | 'ecole';
  name: string;
}

export async function reportSites(db: Queryable): Promise<ReportSite[]> {
  // from the reference data each instance keeps (lib/calendar/reference-cache.ts), in the order of the enum's kinds
  return (await referenceData(db)).sites.map((s) => ({ ...s }));
}
