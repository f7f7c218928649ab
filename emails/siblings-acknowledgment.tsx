// The one accusé de réception of a démarche covering several children (siblings): each child's request with its own
// reference and its changes by date. Colours repeat the recap's (green = added, orange = removed), said in words too.
import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import type { CSSProperties } from 'react';
import { z } from 'zod';
import { formatDateLong } from '@/lib/planning/format';
import { formatSubmittedAt } from './request-acknowledgment';
import { TownLogo, type BrandProps } from './town-logo';

export interface SiblingsAcknowledgmentPayload {
  parentName: string;
  serviceLabel: string;
  siteName: string;
  /** ISO date-time */
  submittedAt: string;
  /** one per child, in the démarche's order */
  requests: {
    reference: string;
    childName: string;
    /** per date: unit labels added and removed, e.g. 'Matin' */
    changes: { date: string /* YYYY-MM-DD */; added: string[]; removed: string[] }[];
    /** absolute URL of the child's page */
    link: string;
  }[];
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue au format AAAA-MM-JJ');

export const payloadSchema: z.ZodType<SiblingsAcknowledgmentPayload> = z.object({
  parentName: z.string(),
  serviceLabel: z.string().min(1),
  siteName: z.string(),
  submittedAt: z.iso.datetime({ offset: true }),
  requests: z
    .array(
      z.object({
        reference: z.string().min(1),
        childName: z.string().min(1),
        changes: z.array(z.object({ date: isoDate, added: z.array(z.string()), removed: z.array(z.string()) })),
        // only web links: nothing like javascript: ends up in an e-mail
        link: z.url({ protocol: /^https?$/ }),
      }),
    )
    .min(1),
});

export const subjectFields: z.ZodType<{ requests: { reference: string }[] }> = z.object({
  requests: z.array(z.object({ reference: z.string().min(1) })).min(1),
});

/** 'Accusé de réception de vos demandes DEM-2027-000042, DEM-2027-000043' */
export function subject(p: { requests: { reference: string }[] }): string {
  return `Accusé de réception de vos demandes ${p.requests.map((r) => r.reference).join(', ')}`;
}

function Changes({
  changes,
  side,
}: {
  changes: SiblingsAcknowledgmentPayload['requests'][number]['changes'];
  side: 'added' | 'removed';
}) {
  const days = changes.filter((c) => c[side].length > 0).sort((a, b) => a.date.localeCompare(b.date));
  if (days.length === 0) return null;
  const added = side === 'added';
  return (
    <Section style={{ ...box, ...(added ? addedBox : removedBox) }}>
      <Heading as="h3" style={{ ...h3, color: added ? GREEN : ORANGE }}>
        {added ? 'Nouvelles réservations' : 'Anciennes réservations supprimées'}
      </Heading>
      {days.map((d) => (
        <Text key={d.date} style={line}>
          <strong>{formatDateLong(d.date)}</strong>
          {` : ${d[side].join(', ')}`}
        </Text>
      ))}
    </Section>
  );
}

export default function SiblingsAcknowledgmentEmail(p: SiblingsAcknowledgmentPayload & BrandProps) {
  const names = p.requests.map((r) => r.childName).join(', ');
  return (
    <Html lang="fr" dir="ltr">
      <Head />
      <Preview>{`Vos demandes de réservation pour ${names} ont bien été traitées.`}</Preview>
      <Body style={body}>
        <Container style={container}>
          <TownLogo siteUrl={p.siteUrl} />
          <Heading as="h1" style={h1}>
            Accusé de réception
          </Heading>
          <Text style={text}>{`Bonjour ${p.parentName},`}</Text>
          <Text style={text}>
            {`Vos demandes de réservation pour ${names} ont bien été traitées automatiquement, ensemble.`}
          </Text>
          <Section style={details}>
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
          {p.requests.map((r) => (
            <Section key={r.reference}>
              <Heading as="h2" style={h2}>
                {`${r.childName} — référence ${r.reference}`}
              </Heading>
              <Changes changes={r.changes} side="added" />
              <Changes changes={r.changes} side="removed" />
              <Text style={text}>
                <Link href={r.link} style={link}>
                  {`Voir le planning de ${r.childName}`}
                </Link>
              </Text>
            </Section>
          ))}
          <Hr style={hr} />
          <Text style={footer}>Ceci est un message automatique du Portail Famille de la ville de Belleval.</Text>
        </Container>
      </Body>
    </Html>
  );
}

SiblingsAcknowledgmentEmail.PreviewProps = {
  parentName: 'Claire Martin',
  serviceLabel: 'Accueil de loisirs du mercredi',
  siteName: 'Centre de loisirs Les Tilleuls',
  submittedAt: '2026-11-29T09:05:00.000Z',
  requests: [
    {
      reference: 'DEM-2026-000042',
      childName: 'Léa Martin',
      changes: [{ date: '2027-01-13', added: ['Après-midi'], removed: [] }],
      link: 'http://localhost:3000/enfants/1',
    },
    {
      reference: 'DEM-2026-000043',
      childName: 'Hugo Martin',
      changes: [{ date: '2027-01-13', added: ['Matin', 'Après-midi', 'Repas classique'], removed: [] }],
      link: 'http://localhost:3000/enfants/2',
    },
  ],
} satisfies SiblingsAcknowledgmentPayload;

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
const h2: CSSProperties = { fontSize: '18px', margin: '16px 0 8px' };
const h3: CSSProperties = { fontSize: '16px', margin: '0 0 8px' };
const text: CSSProperties = { fontSize: '15px', lineHeight: '22px', margin: '0 0 12px' };
const details: CSSProperties = {
  margin: '8px 0 16px',
  padding: '12px 16px',
  backgroundColor: '#f8fafc',
  border: '1px solid #cbd5e1',
};
const detail: CSSProperties = { fontSize: '15px', lineHeight: '22px', margin: '0 0 4px' };
const box: CSSProperties = {
  margin: '0 0 12px',
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
