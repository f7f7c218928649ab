// Sent to a family when the town closes a day on which their children were booked: the day, the site, the reason,
// and what was cancelled per child. Orange as in the recap's removals; the heading says it too, for readers without colour.
import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import type { CSSProperties } from 'react';
import { z } from 'zod';
import { formatDateLong } from '@/lib/planning/format';
import { TownLogo, type BrandProps } from './town-logo';

/** A family's reservations cancelled because staff closed a day (queued by addClosure and the calendar changes). */
export interface ClosureCancellationPayload {
  parentName: string;
  /** the closed day, YYYY-MM-DD (for a calendar change: the first day cancelled) */
  date: string;
  /** set when the school calendar changed (holidays, rentrée, end of the year): the last day cancelled */
  until?: string;
  /** the closed site, or 'tous les sites' */
  siteName: string;
  reason: string;
  /** per child, service and site: the unit labels cancelled, e.g. 'Matin' */
  cancellations: { childName: string; serviceLabel: string; siteName: string; units: string[]; date?: string }[];
  /** absolute URL of the family's space */
  link: string;
}

export const payloadSchema: z.ZodType<ClosureCancellationPayload> = z.object({
  parentName: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue au format AAAA-MM-JJ'),
  until: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue au format AAAA-MM-JJ')
    .optional(),
  siteName: z.string().min(1),
  reason: z.string(),
  cancellations: z
    .array(
      z.object({
        childName: z.string().min(1),
        serviceLabel: z.string().min(1),
        siteName: z.string(),
        units: z.array(z.string()).min(1),
        date: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .optional(),
      }),
    )
    .min(1),
  // only web links: nothing like javascript: ends up in an e-mail
  link: z.url({ protocol: /^https?$/ }),
});

/** What the subject needs, checked leniently: the back office lists subjects without checking whole payloads. */
export const subjectFields: z.ZodType<Pick<ClosureCancellationPayload, 'date' | 'until'>> = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  until: z.string().optional().catch(undefined),
});

/** 'Fermeture le mercredi 13 janvier 2027 : réservations annulées' (a calendar change: 'Modification du calendrier : …') */
export function subject(p: Pick<ClosureCancellationPayload, 'date' | 'until'>): string {
  if (p.until !== undefined) return 'Modification du calendrier : réservations annulées';
  return `Fermeture le ${formatDateLong(p.date)} : réservations annulées`;
}

export default function ClosureCancellationEmail(p: ClosureCancellationPayload & BrandProps) {
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
          <TownLogo siteUrl={p.siteUrl} />
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
