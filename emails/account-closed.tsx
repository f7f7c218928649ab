// Sent to each parent of a family whose account an agent has closed (« Mes données », lib/families/closure.ts): queued
// in the closure's transaction, before the addresses are erased, so the outbox still knows where to send it. It says
// what was erased and what the town keeps without names, and where to go to enrol the children again.
import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Text } from '@react-email/components';
import type { CSSProperties } from 'react';
import { z } from 'zod';
import { formatDateLong } from '@/lib/planning/format';
import { TownLogo, type BrandProps } from './town-logo';

/** A family's account closed by the Guichet famille, at the family's request. */
export interface AccountClosedPayload {
  parentName: string;
  /** the day of the closure, YYYY-MM-DD (Paris) */
  closedOn: string;
  /** absolute URL of the Guichet famille's contact page */
  link: string;
}

export const payloadSchema: z.ZodType<AccountClosedPayload> = z.object({
  parentName: z.string(),
  closedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue au format AAAA-MM-JJ'),
  // only web links: nothing like javascript: ends up in an e-mail
  link: z.url({ protocol: /^https?$/ }),
});

export const subject = (): string => 'Votre compte sur le Portail Famille est fermé';

export default function AccountClosedEmail(p: AccountClosedPayload & BrandProps) {
  return (
    <Html lang="fr" dir="ltr">
      <Head />
      <Preview>Le Guichet famille a fermé votre compte : vos données personnelles sont effacées.</Preview>
      <Body style={body}>
        <Container style={container}>
          <TownLogo siteUrl={p.siteUrl} />
          <Heading as="h1" style={h1}>
            Votre compte est fermé
          </Heading>
          <Text style={text}>{p.parentName ? `Bonjour ${p.parentName},` : 'Bonjour,'}</Text>
          <Text style={text}>
            {`Comme vous l'avez demandé, le Guichet famille a fermé le compte de votre famille sur le Portail Famille le ${formatDateLong(p.closedOn)}. Vous ne pouvez plus vous y connecter.`}
          </Text>
          <Text style={text}>
            Vos coordonnées (adresses e-mail, téléphones, adresse postale), vos accès au portail, l&apos;historique de
            vos connexions, les e-mails conservés et votre lien d&apos;agenda sont effacés. Les réservations à venir
            sont annulées.
          </Text>
          <Text style={text}>
            La ville garde seulement, sans vos noms ni ceux de vos enfants, les réservations passées et les demandes
            validées : elle en a besoin pour la facturation et sa comptabilité, pendant la durée légale de conservation
            des pièces comptables.
          </Text>
          <Text style={text}>Pour inscrire de nouveau vos enfants, adressez-vous au Guichet famille.</Text>
          <Text style={text}>
            <Link href={p.link} style={link}>
              Contacter le Guichet famille
            </Link>
          </Text>
          <Hr style={hr} />
          <Text style={footer}>
            Si vous n&apos;avez pas demandé la fermeture de votre compte, adressez-vous au Guichet famille. Ceci est un
            message automatique du Portail Famille de la ville de Belleval.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

AccountClosedEmail.PreviewProps = {
  parentName: 'Claire Martin',
  closedOn: '2026-12-01',
  link: 'http://localhost:3000/contact',
} satisfies AccountClosedPayload;

const body: CSSProperties = {
  backgroundColor: '#f1f5f9',
  fontFamily: 'Arial, Helvetica, sans-serif',
  color: '#0f172a',
  margin: 0,
};
const container: CSSProperties = { backgroundColor: '#ffffff', maxWidth: '600px', margin: '0 auto', padding: '24px' };
const h1: CSSProperties = { fontSize: '22px', margin: '0 0 16px' };
const text: CSSProperties = { fontSize: '15px', lineHeight: '22px', margin: '0 0 12px' };
const link: CSSProperties = { color: '#1d4ed8', textDecoration: 'underline', fontWeight: 'bold' };
const hr: CSSProperties = { borderColor: '#cbd5e1', margin: '24px 0 12px' };
const footer: CSSProperties = { fontSize: '13px', lineHeight: '18px', color: '#475569', margin: 0 };
