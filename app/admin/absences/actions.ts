'use server';

// « Absences à traiter »: the agent's decision (lib/absences/decide.ts); the family's e-mail leaves through the outbox
// right after the commit.
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { getDb } from '@/db/client';
import { decideAbsence, decideAbsenceSchema } from '@/lib/absences/decide';
import { action } from '@/lib/action';
import { now } from '@/lib/clock';
import { requestBaseUrl } from '@/lib/email/base-url';
import { kickDispatcher } from '@/lib/email/dispatcher';

export const decideAbsenceAction = action(
  { role: 'staff', input: decideAbsenceSchema, name: 'decideAbsence' },
  async (input, user) => {
    await decideAbsence(await getDb(), user, input, { now: now(), appUrl: await requestBaseUrl() });
    after(() => kickDispatcher());
    redirect(`/admin/absences?traitee=${input.requestId}`);
  },
);
