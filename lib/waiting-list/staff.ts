// « Listes d'attente », the Guichet famille's side: the live lines per site, service and day (with each family's
// contact), an agent booking an entry out of order (with a reason), an agent removing one (with a reason, the family
// e-mailed), and the dashboard's count. Both writes take the capacity turn of the entry's site and service first (the
// lock the refill and « Valider » take, lib/waiting-list/promote.ts), so they never race a refill of the same line.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { rows, type Db, type Queryable } from '@/db/client';
import { writeAudit, type StaffActor } from '@/lib/audit/write';
import { enqueueEmail } from '@/lib/email/outbox';
import { fieldError, UserError } from '@/lib/errors';
import { idSchema } from '@/lib/ids';
import {
  addDays,
  SERVICE_KINDS,
  SERVICE_LABELS,
  sortUnits,
  UNIT_LABELS,
  type IsoDate,
  type ServiceKind,
  type Unit,
} from '@/lib/planning';
import { invalidDaysRefusal, lockedDatesRefusal } from '@/lib/requests/drafts';
import { calendarKey, loadServiceCalendars } from '@/lib/reservations/calendar';
import { isoDate, pageParam, param, type Page } from '@/lib/search-params';
import { LINE_POSITION } from './join';
import { takeWaitingTurns, waitingCandidates, writePromotions } from './promote';

export const WAITING_LINES_PAGE_SIZE = 50;

export const waitingLineFiltersSchema = z.object({
  site: param(z.coerce.number().int().positive().max(2_147_483_647)),
  service: param(z.enum(SERVICE_KINDS as [ServiceKind, ...ServiceKind[]])),
  from: param(isoDate),
  to: param(isoDate),
  page: pageParam,
});
export type WaitingLineFilters = z.infer<typeof waitingLineFiltersSchema>;

export interface WaitingLineEntry {
  id: number;
  siteId: number;
  siteName: string;
  service: ServiceKind;
  date: IsoDate;
  /** 1 = the next to get a freed place */
  position: number;
  childId: number;
  childName: string;
  units: Unit[];
  familyId: number;
  familyName: string;
  /** the family's first parent */
  contact: { name: string; email: string; phone: string | null } | null;
  queuedAt: Date;
}

/**
 * The live entries (waiting, a day after `today`) in line order, grouped by site, service and day (the rows come in
 * that order; the page cuts its groups), 50 a page. Two queries whatever the number of entries: the count, the page.
 * The position is counted over the whole line of the day, which the filters (site, service, days) never cut.
 */
