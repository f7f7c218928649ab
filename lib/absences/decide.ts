// The Guichet famille decides on a declared absence: « Absence justifiée » (its units are not billable) or « non
// justifiée » with a required reason (billable). One transaction of 5 statements: the decision (the UPDATE … WHERE
// status = 'pending' is the check: decided twice, the second is refused and writes nothing), the units' billable
// flag, the audit row, the family's e-mail (its recipient, then the outbox row).
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { rows, type Db } from '@/db/client';
import { writeAudit, type StaffActor } from '@/lib/audit/write';
import { enqueueEmail } from '@/lib/email/outbox';
import { UserError } from '@/lib/errors';
import { idSchema } from '@/lib/ids';

export const decideAbsenceSchema = z
  .object({
    requestId: idSchema,
    decision: z.enum(['justified', 'unjustified'], { error: 'Choisissez la décision.' }),
    reason: z.string().trim().max(500, '500 caractères au plus.').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'unjustified' && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Indiquez le motif du refus.' });
  });
export type DecideAbsenceInput = z.infer<typeof decideAbsenceSchema>;

export async function decideAbsence(
  db: Db,
  agent: StaffActor,
  input: DecideAbsenceInput,
  ctx: { now: Date; appUrl: string },
): Promise<{ familyId: number }> {
  const justified = input.decision === 'justified';
  const reason = input.reason || null;
  return db.transaction(async (tx) => {
    const [decided] = await rows<{ familyId: number }>(
      tx,
      sql`update absences set status = ${input.decision}, decision_reason = ${reason}, decided_by = ${agent.id},
            decided_at = ${ctx.now.toISOString()}::timestamptz
          where request_id = ${input.requestId} and status = 'pending'
          returning family_id as "familyId"`,
    );
    if (!decided) throw new UserError('absence_already_decided');
    await tx.execute(
      sql`update reservations set billable = ${!justified} where absence_request_id = ${input.requestId}`,
    );
    await writeAudit(tx, agent, {
      action: 'absence.decide',
      entity: 'request',
      entityId: input.requestId,
      familyId: decided.familyId,
      after: { decision: input.decision, reason },
      at: ctx.now,
    });
    // the parent who declared, else the family's first parent
    const [to] = await rows<{ email: string; parentName: string; childName: string; reference: string }>(
      tx,
      sql`select p.email, p.first_name || ' ' || p.last_name as "parentName",
                 c.first_name || ' ' || c.last_name as "childName", q.reference
          from requests q
          join children c on c.id = q.child_id
          join parents p on p.family_id = q.family_id
          where q.id = ${input.requestId}
          order by (p.account_id = q.created_by) desc nulls last, p.id
          limit 1`,
    );
    if (to) {
      await enqueueEmail(tx, {
        idempotencyKey: `absence-${input.requestId}-decision`,
        to: to.email,
        template: 'absence-decision',
        requestId: input.requestId,
        payload: {
          reference: to.reference,
          parentName: to.parentName,
          childName: to.childName,
          justified,
          reason,
          link: `${ctx.appUrl}/mes-demandes/${input.requestId}`,
        },
      });
    }
    return { familyId: decided.familyId };
  });
}
