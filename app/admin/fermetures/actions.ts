'use server';

// Back office « Fermetures de compte »: an agent confirms a family's closure (lib/families/closure.ts), then sees the
// family's page, which says it is closed. The parents' e-mails leave through the outbox right after the commit.
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { getDb } from '@/db/client';
import { action } from '@/lib/action';
import { now, today } from '@/lib/clock';
import { requestBaseUrl } from '@/lib/email/base-url';
import { kickDispatcher } from '@/lib/email/dispatcher';
import { confirmClosureSchema, confirmFamilyClosure } from '@/lib/families/closure';

/** « Oui, fermer le compte »: the family's personal data erased, what the town keeps anonymised, the parents told. */
export const confirmClosureAction = action(
  { role: 'staff', input: confirmClosureSchema, name: 'confirmClosure' },
  async (input, user) => {
    const { familyId } = await confirmFamilyClosure(await getDb(), user, input, {
      now: now(),
      today: today(),
      appUrl: await requestBaseUrl(),
    });
    after(() => kickDispatcher());
    redirect(`/admin/familles/${familyId}`);
  },
);
