// Closing a family's account (RGPD, « Mes données »): a parent asks, an agent of the Guichet famille confirms. The
// closure erases the family's personal data and keeps, under a pseudonym, only what the town must keep for billing and
// accounting (README, « Mes données »). Each step is one transaction with a constant number of statements, whatever
// the size of the family; asking twice, or confirming what was not asked or is already closed, writes nothing.
import { and, eq, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { rows, type Db, type Queryable } from '@/db/client';
import {
  absences,
  accounts,
  accountTokens,
  auditLog,
  calendarFeeds,
  children,
  emailOutbox,
  enrolments,
  families,
  loginAttempts,
  mailbox,
  parents,
  requests,
  reservations,
  waitingEntries,
  sessions,
  signInFailures,
} from '@/db/schema';
import { resetEmailKey } from '@/lib/accounts/password-reset';
import { writeAudit, type StaffActor } from '@/lib/audit/write';
import { FAR_FUTURE, refillFreedPlaces } from '@/lib/waiting-list/promote';
import { parisDate } from '@/lib/clock';
import { enqueueEmails } from '@/lib/email/outbox';
import { documentStorage } from '@/lib/documents/storage';
import { dateParam, UserError } from '@/lib/errors';
import type { IsoDate } from '@/lib/planning';
import { idSchema, parseOrRefuse } from '@/lib/validation';

/** The name a closed family keeps in the reservations and requests the town must keep: no one's name. */
export const familyPseudonym = (familyId: number): string => `Anonyme F${familyId}`;
/** A closed family's child: its own number, under the family's pseudonym. */
const CHILD_PREFIX = 'E';
export const childPseudonym = (childId: number): string => `${CHILD_PREFIX}${childId}`;
/** A closed account's address: unique (the accounts' index) and, under the reserved .invalid domain, never deliverable. */
const CLOSED_EMAIL = { prefix: 'compte-ferme-', domain: '@anonyme.invalid' } as const;
export const closedAccountEmail = (accountId: number): string =>
  `${CLOSED_EMAIL.prefix}${accountId}${CLOSED_EMAIL.domain}`;
export const CLOSED_ACCOUNT_NAME = 'Compte fermé';

// ---------------------------------------------------------------------------------------------------------------
// The parent asks

/**
 * « Demander la fermeture de mon compte »: records the request of the signed-in parent's family (the family is the
 * session's, part of the WHERE). Asked twice: a French refusal naming the first request's day, nothing written.
 */
export async function requestFamilyClosure(
  db: Db,
  p: { familyId: number; accountId: number; now: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [asked] = await tx
      .update(families)
      .set({ closureRequestedAt: p.now })
      .where(and(eq(families.id, p.familyId), isNull(families.closureRequestedAt), isNull(families.closedAt)))
      .returning({ id: families.id });
    if (!asked) {
      const [family] = await tx
        .select({ requestedAt: families.closureRequestedAt })
        .from(families)
        .where(eq(families.id, p.familyId));
      if (!family?.requestedAt) throw new UserError('family_not_found');
      throw new UserError('closure_already_requested', { date: dateParam(parisDate(family.requestedAt)) });
    }
    await writeAudit(
      tx,
      { id: p.accountId, role: 'parent' },
      {
        at: p.now,
        action: 'family.closure_request',
        entity: 'family',
        entityId: p.familyId,
        familyId: p.familyId,
        before: { closureRequestedAt: null },
        after: { closureRequestedAt: p.now.toISOString() },
      },
    );
  });
}

