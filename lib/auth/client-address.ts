// The caller's address for the per-address sign-in limit. Behind a load balancer, it must overwrite X-Forwarded-For.
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return (forwarded || headers.get('x-real-ip') || 'unknown').slice(0, 64);
}
