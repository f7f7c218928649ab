// The family's calendar feed, /agenda/<token>.ics, polled by calendar apps without a session: the token is the
// credential (lib/calendar-feed). Neither the proxy (proxy.ts's matcher) nor the waiting room (lib/waiting-room/gate.ts)
// sees it: an app can neither sign in nor wait its turn.
import { getDb } from '@/db/client';
import { feedResponse } from '@/lib/calendar-feed/response';
import { now } from '@/lib/clock';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  return feedResponse(getDb, (await params).token, now());
}
