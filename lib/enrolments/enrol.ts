// "S'inscrire" (seed, cas n°2): the child is enrolled in a service for the school year at the site proposed
// by the family's sector (leisure centres) or the child's school (canteen). Another site goes through the
// Guichet famille. The draft lives on the server like the reservation démarche's.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Queryable } from '@/db/client';
import { children, enrolments, families, requests, sectors, sites } from '@/db/schema';
import { currentSchoolYear } from '@/lib/calendar/school-years';
import { fieldError, said, UserError } from '@/lib/errors';
import { idField, idSchema } from '@/lib/ids';
import { SERVICE_LABELS, type IsoDate, type ServiceKind } from '@/lib/planning';
import { draftExpiresAt, isExpiredDraft, openOrResumeDraft, submitRequest } from '@/lib/requests/lifecycle';
import { assertFamilyActive } from '@/lib/families/signups';

const payloadSchema = z.object({ siteId: z.number().int().positive().nullable() });

export interface EnrolmentDraft {
  id: number;
  familyId: number;
  childId: number;
  childFirstName: string;
  childLastName: string;
  service: ServiceKind;
  schoolYearId: number;
  schoolYearLabel: string;
  status: 'draft' | 'submitted' | 'cancelled';
  reference: string | null;
  chosenSiteId: number | null;
  proposed: { id: number; name: string; address: string } | null;
}

/** A service inside a refusal: « l'accueil de loisirs du mercredi », said again in the request's language. */
const lowerService = (service: ServiceKind) =>
  said(SERVICE_LABELS[service].charAt(0).toLowerCase() + SERVICE_LABELS[service].slice(1), (s) =>
    s.words.service(service),
  );

/** The site proposed to a child of the family: the sector's leisure centre, or for the canteen the child's school. */
export async function proposedSite(
  db: Queryable,
  p: { familyId: number; childId: number; service: ServiceKind },
): Promise<{ id: number; name: string; address: string } | null> {
  const siteId = p.service === 'cantine' ? children.schoolId : sectors.leisureCentreId;
  const [row] = await db
    .select({ id: sites.id, name: sites.name, address: sites.address })
    .from(children)
    .innerJoin(families, eq(families.id, children.familyId))
    .leftJoin(sectors, eq(sectors.id, families.sectorId))
    .innerJoin(sites, eq(sites.id, siteId))
    .where(and(eq(children.id, p.childId), eq(children.familyId, p.familyId)));
  return row ?? null;
}

/** "Commencer": opens (or resumes) the enrolment draft of a child not yet enrolled. */
export async function startEnrolmentDraft(
  db: Queryable,
  p: {
    familyId: number;
    accountId: number;
    childId: number;
    service: ServiceKind;
    today: IsoDate;
    now: Date;
    /** an agent acting for the family: resumes only the agent's own draft */
    onBehalf?: boolean;
  },
): Promise<{ requestId: number }> {
  const year = await currentSchoolYear(db, p.today);
  if (!year) throw new UserError('no_year_for_enrolment');
  const [child] = await db
    .select({
      id: children.id,
      firstName: children.firstName,
      enrolmentId: enrolments.id,
      familyStatus: families.status,
    })
    .from(children)
    .innerJoin(families, eq(families.id, children.familyId))
    .leftJoin(
      enrolments,
      and(eq(enrolments.childId, children.id), eq(enrolments.service, p.service), eq(enrolments.schoolYearId, year.id)),
    )
    .where(and(eq(children.id, p.childId), eq(children.familyId, p.familyId)));
  if (!child) throw new UserError('child_not_found');
  assertFamilyActive(child.familyStatus);
  if (child.enrolmentId !== null) {
    throw new UserError('already_enrolled', {
      firstName: child.firstName,
      service: lowerService(p.service),
      year: year.label,
    });
  }
  const key = { ...p, type: 'inscription' as const, onBehalf: Boolean(p.onBehalf) };
  const { requestId } = await openOrResumeDraft(db, key, async () => ({
    schoolYearId: year.id,
    payload: { siteId: null },
  }));
  return { requestId };
}

export async function loadEnrolmentDraft(
  db: Queryable,
  p: { requestId: number; familyId: number; now: Date; forUpdate?: boolean },
): Promise<EnrolmentDraft> {
  const query = db
    .select({
      id: requests.id,
      familyId: requests.familyId,
      childId: requests.childId,
      service: requests.service,
      schoolYearId: requests.schoolYearId,
      status: requests.status,
      reference: requests.reference,
      expiresAt: requests.expiresAt,
      payload: requests.payload,
      firstName: children.firstName,
      lastName: children.lastName,
      yearLabel: sql<string>`(select label from school_years where id = ${requests.schoolYearId})`,
    })
    .from(requests)
    .innerJoin(children, and(eq(children.id, requests.childId), eq(children.familyId, requests.familyId)))
    .where(and(eq(requests.id, p.requestId), eq(requests.familyId, p.familyId), eq(requests.type, 'inscription')))
    .limit(1);
  const [row] = p.forUpdate ? await query.for('update', { of: requests }) : await query;
  if (!row || row.schoolYearId === null) throw new UserError('enrolment_draft_not_found');
  if (isExpiredDraft(row, p.now)) {
    throw new UserError('enrolment_draft_expired');
  }
  const payload = payloadSchema.safeParse(row.payload);
  return {
    id: row.id,
    familyId: row.familyId,
    childId: row.childId,
    childFirstName: row.firstName,
    childLastName: row.lastName,
    service: row.service,
    schoolYearId: row.schoolYearId,
    schoolYearLabel: row.yearLabel,
    status: row.status,
    reference: row.reference,
    chosenSiteId: payload.success ? payload.data.siteId : null,
    proposed: await proposedSite(db, { familyId: p.familyId, childId: row.childId, service: row.service }),
  };
}

