// Sign-in records that count for nothing any more are deleted in the background: failures older than a day, and
// sessions older than the history kept (sessions.ts); waiting-list entries whose day has come expire. Any instance may do it; deleting twice is harmless.
import { getDb } from '@/db/client';
import { now, today, wallNow } from '@/lib/clock';
import { expireWaitingEntries } from '@/lib/waiting-list/leave';
import { purgeOldFailures } from './rate-limit';
import { purgeOldSessions } from './sessions';

const loop = globalThis as unknown as { __portailAuthHousekeeping?: NodeJS.Timeout };

export function startAuthHousekeeping(intervalMs = 10 * 60_000): void {
  if (loop.__portailAuthHousekeeping) return;
  const tick = async () => {
    try {
      const db = await getDb();
      await purgeOldFailures(db, wallNow());
      await purgeOldSessions(db, wallNow());
      // the waiting lists' days that have come (the portal's clock: APP_NOW in a demo)
      await expireWaitingEntries(db, { today: today(), now: now() });
    } catch (error) {
      console.error('[auth] purge of old sign-in records failed; the next round will try again', { error });
    }
  };
  loop.__portailAuthHousekeeping = setInterval(() => void tick(), intervalMs);
  loop.__portailAuthHousekeeping.unref();
  void tick();
}
