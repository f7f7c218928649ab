// An invitation's state as « Comptes » and a family's page show it. The link's expiry is a security window: it is
// compared with the real clock (wallNow), as it was set, never with the demo clock (APP_NOW).
import 'server-only';

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

/** The « accounts » messages it needs. */
type InvitationMessages = (key: 'invited' | 'invitationExpired', values?: { date: string }) => string;

/** « Invitation envoyée, valable jusqu'au … », or the expired message when no link is valid any more. */
export function invitationStatus(t: InvitationMessages, expiresAt: Date | null, now: Date): string {
  return expiresAt && expiresAt > now ? t('invited', { date: dateTime.format(expiresAt) }) : t('invitationExpired');
}
