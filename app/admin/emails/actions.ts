'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { auditLog } from '@/db/schema';
import { requireStaff } from '@/lib/auth/session';
import { now } from '@/lib/clock';

/** "Renvoyer": a failed e-mail back in the queue (recorded in the audit log), then an immediate try. */
export async function resendEmailAction(formData: FormData): Promise<void> {
  const user = await requireStaff();
  const id = Number(formData.get('id'));
  let ok = false;
  if (Number.isSafeInteger(id) && id > 0) {
    // loaded here, not with the page: the dispatcher brings React Email's renderer along
    const { kickDispatcher, retryEmail } = await import('@/lib/email/dispatcher');
    const db = await getDb();
    ok = await db.transaction(async (tx) => {
      if (!(await retryEmail(tx, id))) return false;
      await tx.insert(auditLog).values({
        at: now(),
        actorId: user.id,
        actorRole: user.role,
        action: 'email.retry',
        entity: 'email_outbox',
        entityId: String(id),
      });
      return true;
    });
    if (ok) kickDispatcher({ outboxId: id, by: user.id });
  }
  revalidatePath('/admin/emails');
  redirect(`/admin/emails?renvoi=${ok ? 'ok' : 'refuse'}`);
}
