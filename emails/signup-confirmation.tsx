// « Créer mon espace famille »: the single-use link that confirms the parent's address (48 hours). Until it is followed
// the account cannot sign in. The copy the portal keeps (local mailbox) is rendered with `link: null` (« lien masqué »).
// In the language the parent used on the form (stored on the new account, which the dispatcher reads).
import { Heading, Text } from '@react-email/components';
import { z } from 'zod';
import { accountLinkFields, formatExpiry, type AccountLinkFields, type AccountLinkProps } from './account-link';
import { AccountLinkBlock, MaskedNotice } from './account-link-block';
import { emailWords } from './i18n';
import { EmailLayout, hello, styles } from './layout';
import type { BrandProps } from './town-logo';

export interface SignupConfirmationPayload extends AccountLinkFields {
  name: string;
  /** ISO date-time */
  expiresAt: string;
}

export const payloadSchema: z.ZodType<SignupConfirmationPayload> = z.object({
  name: z.string(),
  ...accountLinkFields,
  expiresAt: z.iso.datetime({ offset: true }),
});

export const subject = (_p?: unknown, locale?: string): string => emailWords(locale).t('signupConfirmation.subject');

/** Carries a single-use account link: rendered live for the transport and masked for the copy that is kept. */
export const accountLink = true;

export type SignupConfirmationEmailProps = AccountLinkProps<SignupConfirmationPayload>;

export default function SignupConfirmationEmail(p: SignupConfirmationEmailProps & BrandProps) {
  const w = emailWords(p.locale);
  return (
    <EmailLayout w={w} siteUrl={p.siteUrl} preview={w.t('signupConfirmation.preview')}>
      <MaskedNotice w={w} link={p.link} />
      <Heading as="h1" style={styles.h1}>
        {w.t('signupConfirmation.heading')}
      </Heading>
      <Text style={styles.text}>{hello(w, p.name)}</Text>
      <Text style={styles.text}>{w.t('signupConfirmation.follow')}</Text>
      <AccountLinkBlock w={w} link={p.link} action={w.t('signupConfirmation.action')} />
      <Text style={styles.text}>
        {w.t('signupConfirmation.validity', { expiry: formatExpiry(p.expiresAt, p.locale) })}
      </Text>
      <Text style={styles.text}>{w.t('signupConfirmation.next')}</Text>
      <Text style={styles.text}>{w.t('signupConfirmation.notYou')}</Text>
    </EmailLayout>
  );
}

SignupConfirmationEmail.PreviewProps = {
  name: 'Nadia Benali',
  link: 'http://localhost:3000/confirmer-mon-adresse/exemple',
  expiresAt: '2026-12-01T09:00:00.000Z',
} satisfies SignupConfirmationEmailProps;
