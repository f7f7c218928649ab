// The accusé de réception sent when a démarche is validated: what was asked, for whom, and every change by date.
// Colours repeat the recap's (green = added, orange = removed); the headings say it too, for readers without colour.
import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import dayjs from 'dayjs';
import type { CSSProperties } from 'react';
import { z } from 'zod';
import { TIME_ZONE } from '@/lib/clock';
import { formatDateLong } from '@/lib/planning/format';
import { TownLogo, type BrandProps } from './town-logo';

/** The accusé de réception of a submitted démarche (réservation or inscription). */
export interface RequestAcknowledgmentPayload {
  reference: string;
  kind: 'reservation' | 'inscription';
  parentName: string;
  childName: string;
  serviceLabel: string;
  siteName: string;
  /** ISO date-time */
  submittedAt: string;
  /** per date: unit labels added and removed, e.g. 'Matin' */
  changes: { date: string /* YYYY-MM-DD */; added: string[]; removed: string[] }[];
  /** absolute URL of the child's page */
  link: string;
  /** the agent's name when booked at the Guichet famille */
  onBehalfOf?: string | null;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue au format AAAA-MM-JJ');

export const payloadSchema: z.ZodType<RequestAcknowledgmentPayload> = z.object({
  reference: z.string().min(1),
  kind: z.enum(['reservation', 'inscription']),
  parentName: z.string(),
  childName: z.string().min(1),
  serviceLabel: z.string().min(1),
  siteName: z.string(),
  submittedAt: z.iso.datetime({ offset: true }),
  changes: z.array(z.object({ date: isoDate, added: z.array(z.string()), removed: z.array(z.string()) })),
  // only web links: nothing like javascript: ends up in an e-mail
  link: z.url({ protocol: /^https?$/ }),
  onBehalfOf: z.string().nullish(),
});

/** What the subject needs, checked leniently: the back office lists subjects without checking whole payloads. */
export const subjectFields: z.ZodType<Pick<RequestAcknowledgmentPayload, 'reference'>> = z.object({
  reference: z.string().min(1),
});

/** 'Accusé de réception de votre demande DEM-2027-000042' */
export function subject(p: Pick<RequestAcknowledgmentPayload, 'reference'>): string {
  return `Accusé de réception de votre demande ${p.reference}`;
}

/** 'mercredi 13 janvier 2027 à 10 h 05', in Paris time. */
export function formatSubmittedAt(iso: string): string {
  const at = dayjs(iso).tz(TIME_ZONE);
  return `${formatDateLong(at.format('YYYY-MM-DD'))} à ${at.format('H')} h ${at.format('mm')}`;
}

interface DayUnits {
  date: string;
  units: string[];
}

function byDate(changes: RequestAcknowledgmentPayload['changes'], side: 'added' | 'removed'): DayUnits[] {
  return changes
    .filter((c) => c[side].length > 0)
    .map((c) => ({ date: c.date, units: c[side] }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

export default function RequestAcknowledgmentEmail(p: RequestAcknowledgmentPayload & BrandProps) {
  const added = byDate(p.changes, 'added');
  const removed = byDate(p.changes, 'removed');
  const what = p.kind === 'inscription' ? "Votre demande d'inscription" : 'Votre demande de réservation';
  return (
    <Html lang="fr" dir="ltr">
      <Head />
      <Preview>{`${what} ${p.reference} pour ${p.childName} a bien été traitée.`}</Preview>
      <Body style={body}>
        <Container style={container}>
          <TownLogo siteUrl={p.siteUrl} />
          <Heading as="h1" style={h1}>
            Accusé de réception
          </Heading>
          <Text style={text}>{`Bonjour ${p.parentName},`}</Text>
          <Text style={text}>{`${what} a bien été traitée automatiquement.`}</Text>
          {p.onBehalfOf ? (
            <Text style={text}>{`Elle a été saisie pour vous au Guichet famille par ${p.onBehalfOf}.`}</Text>
          ) : null}

          <Section style={details}>
            <Text style={detail}>
              <strong>Référence :</strong>
              {` ${p.reference}`}
            </Text>
            <Text style={detail}>
              <strong>Enfant :</strong>
              {` ${p.childName}`}
            </Text>
            <Text style={detail}>
              <strong>Service :</strong>
              {` ${p.serviceLabel}`}
            </Text>
            <Text style={detail}>
              <strong>Site :</strong>
              {` ${p.siteName}`}
            </Text>
            <Text style={detail}>
              <strong>Date de la demande :</strong>
              {` ${formatSubmittedAt(p.submittedAt)}`}
            </Text>
          </Section>

          {added.length > 0 ? (
            <Section style={{ ...box, ...addedBox }}>
              <Heading as="h2" style={{ ...h2, color: GREEN }}>
                Nouvelles réservations
              </Heading>
              {added.map((d) => (
                <Text key={d.date} style={line}>
                  <strong>{formatDateLong(d.date)}</strong>
                  {` : ${d.units.join(', ')}`}
                </Text>
              ))}
            </Section>
          ) : null}

          {removed.length > 0 ? (
            <Section style={{ ...box, ...removedBox }}>
              <Heading as="h2" style={{ ...h2, color: ORANGE }}>
                Anciennes réservations supprimées
              </Heading>
              {removed.map((d) => (
                <Text key={d.date} style={line}>
                  <strong>{formatDateLong(d.date)}</strong>
                  {` : ${d.units.join(', ')}`}
                </Text>
              ))}
            </Section>
          ) : null}

          <Text style={text}>
            <Link href={p.link} style={link}>
              {`Voir le planning de ${p.childName}`}
            </Link>
          </Text>

          <Hr style={hr} />
          <Text style={footer}>Ceci est un message automatique du Portail Famille de la ville de Belleval.</Text>
        </Container>
      </Body>
    </Html>
  );
}

RequestAcknowledgmentEmail.PreviewProps = {
  reference: 'DEM-2027-000042',
  kind: 'reservation',
  parentName: 'Claire Martin',
  childName: 'Léa Martin',
  serviceLabel: 'Accueil de loisirs du mercredi',
  siteName: 'Centre de loisirs Les Tilleuls',
  submittedAt: '2026-11-29T09:05:00.000Z',
  changes: [
    { date: '2027-01-13', added: ['Matin', 'Repas classique'], removed: [] },
    { date: '2027-01-20', added: [], removed: ['Après-midi'] },
  ],
  link: 'http://localhost:3000/enfants/1',
  onBehalfOf: null,
} satisfies RequestAcknowledgmentPayload;

// Colours with at least 4.5:1 contrast on their backgrounds.
const GREEN = '#14532d';
const ORANGE = '#7c2d12';

const body: CSSProperties = {
  backgroundColor: '#f1f5f9',
  fontFamily: 'Arial, Helvetica, sans-serif',
  color: '#0f172a',
  margin: 0,
};
const container: CSSProperties = { backgroundColor: '#ffffff', maxWidth: '600px', margin: '0 auto', padding: '24px' };
const h1: CSSProperties = { fontSize: '22px', margin: '0 0 16px' };
const h2: CSSProperties = { fontSize: '17px', margin: '0 0 8px' };
const text: CSSProperties = { fontSize: '15px', lineHeight: '22px', margin: '0 0 12px' };
const details: CSSProperties = {
  margin: '8px 0 16px',
  padding: '12px 16px',
  backgroundColor: '#f8fafc',
  border: '1px solid #cbd5e1',
};
const detail: CSSProperties = { fontSize: '15px', lineHeight: '22px', margin: '0 0 4px' };
const box: CSSProperties = {
  margin: '0 0 16px',
  padding: '12px 16px',
  borderLeftWidth: '4px',
  borderLeftStyle: 'solid',
};
const addedBox: CSSProperties = { backgroundColor: '#dcfce7', borderLeftColor: '#15803d' };
const removedBox: CSSProperties = { backgroundColor: '#ffedd5', borderLeftColor: '#c2410c' };
const line: CSSProperties = { fontSize: '15px', lineHeight: '22px', margin: '0 0 4px' };
const link: CSSProperties = { color: '#1d4ed8', textDecoration: 'underline', fontWeight: 'bold' };
const hr: CSSProperties = { borderColor: '#cbd5e1', margin: '24px 0 12px' };
const footer: CSSProperties = { fontSize: '13px', lineHeight: '18px', color: '#475569', margin: 0 };
