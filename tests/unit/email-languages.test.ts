// The e-mails in the recipient's language (issue 14): an acknowledgment rendered in English and in Arabic reads its
// sentences, dates, services and units in that language, Arabic right to left (the coloured edge on the right); the
// names (child, site, reference) stay as they are, and French stays the default.
import { describe, expect, it, vi } from 'vitest';
import { EMAIL_TEMPLATES, type EmailTemplate, type RequestAcknowledgmentPayload } from '@/emails';
import { renderEmail } from '@/lib/email/render';
import { SAMPLES } from '../support/email-samples';

const payload: RequestAcknowledgmentPayload = {
  reference: 'DEM-2027-000042',
  kind: 'reservation',
  parentName: 'Claire Martin',
  childName: 'Léa Martin',
  serviceLabel: 'Accueil de loisirs du mercredi',
  siteName: 'Centre de loisirs Les Tilleuls',
  submittedAt: '2026-11-29T09:05:00.000Z',
  changes: [
    { date: '2027-01-13', added: ['Matin', 'Repas classique'], removed: [] },
    { date: '2027-01-20', added: [], removed: ['Après-midi'] },
  ],
  link: 'https://famille.belleval.example.fr/enfants/7',
  onBehalfOf: null,
};

describe('an acknowledgment in the recipient’s language', () => {
  it('in English', async () => {
    const email = await renderEmail('request-acknowledgment', payload, 'en');
    expect(email.subject).toBe('Acknowledgment of your request DEM-2027-000042');
    expect(email.html).toContain('lang="en"');
    expect(email.html).toContain('dir="ltr"');
    expect(email.text).toContain('Hello Claire Martin,');
    expect(email.text).toContain('Your booking request has been processed automatically.');
    expect(email.text).toContain('Wednesday leisure centre');
    expect(email.text).toContain('Sunday, 29 November 2026 at 10:05'); // 09:05 UTC is 10:05 in Paris
    expect(email.text).toContain('New bookings');
    expect(email.text).toContain('Wednesday, 13 January 2027 : Morning, Standard meal');
    expect(email.text).toContain('Former bookings removed');
    expect(email.text).toContain('Afternoon');
    expect(email.text).toContain("See Léa Martin's planning");
    expect(email.text).toContain('This is an automatic message from the Family Portal of the town of Belleval.');
    expect(email.text).not.toMatch(/Bonjour|Matin|Nouvelles réservations/);
  });

  it('in Arabic, right to left', async () => {
    const email = await renderEmail('request-acknowledgment', payload, 'ar');
    expect(email.subject).toBe('إشعار باستلام طلبك DEM-2027-000042');
    expect(email.html).toContain('lang="ar"');
    expect(email.html).toContain('dir="rtl"');
    expect(email.html).toContain('border-right-width:4px');
    expect(email.html).not.toContain('border-left-width');
    expect(email.text).toContain('مرحبًا Claire Martin،');
    expect(email.text).toContain('مركز الترفيه يوم الأربعاء');
    expect(email.text).toContain('حجوزات جديدة');
    expect(email.text).toContain('الصباح، وجبة عادية'.replace('، ', ', '));
    expect(email.text).toContain('الأربعاء، 13 يناير 2027');
    expect(email.text).toContain('Centre de loisirs Les Tilleuls');
    expect(email.text).not.toMatch(/Bonjour|Matin|Nouvelles réservations/);
  });

  it('in French by default, and for a language the portal does not offer', async () => {
    for (const locale of [undefined, 'de']) {
      const email = await renderEmail('request-acknowledgment', payload, locale);
      expect(email.subject).toBe('Accusé de réception de votre demande DEM-2027-000042');
      expect(email.html).toContain('lang="fr"');
      expect(email.text).toContain('mercredi 13 janvier 2027 : Matin, Repas classique');
    }
  });

  it('says a password-reset link’s expiry in Arabic, its link masked in the kept copy', async () => {
    const email = await renderEmail(
      'password-reset',
      {
        name: 'Samira Haddad',
        linkBase: 'https://famille.belleval.example.fr/reinitialisation/',
        nonce: 'AAAAAAAAAAAAAAAAAAAAAA',
        expiresAt: '2026-11-29T10:00:00.000Z',
      },
      'ar',
    );
    expect(email.subject).toBe('بوابة الأسرة: اختر كلمة مرور جديدة');
    expect(email.text).toContain('الأحد، 29 نوفمبر 2026 على الساعة 11:00');
    expect(email.masked!.text).toContain('«رابط مخفي»');
  });
});

