// Sent when the Guichet famille creates an account (a parent, an agent, an administrator, an animateur): a link to choose the
// password, valid 7 days and usable once. The raw link is printed too, for mail clients that break buttons.
// The copy the portal keeps (local mailbox) is rendered with `link: null`: it reads « lien masqué ».
import { Heading, Text } from '@react-email/components';
import { z } from 'zod';
import { accountLinkFields, formatExpiry, type AccountLinkFields, type AccountLinkProps } from './account-link';
import { AccountLinkBlock, MaskedNotice } from './account-link-block';
import { emailWords } from './i18n';
import { EmailLayout, hello, styles } from './layout';
import type { BrandProps } from './town-logo';

/** An account created by the Guichet famille: a link to choose the password (7 days, single use). */
export interface InvitationPayload extends AccountLinkFields {
  name: string;
  role: 'parent' | 'staff' | 'admin' | 'animateur';
  /** ISO date-time */
  expiresAt: string;
}

export const payloadSchema: z.ZodType<InvitationPayload> = z.object({
  name: z.string(),
  role: z.enum(['parent', 'staff', 'admin', 'animateur']),
  ...accountLinkFields,
  expiresAt: z.iso.datetime({ offset: true }),
});

export const subject = (_p?: unknown, locale?: string): string => emailWords(locale).t('invitation.subject');

/** Carries a single-use account link: rendered live for the transport and masked for the copy that is kept. */
export const accountLink = true;

export type InvitationEmailProps = AccountLinkProps<InvitationPayload>;

export default function InvitationEmail(p: InvitationEmailProps & BrandProps) {
  const w = emailWords(p.locale);
  return (
    <EmailLayout w={w} siteUrl={p.siteUrl} preview={w.t('invitation.preview')} footerText={w.t('invitation.footer')}>
      <MaskedNotice w={w} link={p.link} />
      <Heading as="h1" style={styles.h1}>
        {w.t('invitation.heading')}
      </Heading>
      <Text style={styles.text}>{hello(w, p.name)}</Text>
      <Text style={styles.text}>
        {w.t(
          p.role === 'parent'
            ? 'invitation.whatParent'
            : p.role === 'animateur'
              ? 'invitation.whatAnimateur'
              : 'invitation.whatStaff',
        )}
      </Text>
      <Text style={styles.text}>{w.t('invitation.follow')}</Text>
      <AccountLinkBlock w={w} link={p.link} action={w.t('invitation.action')} />
      <Text style={styles.text}>{w.t('invitation.validity', { expiry: formatExpiry(p.expiresAt, p.locale) })}</Text>
    </EmailLayout>
  );
}

InvitationEmail.PreviewProps = {
  name: 'Claire Martin',
  role: 'parent',
  link: 'http://localhost:3000/activation/exemple',
  expiresAt: '2026-12-06T09:00:00.000Z',
} satisfies InvitationEmailProps;
