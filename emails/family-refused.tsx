// The Guichet famille refused a family's sign-up (« Créer mon espace famille »), with its reason (the agent's own
// words, French, quoted as written).
import { Heading, Text } from '@react-email/components';
import { z } from 'zod';
import { AccountLinkBlock } from './account-link-block';
import { emailWords } from './i18n';
import { EmailLayout, hello, styles } from './layout';
import type { BrandProps } from './town-logo';

export interface FamilyRefusedPayload {
  name: string;
  reason: string;
  /** the portal's Contact page */
  link: string;
}

export const payloadSchema: z.ZodType<FamilyRefusedPayload> = z.object({
  name: z.string(),
  reason: z.string().min(1),
  link: z.url({ protocol: /^https?$/ }),
});

export const subject = (_p?: unknown, locale?: string): string => emailWords(locale).t('familyRefused.subject');

export default function FamilyRefusedEmail(p: FamilyRefusedPayload & BrandProps) {
  const w = emailWords(p.locale);
  return (
    <EmailLayout w={w} siteUrl={p.siteUrl} preview={w.t('familyRefused.preview')}>
      <Heading as="h1" style={styles.h1}>
        {w.t('familyRefused.heading')}
      </Heading>
      <Text style={styles.text}>{hello(w, p.name)}</Text>
      <Text style={styles.text}>{w.t('familyRefused.reason')}</Text>
      <Text style={quote(w.dir)}>{p.reason}</Text>
      <Text style={styles.text}>{w.t('familyRefused.contact')}</Text>
      <AccountLinkBlock w={w} link={p.link} action={w.t('familyRefused.action')} />
    </EmailLayout>
  );
}

/** The quoted reason, its edge on the side the text starts from (mail clients do not all know logical borders). */
function quote(dir: 'ltr' | 'rtl') {
  const { borderLeft, ...rest } = styles.quote;
  return dir === 'rtl' ? { ...rest, borderRight: borderLeft } : styles.quote;
}

FamilyRefusedEmail.PreviewProps = {
  name: 'Nadia Benali',
  reason: "L'adresse indiquée n'est pas sur la commune de Belleval.",
  link: 'http://localhost:3000/contact',
} satisfies FamilyRefusedPayload;
