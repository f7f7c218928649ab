// The secret of a family's calendar feed (/agenda/<token>.ics), in the manner of the account links
// (lib/email/link-token.ts): the database keeps a random nonce and the token's SHA-256, never the token. The token is
// HMAC-SHA256(key, 'calendar-feed:' + nonce), the key derived from AUTH_SECRET under a label of its own, so the page
// « Ajouter à mon agenda » can show the same address again, while a copy of the database opens no feed: the nonce says
// nothing without the secret, and the hash cannot be turned back into a token. The feed is looked up by the hash.
import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** Used only outside production when AUTH_SECRET is unset (Vitest, `next dev`). */
const DEVELOPMENT_SECRET = 'portail-famille-development-only-secret-not-for-production';

/** A token as it appears in the address: 43 base64url characters (256 bits). Anything else is not looked up. */
export const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;

function feedKey(secret: string | undefined = process.env.AUTH_SECRET): Buffer {
  let material = secret;
  if (!material) {
    if (process.env.NODE_ENV === 'production') {
      throw new Error("Configuration invalide : AUTH_SECRET est obligatoire pour les liens d'agenda.");
    }
    material = DEVELOPMENT_SECRET;
  }
  return Buffer.from(hkdfSync('sha256', material, '', 'portail-famille calendar feeds', 32));
}

/** A new nonce: 16 random bytes (128 bits), base64url. */
export function newFeedNonce(): string {
  return randomBytes(16).toString('base64url');
}

/** The token of a nonce: base64url(HMAC-SHA256(key, 'calendar-feed:' + nonce)), 43 characters. */
export function feedToken(nonce: string, secret?: string): string {
  return createHmac('sha256', feedKey(secret)).update(`calendar-feed:${nonce}`).digest('base64url');
}

/** What the database keeps of a token, and looks it up by: its SHA-256, in hex. */
export function feedTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
