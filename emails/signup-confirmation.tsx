// « Créer mon espace famille »: the single-use link that confirms the parent's address (48 hours). Until it is followed
// the account cannot sign in. The copy the portal keeps (local mailbox) is rendered with `link: null` (« lien masqué »).
import { Text } from '@react-email/components';
import { z } from 'zod';
import { accountLinkFields, formatExpiry, type AccountLinkFields, type AccountLinkProps } from './account-link';
import { EmailFrame, LinkBlock, styles } from './layout';
import type { BrandProps } from './town-logo';

export interface SignupConfirmationPayload extends AccountLinkFields {
  name: string;
  /** ISO date-time */
  expiresAt: string;
}

export const payloadSchema: z.ZodType<SignupConfirmationPayload> = z.object({
  name: z.string(),
  ...accountLinkFields,
  expiresAt: z.iso.datetime({ offset: true }),
});

export const subject = (): string => 'Confirmez votre adresse e-mail – Portail Famille';

/** Carries a single-use account link: rendered live for the transport and masked for the copy that is kept. */
export const accountLink = true;

export type SignupConfirmationEmailProps = AccountLinkProps<SignupConfirmationPayload>;

export default function SignupConfirmationEmail(p: SignupConfirmationEmailProps & BrandProps) {
  return (
    <EmailFrame
      preview="Confirmez votre adresse e-mail pour créer votre espace famille."
      heading="Confirmez votre adresse e-mail"
      name={p.name}
      siteUrl={p.siteUrl}
      masked={p.link === null}
    >
      <Text style={styles.text}>
        Vous venez de créer votre espace famille sur le Portail Famille. Pour confirmer votre adresse e-mail, suivez ce
        lien :
      </Text>
      <LinkBlock href={p.link} label="Confirmer mon adresse e-mail" />
      <Text
        style={styles.text}
      >{`Ce lien ne sert qu'une fois et reste valable jusqu'au ${formatExpiry(p.expiresAt)}.`}</Text>
      <Text style={styles.text}>
        Une fois votre adresse confirmée, vous pourrez vous connecter. Le Guichet famille vérifie ensuite votre dossier
        (adresse, secteur) : vous recevrez un e-mail dès que votre espace sera validé, et vous pourrez alors inscrire
        vos enfants.
      </Text>
      <Text style={styles.text}>
        Si vous n&apos;êtes pas à l&apos;origine de cette demande, ignorez ce message : sans confirmation, rien ne sera
        ouvert à votre nom.
      </Text>
    </EmailFrame>
  );
}

SignupConfirmationEmail.PreviewProps = {
  name: 'Nadia Benali',
  link: 'http://localhost:3000/confirmer-mon-adresse/exemple',
  expiresAt: '2026-12-01T09:00:00.000Z',
} satisfies SignupConfirmationEmailProps;
