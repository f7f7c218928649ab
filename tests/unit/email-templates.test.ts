// Every e-mail template renders, in French, from a sample payload its own schema accepts: a new template without a
// sample here fails. The templates of « Créer mon espace famille » are read more closely: the confirmation's link is
// live for the transport and masked in the copy kept, the notice to an existing owner says nothing was created.
import { describe, expect, it, vi } from 'vitest';
import { EMAIL_TEMPLATES, type EmailPayloads, type EmailTemplate } from '@/emails';
import AccountClosedEmail from '@/emails/account-closed';
import ClosureCancellationEmail from '@/emails/closure-cancellation';
import DeadlineReminderEmail from '@/emails/deadline-reminder';
import SiblingsAcknowledgmentEmail from '@/emails/siblings-acknowledgment';
import { emailSubject } from '@/lib/email/outbox';
import { renderEmail } from '@/lib/email/render';

const base = 'https://famille.belleval.fr';
const nonce = 'AAAAAAAAAAAAAAAAAAAAAA';

const SAMPLES: { [T in EmailTemplate]: EmailPayloads[T] } = {
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
};

describe('every e-mail template', () => {
  vi.stubEnv('AUTH_SECRET', 'a-secret-of-this-town-0123456789abcdef');

  it('has a sample here', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(EMAIL_TEMPLATES).sort());
  });

  for (const template of Object.keys(EMAIL_TEMPLATES) as EmailTemplate[]) {
    it(`${template}: renders in French, with its subject and the town's footer`, async () => {
      const email = await renderEmail(template, SAMPLES[template]);
      expect(email.subject.length).toBeGreaterThan(10);
      expect(emailSubject(template, SAMPLES[template])).toBe(email.subject);
      expect(email.html).toContain('lang="fr"');
      expect(email.text).toContain('Portail Famille');
      expect(email.text).not.toContain('undefined');
    });
  }
});

describe('the e-mails of « Créer mon espace famille »', () => {
  it('confirmation: the live link for the transport, « lien masqué » in the copy kept', async () => {
    vi.stubEnv('AUTH_SECRET', 'a-secret-of-this-town-0123456789abcdef');
    const email = await renderEmail('signup-confirmation', SAMPLES['signup-confirmation']);
    expect(email.subject).toBe('Confirmez votre adresse e-mail – Portail Famille');
    expect(email.text).toMatch(/https:\/\/famille\.belleval\.fr\/confirmer-mon-adresse\/[A-Za-z0-9_-]{43}/);
    expect(email.text).toContain('Bonjour Nadia Benali,');
    expect(email.text).toContain(
      "Ce lien ne sert qu'une fois et reste valable jusqu'au mardi 1 décembre 2026 à 10 h 00.",
    );
    expect(email.masked!.text).toContain('« lien masqué »');
    expect(email.masked!.text).not.toContain('/confirmer-mon-adresse/');
  });

  it('notice to the owner of an address already used: nothing created, the ways in', async () => {
    const { text } = await renderEmail('signup-existing-account', SAMPLES['signup-existing-account']);
    expect(text).toContain("Un compte existe déjà pour cette adresse : aucun nouvel espace n'a été créé.");
    expect(text).toContain(`${base}/connexion`);
    expect(text).toContain(`${base}/mot-de-passe-oublie`);
  });

  it('validation and refusal: the sector, the reason', async () => {
    expect((await renderEmail('family-validated', SAMPLES['family-validated'])).text).toContain(
      'Le Guichet famille a validé votre espace famille (secteur Nord).',
    );
    const refused = await renderEmail('family-refused', SAMPLES['family-refused']);
    expect(refused.subject).toBe("Votre demande d'espace famille n'a pas été acceptée – Portail Famille");
    expect(refused.text).toContain("L'adresse n'est pas sur la commune.");
  });
});
