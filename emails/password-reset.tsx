// "Mot de passe oublié ?": a link to choose a new password, valid one hour and usable once.
// Says what to do when the person did not ask: nothing changes until the link is used.
// The copy the portal keeps (local mailbox) is rendered with `link: null`: it reads « lien masqué ».
import { Heading, Text } from '@react-email/components';
import { z } from 'zod';
import { accountLinkFields, formatExpiry, type AccountLinkFields, type AccountLinkProps } from './account-link';
import { AccountLinkBlock, MaskedNotice } from './account-link-block';
import { emailWords } from './i18n';
import { EmailLayout, hello, styles } from './layout';
import type { BrandProps } from './town-logo';

/** "Mot de passe oublié ?": a link to choose a new password (1 hour, single use). */
export interface PasswordResetPayload extends AccountLinkFields {
  name: string;
  /** ISO date-time */
  expiresAt: string;
}

export const payloadSchema: z.ZodType<PasswordResetPayload> = z.object({
  name: z.string(),
  ...accountLinkFields,
  expiresAt: z.iso.datetime({ offset: true }),
});

export const subject = (_p?: unknown, locale?: string): string => emailWords(locale).t('passwordReset.subject');

/** Carries a single-use account link: rendered live for the transport and masked for the copy that is kept. */
export const accountLink = true;

export type PasswordResetEmailProps = AccountLinkProps<PasswordResetPayload>;

export default function PasswordResetEmail(p: PasswordResetEmailProps & BrandProps) {
  const w = emailWords(p.locale);
  return (
    <EmailLayout w={w} siteUrl={p.siteUrl} preview={w.t('passwordReset.preview')}>
      <MaskedNotice w={w} link={p.link} />
      <Heading as="h1" style={styles.h1}>
        {w.t('passwordReset.heading')}
      </Heading>
      <Text style={styles.text}>{hello(w, p.name)}</Text>
      <Text style={styles.text}>{w.t('passwordReset.follow')}</Text>
      <AccountLinkBlock w={w} link={p.link} action={w.t('passwordReset.action')} />
      <Text style={styles.text}>{w.t('passwordReset.validity', { expiry: formatExpiry(p.expiresAt, p.locale) })}</Text>
      <Text style={styles.text}>{w.t('passwordReset.notYou')}</Text>
    </EmailLayout>
  );
}

PasswordResetEmail.PreviewProps = {
  name: 'Claire Martin',
  link: 'http://localhost:3000/reinitialisation/exemple',
  expiresAt: '2026-11-29T10:00:00.000Z',
} satisfies PasswordResetEmailProps;
