// One sample payload per e-mail template, each accepted by its template's schema: the templates' tests render them
// (tests/unit/email-templates.test.ts in French, tests/unit/email-languages.test.ts in English and Arabic).
import type { EmailPayloads, EmailTemplate } from '@/emails';
import AccountClosedEmail from '@/emails/account-closed';
import ClosureCancellationEmail from '@/emails/closure-cancellation';
import DeadlineReminderEmail from '@/emails/deadline-reminder';
import SiblingsAcknowledgmentEmail from '@/emails/siblings-acknowledgment';
import WaitingListEmail from '@/emails/waiting-list';

export const base = 'https://famille.belleval.fr';
const nonce = 'AAAAAAAAAAAAAAAAAAAAAA';

export const SAMPLES: { [T in EmailTemplate]: EmailPayloads[T] } = {
  'request-acknowledgment': {
    reference: 'DEM-2027-000042',
    kind: 'reservation',
    parentName: 'Claire Martin',
    childName: 'Léa Martin',
    serviceLabel: 'Accueil de loisirs du mercredi',
    siteName: 'Centre de loisirs Les Tilleuls',
    submittedAt: '2026-11-29T09:05:00.000Z',
    changes: [{ date: '2027-01-13', added: ['Matin'], removed: [] }],
    link: `${base}/enfants/7`,
    onBehalfOf: null,
    waiting: [{ date: '2027-02-08', units: ['Matin', 'Repas classique'], position: 2 }],
  },
  // the previews of React Email's dev server are payloads too
  'siblings-acknowledgment': SiblingsAcknowledgmentEmail.PreviewProps,
  'closure-cancellation': ClosureCancellationEmail.PreviewProps,
  'deadline-reminder': DeadlineReminderEmail.PreviewProps,
  'account-closed': AccountClosedEmail.PreviewProps,
  invitation: {
    name: 'Claire Martin',
    role: 'parent',
    linkBase: `${base}/activation/`,
    nonce,
    expiresAt: '2026-12-06T09:00:00.000Z',
  },
  'password-reset': {
    name: 'Claire Martin',
    linkBase: `${base}/reinitialisation/`,
    nonce,
    expiresAt: '2026-11-29T10:00:00.000Z',
  },
  'signup-confirmation': {
    name: 'Nadia Benali',
    linkBase: `${base}/confirmer-mon-adresse/`,
    nonce,
    expiresAt: '2026-12-01T09:00:00.000Z',
  },
  'signup-existing-account': { link: `${base}/connexion`, resetLink: `${base}/mot-de-passe-oublie` },
  'family-validated': { name: 'Nadia Benali', sectorName: 'Nord', link: `${base}/` },
  'family-refused': { name: 'Nadia Benali', reason: "L'adresse n'est pas sur la commune.", link: `${base}/contact` },
  'absence-acknowledgment': {
    reference: 'DEM-2026-000043',
    parentName: 'Claire Martin',
    childName: 'Léa Martin',
    serviceLabel: 'Restauration scolaire',
    siteName: 'École élémentaire Jules Ferry',
    submittedAt: '2026-11-29T09:05:00.000Z',
    days: [{ date: '2026-12-02', units: ['Repas classique'] }],
    reason: 'autre',
    details: 'Rendez-vous chez le dentiste',
    link: `${base}/mes-demandes/43`,
  },
  'absence-decision': {
    reference: 'DEM-2026-000043',
    parentName: 'Claire Martin',
    childName: 'Léa Martin',
    justified: false,
    reason: 'Le certificat ne couvre pas cette date.',
    link: `${base}/mes-demandes/43`,
  },
  'waiting-list': WaitingListEmail.PreviewProps,
};
