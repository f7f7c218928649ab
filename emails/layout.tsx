// The frame and the styles of the sign-up's e-mails (« Créer mon espace famille »): the town's logo, the heading, the
// greeting, the body, the footer. Each template says only what is its own.
import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Text } from '@react-email/components';
import type { CSSProperties, ReactNode } from 'react';
import { MASKED_LINK, MASKED_LINK_NOTICE } from './account-link';
import { TownLogo, type BrandProps } from './town-logo';

export const styles = {
  body: { backgroundColor: '#f1f5f9', fontFamily: 'Arial, Helvetica, sans-serif', color: '#0f172a', margin: 0 },
  container: { backgroundColor: '#ffffff', maxWidth: '600px', margin: '0 auto', padding: '24px' },
  h1: { fontSize: '22px', margin: '0 0 16px' },
  text: { fontSize: '15px', lineHeight: '22px', margin: '0 0 12px' },
  small: { fontSize: '13px', lineHeight: '18px', margin: '0 0 12px', color: '#334155', wordBreak: 'break-all' },
  link: { color: '#1d4ed8', textDecoration: 'underline', fontWeight: 'bold' },
  hr: { borderColor: '#cbd5e1', margin: '24px 0 12px' },
  masked: { fontSize: '13px', lineHeight: '18px', margin: '0 0 16px', padding: '8px', backgroundColor: '#fef3c7' },
  quote: {
    fontSize: '15px',
    lineHeight: '22px',
    margin: '0 0 12px',
    padding: '8px 12px',
    borderLeft: '4px solid #94a3b8',
  },
  footer: { fontSize: '13px', lineHeight: '18px', color: '#475569', margin: 0 },
} satisfies Record<string, CSSProperties>;

export const FOOTER = 'Ceci est un message automatique du Portail Famille de la ville de Belleval.';

export function EmailFrame({
  preview,
  heading,
  name,
  siteUrl,
  masked = false,
  children,
}: BrandProps & {
  preview: string;
  heading: string;
  /** the recipient, for the greeting */
  name?: string;
  /** the copy the portal keeps of an e-mail whose link is masked: says so above the heading */
  masked?: boolean;
  children: ReactNode;
}) {
  return (
    <Html lang="fr" dir="ltr">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <TownLogo siteUrl={siteUrl} />
          {masked && <Text style={styles.masked}>{MASKED_LINK_NOTICE}</Text>}
          <Heading as="h1" style={styles.h1}>
            {heading}
          </Heading>
          <Text style={styles.text}>{name ? `Bonjour ${name},` : 'Bonjour,'}</Text>
          {children}
          <Hr style={styles.hr} />
          <Text style={styles.footer}>{FOOTER}</Text>
        </Container>
      </Body>
    </Html>
  );
}

/** A button-like link, then its address written out for mail clients that break links (or « lien masqué »). */
export function LinkBlock({ href, label }: { href: string | null; label: string }) {
  return (
    <>
      <Text style={styles.text}>
        <Link href={href ?? MASKED_LINK.href} style={styles.link}>
          {href === null ? MASKED_LINK.text : label}
        </Link>
      </Text>
      <Text style={styles.small}>
        {`Si le lien ne s'ouvre pas, copiez cette adresse dans votre navigateur : ${href ?? MASKED_LINK.text}`}
      </Text>
    </>
  );
}
