// The Guichet famille acts for a family ("pour le compte de la famille"): the same démarches and rules as the
// parent's, with the booking deadline waived (closed days, holidays and public holidays are not), a required reason,
// the agent as author and audit actor, and the acknowledgment e-mail to the family.
// The family comes from the child (checked in every query); an agent's drafts are the agent's own (created_by).
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Queryable } from '@/db/client';
import { children, families, requests, sites } from '@/db/schema';
import { chooseEnrolmentSite, startEnrolmentDraft, submitEnrolment } from '@/lib/enrolments/enrol';
import { UserError } from '@/lib/errors';
import { idField, idSchema, versionSchema } from '@/lib/ids';
import { SERVICE_KINDS, type IsoDate, type ServiceKind } from '@/lib/planning';
import {
  applyTemplateToDraft,
  loadDraft,
  saveDaysSchema,
  saveDraftDays,
  startReservationDraft,
  templateSchema,
  withDeadline,
  type Draft,
} from '@/lib/requests/drafts';
import { loadServiceCalendar, type ServiceCalendar } from '@/lib/reservations/calendar';
import { submitReservationRequest, type SubmitResult } from '@/lib/requests/submit';
import type { StaffActor } from '@/lib/audit/write';
import { parseOrRefuse } from '@/lib/validation';

export interface Agent extends StaffActor {
  firstName: string;
  lastName: string;
}

export const REASON_MESSAGE = 'Indiquez le motif de la demande (par exemple : « demande au guichet, hors délai »).';
export const reasonField = z
  .string({ error: REASON_MESSAGE })
  .trim()
  .min(1, REASON_MESSAGE)
  .max(500, 'Le motif est trop long (500 caractères au plus).');
const serviceField = z.enum(SERVICE_KINDS as [ServiceKind, ...ServiceKind[]], { error: 'Service inconnu.' });

export function agentName(agent: Agent): string {
  return `${agent.firstName} ${agent.lastName}`.trim() || 'le Guichet famille';
}

/** The child's family, or "not found" when the child is not of that family. */
async function childFamily(db: Queryable, p: { familyId: number; childId: number }): Promise<number> {
  const [child] = await db
    .select({ familyId: children.familyId })
    .from(children)
    .where(and(eq(children.id, p.childId), eq(children.familyId, p.familyId)));
  if (!child) throw new UserError('family_child_not_found');
  return child.familyId;
}

/** An agent's own draft (created_by = the agent) of the family; anything else is "not found". */
export async function loadAgentDraft(
  db: Queryable,
  p: { agentId: number; familyId: number; requestId: number; now: Date; forUpdate?: boolean },
): Promise<Draft> {
  const [own] = await db
    .select({ id: requests.id })
    .from(requests)
    .where(and(eq(requests.id, p.requestId), eq(requests.familyId, p.familyId), eq(requests.createdBy, p.agentId)));
  if (!own) throw new UserError('agent_draft_not_found');
  return loadDraft(db, p);
}

export const startOnBehalfSchema = z.object({ familyId: idSchema, childId: idSchema, service: serviceField });

/** « Gérer les réservations » for the family: opens (or resumes) the agent's draft. */
export async function startReservationOnBehalf(
  db: Queryable,
  agent: Agent,
  p: { input: unknown; today: IsoDate; now: Date },
): Promise<{ requestId: number; familyId: number }> {
  const input = parseOrRefuse(startOnBehalfSchema, p.input);
  const familyId = await childFamily(db, input);
  const { requestId } = await startReservationDraft(db, {
    familyId,
    accountId: agent.id,
    childId: input.childId,
    service: input.service,
    today: p.today,
    now: p.now,
    onBehalf: true,
  });
  return { requestId, familyId };
}

export const agentSaveDaysSchema = z.intersection(z.object({ familyId: idSchema }), saveDaysSchema);

/** Étape 1, day by day, deadline waived. */
export async function saveDaysOnBehalf(db: Db, agent: Agent, p: { input: unknown; today: IsoDate; now: Date }) {
  const { familyId, ...input } = parseOrRefuse(agentSaveDaysSchema, p.input);
  return db.transaction(async (tx) => {
    await loadAgentDraft(tx, { agentId: agent.id, familyId, requestId: input.requestId, now: p.now });
    return saveDraftDays(tx, { familyId, today: p.today, now: p.now, input, waiveDeadline: true });
  });
}

