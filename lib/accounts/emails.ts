// What the "invitation" and "password-reset" e-mails carry (rendered by emails/invitation.tsx and
// emails/password-reset.tsx), their subjects and the check of a stored payload. No React here.
import dayjs from 'dayjs';
import { z } from 'zod';
import { TIME_ZONE } from '@/lib/clock';
import { formatDateLong } from '@/lib/planning/format';

/** An account created by the Guichet famille: a link to choose the password (7 days, single use). */
export interface InvitationPayload {
  name: string;
  role: 'parent' | 'staff' | 'admin';
  /** absolute URL of /activation/<token> */
  link: string;
  /** ISO date-time */
  expiresAt: string;
}

/** "Mot de passe oublié ?": a link to choose a new password (1 hour, single use). */
export interface PasswordResetPayload {
  name: string;
  /** absolute URL of /reinitialisation/<token> */
  link: string;
  /** ISO date-time */
  expiresAt: string;
}

// only web links: nothing like javascript: ends up in an e-mail
const link = z.url({ protocol: /^https?$/ });

export const invitationPayloadSchema = z.object({
  name: z.string(),
  role: z.enum(['parent', 'staff', 'admin']),
  link,
  expiresAt: z.iso.datetime({ offset: true }),
});

export const passwordResetPayloadSchema = z.object({
  name: z.string(),
  link,
  expiresAt: z.iso.datetime({ offset: true }),
});

export const invitationSubject = (): string => 'Votre compte sur le Portail Famille : choisissez votre mot de passe';
export const passwordResetSubject = (): string => 'Portail Famille : choisissez un nouveau mot de passe';

/** 'mercredi 13 janvier 2027 à 10 h 05', in Paris time. */
export function formatExpiry(iso: string): string {
  const at = dayjs(iso).tz(TIME_ZONE);
  return `${formatDateLong(at.format('YYYY-MM-DD'))} à ${at.format('H')} h ${at.format('mm')}`;
}
