// The Guichet famille decided on a declared absence: « Absence justifiée » (not billed) or « non justifiée » (billed),
// with the agent's reason.
import { Heading, Link, Section, Text } from '@react-email/components';
import { z } from 'zod';
import { emailWords } from './i18n';
import { Detail, EmailLayout, hello, styles } from './layout';
import type { BrandProps } from './town-logo';

export interface AbsenceDecisionPayload {
  reference: string;
  parentName: string;
  childName: string;
  justified: boolean;
  /** the agent's reason (required for « non justifiée ») */
  reason: string | null;
  /** absolute URL of the request's page */
  link: string;
}

export const payloadSchema: z.ZodType<AbsenceDecisionPayload> = z.object({
  reference: z.string().min(1),
  parentName: z.string(),
  childName: z.string().min(1),
  justified: z.boolean(),
  reason: z.string().nullable(),
  link: z.url({ protocol: /^https?$/ }),
});

export const subjectFields: z.ZodType<Pick<AbsenceDecisionPayload, 'reference' | 'justified'>> = z.object({
  reference: z.string().min(1),
  justified: z.boolean(),
});

export function subject(p: Pick<AbsenceDecisionPayload, 'reference' | 'justified'>, locale?: string): string {
  return emailWords(locale).t(p.justified ? 'absenceDecision.subjectJustified' : 'absenceDecision.subjectUnjustified', {
    reference: p.reference,
  });
}

export default function AbsenceDecisionEmail(p: AbsenceDecisionPayload & BrandProps) {
  const w = emailWords(p.locale);
  const status = w.t(p.justified ? 'absenceDecision.justified' : 'absenceDecision.unjustified');
  return (
    <EmailLayout w={w} siteUrl={p.siteUrl} preview={`${status} – ${p.reference}`}>
      <Heading as="h1" style={styles.h1}>
        {status}
      </Heading>
      <Text style={styles.text}>{hello(w, p.parentName)}</Text>
      <Text style={styles.text}>
        {w.t(p.justified ? 'absenceDecision.textJustified' : 'absenceDecision.textUnjustified', {
          child: p.childName,
        })}
      </Text>
      <Section style={styles.details}>
        <Detail label={w.t('requestAck.reference')} value={p.reference} />
        <Detail label={w.t('requestAck.child')} value={p.childName} />
        {p.reason ? <Detail label={w.t('absenceDecision.reason')} value={p.reason} /> : null}
      </Section>
      <Text style={styles.text}>
        <Link href={p.link} style={styles.link}>
          {w.t('absenceAck.seeRequest')}
        </Link>
      </Text>
    </EmailLayout>
  );
}

AbsenceDecisionEmail.PreviewProps = {
  reference: 'DEM-2026-000042',
  parentName: 'Claire Martin',
  childName: 'Léa Martin',
  justified: false,
  reason: 'Le certificat médical ne couvre pas cette date.',
  link: 'http://localhost:3000/mes-demandes/42',
} satisfies AbsenceDecisionPayload;
