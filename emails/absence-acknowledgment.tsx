// The accusé de réception of « Signaler une absence »: the reference, the days and units marked absent, the reason,
// and what comes next (the certificate within 48 hours for « Maladie », the Guichet famille's decision).
import { Heading, Link, Section, Text } from '@react-email/components';
import { z } from 'zod';
import { emailWords } from './i18n';
import { Detail, EmailLayout, hello, REMINDER_BOX, sideBox, styles } from './layout';
import type { BrandProps } from './town-logo';

export interface AbsenceAcknowledgmentPayload {
  reference: string;
  parentName: string;
  childName: string;
  serviceLabel: string;
  siteName: string;
  /** ISO date-time */
  submittedAt: string;
  /** per date: the unit labels marked absent, e.g. 'Repas classique' */
  days: { date: string /* YYYY-MM-DD */; units: string[] }[];
  reason: 'maladie' | 'autre';
  details: string | null;
  /** absolute URL of the request's page (« Mes demandes »), where a certificate is added */
  link: string;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue au format AAAA-MM-JJ');

export const payloadSchema: z.ZodType<AbsenceAcknowledgmentPayload> = z.object({
  reference: z.string().min(1),
  parentName: z.string(),
  childName: z.string().min(1),
  serviceLabel: z.string().min(1),
  siteName: z.string(),
  submittedAt: z.iso.datetime({ offset: true }),
  days: z.array(z.object({ date: isoDate, units: z.array(z.string()) })),
  reason: z.enum(['maladie', 'autre']),
  details: z.string().nullable(),
  link: z.url({ protocol: /^https?$/ }),
});

export const subjectFields: z.ZodType<Pick<AbsenceAcknowledgmentPayload, 'reference'>> = z.object({
  reference: z.string().min(1),
});

/** 'Absence signalée : demande DEM-2026-000042' (in the recipient's language) */
export function subject(p: Pick<AbsenceAcknowledgmentPayload, 'reference'>, locale?: string): string {
  return emailWords(locale).t('absenceAck.subject', { reference: p.reference });
}

export default function AbsenceAcknowledgmentEmail(p: AbsenceAcknowledgmentPayload & BrandProps) {
  const w = emailWords(p.locale);
  return (
    <EmailLayout
      w={w}
      siteUrl={p.siteUrl}
      preview={w.t('absenceAck.preview', { reference: p.reference, child: p.childName })}
    >
      <Heading as="h1" style={styles.h1}>
        {w.t('absenceAck.heading')}
      </Heading>
      <Text style={styles.text}>{hello(w, p.parentName)}</Text>
      <Text style={styles.text}>{w.t('absenceAck.done', { child: p.childName })}</Text>
      <Section style={styles.details}>
        <Detail label={w.t('requestAck.reference')} value={p.reference} />
        <Detail label={w.t('requestAck.child')} value={p.childName} />
        <Detail label={w.t('requestAck.service')} value={w.label(p.serviceLabel)} />
        <Detail label={w.t('requestAck.site')} value={p.siteName} />
        <Detail label={w.t('requestAck.submittedAt')} value={w.dateTime(p.submittedAt)} />
        <Detail
          label={w.t('absenceAck.reason')}
          value={p.reason === 'maladie' ? w.t('absenceAck.illness') : `${w.t('absenceAck.other')} : ${p.details ?? ''}`}
        />
      </Section>
      <Section style={sideBox(w.dir, REMINDER_BOX)}>
        <Heading as="h2" style={styles.h2}>
          {w.t('absenceAck.days')}
        </Heading>
        {p.days.map((d) => (
          <Text key={d.date} style={styles.line}>
            <strong>{w.words.dateLong(d.date)}</strong>
            {` : ${d.units.map(w.label).join(', ')}`}
          </Text>
        ))}
      </Section>
      <Text style={styles.text}>{w.t(p.reason === 'maladie' ? 'absenceAck.nextIllness' : 'absenceAck.nextOther')}</Text>
      <Text style={styles.text}>
        <Link href={p.link} style={styles.link}>
          {w.t('absenceAck.seeRequest')}
        </Link>
      </Text>
    </EmailLayout>
  );
}

AbsenceAcknowledgmentEmail.PreviewProps = {
  reference: 'DEM-2026-000042',
  parentName: 'Claire Martin',
  childName: 'Léa Martin',
  serviceLabel: 'Restauration scolaire',
  siteName: 'École élémentaire Jules Ferry',
  submittedAt: '2026-11-29T09:05:00.000Z',
  days: [{ date: '2026-12-02', units: ['Repas classique'] }],
  reason: 'maladie',
  details: null,
  link: 'http://localhost:3000/mes-demandes/42',
} satisfies AbsenceAcknowledgmentPayload;
