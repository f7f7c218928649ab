// What the "invitation" and "password-reset" e-mails carry (rendered by emails/invitation.tsx and
// emails/password-reset.tsx), their subjects and the check of a stored payload. No React here.
import dayjs from 'dayjs';
import { z } from 'zod';
import { TIME_ZONE } from '@/lib/clock';
import { formatDateLong } from '@/lib/planning/format';

/**
 * Where an account link points, without its secret. The token is derived from the nonce and AUTH_SECRET
 * (lib/accounts/link-token.ts) only when the e-mail is handed to its transport: the outbox never holds the link.
 */
export interface AccountLinkFields {
  /** the absolute URL the token is appended to, e.g. 'http://localhost:3000/reinitialisation/' */
  linkBase: string;
  /** 16 random bytes, base64url: worthless without AUTH_SECRET; removed from the outbox row once it is sent */
  nonce: string;
}

/** An account created by the Guichet famille: a link to choose the password (7 days, single use). */
export interface InvitationPayload extends AccountLinkFields {
  name: string;
  role: 'parent' | 'staff' | 'admin';
  /** ISO date-time */
  expiresAt: string;
}

/** "Mot de passe oublié ?": a link to choose a new password (1 hour, single use). */
export interface PasswordResetPayload extends AccountLinkFields {
  name: string;
  /** ISO date-time */
  expiresAt: string;
}

/**
 * What a template shows: the payload with its live link, or `link: null` for the copy that may be kept (the local
 * mailbox), where the link reads « lien masqué ».
 */
export type InvitationEmailProps = Omit<InvitationPayload, keyof AccountLinkFields> & { link: string | null };
export type PasswordResetEmailProps = Omit<PasswordResetPayload, keyof AccountLinkFields> & { link: string | null };

/** The masked link of a kept copy: an anchor that goes nowhere, and words that say why. */
export const MASKED_LINK = { href: '#lien-masque', text: '« lien masqué »' } as const;
export const MASKED_LINK_NOTICE =
  'Copie conservée par le portail : le lien personnel de ce message est masqué (« lien masqué »), ' +
  "il ne sert qu'à son destinataire.";

const linkFields = {
  // only web links: nothing like javascript: ends up in an e-mail; the token is appended after the last '/'
  linkBase: z.url({ protocol: /^https?$/ }).refine((url) => url.endsWith('/'), "l'adresse doit finir par « / »"),
  nonce: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'nonce attendu : 22 caractères base64url'),
};

export const invitationPayloadSchema = z.object({
  name: z.string(),
  role: z.enum(['parent', 'staff', 'admin']),
  ...linkFields,
  expiresAt: z.iso.datetime({ offset: true }),
});

export const passwordResetPayloadSchema = z.object({
  name: z.string(),
  ...linkFields,
  expiresAt: z.iso.datetime({ offset: true }),
});

export const invitationSubject = (): string => 'Votre compte sur le Portail Famille : choisissez votre mot de passe';
export const passwordResetSubject = (): string => 'Portail Famille : choisissez un nouveau mot de passe';

/** 'mercredi 13 janvier 2027 à 10 h 05', in Paris time. */
export function formatExpiry(iso: string): string {
  const at = dayjs(iso).tz(TIME_ZONE);
  return `${formatDateLong(at.format('YYYY-MM-DD'))} à ${at.format('H')} h ${at.format('mm')}`;
}
