// The Guichet famille acts for a family ("pour le compte de la famille"): the same démarches and rules as the
// parent's, with the booking deadline waived (closed days, holidays and public holidays are not), a required reason,
// the agent as author and audit actor, and the acknowledgment e-mail to the family.
// The family comes from the child (checked in every query); an agent's drafts are the agent's own (created_by).
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Queryable } from '@/db/client';
import { children } from '@/db/schema';
import { chooseEnrolmentSite, startEnrolmentDraft, submitEnrolment } from '@/lib/enrolments/enrol';
import { UserError } from '@/lib/errors';
import { idField, idSchema, versionSchema } from '@/lib/ids';
import { SERVICE_KINDS, type IsoDate, type ServiceKind } from '@/lib/planning';
import {
  applyTemplateToDraft,
  saveDaysSchema,
  saveDraftDays,
  startReservationDraft,
  templateSchema,
} from '@/lib/requests/drafts';
import { agentName, agentPolicy } from '@/lib/requests/policy';
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

export { agentName };

/** The child's family, or "not found" when the child is not of that family. */
async function childFamily(db: Queryable, p: { familyId: number; childId: number }): Promise<number> {
  const [child] = await db
    .select({ familyId: children.familyId })
    .from(children)
    .where(and(eq(children.id, p.childId), eq(children.familyId, p.familyId)));
  if (!child) throw new UserError('family_child_not_found');
  return child.familyId;
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
  const policy = agentPolicy(agent, familyId);
  return db.transaction((tx) => saveDraftDays(tx, { policy, today: p.today, now: p.now, input }));
}

export const agentTemplateSchema = z.intersection(z.object({ familyId: idSchema }), templateSchema);

/** Étape 1, « Appliquer une périodicité », deadline waived. */
export async function applyTemplateOnBehalf(db: Db, agent: Agent, p: { input: unknown; today: IsoDate; now: Date }) {
  const { familyId, ...input } = parseOrRefuse(agentTemplateSchema, p.input);
  const policy = agentPolicy(agent, familyId);
  return db.transaction((tx) => applyTemplateToDraft(tx, { policy, today: p.today, now: p.now, input }));
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
  const result = await submitReservationRequest(db, {
    policy: agentPolicy(agent, input.familyId),
    requestId: input.requestId,
    version: input.version,
    reason: input.reason,
    today: p.today,
    now: p.now,
    appUrl: p.appUrl,
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
