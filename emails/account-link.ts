// What the e-mails with a single-use account link (invitation, password reset) share: the fields of the link kept in
// the outbox, their check, what a template is shown instead (the live link, or null for the copy that is kept),
// the masked link and the expiry date. No React here.
import { z } from 'zod';
import { emailWords } from './i18n';

/**
 * Where an account link points, without its secret. The token is derived from the nonce and AUTH_SECRET
 * (lib/email/link-token.ts) only when the e-mail is handed to its transport: the outbox never holds the link.
 */
export interface AccountLinkFields {
  /** the absolute URL the token is appended to, e.g. 'http://localhost:3000/reinitialisation/' */
  linkBase: string;
  /** 16 random bytes, base64url: worthless without AUTH_SECRET; removed from the outbox row once it is sent */
  nonce: string;
}

/**
 * What an account-link template shows: its payload with the live link, or `link: null` for the copy that may be
 * kept (the local mailbox), where the link reads « lien masqué ».
 */
export type AccountLinkProps<P extends AccountLinkFields> = Omit<P, keyof AccountLinkFields> & { link: string | null };

/** The zod fields of an account link, spread into the payload schema of its template. */
export const accountLinkFields = {
  // only web links: nothing like javascript: ends up in an e-mail; the token is appended after the last '/'
  linkBase: z.url({ protocol: /^https?$/ }).refine((url) => url.endsWith('/'), "l'adresse doit finir par « / »"),
  nonce: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'nonce attendu : 22 caractères base64url'),
};

/** The masked link of a kept copy: an anchor that goes nowhere, and words that say why (French; emails/i18n.ts). */
export const MASKED_LINK = { href: '#lien-masque', text: emailWords('fr').t('accountLink.masked') } as const;

/** 'mercredi 13 janvier 2027 à 10 h 05', in Paris time (in the recipient's language). */
export function formatExpiry(iso: string, locale?: string): string {
  return emailWords(locale).dateTime(iso);
}
