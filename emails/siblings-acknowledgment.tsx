// The one accusé de réception of a démarche covering several children (siblings): each child's request with its own
// reference and its changes by date. Colours repeat the recap's (green = added, orange = removed), said in words too.
import { Heading, Link, Section, Text } from '@react-email/components';
import { z } from 'zod';
import { emailWords } from './i18n';
import { Detail, EmailLayout, hello, styles } from './layout';
import { byDate, ChangesBox, WaitingBox } from './request-acknowledgment';
import type { BrandProps } from './town-logo';

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
    /** « Liste d'attente »: per date, the unit labels asked together, and the place in line */
    waiting?: { date: string; units: string[]; position: number }[];
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
        waiting: z
          .array(z.object({ date: isoDate, units: z.array(z.string()).min(1), position: z.number().int().positive() }))
          .optional(),
      }),
    )
    .min(1),
});

export const subjectFields: z.ZodType<{ requests: { reference: string }[] }> = z.object({
  requests: z.array(z.object({ reference: z.string().min(1) })).min(1),
});

/** 'Accusé de réception de vos demandes DEM-2027-000042, DEM-2027-000043' (in the recipient's language) */
export function subject(p: { requests: { reference: string }[] }, locale?: string): string {
  return emailWords(locale).t('siblingsAck.subject', { references: p.requests.map((r) => r.reference).join(', ') });
}

export default function SiblingsAcknowledgmentEmail(p: SiblingsAcknowledgmentPayload & BrandProps) {
  const w = emailWords(p.locale);
  const names = p.requests.map((r) => r.childName).join(', ');
  return (
    <EmailLayout w={w} siteUrl={p.siteUrl} preview={w.t('siblingsAck.preview', { names })}>
      <Heading as="h1" style={styles.h1}>
        {w.t('requestAck.heading')}
      </Heading>
      <Text style={styles.text}>{hello(w, p.parentName)}</Text>
      <Text style={styles.text}>{w.t('siblingsAck.done', { names })}</Text>
      <Section style={styles.details}>
        <Detail label={w.t('requestAck.service')} value={w.label(p.serviceLabel)} />
        <Detail label={w.t('requestAck.site')} value={p.siteName} />
        <Detail label={w.t('requestAck.submittedAt')} value={w.dateTime(p.submittedAt)} />
      </Section>
      {p.requests.map((r) => (
        <Section key={r.reference}>
          <Heading as="h2" style={styles.h2}>
            {w.t('siblingsAck.childReference', { child: r.childName, reference: r.reference })}
          </Heading>
          <ChangesBox w={w} days={byDate(r.changes, 'added')} side="added" as="h3" />
          <ChangesBox w={w} days={byDate(r.changes, 'removed')} side="removed" as="h3" />
          <WaitingBox w={w} days={r.waiting ?? []} as="h3" />
          <Text style={styles.text}>
            <Link href={r.link} style={styles.link}>
              {w.t('requestAck.seePlanning', { child: r.childName })}
            </Link>
          </Text>
        </Section>
      ))}
    </EmailLayout>
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
