// « Ajouter à mon agenda »: the family's feed address, shown again at each visit, and « Régénérer le lien », which
// replaces the nonce and the hash in one statement: the old address matches no row from that commit on.
import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { calendarFeeds } from '@/db/schema';
import { feedToken, feedTokenHash, newFeedNonce } from './token';

export type FamilyFeed =
  | { state: 'none' }
  /** the token derived from the stored nonce no longer matches its hash: AUTH_SECRET changed, the link must be renewed */
  | { state: 'stale' }
  | { state: 'active'; token: string; createdAt: Date };

/** The family's feed, as the page shows it: one query. */
export async function familyFeed(db: Queryable, familyId: number): Promise<FamilyFeed> {
  const [feed] = await db
    .select({ nonce: calendarFeeds.nonce, tokenHash: calendarFeeds.tokenHash, createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.familyId, familyId))
    .limit(1);
  if (!feed) return { state: 'none' };
  const token = feedToken(feed.nonce);
  if (feedTokenHash(token) !== feed.tokenHash) return { state: 'stale' };
  return { state: 'active', token, createdAt: feed.createdAt };
}

/**
 * Creates the family's feed (`replace: false`: a feed already there is kept, so « Créer mon lien d'agenda » sent twice
 * makes one link), or replaces its token (`replace: true`, « Régénérer le lien »: the old token stops at once). One
 * statement.
 */
export async function renewFamilyFeed(
  db: Queryable,
  p: { familyId: number; now: Date; replace: boolean },
): Promise<void> {
  const nonce = newFeedNonce();
  const tokenHash = feedTokenHash(feedToken(nonce));
  const insert = db.insert(calendarFeeds).values({ familyId: p.familyId, nonce, tokenHash, createdAt: p.now });
  await (p.replace
    ? insert.onConflictDoUpdate({
        target: calendarFeeds.familyId,
        set: { nonce: sql`excluded.nonce`, tokenHash: sql`excluded.token_hash`, createdAt: sql`excluded.created_at` },
      })
    : insert.onConflictDoNothing({ target: calendarFeeds.familyId }));
}
