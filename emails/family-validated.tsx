// The Guichet famille validated a family that signed up (« Créer mon espace famille »): its space is open, the
// children can be enrolled.
import { Text } from '@react-email/components';
import { z } from 'zod';
import { EmailFrame, LinkBlock, styles } from './layout';
import type { BrandProps } from './town-logo';

export interface FamilyValidatedPayload {
  name: string;
  sectorName: string;
  /** Mon espace */
  link: string;
}

export const payloadSchema: z.ZodType<FamilyValidatedPayload> = z.object({
  name: z.string(),
  sectorName: z.string(),
  link: z.url({ protocol: /^https?$/ }),
});

export const subject = (): string => 'Votre espace famille est validé – Portail Famille';

export default function FamilyValidatedEmail(p: FamilyValidatedPayload & BrandProps) {
  return (
    <EmailFrame
      preview="Votre espace famille est validé : vous pouvez inscrire vos enfants."
      heading="Votre espace famille est validé"
      name={p.name}
      siteUrl={p.siteUrl}
    >
      <Text style={styles.text}>
        {`Le Guichet famille a validé votre espace famille (secteur ${p.sectorName}). Vous pouvez maintenant inscrire vos enfants à la restauration scolaire et aux accueils de loisirs, puis gérer leurs réservations.`}
      </Text>
      <LinkBlock href={p.link} label="Aller à Mon espace" />
    </EmailFrame>
  );
}

FamilyValidatedEmail.PreviewProps = {
  name: 'Nadia Benali',
  sectorName: 'Nord',
  link: 'http://localhost:3000/',
} satisfies FamilyValidatedPayload;
