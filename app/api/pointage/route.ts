// « Pointage »'s sync endpoint: POST /api/pointage with { taps: [...] } (JSON), sent by the phone at once or when the
// connection returns (app/pointage/pointage-board.tsx). The same origin only (a browser always sends Origin with a
// fetch POST: none, or another, is refused), an animateur, agent or administrator only; the use-case checks the site,
// the day and the child, and writes the batch in one transaction (lib/pointage/taps.ts). Answers the keys stored, so
// the phone forgets them; a refusal names the taps it refused, so the phone drops those and sends the others again.
// Taps of another account than the session's are refused without a key named (409): the phone keeps them for their
// own account.
import { getDb } from '@/db/client';
import { currentUser } from '@/lib/auth/session';
import { now, today } from '@/lib/clock';
import { errorText, UserError } from '@/lib/errors';
import { recordTaps, rejectedTaps, tapBatchSchema } from '@/lib/pointage/taps';
import { CROSS_ORIGIN_REFUSAL, originMatches } from '@/lib/security/action-guard';

export const dynamic = 'force-dynamic';

const answer = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });

export async function POST(request: Request): Promise<Response> {
  if (!originMatches(request.headers)) return answer(403, { error: CROSS_ORIGIN_REFUSAL });
  const user = await currentUser();
  if (!user) return answer(401, { error: 'Connectez-vous pour envoyer vos pointages.' });
  if (user.role !== 'animateur' && user.role !== 'staff' && user.role !== 'admin')
    return answer(403, { error: 'Le pointage est réservé aux animateurs et au Guichet famille.' });
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return answer(400, { error: 'Requête refusée : son contenu est illisible.' });
  }
  const parsed = tapBatchSchema.safeParse(body);
  if (!parsed.success)
    return answer(400, { error: parsed.error.issues[0]?.message ?? 'Certaines informations ne sont pas valides.' });
  try {
    const result = await (
      await getDb()
    ).transaction((tx) =>
      recordTaps(tx, {
        who: { id: user.id, role: user.role },
        tappedBy: parsed.data.account,
        taps: parsed.data.taps,
        today: today(),
        now: now(),
      }),
    );
    return answer(200, result);
  } catch (error) {
    const rejected = rejectedTaps(error);
    if (rejected && error instanceof UserError)
      return answer(error.code === 'pointage_site_refused' ? 403 : 422, {
        error: error.message,
        code: error.code,
        rejected,
      });
    if (error instanceof UserError)
      return answer(error.code === 'pointage_account_refused' ? 409 : 422, { error: error.message, code: error.code });
    console.error('[pointage] the batch could not be stored', error);
    return answer(500, { error: errorText('generic') });
  }
}
