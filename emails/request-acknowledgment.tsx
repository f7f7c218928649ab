// The accusé de réception sent when a démarche is validated: what was asked, for whom, and every change by date.
// Colours repeat the recap's (green = added, orange = removed); the headings say it too, for readers without colour.
import { Heading, Link, Section, Text } from '@react-email/components';
import { z } from 'zod';
import { emailWords, type EmailWords } from './i18n';
import {
  ADDED_BOX,
  Detail,
  EmailLayout,
  GREEN,
  hello,
  ORANGE,
  REMINDER_BOX,
  REMOVED_BOX,
  sideBox,
  styles,
} from './layout';
import type { BrandProps } from './town-logo';

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
  /** « Liste d'attente »: per date, the unit labels asked together, and the place in line */
  waiting?: { date: string; units: string[]; position: number }[];
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
  waiting: z
    .array(z.object({ date: isoDate, units: z.array(z.string()).min(1), position: z.number().int().positive() }))
    .optional(),
});

/** What the subject needs, checked leniently: the back office lists subjects without checking whole payloads. */
export const subjectFields: z.ZodType<Pick<RequestAcknowledgmentPayload, 'reference'>> = z.object({
  reference: z.string().min(1),
});

/** 'Accusé de réception de votre demande DEM-2027-000042' (in the recipient's language) */
export function subject(p: Pick<RequestAcknowledgmentPayload, 'reference'>, locale?: string): string {
  return emailWords(locale).t('requestAck.subject', { reference: p.reference });
}

/** 'mercredi 13 janvier 2027 à 10 h 05', in Paris time. */
export function formatSubmittedAt(iso: string, locale?: string): string {
  return emailWords(locale).dateTime(iso);
}

interface DayUnits {
  date: string;
  units: string[];
}

export function byDate(changes: RequestAcknowledgmentPayload['changes'], side: 'added' | 'removed'): DayUnits[] {
  return changes
    .filter((c) => c[side].length > 0)
    .map((c) => ({ date: c.date, units: c[side] }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** « Nouvelles réservations » (green) or « Anciennes réservations supprimées » (orange): each date and its units. */
export function ChangesBox({
  w,
  days,
  side,
  as = 'h2',
}: {
  w: EmailWords;
  days: DayUnits[];
  side: 'added' | 'removed';
  as?: 'h2' | 'h3';
}) {
  if (days.length === 0) return null;
  const added = side === 'added';
  return (
    <Section style={sideBox(w.dir, added ? ADDED_BOX : REMOVED_BOX)}>
      <Heading as={as} style={{ ...(as === 'h2' ? styles.h2 : styles.h3), color: added ? GREEN : ORANGE }}>
        {w.t(added ? 'requestAck.added' : 'requestAck.removed')}
      </Heading>
      {days.map((d) => (
        <Text key={d.date} style={styles.line}>
          <strong>{w.words.dateLong(d.date)}</strong>
          {` : ${d.units.map(w.label).join(', ')}`}
        </Text>
      ))}
    </Section>
  );
}

/** « Liste d'attente »: each day asked, its units together and the child's place in line. */
export function WaitingBox({
  w,
  days,
  as = 'h2',
}: {
  w: EmailWords;
  days: NonNullable<RequestAcknowledgmentPayload['waiting']>;
  as?: 'h2' | 'h3';
}) {
  if (days.length === 0) return null;
  return (
    <Section style={sideBox(w.dir, REMINDER_BOX)}>
      <Heading as={as} style={as === 'h2' ? styles.h2 : styles.h3}>
        {w.t('requestAck.waiting')}
      </Heading>
      {days.map((d) => (
        <Text key={d.date} style={styles.line}>
          <strong>{w.words.dateLong(d.date)}</strong>
          {` : ${d.units.map(w.label).join(' + ')} – ${w.t('requestAck.waitingPosition', { position: d.position })}`}
        </Text>
      ))}
      <Text style={styles.line}>{w.t('requestAck.waitingNext')}</Text>
    </Section>
  );
}

export default function RequestAcknowledgmentEmail(p: RequestAcknowledgmentPayload & BrandProps) {
  const w = emailWords(p.locale);
  const what = w.t('requestAck.what', { kind: p.kind });
  const detail = (label: string, value: string) => <Detail label={w.t(label)} value={value} />;
  return (
    <EmailLayout
      w={w}
      siteUrl={p.siteUrl}
      preview={w.t('requestAck.preview', { what, reference: p.reference, child: p.childName })}
    >
      <Heading as="h1" style={styles.h1}>
        {w.t('requestAck.heading')}
      </Heading>
      <Text style={styles.text}>{hello(w, p.parentName)}</Text>
      <Text style={styles.text}>{w.t('requestAck.done', { what })}</Text>
      {p.onBehalfOf ? <Text style={styles.text}>{w.t('requestAck.onBehalf', { agent: p.onBehalfOf })}</Text> : null}

      <Section style={styles.details}>
        {detail('requestAck.reference', p.reference)}
        {detail('requestAck.child', p.childName)}
        {detail('requestAck.service', w.label(p.serviceLabel))}
        {detail('requestAck.site', p.siteName)}
        {detail('requestAck.submittedAt', w.dateTime(p.submittedAt))}
      </Section>

      <ChangesBox w={w} days={byDate(p.changes, 'added')} side="added" />
      <ChangesBox w={w} days={byDate(p.changes, 'removed')} side="removed" />
      <WaitingBox w={w} days={p.waiting ?? []} />

      <Text style={styles.text}>
        <Link href={p.link} style={styles.link}>
          {w.t('requestAck.seePlanning', { child: p.childName })}
        </Link>
      </Text>
    </EmailLayout>
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
