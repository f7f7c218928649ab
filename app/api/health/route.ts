// The load balancer's health check: open without a session (proxy.ts does not see it), see lib/health.ts.
import { getDb } from '@/db/client';
import { healthResponse } from '@/lib/health';

export const dynamic = 'force-dynamic';

export function GET(): Promise<Response> {
  return healthResponse(getDb);
}
