// What every e-mail shares: the page (language and direction of the recipient: Arabic right to left), the town's logo,
// the house styles, the greeting and the closing line. A template writes only what it says. EmailLayout takes the
// recipient's words (emails/i18n.ts).
import { Body, Container, Head, Hr, Html, Preview, Text } from '@react-email/components';
import type { CSSProperties, ReactNode } from 'react';
import type { EmailWords } from './i18n';
import { TownLogo } from './town-logo';

// Colours with at least 4.5:1 contrast on their backgrounds.
export const GREEN = '#14532d';
export const ORANGE = '#7c2d12';

export const styles = {
  body: { backgroundColor: '#f1f5f9', fontFamily: 'Arial, Helvetica, sans-serif', color: '#0f172a', margin: 0 },
  container: { backgroundColor: '#ffffff', maxWidth: '600px', margin: '0 auto', padding: '24px' },
  h1: { fontSize: '22px', margin: '0 0 16px' },
  h2: { fontSize: '17px', margin: '0 0 8px' },
  h3: { fontSize: '15px', margin: '8px 0 4px' },
  text: { fontSize: '15px', lineHeight: '22px', margin: '0 0 12px' },
  small: { fontSize: '13px', lineHeight: '18px', margin: '0 0 12px', color: '#334155', wordBreak: 'break-all' },
  details: { margin: '8px 0 16px', padding: '12px 16px', backgroundColor: '#f8fafc', border: '1px solid #cbd5e1' },
  detail: { fontSize: '15px', lineHeight: '22px', margin: '0 0 4px' },
  line: { fontSize: '15px', lineHeight: '22px', margin: '0 0 4px' },
  link: { color: '#1d4ed8', textDecoration: 'underline', fontWeight: 'bold' },
  hr: { borderColor: '#cbd5e1', margin: '24px 0 12px' },
  masked: { fontSize: '13px', lineHeight: '18px', margin: '0 0 16px', padding: '8px', backgroundColor: '#fef3c7' },
  quote: {
    fontSize: '15px',
    lineHeight: '22px',
    margin: '0 0 12px',
    padding: '8px 12px',
    borderLeft: '4px solid #94a3b8',
  },
  footer: { fontSize: '13px', lineHeight: '18px', color: '#475569', margin: 0 },
  footerLink: { color: '#1d4ed8', textDecoration: 'underline' },
} satisfies Record<string, CSSProperties>;

export const ADDED_BOX: CSSProperties = { backgroundColor: '#dcfce7', borderColor: '#15803d' };
export const REMOVED_BOX: CSSProperties = { backgroundColor: '#ffedd5', borderColor: '#c2410c' };
export const REMINDER_BOX: CSSProperties = { backgroundColor: '#eff6ff', borderColor: '#1d4ed8' };

/**
 * A coloured box with a thick edge on the side the text starts from (left, or right in Arabic): mail clients do not
 * all know the logical border properties, so the side is chosen here.
 */
export function sideBox(dir: 'ltr' | 'rtl', colours: CSSProperties): CSSProperties {
  const side = dir === 'rtl' ? 'Right' : 'Left';
  const { borderColor, ...rest } = colours;
  return {
    margin: '0 0 16px',
    padding: '12px 16px',
    [`border${side}Width`]: '4px',
    [`border${side}Style`]: 'solid',
    [`border${side}Color`]: borderColor,
    ...rest,
  };
}

export function EmailLayout({
  w,
  preview,
  siteUrl,
  footerText,
  children,
}: {
  w: EmailWords;
  preview: string;
  siteUrl?: string;
  /** the closing line, when a template says more than « Ceci est un message automatique… » */
  footerText?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Html lang={w.locale} dir={w.dir}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ ...styles.body, direction: w.dir }}>
        <Container style={styles.container}>
          <TownLogo siteUrl={siteUrl} />
          {children}
          <Hr style={styles.hr} />
          <Text style={styles.footer}>{footerText ?? w.t('layout.footer')}</Text>
        </Container>
      </Body>
    </Html>
  );
}

/** « Bonjour Claire Martin, » (or « Bonjour, » without a name). */
export function hello(w: EmailWords, name: string): string {
  return name ? w.t('layout.hello', { name }) : w.t('layout.helloNobody');
}

/** One line of an e-mail's details box: « Référence : DEM-2027-000042 ». */
export function Detail({ label, value }: { label: string; value: string }) {
  return (
    <Text style={styles.detail}>
      <strong>{label}</strong>
      {` ${value}`}
    </Text>
  );
}
