// Sent when the Guichet famille creates an account (a parent, an agent, an administrator): a link to choose the
// password, valid 7 days and usable once. The raw link is printed too, for mail clients that break buttons.
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

/** An account created by the Guichet famille: a link to choose the password (7 days, single use). */
export interface InvitationPayload extends AccountLinkFields {
  name: string;
  role: 'parent' | 'staff' | 'admin';
  /** ISO date-time */
  expiresAt: string;
}

export const payloadSchema: z.ZodType<InvitationPayload> = z.object({
  name: z.string(),
  role: z.enum(['parent', 'staff', 'admin']),
  ...accountLinkFields,
  expiresAt: z.iso.datetime({ offset: true }),
});

export const subject = (): string => 'Votre compte sur le Portail Famille : choisissez votre mot de passe';

/** Carries a single-use account link: rendered live for the transport and masked for the copy that is kept. */
export const accountLink = true;

export type InvitationEmailProps = AccountLinkProps<InvitationPayload>;

export default function InvitationEmail(p: InvitationEmailProps & BrandProps) {
  const what =
    p.role === 'parent'
      ? 'Le Guichet famille vous a ouvert un compte sur le Portail Famille : vous pourrez y inscrire vos enfants et gérer leurs réservations.'
      : 'Un compte vous a été ouvert sur le Portail Famille pour accéder au back office du Guichet famille.';
  return (
    <Html lang="fr" dir="ltr">
      <Head />
      <Preview>Choisissez votre mot de passe pour accéder au Portail Famille.</Preview>
      <Body style={body}>
        <Container style={container}>
          <TownLogo siteUrl={p.siteUrl} />
          {p.link === null && <Text style={masked}>{MASKED_LINK_NOTICE}</Text>}
          <Heading as="h1" style={h1}>
            Bienvenue sur le Portail Famille
          </Heading>
          <Text style={text}>{p.name ? `Bonjour ${p.name},` : 'Bonjour,'}</Text>
          <Text style={text}>{what}</Text>
          <Text style={text}>Pour activer votre compte, choisissez votre mot de passe en suivant ce lien :</Text>
          <Text style={text}>
            <Link href={p.link ?? MASKED_LINK.href} style={link}>
              {p.link === null ? MASKED_LINK.text : 'Choisir mon mot de passe'}
            </Link>
          </Text>
          <Text style={small}>
            {`Si le lien ne s'ouvre pas, copiez cette adresse dans votre navigateur : ${p.link ?? MASKED_LINK.text}`}
          </Text>
          <Text
            style={text}
          >{`Ce lien ne sert qu'une fois et reste valable jusqu'au ${formatExpiry(p.expiresAt)}. Passé ce délai, demandez un nouveau lien au Guichet famille.`}</Text>
          <Hr style={hr} />
          <Text style={footer}>
            Si vous n'attendiez pas ce message, ignorez-le. Ceci est un message automatique du Portail Famille de la
            ville de Belleval.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

InvitationEmail.PreviewProps = {
  name: 'Claire Martin',
  role: 'parent',
  link: 'http://localhost:3000/activation/exemple',
  expiresAt: '2026-12-06T09:00:00.000Z',
} satisfies InvitationEmailProps;

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
