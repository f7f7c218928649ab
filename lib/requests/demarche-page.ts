// What the démarche's pages need for a draft the actor may load: the draft, the calendar as the actor sees it
// (its deadline), the site and the family's names.
import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { families, sites } from '@/db/schema';
import { loadServiceCalendar, type ServiceCalendar } from '@/lib/reservations/calendar';
import { loadDraftGroup, type Draft } from './drafts';
import { calendarFor, type DemarchePolicy } from './policy';

export interface DemarchePage {
  draft: Draft;
  /** the démarche's drafts, lead first: several when it covers siblings (lib/requests/siblings.ts), else the draft */
  group: Draft[];
  /** the calendar as the actor sees it (calendarFor) */
  cal: ServiceCalendar;
  siteName: string;
  familyName: string;
}

/** A UserError (expired, not found) is for the page to show. */
export async function loadDemarchePage(
  db: Queryable,
  p: { policy: DemarchePolicy; requestId: number; now: Date },
): Promise<DemarchePage> {
  const group = await loadDraftGroup(db, p);
  const draft = group[0]!;
  const [cal, [site], [family]] = await Promise.all([
    loadServiceCalendar(db, {
      schoolYearId: draft.enrolment.schoolYearId,
      service: draft.service,
      siteId: draft.enrolment.siteId,
    }),
    db.select({ name: sites.name }).from(sites).where(eq(sites.id, draft.enrolment.siteId)),
    db.select({ name: families.name }).from(families).where(eq(families.id, draft.familyId)),
  ]);
  return { draft, group, cal: calendarFor(p.policy, cal), siteName: site?.name ?? '', familyName: family?.name ?? '' };
}
