// The audit log's writer and who makes a back-office change, shared by the admin use-cases.
import type { Queryable } from '@/db/client';
import { auditLog, type AuditAction, type AuditEntity } from '@/db/schema';

/** Who makes a back-office change (the audit log's actor). */
export interface StaffActor {
  id: number;
  role: 'staff' | 'admin';
}

/** Anyone the audit log names as the actor: an agent, or a parent acting on their own family (« Mes données »). */
export interface AuditActor {
  id: number;
  role: 'parent' | 'staff' | 'admin';
}

/** One audit row, inside the caller's transaction. */
export async function writeAudit(
  db: Queryable,
  actor: AuditActor,
  row: {
    action: AuditAction;
    entity: AuditEntity;
    entityId?: string | number | null;
    familyId?: number | null;
    before?: unknown;
    after?: unknown;
    /** the clock's instant the use-case received (never the database's now(): APP_NOW fixes the clock in demos) */
    at: Date;
  },
): Promise<void> {
  await db.insert(auditLog).values({
    at: row.at,
    actorId: actor.id,
    actorRole: actor.role,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId === undefined || row.entityId === null ? null : String(row.entityId),
    familyId: row.familyId ?? null,
    before: row.before ?? null,
    after: row.after ?? null,
  });
}
