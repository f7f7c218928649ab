// The Journal's before and after in French (lib/audit/describe.ts): labels, the domain's words, the names behind ids.
import { describe, expect, it } from 'vitest';
import { collectAuditRefs, describeAudit, emptyAuditNames, type AuditRef } from '@/lib/audit/describe';

const names = () => {
  const n = emptyAuditNames();
  n.child.set(1, 'Léa Martin');
  n.site.set(3, 'Les Tilleuls');
  n.schoolYear.set(2, '2026-2027');
  return n;
};
const text = (lines: ReturnType<typeof describeAudit>) =>
  lines.map((l) => `${l.label} : ${l.value}${l.items ? ` [${l.items.join(' | ')}]` : ''}`);

describe('the Journal in French', () => {
  it('says a démarche with the child’s name, the service and the days with their units, never English keys', () => {
    const missing = new Set<string>();
    const lines = describeAudit(
      {
        service: 'mercredi',
        childId: 1,
        reference: 'DEM-2027-000001',
        added: [
          { date: '2027-02-08', unit: 'matin' },
          { date: '2027-02-08', unit: 'repas_classique' },
          { date: '2027-02-10', unit: 'apres_midi' },
        ],
        reason: null,
      },
      { action: 'reservations.replace', entity: 'request' },
      names(),
      missing,
    );
    expect(text(lines)).toEqual([
      'Référence : DEM-2027-000001',
      'Enfant : Léa Martin',
      'Service : Accueil de loisirs du mercredi',
      'Ajouté : 2 [lundi 8 février 2027 : Matin, Repas classique | mercredi 10 février 2027 : Après-midi]',
      'Motif : aucun',
    ]);
    expect(missing).toEqual(new Set());
    expect(JSON.stringify(lines)).not.toMatch(/childId|added|repas_classique|"mercredi"/);
  });

  it('reads a status in the list of its object, an instant in Paris time, yes and no', () => {
    expect(text(describeAudit({ status: 'pending' }, { action: 'family.signup', entity: 'family' }, names()))).toEqual([
      'Statut : En attente de validation',
    ]);
    expect(
      text(describeAudit({ status: 'justified' }, { action: 'absence.decide', entity: 'request' }, names())),
    ).toEqual(['Statut : Absence justifiée']);
    expect(
      text(
        describeAudit(
          { opensAt: '2027-05-04T06:00:00.000Z', emailConfirmed: true, hadPassword: false },
          { action: 'booking_opening.set', entity: 'booking_opening' },
          names(),
        ),
      ),
    ).toEqual([
      'Adresse e-mail confirmée : oui',
      'Mot de passe déjà choisi : non',
      'Ouverture le : 4 mai 2027 à 08:00',
    ]);
  });

  it('names a reservation cancelled by a closure with its child and site, and a bare list as « Réservations »', () => {
    const lines = describeAudit(
      [{ id: 9, childId: 1, siteId: 3, service: 'vacances', date: '2027-02-12', unit: 'matin' }],
      { action: 'reservations.cancel_closure', entity: 'closure' },
      names(),
    );
    expect(text(lines)).toEqual(['Réservations : 1 [Léa Martin – vendredi 12 février 2027 : Matin (Les Tilleuls)]']);
  });

  it('reports a field or a code it cannot say in French (the integration tests fail on it)', () => {
    const missing = new Set<string>();
    const lines = describeAudit(
      { colour: 'blue', role: 'pirate' },
      { action: 'account.create', entity: 'account' },
      names(),
      missing,
    );
    expect(missing).toEqual(new Set(['field colour', 'code role=pirate']));
    expect(text(lines)).toEqual(['Rôle : pirate', 'colour : blue']);
  });

  it('collects the ids to name, however deep', () => {
    const ids = Object.fromEntries(Object.keys(emptyAuditNames()).map((k) => [k, new Set<number>()])) as Record<
      AuditRef,
      Set<number>
    >;
    collectAuditRefs(
      { childId: 1, cancelled: [{ childId: 4, siteId: 3 }], parent: { accountId: 7 }, siteIds: [5, 3] },
      ids,
    );
    expect([...ids.child]).toEqual([1, 4]);
    expect([...ids.site].sort()).toEqual([3, 5]);
    expect(text(describeAudit({ siteIds: [3] }, { action: 'account.sites', entity: 'account' }, names()))).toEqual([
      'Sites : Les Tilleuls',
    ]);
    expect([...ids.account]).toEqual([7]);
  });
});
