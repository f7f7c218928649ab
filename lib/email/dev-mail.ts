// How the local demo reads an account e-mail's live link: the local mailbox keeps invitation and reset e-mails with
// their link masked (anyone on staff can read it), so their live version (To, Subject, the text with the link) is
// also written to MAIL_DEV_DIR, one file per outbox row (`<outboxId>.txt`), and one console line says where.
// Never in a real deployment (lib/env.ts isRealDeployment): nothing is written to disk or console there.
import fs from 'node:fs/promises';
import path from 'node:path';
import { isRealDeployment, mailDevDir } from '@/lib/env';

export interface DevMail {
  outboxId: number;
  to: string;
  subject: string;
  /** the text version with the live link */
  text: string;
}

/** Writes the live version of an e-mail for the local demo; returns the file, or null in a real deployment. */
export async function writeDevMail(mail: DevMail): Promise<string | null> {
  if (isRealDeployment()) return null;
  const dir = path.resolve(mailDevDir());
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${mail.outboxId}.txt`);
  // written aside then renamed: a reader never sees half a file; a retry of the same row rewrites the same link
  const partial = `${file}.${process.pid}.tmp`;
  await fs.writeFile(partial, `To: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n`, { mode: 0o600 });
  await fs.rename(partial, file);
  console.info(`[email] local demo: the e-mail to ${mail.to}, with its live link, is in ${file}`);
  return file;
}
