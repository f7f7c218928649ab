// The secret of an account link (invitation, password reset) is derived, never stored: the outbox keeps a random
// nonce, and the token is HMAC-SHA256(key, 'account-link:' + nonce) with a key derived from AUTH_SECRET. The nonce
// says nothing without the secret; the token is recomputed only when the e-mail is handed to its transport, and
// the same nonce always gives the same link (a retry of a Resend call sends the same e-mail under the same key).
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** Used only outside production when AUTH_SECRET is unset (Vitest, `next dev`): links still work, and say so. */
const DEVELOPMENT_SECRET = 'portail-famille-development-only-secret-not-for-production';

let warned = false;

/** The key of account links, derived from the secret (HKDF, its own label: never the key of the session cookies). */
export function accountLinkKey(secret: string | undefined = process.env.AUTH_SECRET): Buffer {
  let material = secret;
  if (!material) {
    if (process.env.NODE_ENV === 'production') {
      throw new Error('Configuration invalide : AUTH_SECRET est obligatoire pour signer les liens envoyés par e-mail.');
    }
    if (!warned) {
      warned = true;
      console.warn('[accounts] AUTH_SECRET is unset: account links use a fixed development key (never in production)');
    }
    material = DEVELOPMENT_SECRET;
  }
  return Buffer.from(hkdfSync('sha256', material, '', 'portail-famille account links', 32));
}

/** A new nonce: 16 random bytes, base64url (22 characters). */
export function newLinkNonce(): string {
  return randomBytes(16).toString('base64url');
}

/** The token of a nonce: base64url(HMAC-SHA256(key, 'account-link:' + nonce)), 43 characters. */
export function linkToken(nonce: string, secret?: string): string {
  return createHmac('sha256', accountLinkKey(secret)).update(`account-link:${nonce}`).digest('base64url');
}
