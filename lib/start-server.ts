// At start: configuration check, clock warning, migrations, demo data on an empty database.
import { getDatabase } from '@/db/client';
import { seedIfEmpty } from '@/lib/demo/seed';
import { warnIfFixed } from '@/lib/clock';
import { env } from '@/lib/env';
import { proxyHopsWarning } from '@/lib/auth/client-address';

const started = globalThis as unknown as { __portailStarted?: Promise<void> };

/**
 * Runs once per process. The promise is kept on globalThis for scripts/server.mjs: Next.js runs instrumentation.ts in
 * the background of its preparation, and a worker listens only once this is done (a new worker of a rolling restart
 * takes connections when it can serve them, and one that cannot start exits before it listens).
 */
export function startServer(): Promise<void> {
  started.__portailStarted ??= start();
  return started.__portailStarted;
}

async function start(): Promise<void> {
  try {
    const config = env();
    if (config.NODE_ENV === 'production' && !config.AUTH_SECRET) {
      throw new Error(
        'Configuration invalide : AUTH_SECRET est obligatoire (32 caractères au moins). Lancez le portail avec `npm start` ou voir .env.example.',
      );
    }
    warnIfFixed();
    const hops = proxyHopsWarning();
    if (hops) console.warn(hops);
    const database = await getDatabase();
    if (config.SKIP_DEMO_SEED !== '1') await seedIfEmpty(database.db);
    console.log(`[start] database ready (${database.kind})`);
    // the waiting room's gate, which scripts/server.mjs asks before Next for every request
    const { startWaitingRoom } = await import('@/lib/waiting-room');
    startWaitingRoom(database.db);
    // in the background: expired drafts, the reminders before the deadline (Mon compte: a claim row per period, see
    // lib/reminders), then the e-mails due (those just queued, and those a crash or a failure left pending)
    const { startDispatcherLoop } = await import('@/lib/email/dispatcher');
    const { remindersStep } = await import('@/lib/reminders/step');
    startDispatcherLoop([remindersStep]);
    const { startAuthHousekeeping } = await import('@/lib/auth/housekeeping');
    startAuthHousekeeping();
  } catch (error) {
    console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
