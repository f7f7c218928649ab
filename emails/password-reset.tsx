// "Mot de passe oublié ?": a link to choose a new password, valid one hour and usable once.
// Says what to do when the person did not ask: nothing changes until the link is used.
// The copy the portal keeps (local mailbox) is rendered with `link: null`: it reads « lien masqué ».
import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Text } from '@react-email/components';
import type { CSSProperties } from 'react';
import { z } from 'zod';
import {
  accountLinkFields,
  formatExpiry,
  MASKED_LINK,
  MASKED_LINK_NOTICE,
  type AccountLinkFields,
  type AccountLinkProps,
} from './account-link';
import { TownLogo, type BrandProps } from './town-logo';

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

export const subject = (): string => 'Portail Famille : choisissez un nouveau mot de passe';

/** Carries a single-use account link: rendered live for the transport and masked for the copy that is kept. */
export const accountLink = true;

export type PasswordResetEmailProps = AccountLinkProps<PasswordResetPayload>;

export default function PasswordResetEmail(p: PasswordResetEmailProps & BrandProps) {
  return (
    <Html lang="fr" dir="ltr">
      <Head />
      <Preview>Choisissez un nouveau mot de passe pour le Portail Famille.</Preview>
      <Body style={body}>
        <Container style={container}>
          <TownLogo siteUrl={p.siteUrl} />
          {p.link === null && <Text style={masked}>{MASKED_LINK_NOTICE}</Text>}
          <Heading as="h1" style={h1}>
            Nouveau mot de passe
          </Heading>
          <Text style={text}>{p.name ? `Bonjour ${p.name},` : 'Bonjour,'}</Text>
          <Text style={text}>
            Vous avez demandé à changer le mot de passe de votre compte du Portail Famille. Suivez ce lien pour en
            choisir un nouveau :
          </Text>
          <Text style={text}>
            <Link href={p.link ?? MASKED_LINK.href} style={link}>
              {p.link === null ? MASKED_LINK.text : 'Choisir un nouveau mot de passe'}
            </Link>
          </Text>
          <Text style={small}>
            {`Si le lien ne s'ouvre pas, copiez cette adresse dans votre navigateur : ${p.link ?? MASKED_LINK.text}`}
          </Text>
          <Text
            style={text}
          >{`Ce lien ne sert qu'une fois et reste valable une heure, jusqu'au ${formatExpiry(p.expiresAt)}.`}</Text>
          <Text style={text}>
            Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe actuel reste
            valable.
          </Text>
          <Hr style={hr} />
          <Text style={footer}>Ceci est un message automatique du Portail Famille de la ville de Belleval.</Text>
        </Container>
      </Body>
    </Html>
  );
}

PasswordResetEmail.PreviewProps = {
  name: 'Claire Martin',
  link: 'http://localhost:3000/reinitialisation/exemple',
  expiresAt: '2026-11-29T10:00:00.000Z',
} satisfies PasswordResetEmailProps;

const body: CSSProperties = {
  backgroundColor: '#f1f5f9',
  fontFamily: 'Arial, Helvetica, sans-serif',
  color: '#0f172a',
  margin: 0,
};
const container: CSSProperties = { backgroundColor: '#ffffff', maxWidth: '600px', margin: '0 auto', padding: '24px' };
const h1: CSSProperties = { fontSize: '22px', margin: '0 0 16px' };
const text: CSSProperties = { fontSize: '15px', lineHeight: '22px', margin: '0 0 12px' };
const small: CSSProperties = {
  fontSize: '13px',
  lineHeight: '18px',
  margin: '0 0 12px',
  color: '#334155',
  wordBreak: 'break-all',
};
const link: CSSProperties = { color: '#1d4ed8', textDecoration: 'underline', fontWeight: 'bold' };
const hr: CSSProperties = { borderColor: '#cbd5e1', margin: '24px 0 12px' };
const masked: CSSProperties = {
  fontSize: '13px',
  lineHeight: '18px',
  margin: '0 0 16px',
  padding: '8px',
  backgroundColor: '#fef3c7',
};
const footer: CSSProperties = { fontSize: '13px', lineHeight: '18px', color: '#475569', margin: 0 };
