'use server';

// « Mes données »: « Demander la fermeture de mon compte ». The family is the session's, never one named by the form.
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { action, refusedAs } from '@/lib/action';
import { now } from '@/lib/clock';
import { fieldError } from '@/lib/errors';
import { requestFamilyClosure } from '@/lib/families/closure';

// the confirmation is part of the input: a form sent without « Oui, demander la fermeture » records nothing
const closureSchema = refusedAs(fieldError('field_closure_confirm'), z.object({ confirm: z.literal('1') }));

export const requestClosureAction = action(
  { role: 'parent', input: closureSchema, name: 'requestClosure' },
  async (_input, user) => {
    await requestFamilyClosure(await getDb(), { familyId: user.familyId, accountId: user.id, now: now() });
    redirect('/mes-donnees');
  },
);
