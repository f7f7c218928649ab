// The health check of a load balancer (/api/health): is this instance able to reach its database? It runs a
// `select 1` bounded in time, renders nothing and reads no session, so a balancer may ask every few seconds.
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '@/db/client';

/** A balancer usually waits 2–5 s for an answer; a slower database counts as unreachable, so we answer before it. */
export const HEALTH_TIMEOUT_MS = 2_000;

export type HealthBody = { status: 'ok'; database: 'ok' } | { status: 'error'; database: 'unreachable' };

/**
 * 200 `{"status":"ok","database":"ok"}`, or 503 `{"status":"error","database":"unreachable"}` when opening the
 * database or `select 1` fails or takes longer than `timeoutMs`. `open` is the process's database (getDb); a test
 * passes a closed one.
 */
export async function healthResponse(
  open: () => Promise<Queryable>,
  timeoutMs: number = HEALTH_TIMEOUT_MS,
): Promise<Response> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = (async () => {
    const [row] = await rows<{ ok: number }>(await open(), sql`select 1 as ok`);
    return row?.ok === 1;
  })().catch(() => false);
  const reachable = await Promise.race([probe, timedOut]);
  clearTimeout(timer);
  const body: HealthBody = reachable ? { status: 'ok', database: 'ok' } : { status: 'error', database: 'unreachable' };
  // never cached: neither by the balancer nor by a proxy in between, or a dead instance would look alive
  return Response.json(body, { status: reachable ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
