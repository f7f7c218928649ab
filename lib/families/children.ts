// A family's children with their enrolments for a school year. The family is always part of the query.
import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { children, enrolments, sites } from '@/db/schema';
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
  const enrolled =
    schoolYearId === null
      ? []
      : await db
          .select({ childId: enrolments.childId, service: enrolments.service, siteName: sites.name })
          .from(enrolments)
          .innerJoin(children, eq(children.id, enrolments.childId))
          .innerJoin(sites, eq(sites.id, enrolments.siteId))
          .where(and(eq(children.familyId, familyId), eq(enrolments.schoolYearId, schoolYearId)));
  return kids.map((kid) => ({
    ...kid,
    services: enrolled
      .filter((e) => e.childId === kid.id)
      .map(({ service, siteName }) => ({ service, siteName }))
      .sort((a, b) => SERVICE_ORDER.indexOf(a.service) - SERVICE_ORDER.indexOf(b.service)),
  }));
}
