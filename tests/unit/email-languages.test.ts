// The e-mails in the recipient's language (issue 14): an acknowledgment rendered in English and in Arabic reads its
// sentences, dates, services and units in that language, Arabic right to left (the coloured edge on the right); the
// names (child, site, reference) stay as they are, and French stays the default.
import { describe, expect, it } from 'vitest';
import type { RequestAcknowledgmentPayload } from '@/emails';
import { renderEmail } from '@/lib/email/render';

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
