// What the démarche's pages need for a draft the actor may load: the draft, the calendar as the actor sees it
// (its deadline), the site and the family's names.
import type { Queryable } from '@/db/client';
import { referenceData } from '@/lib/calendar/reference-cache';
import { serviceCalendar, type ServiceCalendar } from '@/lib/reservations/calendar';
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

/**
 * A UserError (expired, not found) is for the page to show. Two statements when the reference data is in memory:
 * the drafts (with the family's name) and the reference version, the site's name coming with the calendar's data.
 */
export async function loadDemarchePage(
  db: Queryable,
  p: { policy: DemarchePolicy; requestId: number; now: Date },
): Promise<DemarchePage> {
  const [group, reference] = await Promise.all([loadDraftGroup(db, p), referenceData(db)]);
  const draft = group[0]!;
  const cal = serviceCalendar(reference, {
    schoolYearId: draft.enrolment.schoolYearId,
    service: draft.service,
    siteId: draft.enrolment.siteId,
  });
  const siteName = reference.sites.find((s) => s.id === draft.enrolment.siteId)?.name ?? '';
  return { draft, group, cal: calendarFor(p.policy, cal), siteName, familyName: draft.familyName };
}
