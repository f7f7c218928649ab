'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { auditLog } from '@/db/schema';
import { action } from '@/lib/action';
import { now } from '@/lib/clock';
import { idSchema } from '@/lib/ids';

/** "Renvoyer": a failed e-mail back in the queue (recorded in the audit log), then an immediate try. */
export const resendEmailAction = action(
  // a plain form: an id that does not parse is answered as an e-mail that cannot be sent again
  { role: 'staff', input: z.object({ id: idSchema.nullable().catch(null) }), plain: true },
  async ({ id }, user) => {
    let ok = false;
    if (id !== null) {
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
  },
);