export const agentTemplateSchema = z.intersection(z.object({ familyId: idSchema }), templateSchema);

/** Étape 1, « Appliquer une périodicité », deadline waived. */
export async function applyTemplateOnBehalf(db: Db, agent: Agent, p: { input: unknown; today: IsoDate; now: Date }) {
  const { familyId, ...input } = parseOrRefuse(agentTemplateSchema, p.input);
  return db.transaction(async (tx) => {
    await loadAgentDraft(tx, { agentId: agent.id, familyId, requestId: input.requestId, now: p.now });
    return applyTemplateToDraft(tx, { familyId, today: p.today, now: p.now, input, waiveDeadline: true });
  });
}

export const submitOnBehalfSchema = z.object({
  familyId: idSchema,
  requestId: idSchema,
  version: versionSchema,
  reason: reasonField,
});

/** « Valider » with the reason: the same transaction as the parent's, deadline waived. */
export async function submitReservationOnBehalf(
  db: Db,
  agent: Agent,
  p: { input: unknown; today: IsoDate; now: Date; appUrl: string },
): Promise<SubmitResult & { familyId: number; requestId: number }> {
  const input = parseOrRefuse(submitOnBehalfSchema, p.input);
  await loadAgentDraft(db, { agentId: agent.id, familyId: input.familyId, requestId: input.requestId, now: p.now });
  const result = await submitReservationRequest(db, {
    familyId: input.familyId,
    accountId: agent.id,
    requestId: input.requestId,
    version: input.version,
    today: p.today,
    now: p.now,
    appUrl: p.appUrl,
    onBehalf: { agentName: agentName(agent), reason: input.reason },
  });
  return { ...result, familyId: input.familyId, requestId: input.requestId };
}

export const enrolOnBehalfSchema = z.object({
  familyId: idSchema,
  childId: idSchema,
  service: serviceField,
  siteId: idField('Choisissez le lieu.'),
  reason: reasonField,
});

/**
 * « S'inscrire » for the family, in one go: the proposed site or, the agent's privilege, another site of the
 * right kind; the reason, the audit row (the agent) and the e-mail to the family.
 */
export async function enrolOnBehalf(
  db: Db,
  agent: Agent,
  p: { input: unknown; today: IsoDate; now: Date; appUrl: string },
): Promise<{ reference: string; requestId: number }> {
  const input = parseOrRefuse(enrolOnBehalfSchema, p.input);
  const requestId = await db.transaction(async (tx) => {
    const familyId = await childFamily(tx, input);
    const { requestId: id } = await startEnrolmentDraft(tx, {
      familyId,
      accountId: agent.id,
      childId: input.childId,
      service: input.service,
      today: p.today,
      now: p.now,
      onBehalf: true,
    });
    await chooseEnrolmentSite(tx, {
      familyId,
      now: p.now,
      input: { requestId: id, siteId: input.siteId },
      anySite: true,
    });
    return id;
  });
  const { reference } = await submitEnrolment(db, {
    familyId: input.familyId,
    accountId: agent.id,
    requestId,
    today: p.today,
    now: p.now,
    appUrl: p.appUrl,
    onBehalf: { agentName: agentName(agent), reason: input.reason },
  });
  return { reference, requestId };
}

export interface AgentDraftPage {
  draft: Draft;
  /** the calendar as the agent sees it: deadline waived */
  cal: ServiceCalendar;
  siteName: string;
  familyName: string;
}

/** What the agent's Étape 1 and 2 need; a UserError (expired, cancelled, not found) is for the page to show. */
export async function agentDraftPage(
  db: Queryable,
  p: { agentId: number; familyId: number; requestId: number; now: Date },
): Promise<AgentDraftPage> {
  const draft = await loadAgentDraft(db, p);
  const [cal, [site], [family]] = await Promise.all([
    loadServiceCalendar(db, {
      schoolYearId: draft.enrolment.schoolYearId,
      service: draft.service,
      siteId: draft.enrolment.siteId,
    }),
    db.select({ name: sites.name }).from(sites).where(eq(sites.id, draft.enrolment.siteId)),
    db.select({ name: families.name }).from(families).where(eq(families.id, draft.familyId)),
  ]);
  return { draft, cal: withDeadline(cal, true), siteName: site?.name ?? '', familyName: family?.name ?? '' };
}