/** Words only a French e-mail has: the greeting, the closing line, the portal's and a link's French names. */
const FRENCH =
  /Bonjour|Ceci est un message automatique|Portail Famille|Si le lien ne s'ouvre pas|Mot de passe|espace famille/;

describe('every e-mail in English and in Arabic', () => {
  vi.stubEnv('AUTH_SECRET', 'a-secret-of-this-town-0123456789abcdef');

  for (const template of Object.keys(EMAIL_TEMPLATES) as EmailTemplate[]) {
    it(`${template}: English left to right, Arabic right to left, no French sentence`, async () => {
      const en = await renderEmail(template, SAMPLES[template], 'en');
      expect(en.html).toContain('lang="en"');
      expect(en.html).toContain('dir="ltr"');
      expect(en.text).toContain('Family Portal');
      expect(`${en.subject}\n${en.text}`).not.toMatch(FRENCH);
      const ar = await renderEmail(template, SAMPLES[template], 'ar');
      expect(ar.html).toContain('lang="ar"');
      expect(ar.html).toContain('dir="rtl"');
      expect(ar.text).toContain('بوابة الأسرة');
      expect(`${ar.subject}\n${ar.text}`).not.toMatch(FRENCH);
    });
  }
});

describe('the e-mails of « Créer mon espace famille » and « Mes données » in the recipient’s language', () => {
  vi.stubEnv('AUTH_SECRET', 'a-secret-of-this-town-0123456789abcdef');

  it('the sign-up’s confirmation in English, its expiry in English, its link masked in the kept copy', async () => {
    const email = await renderEmail('signup-confirmation', SAMPLES['signup-confirmation'], 'en');
    expect(email.subject).toBe('Confirm your e-mail address – Family Portal');
    expect(email.text).toContain('Hello Nadia Benali,');
    expect(email.text).toContain(
      'This link works only once and remains valid until Tuesday, 1 December 2026 at 10:00.',
    );
    expect(email.text).toMatch(/\/confirmer-mon-adresse\/[A-Za-z0-9_-]{43}/);
    expect(email.masked!.text).toContain('“link masked”');
    expect(email.masked!.text).not.toContain('/confirmer-mon-adresse/');
  });

  it('the notice to an existing account’s owner in Arabic', async () => {
    const email = await renderEmail('signup-existing-account', SAMPLES['signup-existing-account'], 'ar');
    expect(email.subject).toBe('بوابة الأسرة: يوجد حساب بعنوانك من قبل');
    expect(email.text).toContain('مرحبًا،');
    expect(email.text).toContain('لم يُنشأ أي فضاء جديد');
    expect(email.text).toContain('https://famille.belleval.fr/mot-de-passe-oublie');
  });

  it('the validation (the sector’s name as written) and the refusal (the agent’s reason as written)', async () => {
    const validated = await renderEmail('family-validated', SAMPLES['family-validated'], 'en');
    expect(validated.text).toContain('The Guichet famille has validated your family space (sector Nord).');
    const refused = await renderEmail('family-refused', SAMPLES['family-refused'], 'ar');
    expect(refused.subject).toBe('لم يُقبل طلب فضاء أسرتك – بوابة الأسرة');
    expect(refused.text).toContain("L'adresse n'est pas sur la commune.");
    expect(refused.html).toContain('border-right:4px solid');
    expect(refused.html).not.toContain('border-left');
  });

  it('the closure’s notice in the language its payload kept, the account’s address being erased', async () => {
    const payload = { ...SAMPLES['account-closed'], locale: 'ar' as const };
    const email = await renderEmail('account-closed', payload);
    expect(email.subject).toBe('حسابك على بوابة الأسرة مغلق');
    expect(email.html).toContain('dir="rtl"');
    expect(email.text).toContain('الثلاثاء، 1 ديسمبر 2026');
    // an account found with a language of its own wins; without either, French
    expect((await renderEmail('account-closed', payload, 'en')).text).toContain('on Tuesday, 1 December 2026.');
    expect((await renderEmail('account-closed', SAMPLES['account-closed'])).text).toContain('le mardi 1 décembre 2026');
  });
});
