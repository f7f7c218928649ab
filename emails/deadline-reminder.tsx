// The reminder a parent opted in to on Mon compte (lib/reminders): per child and service, the days that close to
// booking soon (their last change day falls this week, or tomorrow), each with what is booked on it.
import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import type { CSSProperties } from 'react';
import { z } from 'zod';
import { formatDateLong } from '@/lib/planning/format';
import { TownLogo, type BrandProps } from './town-logo';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue au format AAAA-MM-JJ');

export interface DeadlineReminderPayload {
  /** 'weekly': every Monday at 8:00, the days whose last change day falls in the next 7 days; 'eve': it is tomorrow */
  kind: 'weekly' | 'eve';
  parentName: string;
  /** per child and service, in the order of Mon espace */
  groups: {
    childName: string;
    serviceLabel: string;
    siteName: string;
    /** `booked`: 'Matin, Repas classique', or null when nothing is booked; `lastChangeDay`: YYYY-MM-DD */
    days: { date: string; booked: string | null; lastChangeDay: string }[];
  }[];
  /** absolute URL of Mon espace */
  link: string;
}

export const payloadSchema: z.ZodType<DeadlineReminderPayload> = z.object({
  kind: z.enum(['weekly', 'eve']),
  parentName: z.string(),
  groups: z
    .array(
      z.object({
        childName: z.string().min(1),
        serviceLabel: z.string().min(1),
        siteName: z.string(),
        days: z.array(z.object({ date: isoDate, booked: z.string().min(1).nullable(), lastChangeDay: isoDate })).min(1),
      }),
    )
    .min(1),
  // only web links: nothing like javascript: ends up in an e-mail
  link: z.url({ protocol: /^https?$/ }),
});

export const subjectFields: z.ZodType<Pick<DeadlineReminderPayload, 'kind'>> = z.object({
  kind: z.enum(['weekly', 'eve']),
});

/** The subject is the heading: « Ces jours ferment cette semaine à la réservation » (or « … demain … »). */
export function subject(p: Pick<DeadlineReminderPayload, 'kind'>): string {
  return p.kind === 'weekly'
    ? 'Ces jours ferment cette semaine à la réservation'
    : 'Ces jours ferment demain à la réservation';
}

/** 'mardi 5 janvier' (the year is the date's, written beside it) */
function dayMonth(date: string): string {
  return formatDateLong(date).split(' ').slice(0, 3).join(' ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export default function DeadlineReminderEmail(p: DeadlineReminderPayload & BrandProps) {
  const title = subject(p);
  const origin = new URL(p.link).origin;
  return (
    <Html lang="fr" dir="ltr">
      <Head />
      <Preview>
        {p.kind === 'weekly'
          ? 'Les jours à réserver ou à modifier avant leur date limite, cette semaine.'
          : 'Les jours à réserver ou à modifier avant demain soir.'}
      </Preview>
      <Body style={body}>
        <Container style={container}>
          <TownLogo siteUrl={p.siteUrl} />
          <Heading as="h1" style={h1}>
            {title}
          </Heading>
          <Text style={text}>{`Bonjour ${p.parentName},`}</Text>
          <Text style={text}>
            {p.kind === 'weekly'
              ? 'Cette semaine est la dernière pour réserver, modifier ou annuler les jours ci-dessous. Après la date indiquée, ils ne pourront plus être changés en ligne.'
              : 'Demain est le dernier jour pour réserver, modifier ou annuler les jours ci-dessous. Après, ils ne pourront plus être changés en ligne.'}
          </Text>

          {p.groups.map((g) => (
            <Section key={`${g.childName}|${g.serviceLabel}|${g.siteName}`} style={box}>
              <Heading as="h2" style={h2}>
                {`${g.childName} – ${g.serviceLabel}`}
              </Heading>
              {g.siteName ? <Text style={small}>{g.siteName}</Text> : null}
              {g.days.map((d) => (
                <Text key={d.date} style={line}>
                  <strong>{`${capitalise(formatDateLong(d.date))} : ${d.booked ?? 'rien de réservé'}`}</strong>
                  {` – modifiable jusqu'au ${dayMonth(d.lastChangeDay)}`}
                </Text>
              ))}
            </Section>
          ))}

          <Text style={text}>
            <Link href={p.link} style={link}>
              Gérer mes réservations sur le Portail Famille
            </Link>
          </Text>

          <Hr style={hr} />
          <Text style={footer}>
            {
              'Vous recevez ce rappel parce que vous l’avez choisi dans « Mon compte ». Pour ne plus le recevoir, choisissez « Aucun rappel » : '
            }
            <Link href={`${origin}/mon-compte`} style={footerLink}>
              {`${origin}/mon-compte`}
            </Link>
            {'. Ceci est un message automatique du Portail Famille de la ville de Belleval.'}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

DeadlineReminderEmail.PreviewProps = {
  kind: 'weekly',
  parentName: 'Claire Martin',
  groups: [
    {
      childName: 'Léa Martin',
      serviceLabel: 'Accueil de loisirs du mercredi',
      siteName: 'Accueil de loisirs Les Tilleuls',
      days: [{ date: '2027-01-20', booked: 'Matin, Repas classique', lastChangeDay: '2027-01-05' }],
    },
    {
      childName: 'Léa Martin',
      serviceLabel: 'Restauration scolaire',
      siteName: 'École Jules Ferry',
      days: [
        { date: '2027-01-19', booked: null, lastChangeDay: '2027-01-04' },
        { date: '2027-01-21', booked: 'Repas classique', lastChangeDay: '2027-01-06' },
      ],
    },
  ],
  link: 'http://localhost:3000/',
} satisfies DeadlineReminderPayload;

const body: CSSProperties = {
  backgroundColor: '#f1f5f9',
  fontFamily: 'Arial, Helvetica, sans-serif',
  color: '#0f172a',
  margin: 0,
};
const container: CSSProperties = { backgroundColor: '#ffffff', maxWidth: '600px', margin: '0 auto', padding: '24px' };
const h1: CSSProperties = { fontSize: '22px', margin: '0 0 16px' };
const h2: CSSProperties = { fontSize: '17px', margin: '0 0 4px' };
const text: CSSProperties = { fontSize: '15px', lineHeight: '22px', margin: '0 0 12px' };
const small: CSSProperties = { fontSize: '13px', lineHeight: '18px', margin: '0 0 8px', color: '#475569' };
const box: CSSProperties = {
  margin: '0 0 16px',
  padding: '12px 16px',
  borderLeftWidth: '4px',
  borderLeftStyle: 'solid',
  backgroundColor: '#eff6ff',
  borderLeftColor: '#1d4ed8',
};
const line: CSSProperties = { fontSize: '15px', lineHeight: '22px', margin: '0 0 4px' };
const link: CSSProperties = { color: '#1d4ed8', textDecoration: 'underline', fontWeight: 'bold' };
const footerLink: CSSProperties = { color: '#1d4ed8', textDecoration: 'underline' };
const hr: CSSProperties = { borderColor: '#cbd5e1', margin: '24px 0 12px' };
const footer: CSSProperties = { fontSize: '13px', lineHeight: '18px', color: '#475569', margin: 0 };
