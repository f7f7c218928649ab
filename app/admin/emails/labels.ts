// French wording of the back office's e-mail pages; to be moved into messages/fr.json (namespace "adminEmails").
import type { OutboxStatus } from '@/lib/email/queries';

export const EMAIL_LABELS = {
  title: 'E-mails',
  backOffice: 'Guichet famille',
  intro:
    "Les e-mails envoyés par le portail (accusés de réception des demandes). Un envoi qui échoue est retenté automatiquement (après 1, 2, 4 puis 8 minutes) ; après 5 échecs, il passe en « Échec » et peut être renvoyé.",
  transportResend: 'Les e-mails partent par Resend.',
  transportMailbox:
    "Aucune clé Resend n'est configurée : les e-mails ne partent pas, ils sont déposés dans la boîte aux lettres locale ci-dessous.",

  outboxTitle: "Boîte d'envoi",
  outboxCaption: "Boîte d'envoi, les plus récents d'abord ({count} au plus)",
  outboxEmpty: "Aucun e-mail dans la boîte d'envoi.",
  date: 'Date',
  to: 'Destinataire',
  subject: 'Sujet',
  templateAndSubject: 'Modèle et sujet',
  status: 'Statut',
  attempts: 'Tentatives',
  lastError: 'Dernière erreur',
  actions: 'Actions',
  nextAttempt: 'Prochain essai : {date}',
  sentAt: 'Envoyé le {date}',
  resend: 'Renvoyer',
  resendLabel: "Renvoyer l'e-mail à {to}",
  resent: "L'e-mail a été remis dans la file d'envoi.",
  resendRefused: "Cet e-mail n'est pas en échec : il n'a pas été remis dans la file.",
  unknownSubject: '(sujet indisponible)',

  mailboxTitle: 'Boîte aux lettres locale',
  mailboxCaption: "Boîte aux lettres locale, les plus récents d'abord ({count} au plus)",
  mailboxEmpty: 'Aucun message dans la boîte aux lettres locale.',
  open: 'Ouvrir',

  messageTitle: 'Message',
  backToEmails: 'Retour aux e-mails',
  headers: 'En-têtes',
  receivedAt: 'Déposé le',
  outboxRef: "N° dans la boîte d'envoi",
  textVersion: 'Version texte',
  htmlVersion: 'Version mise en forme',
  iframeTitle: "Contenu de l'e-mail",
} as const;

export const TEMPLATE_LABELS: Readonly<Record<string, string>> = {
  'request-acknowledgment': 'Accusé de réception',
};

export const STATUS_LABELS: Readonly<Record<OutboxStatus, string>> = {
  pending: 'En attente',
  sent: 'Envoyé',
  failed: 'Échec',
};

/** Replaces {name} placeholders, like next-intl will once the strings move to messages/fr.json. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
