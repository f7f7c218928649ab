// The planning's words per language (lib/planning/format.ts): French is the seed's exact words; English and Arabic
// format dates with Intl in Paris time (Arabic with Western digits, as the forms' jj/mm/aaaa) and take their labels
// from their messages.
import { describe, expect, it } from 'vitest';
import { FRENCH_WORDING, intlWording, type WordingLabels } from '@/lib/planning/format';

const labels: WordingLabels = {
  units: {
    matin: 'Morning',
    apres_midi: 'Afternoon',
    repas_classique: 'Standard meal',
    repas_sans_viande: 'Meat-free meal',
  },
  services: { cantine: 'School canteen', mercredi: 'Wednesday centre', vacances: 'Holiday centre' },
  greyed: { hors_delai: 'Past the deadline' },
  weekOf: (date) => `Week of ${date}`,
};

describe('the planning in French', () => {
  it("keeps the seed's words", () => {
    const w = FRENCH_WORDING;
    expect(w.dateLong('2027-01-13')).toBe('mercredi 13 janvier 2027');
    expect(w.dateMedium('2027-01-13')).toBe('13 janvier 2027');
    expect(w.monthYear('2027-01')).toBe('janvier 2027');
    expect([w.unit('matin'), w.service('cantine'), w.weekday(1), w.weekday(7)]).toEqual([
      'Matin',
      'Restauration scolaire',
      'lundi',
      'dimanche',
    ]);
    expect(w.checkbox('matin', '2027-01-13')).toBe('Matin – mercredi 13 janvier 2027');
    expect(w.dayMonth('2027-01-05')).toBe('mardi 5 janvier');
    expect(w.weekOf('2027-01-11')).toBe('Semaine du lundi 11 janvier 2027');
    expect([w.greyed('hors_delai'), w.greyed('complet'), w.greyed('inconnu')]).toEqual([
      'Hors délai',
      'Complet',
      'inconnu',
    ]);
    expect(w.greyedWords('hors_delai', 'hors délai')).toBe('hors délai');
  });
});

describe('the planning in English', () => {
  const w = intlWording('en-GB', labels);

  it('formats dates in Paris time, whatever the month or the day asked', () => {
    expect(w.dateLong('2027-01-13')).toBe('Wednesday, 13 January 2027');
    expect(w.dateMedium('2027-01-13')).toBe('13 January 2027');
    expect(w.monthYear('2027-01')).toBe('January 2027');
    expect(w.monthYear('2027-03-31')).toBe('March 2027');
    expect(w.dayMonth('2027-01-05')).toBe('Tuesday 5 January');
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => w.weekday(n))).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
  });

  it('takes its labels from the messages, and names a checkbox as French does', () => {
    expect([w.unit('repas_sans_viande'), w.service('mercredi')]).toEqual(['Meat-free meal', 'Wednesday centre']);
    expect(w.checkbox('matin', '2027-01-13')).toBe('Morning – Wednesday, 13 January 2027');
    expect(w.weekOf('2027-01-11')).toBe('Week of Monday, 11 January 2027');
    expect(w.greyed('hors_delai')).toBe('Past the deadline');
    expect(w.greyedWords('hors_delai', 'hors délai')).toBe('past the deadline');
    // a reason without a label is shown as its code rather than as nothing
    expect([w.greyed('inconnu'), w.greyedWords('inconnu', 'inconnu')]).toEqual(['inconnu', 'inconnu']);
  });
});

describe('the planning in Arabic', () => {
  const w = intlWording('ar-u-nu-latn', labels);

  it('writes the month in Arabic with Western digits', () => {
    for (const text of [w.dateLong('2027-01-13'), w.dateMedium('2027-01-13'), w.monthYear('2027-01')]) {
      expect(text).toContain('يناير');
      expect(text).toContain('2027');
      expect(text).not.toMatch(/[\u0660-\u0669]/);
    }
    expect(w.dateLong('2027-01-13')).toContain('الأربعاء');
    expect(w.weekday(1)).toBe('الاثنين');
    expect(w.dayMonth('2027-01-05')).toContain('5');
  });
});