export async function listWaitingLines(
  db: Queryable,
  f: WaitingLineFilters & { today: IsoDate },
  pageSize = WAITING_LINES_PAGE_SIZE,
): Promise<Page<WaitingLineEntry>> {
  const where = sql`w.status = 'waiting' and w.date > ${f.today}
    ${f.site ? sql`and w.site_id = ${f.site}` : sql``}
    ${f.service ? sql`and w.service = ${f.service}` : sql``}
    ${f.from ? sql`and w.date >= ${f.from}` : sql``}
    ${f.to ? sql`and w.date <= ${f.to}` : sql``}`;
  const [count] = await rows<{ n: number }>(db, sql`select count(*)::int as n from waiting_entries w where ${where}`);
  const total = count?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(f.page, pageCount);
  const found = await rows<{
    id: number;
    siteId: number;
    siteName: string;
    service: ServiceKind;
    date: IsoDate;
    position: number;
    childId: number;
    childName: string;
    units: Unit[] | string;
    familyId: number;
    familyName: string;
    parentName: string | null;
    email: string | null;
    phone: string | null;
    queuedAt: Date | string;
  }>(
    db,
    sql`select w.id, w.site_id as "siteId", s.name as "siteName", w.service::text as service,
               to_char(w.date, 'YYYY-MM-DD') as date,
               ${LINE_POSITION} as position,
               w.child_id as "childId", c.first_name || ' ' || c.last_name as "childName", w.units::text[] as units,
               w.family_id as "familyId", f.name as "familyName",
               p.first_name || ' ' || p.last_name as "parentName", p.email, p.phone, w.queued_at as "queuedAt"
        from waiting_entries w
        join sites s on s.id = w.site_id
        join children c on c.id = w.child_id
        join families f on f.id = w.family_id
        left join lateral (select first_name, last_name, email, phone from parents
                           where family_id = w.family_id order by id limit 1) p on true
        where ${where}
        order by s.name, w.site_id, w.service, w.date, w.queued_at, w.id
        limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  return {
    rows: found.map((r) => ({
      id: r.id,
      siteId: r.siteId,
      siteName: r.siteName,
      service: r.service,
      date: r.date,
      position: r.position,
      childId: r.childId,
      childName: r.childName,
      units: sortUnits(typeof r.units === 'string' ? pgArray<Unit>(r.units) : r.units),
      familyId: r.familyId,
      familyName: r.familyName,
      contact: r.email === null ? null : { name: r.parentName ?? '', email: r.email, phone: r.phone },
      queuedAt: new Date(r.queuedAt),
    })),
    total,
    page,
    pageCount,
  };
}

/** A PostgreSQL text array as a driver may hand it back ('{matin,repas_classique}'). */
function pgArray<T extends string>(text: string): T[] {
  return text
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean) as T[];
}

const reasonField = z
  .string({ error: fieldError('waiting_reason_required') })
  .trim()
  .min(1, fieldError('waiting_reason_required'))
  .max(500, '500 caractères au plus.');

/** « Inscrire hors de l'ordre » and « Retirer de la liste »: the entry and the agent's reason (required). */
export const waitingDecisionSchema = z.object({ entryId: idSchema, reason: reasonField });
export type WaitingDecisionInput = z.infer<typeof waitingDecisionSchema>;

export interface WaitingStaffContext {
  today: IsoDate;
  now: Date;
  appUrl: string;
}

/** The use-cases check their input again: a caller other than the form (a test, a script) gets the same refusal. */
function checked(input: WaitingDecisionInput): WaitingDecisionInput {
  const parsed = waitingDecisionSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  if (parsed.error.issues.some((i) => i.path[0] === 'reason'))
    throw new UserError('waiting_reason_required', {}, { fieldErrors: z.flattenError(parsed.error).fieldErrors });
  throw new UserError('waiting_entry_closed');
}

/** The entry still waiting, for a day to come: what both writes act on (`w`, as promote.ts' queries name it). */
const liveEntry = (id: number, today: IsoDate) => sql`w.id = ${id} and w.status = 'waiting' and w.date > ${today}`;

/**
 * « Inscrire hors de l'ordre »: the agent books one entry before those ahead of it, with a reason. It books even when
 * the units are full: the agent takes one more child, exceptionally (the page says so); the line's order and the
 * capacity only bind the automatic refill. The day must still be open for the service (a closure since refuses it),
 * the child still enrolled, and the day's units must keep the day rules. Written as the refill writes a promotion
 * (writePromotions: the request of type 'promotion' with its reference, the reservations, the audit row, the family's
 * e-mail « Une place s'est libérée »), in one transaction: 6 statements, plus the calendars' reference data.
 */
export async function promoteOutOfOrder(
  db: Db,
  agent: StaffActor,
  input: WaitingDecisionInput,
  ctx: WaitingStaffContext,
): Promise<{ entryId: number; added: Unit[] }> {
  const { entryId, reason } = checked(input);
  return db.transaction(async (tx) => {
    const where = liveEntry(entryId, ctx.today);
    // the capacity lock first, then the entry read again under it: a refill running now has finished or waits
    await takeWaitingTurns(tx, where);
    const [entry] = await waitingCandidates(tx, where);
    if (!entry) throw new UserError('waiting_entry_closed');
    if (!entry.enrolled) throw new UserError('waiting_not_enrolled');
    const added = sortUnits(entry.units.filter((u) => !entry.held.includes(u)));
    if (added.length === 0) throw new UserError('waiting_nothing_to_add');
    const dayRule = invalidDaysRefusal(entry.service, [{ date: entry.date, units: [...entry.held, ...added] }]);
    if (dayRule) throw dayRule;
    const calendars = await loadServiceCalendars(tx, {
      schoolYearId: entry.schoolYearId,
      keys: [{ service: entry.service, siteId: entry.siteId }],
    });
    const cal = calendars.get(calendarKey(entry.service, entry.siteId));
    // no deadline for the agent (as for the refill): a place may be given until the day before
    const closed =
      cal && lockedDatesRefusal(entry.service, { ...cal, deadlineDays: 0, openings: [] }, [entry.date], ctx);
    if (closed) throw closed;
    const promoted = await writePromotions(tx, [{ entry, added, by: 'agent', reason }], { ...ctx, actor: agent });
    // (under the lock the entry read above is still waiting: this is a guard, never a refusal seen)
    if (promoted.length === 0) throw new UserError('waiting_entry_closed');
    return { entryId, added };
  });
}

/**
 * « Retirer de la liste »: the entry leaves the line with the agent's reason; the family's first parent is e-mailed.
 * One transaction of 4 statements: the capacity turn (so a refill booking this entry now commits first, and the
 * removal then finds it promoted and refuses), the entry closed (its UPDATE … WHERE status = 'waiting' is the check),
 * the audit row, the e-mail.
 */
export async function removeFromWaitingList(
  db: Db,
  agent: StaffActor,
  input: WaitingDecisionInput,
  ctx: WaitingStaffContext,
): Promise<{ entryId: number; familyId: number }> {
  const { entryId, reason } = checked(input);
  const at = ctx.now.toISOString();
  return db.transaction(async (tx) => {
    await takeWaitingTurns(tx, sql`w.id = ${entryId}`);
    const [removed] = await rows<{
      familyId: number;
      childId: number;
      childName: string;
      service: ServiceKind;
      siteName: string;
      date: IsoDate;
      units: Unit[] | string;
      parent: { email: string; name: string } | string | null;
    }>(
      tx,
      sql`update waiting_entries w
          set status = 'removed', closed_at = ${at}::timestamptz, closed_by = ${agent.id}, closed_reason = ${reason}
          where ${liveEntry(entryId, ctx.today)}
          returning w.family_id as "familyId", w.child_id as "childId",
            (select c.first_name || ' ' || c.last_name from children c where c.id = w.child_id) as "childName",
            w.service::text as service, (select s.name from sites s where s.id = w.site_id) as "siteName",
            to_char(w.date, 'YYYY-MM-DD') as date, w.units::text[] as units,
            (select json_build_object('email', p.email, 'name', p.first_name || ' ' || p.last_name) from parents p
             where p.family_id = w.family_id order by p.id limit 1) as parent`,
    );
    if (!removed) throw new UserError('waiting_entry_closed');
    const units = sortUnits(typeof removed.units === 'string' ? pgArray<Unit>(removed.units) : removed.units);
    await writeAudit(tx, agent, {
      action: 'waiting_list.remove',
      entity: 'waiting_entry',
      entityId: entryId,
      familyId: removed.familyId,
      after: { childId: removed.childId, service: removed.service, date: removed.date, units, reason },
      at: ctx.now,
    });
    const parent =
      typeof removed.parent === 'string'
        ? (JSON.parse(removed.parent) as { email: string; name: string })
        : removed.parent;
    if (parent) {
      await enqueueEmail(tx, {
        idempotencyKey: `waiting-${entryId}-removed`,
        to: parent.email,
        template: 'waiting-list',
        payload: {
          kind: 'removed',
          reference: null,
          parentName: parent.name,
          childName: removed.childName,
          serviceLabel: SERVICE_LABELS[removed.service],
          siteName: removed.siteName,
          date: removed.date,
          units: units.map((u) => UNIT_LABELS[u]),
          cancelUntil: null,
          reason,
          link: `${ctx.appUrl}/enfants/${removed.childId}`,
        },
      });
    }
    return { entryId, familyId: removed.familyId };
  });
}

/**
 * The dashboard's « N enfants en liste d'attente dans les 4 prochaines semaines »: the live entries from tomorrow to
 * `today` + 7 × `weeks` days, and the children they are for (a child waiting for three days counts once). One query.
 */
export async function waitingCountsAhead(
  db: Queryable,
  p: { today: IsoDate; weeks: number },
): Promise<{ entries: number; children: number }> {
  const [found] = await rows<{ entries: number; children: number }>(
    db,
    sql`select count(*)::int as entries, count(distinct w.child_id)::int as children
        from waiting_entries w
        where w.status = 'waiting' and w.date between ${addDays(p.today, 1)} and ${addDays(p.today, 7 * p.weeks)}`,
  );
  return found ?? { entries: 0, children: 0 };
}
