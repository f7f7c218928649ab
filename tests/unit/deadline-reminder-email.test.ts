// The reminder before the deadline a parent reads (real React Email rendering): French, the heading as the subject,
// per child and service the days closing with what is booked or « rien de réservé », and the way to stop it.
import { describe, expect, it } from 'vitest';
import type { DeadlineReminderPayload } from '@/emails';
import { emailSubject } from '@/lib/email/outbox';
import { renderEmail } from '@/lib/email/render';

const weekly: DeadlineReminderPayload = {
  kind: 'weekly',
  parentName: 'Claire Martin',
  groups: [
    {
      childName: 'Léa Martin',
      serviceLabel: 'Restauration scolaire',
      siteName: 'École Victor Hugo',
      days: [
        { date: '2027-01-19', booked: 'Repas classique', lastChangeDay: '2027-01-04' },
        { date: '2027-01-21', booked: null, lastChangeDay: '2027-01-06' },
      ],
    },
    {
      childName: 'Léa Martin',
      serviceLabel: 'Accueil de loisirs du mercredi',
      siteName: 'Accueil de loisirs Les Tilleuls',
      days: [{ date: '2027-01-20', booked: 'Matin, Repas classique', lastChangeDay: '2027-01-05' }],
    },
  ],
  link: 'https://famille.belleval.example.fr/',
};

describe('the weekly reminder', () => {
  it('has « Ces jours ferment cette semaine à la réservation » as subject and heading', async () => {
    const email = await renderEmail('deadline-reminder', weekly);
    expect(email.subject).toBe('Ces jours ferment cette semaine à la réservation');
    expect(emailSubject('deadline-reminder', weekly)).toBe(email.subject);
    expect(email.html).toMatch(/<h1[^>]*>Ces jours ferment cette semaine à la réservation<\/h1>/);
    expect(email.html).toContain('lang="fr"');
  });

  it('lists per child and service each day in words, with what is booked or « rien de réservé »', async () => {
    const { html, text } = await renderEmail('deadline-reminder', weekly);
    for (const version of [html.replaceAll('&#x27;', "'"), text]) {
      expect(version).toContain('Bonjour Claire Martin,');
      expect(version).toContain('Léa Martin – Restauration scolaire');
      expect(version).toContain('École Victor Hugo');
      expect(version).toContain('Mardi 19 janvier 2027 : Repas classique');
      expect(version).toContain("modifiable jusqu'au lundi 4 janvier");
      expect(version).toContain('Jeudi 21 janvier 2027 : rien de réservé');
      expect(version).toContain('Léa Martin – Accueil de loisirs du mercredi');
      expect(version).toContain('« Aucun rappel »');
      expect(version).toContain('https://famille.belleval.example.fr/mon-compte');
      expect(version).toContain('Ceci est un message automatique du Portail Famille de la ville de Belleval.');
    }
    // one line per day in the text version
    expect(text).toContain("Mercredi 20 janvier 2027 : Matin, Repas classique – modifiable jusqu'au mardi 5 janvier");
    // the canteen's days come before the Wednesdays, as given
    expect(text.indexOf('Restauration scolaire')).toBeLessThan(text.indexOf('Accueil de loisirs du mercredi'));
  });
});

describe('the reminder the day before', () => {
  it('says tomorrow', async () => {
    const { subject, text } = await renderEmail('deadline-reminder', { ...weekly, kind: 'eve' });
    expect(subject).toBe('Ces jours ferment demain à la réservation');
    expect(text).toContain('Demain est le dernier jour pour réserver, modifier ou annuler les jours ci-dessous.');
  });
});

describe('a bad payload', () => {
  it('fails loudly in the outbox: no group, or a javascript: link', async () => {
    await expect(renderEmail('deadline-reminder', { ...weekly, groups: [] })).rejects.toThrow(/deadline-reminder/);
    await expect(renderEmail('deadline-reminder', { ...weekly, link: 'javascript:alert(1)' })).rejects.toThrow(
      /deadline-reminder/,
    );
  });
});
