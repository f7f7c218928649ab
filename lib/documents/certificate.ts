// A certificate as the parent sends it: a PDF, JPEG or PNG of at most 5 MB. The size is read from the upload's
// metadata before its bytes are read; the type from its first bytes (magic numbers), never from its name or the
// type the browser claims: an .exe renamed .pdf is refused.
import { UserError } from '@/lib/errors';

export const CERTIFICATE_MAX_BYTES = 5 * 1024 * 1024;

const SIGNATURES: { type: string; extension: string; bytes: number[] }[] = [
  { type: 'application/pdf', extension: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', extension: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', extension: 'jpg', bytes: [0xff, 0xd8, 0xff] },
];

/** The content type the first bytes say, among PDF, PNG and JPEG; null for anything else. */
export function sniffCertificateType(head: Uint8Array): { type: string; extension: string } | null {
  const found = SIGNATURES.find((s) => s.bytes.every((b, i) => head[i] === b));
  return found ? { type: found.type, extension: found.extension } : null;
}

export interface CheckedCertificate {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** A safe file name to show and to offer at download: letters, digits, dot, dash, underscore; the checked extension. */
function safeFilename(name: string, extension: string): string {
  const base = name
    .replace(/\.[^.]*$/, '')
    .normalize('NFD')
    .replace(/[^\w.-]+/g, '_')
    .slice(0, 80);
  return `${base || 'certificat'}.${extension}`;
}

/** An uploaded file read and checked, or a UserError (nothing is written before this passes). */
export async function readCertificate(file: Blob & { name?: string }): Promise<CheckedCertificate> {
  if (file.size === 0) throw new UserError('certificate_empty');
  // before reading the body: a 6 MB file is refused without its bytes in memory
  if (file.size > CERTIFICATE_MAX_BYTES) throw new UserError('certificate_too_large');
  const content = Buffer.from(await file.arrayBuffer());
  if (content.length > CERTIFICATE_MAX_BYTES) throw new UserError('certificate_too_large');
  const sniffed = sniffCertificateType(content.subarray(0, 8));
  if (!sniffed) throw new UserError('certificate_type');
  return { filename: safeFilename(file.name ?? '', sniffed.extension), contentType: sniffed.type, content };
}
