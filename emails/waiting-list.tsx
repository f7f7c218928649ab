// « Liste d'attente »: a place freed and the waiting child was booked (« Une place s'est libérée », with the
// promotion's reference and the 48 hours during which the family may still cancel that day), or an agent removed the
// child from the list, with the reason.
import { Heading, Link, Section, Text } from '@react-email/components';
import { z } from 'zod';
import { emailWords } from './i18n';
import { Detail, EmailLayout, hello, styles } from './layout';
import type { BrandProps } from './town-logo';

export interface WaitingListPayload {
  kind: 'promoted' | 'removed';
  /** the promotion's reference (promoted), null when removed */
  reference: string | null;
  parentName: string;
  childName: string;
  /** French labels, said again in the e-mail's language */
  serviceLabel: string;
  siteName: string;
  date: string;
  units: string[];
  /** promoted: until when the day may be cancelled without the deadline (ISO instant) */
  cancelUntil: string | null;
  /** removed: the agent's reason */
  reason: string | null;
  /** absolute URL: the promotion's page in Mes demandes, or the child's page */
  link: string;
}

export const payloadSchema: z.ZodType<WaitingListPayload> = z.object({
  kind: z.enum(['promoted', 'removed']),
  reference: z.string().min(1).nullable(),
  parentName: z.string(),
  childName: z.string().min(1),
  serviceLabel: z.string().min(1),
  siteName: z.string(),
  date: z.iso.date(),
  units: z.array(z.string().min(1)).min(1),
  cancelUntil: z.iso.datetime({ offset: true }).nullable(),
  reason: z.string().nullable(),
  link: z.url({ protocol: /^https?$/ }),
});

type SubjectFields = Pick<WaitingListPayload, 'kind' | 'childName'>;
export const subjectFields: z.ZodType<SubjectFields> = z.object({
  kind: z.enum(['promoted', 'removed']),
  childName: z.string().min(1),
});

export function subject(p: SubjectFields, locale?: string): string {
  return emailWords(locale).t(p.kind === 'promoted' ? 'waitingList.subjectPromoted' : 'waitingList.subjectRemoved', {
    child: p.childName,
  });
}

export default function WaitingListEmail(p: WaitingListPayload & BrandProps) {
  const w = emailWords(p.locale);
  const promoted = p.kind === 'promoted';
  const heading = w.t(promoted ? 'waitingList.headingPromoted' : 'waitingList.headingRemoved');
  const day = w.words.dateLong(p.date);
  const units = p.units.map((u) => w.label(u)).join(' + ');
  return (
    <EmailLayout w={w} siteUrl={p.siteUrl} preview={`${heading} – ${p.childName}, ${day}`}>
      <Heading as="h1" style={styles.h1}>
        {heading}
      </Heading>
      <Text style={styles.text}>{hello(w, p.parentName)}</Text>
      <Text style={styles.text}>
        {w.t(promoted ? 'waitingList.textPromoted' : 'waitingList.textRemoved', {
          child: p.childName,
          date: day,
          units,
        })}
      </Text>
      <Section style={styles.details}>
        {p.reference ? <Detail label={w.t('requestAck.reference')} value={p.reference} /> : null}
        <Detail label={w.t('requestAck.child')} value={p.childName} />
        <Detail label={w.t('requestAck.service')} value={w.label(p.serviceLabel)} />
        <Detail label={w.t('requestAck.site')} value={p.siteName} />
        <Detail label={w.t('waitingList.day')} value={`${day} : ${units}`} />
        {p.reason ? <Detail label={w.t('waitingList.reason')} value={p.reason} /> : null}
      </Section>
      {promoted && p.cancelUntil ? (
        <Text style={styles.text}>{w.t('waitingList.cancelUntil', { until: w.dateTime(p.cancelUntil) })}</Text>
      ) : null}
      <Text style={styles.text}>
        <Link href={p.link} style={styles.link}>
          {w.t(promoted ? 'waitingList.seeRequest' : 'waitingList.seeChild')}
        </Link>
      </Text>
    </EmailLayout>
  );
}

WaitingListEmail.PreviewProps = {
  kind: 'promoted',
  reference: 'DEM-2026-000042',
  parentName: 'Marc Petit',
  childName: 'Jules Petit',
  serviceLabel: 'Accueil de loisirs des vacances',
  siteName: 'Accueil de loisirs Les Tilleuls',
  date: '2027-02-08',
  units: ['Matin'],
  cancelUntil: '2026-12-01T09:00:00.000Z',
  reason: null,
  link: 'http://localhost:3000/mes-demandes/42',
} satisfies WaitingListPayload;
