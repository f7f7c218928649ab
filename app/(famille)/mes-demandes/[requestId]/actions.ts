'use server';

// « Ajouter le certificat » of a declared absence (lib/absences/certificate.ts): the family is the session's, the
// request must be its own (in the use-case's query), within 48 hours of the declaration.
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { addAbsenceCertificate, addCertificateSchema } from '@/lib/absences/certificate';
import { action } from '@/lib/action';
import { now } from '@/lib/clock';

export const addCertificateAction = action(
  { role: 'parent', input: addCertificateSchema, name: 'addAbsenceCertificate' },
  async (input, user) => {
    await addAbsenceCertificate(await getDb(), user, input, { now: now() });
    redirect(`/mes-demandes/${input.requestId}?certificat=1`);
  },
);
