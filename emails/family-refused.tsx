// The Guichet famille refused a family's sign-up (« Créer mon espace famille »), with its reason.
import { Text } from '@react-email/components';
import { z } from 'zod';
import { EmailFrame, LinkBlock, styles } from './layout';
import type { BrandProps } from './town-logo';

export interface FamilyRefusedPayload {
  name: string;
  reason: string;
  /** the portal's Contact page */
  link: string;
}

export const payloadSchema: z.ZodType<FamilyRefusedPayload> = z.object({
  name: z.string(),
  reason: z.string().min(1),
  link: z.url({ protocol: /^https?$/ }),
});

export const subject = (): string => "Votre demande d'espace famille n'a pas été acceptée – Portail Famille";

export default function FamilyRefusedEmail(p: FamilyRefusedPayload & BrandProps) {
  return (
    <EmailFrame
      preview="Le Guichet famille n'a pas pu valider votre espace famille."
      heading="Votre demande d'espace famille n'a pas été acceptée"
      name={p.name}
      siteUrl={p.siteUrl}
    >
      <Text style={styles.text}>Le Guichet famille n&apos;a pas pu valider votre espace famille, pour ce motif :</Text>
      <Text style={styles.quote}>{p.reason}</Text>
      <Text style={styles.text}>
        Pour en parler ou compléter votre dossier, prenez contact avec le Guichet famille de la mairie :
      </Text>
      <LinkBlock href={p.link} label="Contacter le Guichet famille" />
    </EmailFrame>
  );
}

FamilyRefusedEmail.PreviewProps = {
  name: 'Nadia Benali',
  reason: "L'adresse indiquée n'est pas sur la commune de Belleval.",
  link: 'http://localhost:3000/contact',
} satisfies FamilyRefusedPayload;
