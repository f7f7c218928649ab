// The accusé de réception a parent reads: French, the reference, every change by date written in full,
// additions in green and removals in orange, and the link to the child's planning.
import { describe, expect, it } from 'vitest';
import type { RequestAcknowledgmentPayload } from '@/emails';
import { emailSubject } from '@/lib/email/outbox';
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
    { date: '2027-01-20', added: [], removed: ['Après-midi'] },
    { date: '2027-01-13', added: ['Matin', 'Repas classique'], removed: [] },
    { date: '2027-01-27', added: ['Repas sans viande'], removed: ['Repas classique'] },
  ],
  link: 'https://famille.belleval.example.fr/enfants/7',
  onBehalfOf: null,
};

/** The HTML between a heading and the next section, to check what sits under it. */
function sectionAfter(html: string, heading: string): string {
  const start = html.indexOf(heading);
  expect(start).toBeGreaterThan(-1);
  const end = html.indexOf('</table>', start);
  return html.slice(start, end);
}

describe('the acknowledgment of a reservation request', () => {
  it('has the reference in its subject', async () => {
    const email = await renderEmail('request-acknowledgment', payload);
    expect(email.subject).toBe('Accusé de réception de votre demande DEM-2027-000042');
    expect(emailSubject('request-acknowledgment', payload)).toBe(email.subject);
  });

  it('greets the parent and says the request was processed, in French', async () => {
    const { html, text } = await renderEmail('request-acknowledgment', payload);
    expect(html).toContain('lang="fr"');
    for (const version of [html, text]) {
      expect(version).toContain('Bonjour Claire Martin,');
      expect(version).toContain('Votre demande de réservation a bien été traitée automatiquement.');
      expect(version).toContain('DEM-2027-000042');
      expect(version).toContain('Léa Martin');
      expect(version).toContain('Accueil de loisirs du mercredi');
      expect(version).toContain('Centre de loisirs Les Tilleuls');
      expect(version).toContain('dimanche 29 novembre 2026 à 10 h 05'); // 09:05 UTC is 10:05 in Paris
      expect(version).toContain('Ceci est un message automatique du Portail Famille de la ville de Belleval.');
    }
  });

  it('lists the additions in green and the removals in orange, each date written in full', async () => {
    const { html, text } = await renderEmail('request-acknowledgment', payload);
    const added = sectionAfter(html, 'Nouvelles réservations');
    const removed = sectionAfter(html, 'Anciennes réservations supprimées');
    expect(html).toMatch(/color:#14532d[^>]*>Nouvelles réservations/);
    expect(html).toMatch(/color:#7c2d12[^>]*>Anciennes réservations supprimées/);
    expect(html).toMatch(/background-color:#dcfce7[^"]*"[^>]*>[\s\S]*Nouvelles réservations/);

    expect(added).toContain('mercredi 13 janvier 2027');
    expect(added).toContain('Matin, Repas classique');
    expect(added).toContain('mercredi 27 janvier 2027');
    expect(added).toContain('Repas sans viande');
    expect(added).not.toContain('mercredi 20 janvier 2027');

    expect(removed).toContain('mercredi 20 janvier 2027');
    expect(removed).toContain('Après-midi');
    expect(removed).toContain('mercredi 27 janvier 2027');
    expect(removed).not.toContain('mercredi 13 janvier 2027');

    // dates in order, and the same content in the text version
    expect(added.indexOf('13 janvier')).toBeLessThan(added.indexOf('27 janvier'));
    expect(text).toContain('Nouvelles réservations');
    expect(text).toContain('mercredi 13 janvier 2027 : Matin, Repas classique');
    expect(text).toContain('Anciennes réservations supprimées');
    expect(text).toContain('mercredi 20 janvier 2027 : Après-midi');
  });

  it("links to the child's planning", async () => {
    const { html, text } = await renderEmail('request-acknowledgment', payload);
    expect(html).toMatch(
      /<a [^>]*href="https:\/\/famille\.belleval\.example\.fr\/enfants\/7"[^>]*>Voir le planning de Léa Martin<\/a>/,
    );
    expect(text).toContain('Voir le planning de Léa Martin https://famille.belleval.example.fr/enfants/7');
  });

  it('leaves out an empty section', async () => {
    const { html } = await renderEmail('request-acknowledgment', {
      ...payload,
      changes: [{ date: '2027-01-13', added: ['Matin'], removed: [] }],
    });
    expect(html).toContain('Nouvelles réservations');
    expect(html).not.toContain('Anciennes réservations supprimées');
  });
});

describe('the acknowledgment of an enrolment request', () => {
  it('speaks of an inscription, and of the agent who booked at the desk', async () => {
    const { text } = await renderEmail('request-acknowledgment', {
      ...payload,
      kind: 'inscription',
      changes: [],
      onBehalfOf: 'Agnès Durand',
    });
    expect(text).toContain("Votre demande d'inscription a bien été traitée automatiquement.");
    expect(text).toContain('Elle a été saisie pour vous au Guichet famille par Agnès Durand.');
    expect(text).not.toContain('Nouvelles réservations');
  });
});

describe('a stored payload that does not fit its template', () => {
  it('is refused with the field named, not rendered half-empty', async () => {
    await expect(renderEmail('request-acknowledgment', { ...payload, reference: undefined })).rejects.toThrow(
      /reference/,
    );
    await expect(renderEmail('request-acknowledgment', { ...payload, link: 'javascript:alert(1)' })).rejects.toThrow(
      /link/,
    );
    await expect(renderEmail('inconnu', payload)).rejects.toThrow(/Modèle d'e-mail inconnu/);
    expect(emailSubject('request-acknowledgment', { nope: true })).toBeNull();
  });

  it('escapes what the parent typed', async () => {
    const { html } = await renderEmail('request-acknowledgment', {
      ...payload,
      parentName: '<script>alert(1)</script>',
    });
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;');
  });
});
