// The planning's words per language (lib/planning/format.ts): French is the seed's exact words; English and Arabic
// format dates with Intl in Paris time (Arabic with Western digits, as the forms' jj/mm/aaaa) and take their labels
// from their messages.
import { describe, expect, it } from 'vitest';
import { emailWords } from '@/emails/i18n';
import { DAY_ERRORS, validateDay } from '@/lib/planning';
import { FRENCH_WORDING, intlWording, openingSentence, type WordingLabels } from '@/lib/planning/format';

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
  opening: (o) => `Bookings for ${o.kind} ${o.name} open on ${o.date} at ${o.time}`,
  dayRules: {
    unknownUnit: 'Unknown choice.',
    duplicate: 'Twice the same choice.',
    canteenMealsOnly: 'Meals only.',
    oneMeal: 'One meal a day.',
    mealNeedsHalfDay: 'A meal needs a half-day.',
  },
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

describe('the opening of the bookings and the day rules, said in each language (the messages of en and ar)', () => {
  const summer = {
    start: '2027-07-05',
    end: '2027-08-31',
    sentence: openingSentence({ holiday: "Vacances d'été" }, { date: '2027-05-04', hour: 8, minute: 0 }),
    period: { holiday: "Vacances d'été" },
    opens: { date: '2027-05-04', hour: 8, minute: 0 },
  };
  const year = {
    start: '2027-09-01',
    end: '2028-07-01',
    sentence: openingSentence({ schoolYear: '2027-2028' }, { date: '2027-06-15', hour: 9, minute: 30 }),
    period: { schoolYear: '2027-2028' },
    opens: { date: '2027-06-15', hour: 9, minute: 30 },
  };

  it('keeps the French sentence as it is', () => {
    expect(FRENCH_WORDING.opening(summer)).toBe("Réservations pour les vacances d'été ouvertes le mardi 4 mai à 8 h");
    expect(FRENCH_WORDING.opening(year)).toBe(
      "Réservations pour l'année scolaire 2027-2028 ouvertes le mardi 15 juin à 9 h 30",
    );
    expect(FRENCH_WORDING.greyedWords('avant_ouverture', 'réservations … à 8 h', summer)).toBe('réservations … à 8 h');
    expect(FRENCH_WORDING.dayRule(DAY_ERRORS.oneMeal)).toBe(DAY_ERRORS.oneMeal);
  });

  it('in English: the day, the hour and the words in English, the period’s name as the town wrote it', () => {
    const w = emailWords('en').words;
    expect(w.opening(summer)).toBe("Bookings for “Vacances d'été” open on Tuesday 4 May at 08:00");
    expect(w.opening(year)).toBe('Bookings for the 2027-2028 school year open on Tuesday 15 June at 09:30');
    expect(w.greyedWords('avant_ouverture', 'réservations…', year)).toBe(
      'bookings for the 2027-2028 school year open on Tuesday 15 June at 09:30',
    );
    expect(w.dayRule(validateDay('mercredi', ['repas_classique'])!)).toBe(
      'A meal can be booked only with a half-day (morning or afternoon).',
    );
    // a sentence that is no day rule is left as it is
    expect(w.dayRule('autre chose')).toBe('autre chose');
  });

  it('in Arabic, with Western digits and nothing French but the period’s name', () => {
    const w = emailWords('ar').words;
    const sentence = w.opening(summer);
    expect(sentence).toContain('تُفتح حجوزات');
    expect(sentence).toContain("«Vacances d'été»");
    expect(sentence).toContain('مايو');
    expect(sentence).toContain('08:00');
    expect(sentence).not.toMatch(/Réservations|ouvertes|mai|[\u0660-\u0669]/);
    expect(w.dayRule(DAY_ERRORS.canteenMealsOnly)).toBe('المطعم المدرسي لا يحجز إلا الوجبات.');
  });
});
