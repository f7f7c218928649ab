// One child of the family with its enrolments (ownership in the query).
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { children, enrolments, sites } from '@/db/schema';
import type { ServiceKind } from '@/lib/planning';

export interface FamilyChild {
  id: number;
  firstName: string;
  lastName: string;
  enrolments: { service: ServiceKind; siteId: number; siteName: string }[];
}

export async function getFamilyChild(
  db: Queryable,
  familyId: number,
  childId: number,
  schoolYearId: number | null,
): Promise<FamilyChild | null> {
  if (!Number.isInteger(childId) || childId <= 0 || childId > 2_147_483_647) return null;
  const [child] = await db
    .select({ id: children.id, firstName: children.firstName, lastName: children.lastName })
    .from(children)
    .where(and(eq(children.id, childId), eq(children.familyId, familyId)));
  if (!child) return null;
  const list =
    schoolYearId === null
      ? []
      : await db
          .select({ service: enrolments.service, siteId: enrolments.siteId, siteName: sites.name })
          .from(enrolments)
          .innerJoin(sites, eq(sites.id, enrolments.siteId))
          .where(and(eq(enrolments.childId, child.id), eq(enrolments.schoolYearId, schoolYearId)));
  return { ...child, enrolments: list };
}
