// The life of a request (demande), whatever its démarche: a draft opened or resumed (one open draft per child,
// service and type), its expiry, and its submission, the tail every démarche shares: the reference, the audit row at
// the clock's time, the acknowledgment's recipient and the acknowledgment queued in the same transaction.
// What differs per démarche (its checks, what it writes, its diff) stays in its use-case; its type is in types.ts.
import { and, eq, gt, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { accounts, auditLog, parents, requests, sites, type AuditAction, type AuditEntity } from '@/db/schema';
import { enqueueEmail } from '@/lib/email/outbox';
import { SERVICE_LABELS, type IsoDate, type ServiceKind } from '@/lib/planning';
import { REQUEST_TYPES, type DiffOf, type RequestType } from './types';

/** A draft nobody touches for a day expires (« plus de 24 heures sans activité »). */
export const DRAFT_LIFETIME_MS = 24 * 3600_000;

/** When a draft touched at `now` expires. */
export function draftExpiresAt(now: Date): Date {
  return new Date(now.getTime() + DRAFT_LIFETIME_MS);
}

/** A draft past its expiry: refused as « expirée » until a new « Commencer » or the purge removes it. */
export function isExpiredDraft(r: { status: string; expiresAt: Date | null }, now: Date): boolean {
  return r.status === 'draft' && r.expiresAt !== null && r.expiresAt <= now;
}

/**
 * Who a draft belongs to: the family's one open draft of a démarche for a child and a service, or an agent's own
 * at the desk (on_behalf). The partial unique indexes requests_one_family_draft and requests_one_agent_draft
 * hold one open draft per key, expired or not: expired drafts stay until a purge.
 */
export interface DraftKey {
  familyId: number;
  childId: number;
  service: ServiceKind;
  type: RequestType;
  accountId: number;
  /** an agent acting for the family: the agent's own draft, never the family's */
  onBehalf: boolean;
}

function sameDraftKey(k: DraftKey): SQL {
  return and(
    eq(requests.familyId, k.familyId),
    eq(requests.childId, k.childId),
    eq(requests.service, k.service),
    eq(requests.type, k.type),
    eq(requests.status, 'draft'),
    k.onBehalf ? and(eq(requests.onBehalf, true), eq(requests.createdBy, k.accountId)) : eq(requests.onBehalf, false),
  )!;
}

/**
 * "Commencer": resumes the key's live draft, or opens one, so that « Commencer » clicked twenty times at once
 * opens one draft and every click gets its id. An expired draft of the key (it would stay until the purge and
 * hold the index) is deleted first; the insert then does nothing when a concurrent start won, and that draft is
 * read back.
 * `values` builds what a new draft starts with (queried only when no live draft exists).
 */
export async function openOrResumeDraft(
  db: Queryable,
  k: DraftKey & { now: Date },
  values: () => Promise<{ schoolYearId: number; payload: unknown; baseVersion?: number }>,
): Promise<{ requestId: number; resumed: boolean }> {
  const expiresAt = draftExpiresAt(k.now);
  const resume = async () => {
    const [live] = await db
      .update(requests)
      .set({ expiresAt, updatedAt: k.now })
      .where(and(sameDraftKey(k), gt(requests.expiresAt, k.now)))
      .returning({ id: requests.id });
    return live;
  };
  const live = await resume();
  if (live) return { requestId: live.id, resumed: true };
  // what the purge (purgeExpiredDrafts) would do to it; « annulée » would show in the back office as if cancelled
  await db.delete(requests).where(and(sameDraftKey(k), or(isNull(requests.expiresAt), lte(requests.expiresAt, k.now))));
  const start = await values();
  const [created] = await db
    .insert(requests)
    .values({
      familyId: k.familyId,
      childId: k.childId,
      service: k.service,
      schoolYearId: start.schoolYearId,
      type: k.type,
      status: 'draft',
      payload: start.payload,
      baseVersion: start.baseVersion ?? null,
      createdBy: k.accountId,
      onBehalf: k.onBehalf,
      expiresAt,
      createdAt: k.now,
      updatedAt: k.now,
    })
    // the arbiter is the key's partial unique index (its columns and its predicate)
    .onConflictDoNothing(
      k.onBehalf
        ? {
            target: [requests.childId, requests.service, requests.type, requests.createdBy],
            where: sql`status = 'draft' and on_behalf`,
          }
        : {
            target: [requests.childId, requests.service, requests.type],
            where: sql`status = 'draft' and not on_behalf`,
          },
    )
    .returning({ id: requests.id });
  if (created) return { requestId: created.id, resumed: false };
  // A concurrent « Commencer » of the same key committed its draft first (PostgreSQL made this insert wait for it).
  const won = await resume();
  if (won) return { requestId: won.id, resumed: true };
  throw new Error(`no open ${k.type} draft after a conflict (child ${k.childId}, ${k.service})`);
}

/** The audit row of a submission (its actor and time are the lifecycle's). */
export interface SubmissionAudit {
  action: AuditAction;
  entity: AuditEntity;
  entityId: string | number;
  before: unknown;
  after: unknown;
}

export interface SubmitRequest<T extends RequestType> {
  type: T;
  /** the draft, locked by the caller (SELECT … FOR UPDATE) and checked still open */
  requestId: number;
  familyId: number;
  childId: number;
  childName: string;
  service: ServiceKind;
  /** the site the acknowledgment names */
  siteId: number;
  diff: DiffOf<T>;
  /** who submits: the parent's account, or the agent's at the desk (the audit actor, with the account's role) */
  accountId: number;
  /** the Paris date of `now`: the reference's year */
  today: IsoDate;
  /** the clock's instant: submitted_at, the audit row's time, the acknowledgment's */
  now: Date;
  appUrl: string;
  /** an agent at the desk: the request is marked so, with the reason; the acknowledgment names the agent */
  onBehalf?: { agentName: string; reason: string };
  /** what the audit row says, once the reference is known */
  audit: (reference: string) => SubmissionAudit;
  /** « Liste d'attente »: the waiting days' places in line, for the acknowledgment */
  waitingPositions?: ReadonlyMap<string, number>;
}

/**
 * "Valider"'s shared tail, inside the caller's transaction, in four statements whatever the démarche: the request
 * becomes submitted with its reference (DEM-<Paris year of submission>-<sequence>) and its diff, the audit row, the
 * recipient, the acknowledgment (once per request: its idempotency key).
 * The acknowledgment goes to the parent who asked, or, when an agent booked, to the family's first parent.
 */
export async function submitRequest<T extends RequestType>(
  tx: Queryable,
  p: SubmitRequest<T>,
): Promise<{ reference: string }> {
  const year = p.today.slice(0, 4);
  const reason = p.onBehalf?.reason.trim() ?? null;
  const [submitted] = await tx
    .update(requests)
    .set({
      status: 'submitted',
      reference: sql`'DEM-' || ${year} || '-' || lpad(nextval('request_reference_seq')::text, 6, '0')`,
      diff: p.diff,
      submittedAt: p.now,
      updatedAt: p.now,
      expiresAt: null,
      onBehalf: Boolean(p.onBehalf),
      reason,
    })
    .where(
      and(
        eq(requests.id, p.requestId),
        eq(requests.familyId, p.familyId),
        eq(requests.type, p.type),
        eq(requests.status, 'draft'),
      ),
    )
    .returning({ reference: requests.reference });
  if (!submitted?.reference) throw new Error(`request ${p.requestId} was not an open ${p.type} draft of the family`);
  const reference = submitted.reference;

  const audit = p.audit(reference);
  await tx.insert(auditLog).values({
    at: p.now,
    actorId: p.accountId,
    // the account's role, read in the same statement: a parent, or the agent at the desk
    actorRole: sql`(select ${accounts.role} from ${accounts} where ${accounts.id} = ${p.accountId})`,
    action: audit.action,
    entity: audit.entity,
    entityId: String(audit.entityId),
    familyId: p.familyId,
    before: audit.before ?? null,
    after: audit.after ?? null,
  });

  const [recipient] = await tx
    .select({ email: parents.email, firstName: parents.firstName, lastName: parents.lastName, siteName: sites.name })
    .from(parents)
    .innerJoin(sites, eq(sites.id, p.siteId))
    .where(eq(parents.familyId, p.familyId))
    .orderBy(sql`(${parents.accountId} = ${p.accountId}) desc nulls last`, parents.id)
    .limit(1);
  if (recipient) {
    const { template, payload } = REQUEST_TYPES[p.type].acknowledgment(
      {
        reference,
        parentName: `${recipient.firstName} ${recipient.lastName}`,
        childName: p.childName,
        serviceLabel: SERVICE_LABELS[p.service],
        siteName: recipient.siteName,
        submittedAt: p.now,
        link: `${p.appUrl}/enfants/${p.childId}`,
        requestLink: `${p.appUrl}/mes-demandes/${p.requestId}`,
        onBehalfOf: p.onBehalf?.agentName ?? null,
        waitingPositions: p.waitingPositions,
      },
      p.diff,
    );
    await enqueueEmail(tx, {
      idempotencyKey: `request-${p.requestId}-acknowledgment`,
      to: recipient.email,
      template,
      requestId: p.requestId,
      payload,
    });
  }
  return { reference };
}
