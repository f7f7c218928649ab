// A family's children with their enrolments for a school year. The family is always part of the query.
import { and, asc, eq } from 'drizzle-orm';
import { cache } from 'react';
import type { Queryable } from '@/db/client';
import { children, enrolments, sites } from '@/db/schema';
import { referenceData } from '@/lib/calendar/reference-cache';
import type { ServiceKind } from '@/lib/planning';

export interface ChildSummary {
  id: number;
  firstName: string;
  lastName: string;
  classLevel: string;
  schoolName: string | null;
  services: { service: ServiceKind; siteName: string }[];
}

const SERVICE_ORDER: ServiceKind[] = ['cantine', 'mercredi', 'vacances'];

/**
 * The enrolments of a family's children for a school year, by child: Mon espace reads them for the children's cards
 * and for « À venir », once per request (React cache, keyed by the arguments).
 */
export const familyEnrolments = cache(
  async (
    db: Queryable,
    familyId: number,
    schoolYearId: number,
  ): Promise<{ childId: number; service: ServiceKind; siteId: number }[]> =>
    db
      .select({ childId: enrolments.childId, service: enrolments.service, siteId: enrolments.siteId })
      .from(enrolments)
      .innerJoin(children, and(eq(children.id, enrolments.childId), eq(children.familyId, familyId)))
      .where(eq(enrolments.schoolYearId, schoolYearId))
      .orderBy(asc(enrolments.childId)),
);

export async function listFamilyChildren(
  db: Queryable,
  familyId: number,
  schoolYearId: number | null,
): Promise<ChildSummary[]> {
  const kids = await db
    .select({
      id: children.id,
      firstName: children.firstName,
      lastName: children.lastName,
      classLevel: children.classLevel,
      schoolName: sites.name,
    })
    .from(children)
    .leftJoin(sites, eq(sites.id, children.schoolId))
    .where(eq(children.familyId, familyId))
    .orderBy(asc(children.birthDate), asc(children.id));
  if (kids.length === 0) return [];
  const enrolled = schoolYearId === null ? [] : await familyEnrolments(db, familyId, schoolYearId);
  const siteNames = new Map((await referenceData(db)).sites.map((site) => [site.id, site.name]));
  return kids.map((kid) => ({
    ...kid,
    services: enrolled
      .filter((e) => e.childId === kid.id)
      .map(({ service, siteId }) => ({ service, siteName: siteNames.get(siteId) ?? '' }))
      .sort((a, b) => SERVICE_ORDER.indexOf(a.service) - SERVICE_ORDER.indexOf(b.service)),
  }));
}
