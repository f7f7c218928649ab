// « Créer mon espace famille » with an address that already has an account: the page answered as for any address (no
// one learns which addresses have an account), nothing was created, and the owner is told here, with the way in.
import { Text } from '@react-email/components';
import { z } from 'zod';
import { EmailFrame, LinkBlock, styles } from './layout';
import type { BrandProps } from './town-logo';

export interface SignupExistingAccountPayload {
  /** Connexion */
  link: string;
  /** « Mot de passe oublié ? » */
  resetLink: string;
}

export const payloadSchema: z.ZodType<SignupExistingAccountPayload> = z.object({
  link: z.url({ protocol: /^https?$/ }),
  resetLink: z.url({ protocol: /^https?$/ }),
});

export const subject = (): string => 'Portail Famille : un compte existe déjà avec votre adresse';

export default function SignupExistingAccountEmail(p: SignupExistingAccountPayload & BrandProps) {
  return (
    <EmailFrame
      preview="Quelqu'un a demandé à créer un espace famille avec votre adresse."
      heading="Un compte existe déjà avec votre adresse"
      siteUrl={p.siteUrl}
    >
      <Text style={styles.text}>
        Quelqu&apos;un vient de demander à créer un espace famille sur le Portail Famille avec votre adresse e-mail. Un
        compte existe déjà pour cette adresse : aucun nouvel espace n&apos;a été créé.
      </Text>
      <Text style={styles.text}>Si c&apos;était vous, connectez-vous avec votre adresse et votre mot de passe :</Text>
      <LinkBlock href={p.link} label="Me connecter" />
      <Text style={styles.text}>Mot de passe oublié, ou jamais choisi ? Demandez un lien pour en choisir un :</Text>
      <LinkBlock href={p.resetLink} label="Mot de passe oublié ?" />
      <Text style={styles.text}>
        Si vous n&apos;êtes pas à l&apos;origine de cette demande, ignorez ce message : votre compte n&apos;a pas
        changé.
      </Text>
    </EmailFrame>
  );
}

SignupExistingAccountEmail.PreviewProps = {
  link: 'http://localhost:3000/connexion',
  resetLink: 'http://localhost:3000/mot-de-passe-oublie',
} satisfies SignupExistingAccountPayload;
