// Sign-in records that count for nothing any more are deleted in the background: failures older than a day, and
// sessions older than the history kept (sessions.ts). Any instance may do it; deleting twice is harmless.
import { getDb } from '@/db/client';
import { wallNow } from '@/lib/clock';
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
    } catch (error) {
      console.error('[auth] purge of old sign-in records failed; the next round will try again', { error });
    }
  };
  loop.__portailAuthHousekeeping = setInterval(() => void tick(), intervalMs);
  loop.__portailAuthHousekeeping.unref();
  void tick();
}
