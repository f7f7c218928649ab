// Server-action requests that Next.js would answer with a 500 are refused here first, with a 4xx: a request from
// another origin (403), and a body that cannot be what a form or our client code sends (400). A 500 would be
// logged as our bug and, on a busy day, hide the real ones; a 4xx tells the caller the mistake is theirs.
// Runs in the proxy, before anything else, for every POST to a page (server actions only ever go there).

const refusal = (status: 400 | 403, text: string) =>
  new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** The host the page was asked on: what Next.js itself compares the Origin with. */
function requestHost(headers: Headers): string | null {
  return headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
}

/** Whether an Origin header names the host the request was asked on ("null", garbage or another site: false). */
export function originMatches(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (origin === null) return false;
  try {
    const host = new URL(origin).host;
    return Boolean(host) && host === requestHost(headers);
  } catch {
    return false; // "null" (a sandboxed frame, a file) or garbage
  }
}

export const CROSS_ORIGIN_REFUSAL = 'Requête refusée : elle ne vient pas du Portail Famille.';

export async function actionRequestRefusal(request: Request): Promise<Response | null> {
  if (request.method !== 'POST') return null;
  // Browsers send Origin with every POST: without one it is a tool, which Next.js handles as same-origin.
  if (request.headers.get('origin') !== null && !originMatches(request.headers)) {
    return refusal(403, CROSS_ORIGIN_REFUSAL);
  }
  const type = request.headers.get('content-type') ?? '';
  try {
    if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
      await request.clone().formData();
    } else if (request.headers.has('next-action')) {
      // our client code sends its arguments as JSON text
      JSON.parse(await request.clone().text());
    }
  } catch {
    return refusal(400, 'Requête refusée : son contenu est illisible.');
  }
  return null;
}
