// The reminder a parent opted in to on Mon compte (lib/reminders): per child and service, the days that close to
// booking soon (their last change day falls this week, or tomorrow), each with what is booked on it.
import { Heading, Link, Section, Text } from '@react-email/components';
import { z } from 'zod';
import { emailWords } from './i18n';
import { EmailLayout, hello, REMINDER_BOX, sideBox, styles } from './layout';
import type { BrandProps } from './town-logo';

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
export function subject(p: Pick<DeadlineReminderPayload, 'kind'>, locale?: string): string {
  return emailWords(locale).t('reminder.subject', { kind: p.kind });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export default function DeadlineReminderEmail(p: DeadlineReminderPayload & BrandProps) {
  const w = emailWords(p.locale);
  const origin = new URL(p.link).origin;
  const footerText = (
    <>
      {w.t('reminder.why')}
      <Link href={`${origin}/mon-compte`} style={styles.footerLink}>
        {`${origin}/mon-compte`}
      </Link>
      {w.t('reminder.end')}
    </>
  );
  return (
    <EmailLayout w={w} siteUrl={p.siteUrl} preview={w.t('reminder.preview', { kind: p.kind })} footerText={footerText}>
      <Heading as="h1" style={styles.h1}>
        {subject(p, p.locale)}
      </Heading>
      <Text style={styles.text}>{hello(w, p.parentName)}</Text>
      <Text style={styles.text}>{w.t('reminder.intro', { kind: p.kind })}</Text>

      {p.groups.map((g) => (
        <Section key={`${g.childName}|${g.serviceLabel}|${g.siteName}`} style={sideBox(w.dir, REMINDER_BOX)}>
          <Heading as="h2" style={styles.h2}>
            {`${g.childName} – ${w.label(g.serviceLabel)}`}
          </Heading>
          {g.siteName ? <Text style={styles.small}>{g.siteName}</Text> : null}
          {g.days.map((d) => (
            <Text key={d.date} style={styles.line}>
              <strong>
                {w.t('reminder.day', {
                  date: capitalise(w.words.dateLong(d.date)),
                  booked:
                    d.booked === null ? w.t('layout.nothingBooked') : d.booked.split(', ').map(w.label).join(', '),
                })}
              </strong>
              {w.t('reminder.until', { date: w.words.dayMonth(d.lastChangeDay) })}
            </Text>
          ))}
        </Section>
      ))}

      <Text style={styles.text}>
        <Link href={p.link} style={styles.link}>
          {w.t('reminder.manage')}
        </Link>
      </Text>
    </EmailLayout>
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
