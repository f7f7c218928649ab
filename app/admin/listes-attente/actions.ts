'use server';

// « Listes d'attente »: the agent books an entry out of order or removes it, each with a reason
// (lib/waiting-list/staff.ts); the family's e-mail leaves through the outbox right after the commit, and the agent
// comes back to the list as filtered.
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { getDb } from '@/db/client';
import { action } from '@/lib/action';
import { now, today } from '@/lib/clock';
import { requestBaseUrl } from '@/lib/email/base-url';
import { kickDispatcher } from '@/lib/email/dispatcher';
import { filtersToSearch } from '@/lib/requests/list';
import {
  promoteOutOfOrder,
  removeFromWaitingList,
  waitingDecisionSchema,
  waitingLineFiltersSchema,
  type WaitingLineFilters,
} from '@/lib/waiting-list/staff';

// the list's filters come back as hidden fields, parsed as the page parses its URL (a bad value is dropped)
const decisionSchema = waitingDecisionSchema.extend(waitingLineFiltersSchema.shape);

/** The list as the agent had it filtered, with what was done. */
function backToList(f: WaitingLineFilters, done: 'inscrit' | 'retire'): string {
  const search = filtersToSearch({ site: f.site, service: f.service, from: f.from, to: f.to, fait: done }, f.page);
  return `/admin/listes-attente${search}`;
}

export const promoteWaitingEntryAction = action(
  { role: 'staff', input: decisionSchema, name: 'promoteWaitingEntry' },
  async (input, user) => {
    const at = now();
    await promoteOutOfOrder(await getDb(), user, input, { today: today(at), now: at, appUrl: await requestBaseUrl() });
    after(() => kickDispatcher());
    redirect(backToList(input, 'inscrit'));
  },
);

export const removeWaitingEntryAction = action(
  { role: 'staff', input: decisionSchema, name: 'removeWaitingEntry' },
  async (input, user) => {
    const at = now();
    await removeFromWaitingList(await getDb(), user, input, {
      today: today(at),
      now: at,
      appUrl: await requestBaseUrl(),
    });
    after(() => kickDispatcher());
    redirect(backToList(input, 'retire'));
  },
);
