'use server';

// « Quitter la liste d'attente » (lib/waiting-list/leave.ts): the family is the session's, the entry is checked in the
// use-case's query (another family's entry is refused like one already gone).
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { action } from '@/lib/action';
import { now } from '@/lib/clock';
import { leaveWaitingList, leaveWaitingListSchema } from '@/lib/waiting-list/leave';

export const leaveWaitingListAction = action(
  { role: 'parent', input: leaveWaitingListSchema, name: 'leaveWaitingList' },
  async (input, user) => {
    const { childId } = await leaveWaitingList(await getDb(), user, input, { now: now() });
    redirect(`/enfants/${childId}?liste-quittee=${input.entryId}`);
  },
);