export const chooseSiteSchema = z.object({
  requestId: idSchema,
  siteId: idField(fieldError('field_enrolment_site')),
});

/** The kind of site that runs a service: the school's canteen, or a leisure centre. */
export function siteKindOf(service: ServiceKind): 'ecole' | 'centre' {
  return service === 'cantine' ? 'ecole' : 'centre';
}

/** A site of the right kind for the service (the Guichet famille's privilege: any of them), or null. */
export async function siteForService(
  db: Queryable,
  p: { siteId: number; service: ServiceKind },
): Promise<{ id: number; name: string; address: string } | null> {
  const [site] = await db
    .select({ id: sites.id, name: sites.name, address: sites.address })
    .from(sites)
    .where(and(eq(sites.id, p.siteId), eq(sites.kind, siteKindOf(p.service))));
  return site ?? null;
}

/**
 * Étape 1: the parent selects the proposed site (and only it: another one goes through the Guichet famille).
 * `anySite`: an agent at the desk may choose any site of the right kind.
 */
export async function chooseEnrolmentSite(
  db: Queryable,
  p: { familyId: number; now: Date; input: z.infer<typeof chooseSiteSchema>; anySite?: boolean },
): Promise<void> {
  const draft = await loadEnrolmentDraft(db, {
    requestId: p.input.requestId,
    familyId: p.familyId,
    now: p.now,
    forUpdate: true,
  });
  if (draft.status !== 'draft') throw new UserError('enrolment_draft_closed');
  if (p.anySite) {
    if (!(await siteForService(db, { siteId: p.input.siteId, service: draft.service }))) {
      throw new UserError('site_without_service', { service: lowerService(draft.service) });
    }
  } else if (!draft.proposed || draft.proposed.id !== p.input.siteId) {
    throw new UserError('site_not_of_sector');
  }
  await db
    .update(requests)
    .set({
      payload: { siteId: p.input.siteId },
      updatedAt: p.now,
      expiresAt: draftExpiresAt(p.now),
    })
    .where(and(eq(requests.id, draft.id), eq(requests.familyId, p.familyId), eq(requests.status, 'draft')));
}

/** "Valider": one transaction — the enrolment, the request and its reference, the audit row, the e-mail. */
export async function submitEnrolment(
  db: Db,
  p: {
    familyId: number;
    accountId: number;
    requestId: number;
    today: IsoDate;
    now: Date;
    appUrl: string;
    /** an agent at the desk: any site of the right kind, a reason (required), the agent in the audit log and the e-mail */
    onBehalf?: { agentName: string; reason: string };
  },
): Promise<{ reference: string; alreadySubmitted: boolean; childId: number; service: ServiceKind }> {
  if (p.onBehalf && p.onBehalf.reason.trim() === '') {
    throw new UserError('enrolment_reason_required');
  }
  return db.transaction(async (tx) => {
    const draft = await loadEnrolmentDraft(tx, {
      requestId: p.requestId,
      familyId: p.familyId,
      now: p.now,
      forUpdate: true,
    });
    if (draft.status === 'submitted')
      return { reference: draft.reference!, alreadySubmitted: true, childId: draft.childId, service: draft.service };
    if (draft.status === 'cancelled') throw new UserError('enrolment_draft_cancelled');
    const site = p.onBehalf
      ? draft.chosenSiteId === null
        ? null
        : await siteForService(tx, { siteId: draft.chosenSiteId, service: draft.service })
      : draft.proposed && draft.chosenSiteId === draft.proposed.id
        ? draft.proposed
        : null;
    if (!site) {
      throw new UserError('site_not_chosen');
    }
    const inserted = await tx
      .insert(enrolments)
      .values({
        childId: draft.childId,
        service: draft.service,
        siteId: site.id,
        schoolYearId: draft.schoolYearId,
        createdAt: p.now,
      })
      .onConflictDoNothing()
      .returning({ id: enrolments.id });
    if (inserted.length === 0) {
      throw new UserError('already_enrolled', {
        firstName: draft.childFirstName,
        service: lowerService(draft.service),
        year: draft.schoolYearLabel,
      });
    }
    const { reference } = await submitRequest(tx, {
      type: 'inscription',
      requestId: draft.id,
      familyId: p.familyId,
      childId: draft.childId,
      childName: `${draft.childFirstName} ${draft.childLastName}`,
      service: draft.service,
      siteId: site.id,
      diff: { enrolment: { siteId: site.id, siteName: site.name, schoolYear: draft.schoolYearLabel } },
      accountId: p.accountId,
      today: p.today,
      now: p.now,
      appUrl: p.appUrl,
      onBehalf: p.onBehalf,
      audit: (reference) => ({
        action: 'enrolment.create',
        entity: 'enrolment',
        entityId: inserted[0]!.id,
        before: null,
        after: {
          childId: draft.childId,
          service: draft.service,
          siteId: site.id,
          schoolYearId: draft.schoolYearId,
          reference,
          ...(p.onBehalf ? { onBehalf: true, reason: p.onBehalf.reason.trim() } : {}),
        },
      }),
    });
    return { reference, alreadySubmitted: false, childId: draft.childId, service: draft.service };
  });
}

/** "Annuler la démarche": closes the family's open enrolment draft; nothing else changes. */
export async function cancelEnrolmentDraft(
  db: Queryable,
  p: { familyId: number; requestId: number; now: Date },
): Promise<void> {
  await db
    .update(requests)
    .set({ status: 'cancelled', updatedAt: p.now })
    .where(
      and(
        eq(requests.id, p.requestId),
        eq(requests.familyId, p.familyId),
        eq(requests.type, 'inscription'),
        eq(requests.status, 'draft'),
      ),
    );
}
