'use server';

// « Signaler une absence » (lib/absences/declare.ts): the family is the session's; the child and its bookings are
// checked in the use-case's query. The certificate comes in the same form, within Next's body limit
// (next.config.ts serverActions.bodySizeLimit), its size checked again before its bytes are read.
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { getDb } from '@/db/client';
import { declareAbsence, declareAbsenceSchema } from '@/lib/absences/declare';
import { action } from '@/lib/action';
import { now, today } from '@/lib/clock';
import { requestBaseUrl } from '@/lib/email/base-url';
import { kickDispatcher } from '@/lib/email/dispatcher';

export const declareAbsenceAction = action(
  { role: 'parent', input: declareAbsenceSchema, name: 'declareAbsence' },
  async (input, user) => {
    const at = now();
    // the places freed went to the waiting list in the same transaction
    const { requestId } = await declareAbsence(await getDb(), user, input, {
      today: today(at),
      now: at,
      appUrl: await requestBaseUrl(),
    });
    after(() => kickDispatcher());
    redirect(`/mes-demandes/${requestId}?signalee=1`);
  },
);
