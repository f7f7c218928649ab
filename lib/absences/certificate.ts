// The certificate of a declared absence added later, from the request's page in Mes demandes: within 48 hours of
// the declaration, while the Guichet famille has not decided, once. The request must be the family's (ownership in
// the query): another family's request is refused like an unknown one, and nothing is written.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { absences } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write';
import { readCertificate } from '@/lib/documents/certificate';
import { documentStorage } from '@/lib/documents/storage';
import { UserError } from '@/lib/errors';
import { idSchema } from '@/lib/ids';

export const addCertificateSchema = z.object({
  requestId: idSchema,
  certificate: z.custom<File>((v) => v instanceof Blob && v.size > 0, 'Choisissez le fichier du certificat.'),
});
export type AddCertificateInput = z.infer<typeof addCertificateSchema>;

export async function addAbsenceCertificate(
  db: Db,
  user: { id: number; familyId: number },
  input: AddCertificateInput,
  ctx: { now: Date },
): Promise<{ documentId: number }> {
  const certificate = await readCertificate(input.certificate);
  return db.transaction(async (tx) => {
    const [absence] = await tx
      .select({ documentId: absences.documentId, due: absences.certificateDueAt, status: absences.status })
      .from(absences)
      .where(and(eq(absences.requestId, input.requestId), eq(absences.familyId, user.familyId)))
      .for('update');
    if (!absence) throw new UserError('absence_not_found');
    if (absence.status !== 'pending') throw new UserError('absence_already_decided');
    if (absence.documentId !== null) throw new UserError('certificate_already_given');
    if (absence.due <= ctx.now) throw new UserError('certificate_too_late');
    const documentId = await documentStorage().put(tx, {
      familyId: user.familyId,
      ...certificate,
      uploadedBy: user.id,
      now: ctx.now,
    });
    await tx
      .update(absences)
      .set({ documentId })
      .where(and(eq(absences.requestId, input.requestId), sql`${absences.documentId} is null`));
    await writeAudit(
      tx,
      { id: user.id, role: 'parent' },
      {
        action: 'absence.certificate',
        entity: 'request',
        entityId: input.requestId,
        familyId: user.familyId,
        after: { documentId, filename: certificate.filename, size: certificate.content.length },
        at: ctx.now,
      },
    );
    return { documentId };
  });
}
