// Sent to each parent of a family whose account an agent has closed (« Mes données », lib/families/closure.ts): queued
// in the closure's transaction, before the addresses are erased, so the outbox still knows where to send it. It says
// what was erased and what the town keeps without names, and where to go to enrol the children again. The account's
// address is erased by then, so the dispatcher finds no account's language: the payload carries it (`locale`).
import { Heading, Text } from '@react-email/components';
import { z } from 'zod';
import { LOCALES, type Locale } from '@/i18n/locales';
import { AccountLinkBlock } from './account-link-block';
import { emailWords } from './i18n';
import { EmailLayout, hello, styles } from './layout';
import type { BrandProps } from './town-logo';

/** A family's account closed by the Guichet famille, at the family's request. */
export interface AccountClosedPayload {
  parentName: string;
  /** the day of the closure, YYYY-MM-DD (Paris) */
  closedOn: string;
  /** absolute URL of the Guichet famille's contact page */
  link: string;
  /** the parent's language when the account was closed (the account can no longer be found by its address) */
  locale?: Locale;
}

export const payloadSchema: z.ZodType<AccountClosedPayload> = z.object({
  parentName: z.string(),
  closedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue au format AAAA-MM-JJ'),
  // only web links: nothing like javascript: ends up in an e-mail
  link: z.url({ protocol: /^https?$/ }),
  locale: z.enum(LOCALES).optional(),
});

export const subject = (_p?: unknown, locale?: string): string => emailWords(locale).t('accountClosed.subject');

export default function AccountClosedEmail(p: AccountClosedPayload & BrandProps) {
  const w = emailWords(p.locale);
  return (
    <EmailLayout
      w={w}
      siteUrl={p.siteUrl}
      preview={w.t('accountClosed.preview')}
      footerText={w.t('accountClosed.footer')}
    >
      <Heading as="h1" style={styles.h1}>
        {w.t('accountClosed.heading')}
      </Heading>
      <Text style={styles.text}>{hello(w, p.parentName)}</Text>
      <Text style={styles.text}>{w.t('accountClosed.closed', { date: w.words.dateLong(p.closedOn) })}</Text>
      <Text style={styles.text}>{w.t('accountClosed.erased')}</Text>
      <Text style={styles.text}>{w.t('accountClosed.kept')}</Text>
      <Text style={styles.text}>{w.t('accountClosed.again')}</Text>
      <AccountLinkBlock w={w} link={p.link} action={w.t('accountClosed.action')} />
    </EmailLayout>
  );
}

AccountClosedEmail.PreviewProps = {
  parentName: 'Claire Martin',
  closedOn: '2026-12-01',
  link: 'http://localhost:3000/contact',
} satisfies AccountClosedPayload;
