// The reminders as a step of the outbox's background tick (lib/email/dispatcher.ts, started by lib/start-server.ts):
// every 30 s it claims the periods due on the business clock (APP_NOW in demos) and queues their e-mails, which the
// same tick then sends. A failed run rolls its claim back with the rest: the next tick tries the period again.
import type { BackgroundStep } from '@/lib/email/dispatcher';
import { baseUrlOf } from '@/lib/email/base-url';
import { env } from '@/lib/env';
import { runReminders } from './run';

export const remindersStep: BackgroundStep = {
  name: 'reminders',
  async run(db) {
    // no request here: APP_URL, else the local address (as a script's e-mails)
    const results = await runReminders(db, { appUrl: baseUrlOf({ appUrl: env().APP_URL }) });
    for (const r of results.filter((x) => x.claimed))
      console.log(`[reminders] ${r.kind} ${r.period}: ${r.emails} e-mail(s) queued`);
  },
};
