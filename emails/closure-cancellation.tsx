// Sent to a family when the town closes a day on which their children were booked: the day, the site, the reason,
// and what was cancelled per child. Orange as in the recap's removals; the heading says it too, for readers without colour.
import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import type { CSSProperties } from 'react';
import type { ClosureCancellationPayload } from '@/lib/admin/calendar-closure-email';
import { formatDateLong } from '@/lib/planning/format';

export default function ClosureCancellationEmail(p: ClosureCancellationPayload) {
  const day = formatDateLong(p.date);
  const place = p.siteName === 'tous les sites' ? 'tous les sites' : `le site « ${p.siteName} »`;
  const calendar = p.until !== undefined;
  const span = !calendar || p.until === p.date ? `le ${day}` : `du ${day} au ${formatDateLong(p.until!)}`;
  return (
    <Html lang="fr" dir="ltr">
      <Head />
      <Preview>
        {calendar
          ? `Modification du calendrier : des réservations de votre famille sont annulées.`
          : `Fermeture le ${day} : des réservations de votre famille sont annulées.`}
      </Preview>
      <Body style={body}>
        <Container style={container}>
          <Heading as="h1" style={h1}>
            {calendar ? 'Modification du calendrier' : 'Fermeture exceptionnelle'}
          </Heading>
          <Text style={text}>{`Bonjour ${p.parentName},`}</Text>
          <Text style={text}>
            {calendar
              ? `Le calendrier scolaire a changé : des jours réservés ${span} ne sont plus ouverts. Ces réservations sont annulées ; vous n'avez rien à faire.`
              : `La ville ferme ${place} le ${day}. Les réservations de ce jour sont annulées ; vous n'avez rien à faire.`}
          </Text>
          {p.reason ? (
            <Text style={text}>
              <strong>Motif :</strong>
              {` ${p.reason}`}
            </Text>
          ) : null}

          <Section style={box}>
            <Heading as="h2" style={h2}>
              Réservations annulées
            </Heading>
            {p.cancellations.map((c) => (
              <Text key={`${c.childName}|${c.serviceLabel}|${c.siteName}|${c.date ?? ''}`} style={line}>
                <strong>{c.childName}</strong>
                {` – ${c.date ? `${formatDateLong(c.date)}, ` : ''}${c.serviceLabel}, ${c.siteName} : ${c.units.join(', ')}`}
              </Text>
            ))}
          </Section>

          <Text style={text}>
            <Link href={p.link} style={link}>
              Voir les plannings de mes enfants
            </Link>
          </Text>

          <Hr style={hr} />
          <Text style={footer}>
            Pour toute question, adressez-vous au Guichet famille. Ceci est un message automatique du Portail Famille de
            la ville de Belleval.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

ClosureCancellationEmail.PreviewProps = {
  parentName: 'Claire Martin',
  date: '2027-01-13',
  siteName: 'Accueil de loisirs Les Tilleuls',
  reason: 'Travaux de chauffage',
  cancellations: [
    {
      childName: 'Léa Martin',
      serviceLabel: 'Accueil de loisirs du mercredi',
      siteName: 'Accueil de loisirs Les Tilleuls',
      units: ['Matin', 'Après-midi', 'Repas classique'],
    },
  ],
  link: 'http://localhost:3000/',
} satisfies ClosureCancellationPayload;

const ORANGE = '#7c2d12';

const body: CSSProperties = {
  backgroundColor: '#f1f5f9',
  fontFamily: 'Arial, Helvetica, sans-serif',
  color: '#0f172a',
  margin: 0,
};
const container: CSSProperties = { backgroundColor: '#ffffff', maxWidth: '600px', margin: '0 auto', padding: '24px' };
const h1: CSSProperties = { fontSize: '22px', margin: '0 0 16px' };
const h2: CSSProperties = { fontSize: '17px', margin: '0 0 8px', color: ORANGE };
const text: CSSProperties = { fontSize: '15px', lineHeight: '22px', margin: '0 0 12px' };
const box: CSSProperties = {
  margin: '0 0 16px',
  padding: '12px 16px',
  borderLeftWidth: '4px',
  borderLeftStyle: 'solid',
  backgroundColor: '#ffedd5',
  borderLeftColor: '#c2410c',
};
const line: CSSProperties = { fontSize: '15px', lineHeight: '22px', margin: '0 0 4px' };
const link: CSSProperties = { color: '#1d4ed8', textDecoration: 'underline', fontWeight: 'bold' };
const hr: CSSProperties = { borderColor: '#cbd5e1', margin: '24px 0 12px' };
const footer: CSSProperties = { fontSize: '13px', lineHeight: '18px', color: '#475569', margin: 0 };
