// The waiting room's cookie « salle_attente »: the ticket's random id, signed with HMAC-SHA256 keyed by AUTH_SECRET,
// so a visitor can keep their place (a refresh, a phone that sleeps) but cannot pick another ticket's place. A cookie
// that is unsigned, forged or tampered with counts for nothing: its bearer is a new arrival.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const COOKIE_NAME = 'salle_attente';
// longer than any wait: the ticket itself is dropped after a few minutes of silence, the cookie only names it
const COOKIE_MAX_AGE_SECONDS = 24 * 3600;
const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** A new ticket id: 128 random bits, url-safe. */
export function newTicketId(): string {
  return randomBytes(16).toString('base64url');
}

function mac(id: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(`${COOKIE_NAME}:${id}`).digest();
}

/** The cookie's value for a ticket: `<id>.<signature>`. */
export function signTicket(id: string, secret: string): string {
  return `${id}.${mac(id, secret).toString('base64url')}`;
}

/** The ticket id a cookie value carries, or null when it is not one we signed with this secret. */
export function verifyTicket(value: string | undefined | null, secret: string): string | null {
  if (!value) return null;
  const dot = value.indexOf('.');
  if (dot < 0) return null;
  const id = value.slice(0, dot);
  if (!ID_PATTERN.test(id)) return null;
  const given = Buffer.from(value.slice(dot + 1), 'base64url');
  const expected = mac(id, secret);
  // the length check first: timingSafeEqual throws on buffers of different lengths
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

/** The value of one cookie in a Cookie header, or undefined. */
export function readCookie(header: string | undefined, name: string = COOKIE_NAME): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** The Set-Cookie header of a ticket: HttpOnly, SameSite=Lax, Path=/, Secure when the portal is served over https. */
export function ticketCookie(value: string, secure: boolean): string {
  return `${COOKIE_NAME}=${value}; Path=/; Max-Age=${COOKIE_MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}
