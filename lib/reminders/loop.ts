// The reminders' tick, in the process that runs the outbox's dispatcher (lib/start-server.ts): every minute it claims
// the periods due on the business clock (APP_NOW in demos), queues their e-mails, and hands them to the dispatcher.
import { getDb } from '@/db/client';
import { baseUrlOf } from '@/lib/email/base-url';
import { kickDispatcher } from '@/lib/email/dispatcher';
import { env } from '@/lib/env';
import { runReminders } from './run';

const loop = globalThis as unknown as { __portailReminderLoop?: { timer: NodeJS.Timeout; stop: () => void } };

/** Once per process (a second call returns the first loop's stop); the timer does not keep the process alive. */
export function startReminderLoop(intervalMs = 60_000): () => void {
  if (loop.__portailReminderLoop) return loop.__portailReminderLoop.stop;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      // no request here: APP_URL, else the local address (as a script's e-mails)
      const results = await runReminders(await getDb(), { appUrl: baseUrlOf({ appUrl: env().APP_URL }) });
      for (const r of results.filter((x) => x.claimed))
        console.log(`[reminders] ${r.kind} ${r.period}: ${r.emails} e-mail(s) queued`);
      if (results.some((r) => r.emails > 0)) kickDispatcher({ reason: 'reminders' });
    } catch (error) {
      // the claim rolled back with the rest: the next tick tries the period again
      console.error('[reminders] run failed; the next tick tries again', { error });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  const stop = () => {
    clearInterval(timer);
    loop.__portailReminderLoop = undefined;
  };
  loop.__portailReminderLoop = { timer, stop };
  void tick();
  return stop;
}
