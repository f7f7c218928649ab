// The certificate of a declared absence, for staff only (401 anonymous, 403 a parent): always a download
// (Content-Disposition: attachment), its type never sniffed (nosniff), with a CSP that runs nothing, so a file a
// family sent is never rendered inline from the portal's origin.
import { getDb } from '@/db/client';
import { absenceCertificate } from '@/lib/absences/list';
import { staffOrRefusal } from '@/lib/auth/route-auth';
import { idSchema } from '@/lib/ids';

export const dynamic = 'force-dynamic';

/** `attachment; filename="certificat.pdf"; filename*=UTF-8''…` (the stored name is already reduced to safe characters) */
function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ requestId: string }> },
): Promise<Response> {
  const refusal = await staffOrRefusal();
  if (refusal) return refusal;
  const id = idSchema.safeParse((await params).requestId);
  const document = id.success ? await absenceCertificate(await getDb(), id.data) : null;
  if (!document) {
    return new Response('Introuvable', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  return new Response(new Uint8Array(document.content), {
    headers: {
      'Content-Type': document.contentType,
      'Content-Disposition': attachment(document.filename),
      'Content-Length': String(document.content.length),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
    },
  });
}
