// Sent to a family when the town closes a day on which their children were booked: the day, the site, the reason,
// and what was cancelled per child. Orange as in the recap's removals; the heading says it too, for readers without colour.
import { Heading, Link, Section, Text } from '@react-email/components';
import { z } from 'zod';
import { emailWords } from './i18n';
import { EmailLayout, hello, ORANGE, REMOVED_BOX, sideBox, styles } from './layout';
import type { BrandProps } from './town-logo';

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
export function subject(p: Pick<ClosureCancellationPayload, 'date' | 'until'>, locale?: string): string {
  const w = emailWords(locale);
  if (p.until !== undefined) return w.t('closure.subjectCalendar');
  return w.t('closure.subjectClosure', { date: w.words.dateLong(p.date) });
}

export default function ClosureCancellationEmail(p: ClosureCancellationPayload & BrandProps) {
  const w = emailWords(p.locale);
  const day = w.words.dateLong(p.date);
  const place =
    p.siteName === 'tous les sites' ? w.t('closure.allSites') : w.t('closure.oneSite', { site: p.siteName });
  const calendar = p.until !== undefined;
  const span =
    !calendar || p.until === p.date
      ? w.t('closure.onDay', { date: day })
      : w.t('closure.fromTo', { from: day, to: w.words.dateLong(p.until!) });
  return (
    <EmailLayout
      w={w}
      siteUrl={p.siteUrl}
      preview={calendar ? w.t('closure.previewCalendar') : w.t('closure.previewClosure', { date: day })}
      footerText={w.t('closure.footer')}
    >
      <Heading as="h1" style={styles.h1}>
        {w.t(calendar ? 'closure.headingCalendar' : 'closure.headingClosure')}
      </Heading>
      <Text style={styles.text}>{hello(w, p.parentName)}</Text>
      <Text style={styles.text}>
        {calendar ? w.t('closure.bodyCalendar', { span }) : w.t('closure.bodyClosure', { place, date: day })}
      </Text>
      {p.reason ? (
        <Text style={styles.text}>
          <strong>{w.t('closure.reason')}</strong>
          {` ${p.reason}`}
        </Text>
      ) : null}

      <Section style={sideBox(w.dir, REMOVED_BOX)}>
        <Heading as="h2" style={{ ...styles.h2, color: ORANGE }}>
          {w.t('closure.cancelled')}
        </Heading>
        {p.cancellations.map((c) => (
          <Text key={`${c.childName}|${c.serviceLabel}|${c.siteName}|${c.date ?? ''}`} style={styles.line}>
            <strong>{c.childName}</strong>
            {` – ${c.date ? `${w.words.dateLong(c.date)}, ` : ''}${w.label(c.serviceLabel)}, ${c.siteName} : ${c.units.map(w.label).join(', ')}`}
          </Text>
        ))}
      </Section>

      <Text style={styles.text}>
        <Link href={p.link} style={styles.link}>
          {w.t('closure.seePlannings')}
        </Link>
      </Text>
    </EmailLayout>
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
