// « Créer mon espace famille » with an address that already has an account: the page answered as for any address (no
// one learns which addresses have an account), nothing was created, and the owner is told here, with the way in, in
// the language of that account.
import { Heading, Text } from '@react-email/components';
import { z } from 'zod';
import { AccountLinkBlock } from './account-link-block';
import { emailWords } from './i18n';
import { EmailLayout, hello, styles } from './layout';
import type { BrandProps } from './town-logo';

export interface SignupExistingAccountPayload {
  /** Connexion */
  link: string;
  /** « Mot de passe oublié ? » */
  resetLink: string;
}

export const payloadSchema: z.ZodType<SignupExistingAccountPayload> = z.object({
  link: z.url({ protocol: /^https?$/ }),
  resetLink: z.url({ protocol: /^https?$/ }),
});

export const subject = (_p?: unknown, locale?: string): string => emailWords(locale).t('signupExisting.subject');

export default function SignupExistingAccountEmail(p: SignupExistingAccountPayload & BrandProps) {
  const w = emailWords(p.locale);
  return (
    <EmailLayout w={w} siteUrl={p.siteUrl} preview={w.t('signupExisting.preview')}>
      <Heading as="h1" style={styles.h1}>
        {w.t('signupExisting.heading')}
      </Heading>
      <Text style={styles.text}>{hello(w, '')}</Text>
      <Text style={styles.text}>{w.t('signupExisting.what')}</Text>
      <Text style={styles.text}>{w.t('signupExisting.signIn')}</Text>
      <AccountLinkBlock w={w} link={p.link} action={w.t('signupExisting.signInAction')} />
      <Text style={styles.text}>{w.t('signupExisting.reset')}</Text>
      <AccountLinkBlock w={w} link={p.resetLink} action={w.t('signupExisting.resetAction')} />
      <Text style={styles.text}>{w.t('signupExisting.notYou')}</Text>
    </EmailLayout>
  );
}

SignupExistingAccountEmail.PreviewProps = {
  link: 'http://localhost:3000/connexion',
  resetLink: 'http://localhost:3000/mot-de-passe-oublie',
} satisfies SignupExistingAccountPayload;
