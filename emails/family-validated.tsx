// The Guichet famille validated a family that signed up (« Créer mon espace famille »): its space is open, the
// children can be enrolled.
import { Heading, Text } from '@react-email/components';
import { z } from 'zod';
import { AccountLinkBlock } from './account-link-block';
import { emailWords } from './i18n';
import { EmailLayout, hello, styles } from './layout';
import type { BrandProps } from './town-logo';

export interface FamilyValidatedPayload {
  name: string;
  /** the sector's name, as the town wrote it */
  sectorName: string;
  /** Mon espace */
  link: string;
}

export const payloadSchema: z.ZodType<FamilyValidatedPayload> = z.object({
  name: z.string(),
  sectorName: z.string(),
  link: z.url({ protocol: /^https?$/ }),
});

export const subject = (_p?: unknown, locale?: string): string => emailWords(locale).t('familyValidated.subject');

export default function FamilyValidatedEmail(p: FamilyValidatedPayload & BrandProps) {
  const w = emailWords(p.locale);
  return (
    <EmailLayout w={w} siteUrl={p.siteUrl} preview={w.t('familyValidated.preview')}>
      <Heading as="h1" style={styles.h1}>
        {w.t('familyValidated.heading')}
      </Heading>
      <Text style={styles.text}>{hello(w, p.name)}</Text>
      <Text style={styles.text}>{w.t('familyValidated.done', { sector: p.sectorName })}</Text>
      <AccountLinkBlock w={w} link={p.link} action={w.t('familyValidated.action')} />
    </EmailLayout>
  );
}

FamilyValidatedEmail.PreviewProps = {
  name: 'Nadia Benali',
  sectorName: 'Nord',
  link: 'http://localhost:3000/',
} satisfies FamilyValidatedPayload;
