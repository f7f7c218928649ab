// The introduction of « Gérer mes réservations » is read once per account: the first « Commencer » pressed on it is
// remembered (accounts.introduction_read_at); after that the démarche opens straight on Étape 1, and « Revoir les
// étapes de la démarche » shows the introduction again.
import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { accounts } from '@/db/schema';

/** Whether the account has pressed « Commencer » on the introduction once. */
export async function hasReadIntroduction(db: Queryable, accountId: number): Promise<boolean> {
  const [row] = await db.select({ at: accounts.introductionReadAt }).from(accounts).where(eq(accounts.id, accountId));
  return Boolean(row?.at);
}

/** Remembers the first reading (a later « Commencer » keeps the first date). */
export async function markIntroductionRead(db: Queryable, accountId: number, now: Date): Promise<void> {
  await db
    .update(accounts)
    .set({ introductionReadAt: now })
    .where(and(eq(accounts.id, accountId), isNull(accounts.introductionReadAt)));
}
