// The town's logo at the top of every e-mail: a PNG (mail clients do not all show SVG) at an absolute address on the
// portal, the one its links point to (the outbox stores absolute links; render.ts passes their origin as `siteUrl`).
import { Img, Section } from '@react-email/components';

/** What every template is shown besides its payload: the portal's address, for the logo, and the recipient's language. */
export interface BrandProps {
  /** e.g. 'https://famille.belleval.fr', without a trailing slash */
  siteUrl?: string;
  /** the recipient account's language (emails/i18n.ts); French when absent */
  locale?: string;
}

export const LOGO_PATH = '/logo-email.png';
export const LOGO_ALT = 'Ville de Belleval – Portail Famille';

export function TownLogo({ siteUrl }: BrandProps) {
  if (!siteUrl) return null;
  return (
    <Section style={{ margin: '0 0 16px' }}>
      <Img src={`${siteUrl}${LOGO_PATH}`} width="260" height="64" alt={LOGO_ALT} style={{ display: 'block' }} />
    </Section>
  );
}