/** When the family asked for its account to be closed (null: not asked), for « Mes données ». */
export async function closureRequestedAt(db: Queryable, familyId: number): Promise<Date | null> {
  const [family] = await db
    .select({ requestedAt: families.closureRequestedAt })
    .from(families)
    .where(eq(families.id, familyId));
  return family?.requestedAt ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// The back office's list

export interface PendingClosure {
  familyId: number;
  familyName: string;
  requestedAt: Date;
  /** « Claire Martin <famille.martin@example.fr> », … */
  parents: string;
  /** « Léa Martin, Hugo Martin » */
  children: string;
  /** reservations after today: the closure cancels them */
  futureReservations: number;
}

/** The closures asked and not yet confirmed, oldest first: one query. */
export async function pendingClosures(db: Queryable, p: { today: IsoDate }): Promise<PendingClosure[]> {
  const found = await rows<Omit<PendingClosure, 'requestedAt'> & { requestedAt: string | Date }>(
    db,
    sql`select f.id as "familyId", f.name as "familyName", f.closure_requested_at as "requestedAt",
          coalesce((select string_agg(p.first_name || ' ' || p.last_name || ' <' || p.email || '>', ', ' order by p.id)
                    from parents p where p.family_id = f.id), '') as parents,
          coalesce((select string_agg(c.first_name || ' ' || c.last_name, ', ' order by c.birth_date, c.id)
                    from children c where c.family_id = f.id), '') as children,
          (select count(*)::int from reservations r join children c on c.id = r.child_id
            where c.family_id = f.id and r.date > ${p.today}) as "futureReservations"
        from families f
        where f.closure_requested_at is not null and f.closed_at is null
        order by f.closure_requested_at, f.id`,
  );
  return found.map((r) => ({ ...r, requestedAt: new Date(r.requestedAt) }));
}

// ---------------------------------------------------------------------------------------------------------------
// The agent confirms

export const confirmClosureSchema = z.object({
  familyId: idSchema,
  // the confirmation step's button: a closure is never made by a form sent without it
  confirm: z.literal('1', { error: 'Confirmez la fermeture avec le bouton « Oui, fermer le compte ».' }),
});

export interface ClosureOutcome {
  familyId: number;
  pseudonym: string;
  /** e-mails queued to tell the parents (before their addresses were erased) */
  emails: number;
  /** reservations after the closure's day, cancelled */
  cancelledReservations: number;
}

/**
 * Closes the family's account at its request: what the README lists is erased or replaced by a pseudonym, the
 * parents are told through the outbox (queued first, while their addresses still exist), and the journal records the
 * closure. One transaction, 23 statements at most whatever the family holds (the waiting lists' refill included).
 */
export async function confirmFamilyClosure(
  db: Db,
  actor: StaffActor,
  input: unknown,
  ctx: { now: Date; today: IsoDate; appUrl: string },
): Promise<ClosureOutcome> {
  const { familyId } = parseOrRefuse(confirmClosureSchema, input);
  return db.transaction(async (tx) => {
    const [family] = await tx
      .select({ requestedAt: families.closureRequestedAt, closedAt: families.closedAt })
      .from(families)
      .where(eq(families.id, familyId))
      .for('update');
    if (!family) throw new UserError('family_not_found');
    if (family.closedAt) throw new UserError('family_already_closed');
    if (!family.requestedAt) throw new UserError('closure_not_requested');

    const people = await tx
      .select({
        id: parents.id,
        firstName: parents.firstName,
        lastName: parents.lastName,
        email: parents.email,
        accountId: parents.accountId,
        accountEmail: accounts.email,
        accountLocale: accounts.locale,
      })
      .from(parents)
      .leftJoin(accounts, eq(accounts.id, parents.accountId))
      .where(eq(parents.familyId, familyId));
    const accountIds = people.flatMap((p) => (p.accountId === null ? [] : [p.accountId]));
    const addresses = [
      ...new Set(people.flatMap((p) => [p.email, p.accountEmail ?? '']).map((e) => e.trim().toLowerCase())),
    ].filter((e) => e !== '');
    const familyRequests = tx.select({ id: requests.id }).from(requests).where(eq(requests.familyId, familyId));
    const familyChildren = tx.select({ id: children.id }).from(children).where(eq(children.familyId, familyId));
    // the family's e-mails: those sent to its parents' addresses, and the acknowledgments of its requests
    const familyEmail = or(
      inArray(sql`lower(${emailOutbox.to})`, addresses),
      inArray(emailOutbox.requestId, familyRequests),
    );

    // the kept copies and the outbox rows (pending ones too: an e-mail about a closed account is not sent)
    await tx
      .delete(mailbox)
      .where(
        or(
          inArray(sql`lower(${mailbox.to})`, addresses),
          inArray(mailbox.outboxId, tx.select({ id: emailOutbox.id }).from(emailOutbox).where(familyEmail)),
        ),
      );
    await tx.delete(emailOutbox).where(familyEmail);
    // then the closure's notice, to every parent with an address: the last e-mail the outbox holds for them, in the
    // parent's language (a parent without an account of their own: the family's account's), kept in the payload since
    // the accounts' addresses are erased below
    const familyLocale = people.find((p) => p.accountLocale !== null)?.accountLocale ?? undefined;
    const notices = people
      .filter((p) => p.email.trim() !== '')
      .map((p) => ({
        idempotencyKey: `account-closed:${familyId}:${p.id}`,
        to: p.email.trim(),
        template: 'account-closed' as const,
        payload: {
          parentName: `${p.firstName} ${p.lastName}`.trim(),
          closedOn: ctx.today,
          link: `${ctx.appUrl}/contact`,
          ...((p.accountLocale ?? familyLocale) ? { locale: p.accountLocale ?? familyLocale } : {}),
        },
      }));
    if (notices.length > 0) await enqueueEmails(tx, notices);

    // the accounts: signed out everywhere, no link, no password, no address, no name; the row stays (the journal
    // and the requests name it as their author)
    if (accountIds.length > 0) {
      await tx.delete(sessions).where(inArray(sessions.accountId, accountIds));
      await tx.delete(accountTokens).where(inArray(accountTokens.accountId, accountIds));
      await tx
        .update(accounts)
        .set({
          email: sql`${CLOSED_EMAIL.prefix}::text || ${accounts.id}::text || ${CLOSED_EMAIL.domain}::text`,
          passwordHash: null,
          firstName: '',
          lastName: CLOSED_ACCOUNT_NAME,
          disabledAt: ctx.now,
          sessionVersion: sql`${accounts.sessionVersion} + 1`,
          reminders: 'none',
          introductionReadAt: null,
        })
        .where(and(inArray(accounts.id, accountIds), eq(accounts.role, 'parent')));
    }
    if (addresses.length > 0) {
      await tx.delete(signInFailures).where(inArray(signInFailures.email, addresses));
      await tx.delete(loginAttempts).where(inArray(loginAttempts.key, addresses.map(resetEmailKey)));
    }
    await tx.delete(calendarFeeds).where(eq(calendarFeeds.familyId, familyId));
    // certificates are health data with no use once the absences are decided: erased (the absences' status and the
    // reservations' billable flag stay, for billing); the parents' free text and the agents' reasons may name people
    await documentStorage().delete(tx, { familyId });
    await tx.update(absences).set({ details: null, decisionReason: null }).where(eq(absences.familyId, familyId));
    await tx.delete(parents).where(eq(parents.familyId, familyId));

    // bookings after the closure's day are cancelled (no one to tell any more, and the places go to others); past
    // ones and today's stay, for billing. A draft an agent holds for a child sees its planning changed.
    const cancelled = await tx
      .delete(reservations)
      .where(and(inArray(reservations.childId, familyChildren), sql`${reservations.date} > ${ctx.today}`))
      .returning({ id: reservations.id });
    if (cancelled.length > 0) {
      await tx
        .update(enrolments)
        .set({ planningVersion: sql`${enrolments.planningVersion} + 1` })
        .where(inArray(enrolments.childId, familyChildren));
    }
    // the family leaves every waiting list, and the places its bookings held go to the families waiting
    await tx
      .update(waitingEntries)
      .set({ status: 'left', closedAt: ctx.now })
      .where(and(eq(waitingEntries.familyId, familyId), eq(waitingEntries.status, 'waiting')));
    if (cancelled.length > 0) await refillFreedPlaces(tx, { from: ctx.today, to: FAR_FUTURE }, { ...ctx, actor });
    // requests: the validated ones stay (what was booked and when); drafts and cancelled ones go; an agent's free-text
    // reason may name people, it goes too
    await tx.delete(requests).where(and(eq(requests.familyId, familyId), ne(requests.status, 'submitted')));
    await tx
      .update(requests)
      .set({ reason: null })
      .where(and(eq(requests.familyId, familyId), isNotNull(requests.reason)));
    // the journal keeps who did what and when, not the content (names, addresses) of the family's rows
    await tx
      .update(auditLog)
      .set({ before: null, after: null })
      .where(
        or(
          eq(auditLog.familyId, familyId),
          and(
            eq(auditLog.entity, 'account'),
            inArray(
              auditLog.entityId,
              accountIds.map((id) => String(id)),
            ),
          ),
        ),
      );

    const pseudonym = familyPseudonym(familyId);
    await tx
      .update(children)
      .set({
        firstName: sql`${CHILD_PREFIX}::text || ${children.id}::text`,
        lastName: pseudonym,
        // the month stays for the statistics by age band; the day goes
        birthDate: sql`date_trunc('month', ${children.birthDate})::date`,
      })
      .where(eq(children.familyId, familyId));
    // the town's postal code and city stay (resident or not, for the tariffs); the street address goes
    await tx
      .update(families)
      .set({ name: pseudonym, address: '', refusalReason: null, closedAt: ctx.now })
      .where(eq(families.id, familyId));

    const outcome: ClosureOutcome = {
      familyId,
      pseudonym,
      emails: notices.length,
      cancelledReservations: cancelled.length,
    };
    await writeAudit(tx, actor, {
      at: ctx.now,
      action: 'family.close',
      entity: 'family',
      entityId: familyId,
      familyId,
      before: { closureRequestedAt: family.requestedAt.toISOString() },
      after: { closedAt: ctx.now.toISOString(), ...outcome },
    });
    return outcome;
  });
}
