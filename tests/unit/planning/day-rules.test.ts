import { describe, expect, it } from 'vitest';
import {
  DAY_ERRORS,
  SERVICE_KINDS,
  UNITS,
  diffByDate,
  diffReservations,
  groupByDate,
  invalidDays,
  isUnit,
  sortReservations,
  sortUnits,
  unitsOf,
  validateDay,
  type Reservation,
  type Unit,
} from '@/lib/planning';

describe('the units of a day (validateDay)', () => {
  it('a full day with a meal at the Wednesday leisure centre is valid', () => {
    expect(validateDay('mercredi', ['matin', 'apres_midi', 'repas_classique'])).toBeNull();
    expect(validateDay('mercredi', ['apres_midi', 'repas_sans_viande'])).toBeNull();
    expect(validateDay('vacances', ['matin'])).toBeNull();
  });

  it('an empty day is valid (a cancellation)', () => {
    for (const kind of SERVICE_KINDS) expect(validateDay(kind, [])).toBeNull();
  });

  it('a meal without a half-day at the leisure centre is refused', () => {
    expect(validateDay('mercredi', ['repas_classique'])).toBe(
      "Un repas ne peut être réservé qu'avec une demi-journée (matin ou après-midi).",
    );
    expect(validateDay('vacances', ['repas_sans_viande'])).toBe(DAY_ERRORS.mealNeedsHalfDay);
  });

  it('two meals the same day are refused', () => {
    expect(validateDay('mercredi', ['matin', 'repas_classique', 'repas_sans_viande'])).toBe(
      'Un seul repas par jour : choisissez le repas classique ou le repas sans viande.',
    );
    expect(validateDay('cantine', ['repas_classique', 'repas_sans_viande'])).toBe(DAY_ERRORS.oneMeal);
  });

  it('a canteen day with a half-day is refused: the canteen books meals only', () => {
    expect(validateDay('cantine', ['matin', 'repas_classique'])).toBe(
      'La restauration scolaire ne réserve que des repas.',
    );
    expect(validateDay('cantine', ['apres_midi'])).toBe(DAY_ERRORS.canteenMealsOnly);
    expect(validateDay('cantine', ['repas_sans_viande'])).toBeNull();
  });

  it('the same unit twice is refused', () => {
    expect(validateDay('mercredi', ['matin', 'matin'])).toBe(DAY_ERRORS.duplicate);
  });

  it('an unknown unit (a forged form) is refused', () => {
    expect(validateDay('mercredi', ['soir' as Unit])).toBe(DAY_ERRORS.unknownUnit);
    expect(isUnit('matin')).toBe(true);
    expect(isUnit('soir')).toBe(false);
    expect(isUnit(3)).toBe(false);
  });

  it('accepts exactly the days the rules allow, for every combination of units', () => {
    const subsets: Unit[][] = [[]];
    for (const u of UNITS) for (const s of [...subsets]) subsets.push([...s, u]);
    const valid = (kind: string) => subsets.filter((s) => validateDay(kind as never, s) === null).length;
    // leisure centre: no meal (4 half-day sets) or one meal of 2 with 1..3 half-day sets = 4 + 2 * 3
    expect(valid('mercredi')).toBe(10);
    expect(valid('vacances')).toBe(10);
    // canteen: nothing, or one of the two meals
    expect(valid('cantine')).toBe(3);
    for (const s of subsets) {
      const message = validateDay('mercredi', s);
      expect(message === null || message.length > 20).toBe(true);
    }
  });

  it('offers meals only at the canteen', () => {
    expect(unitsOf('cantine')).toEqual(['repas_classique', 'repas_sans_viande']);
    expect(unitsOf('mercredi')).toEqual(UNITS);
  });

  it('lists the invalid days of a planning with their message', () => {
    const planning: Reservation[] = [
      { date: '2027-01-20', unit: 'repas_classique' },
      { date: '2027-01-13', unit: 'matin' },
      { date: '2027-01-27', unit: 'repas_classique' },
      { date: '2027-01-27', unit: 'repas_sans_viande' },
      { date: '2027-01-27', unit: 'apres_midi' },
    ];
    expect(invalidDays('mercredi', planning)).toEqual([
      { date: '2027-01-20', message: DAY_ERRORS.mealNeedsHalfDay },
      { date: '2027-01-27', message: DAY_ERRORS.oneMeal },
    ]);
  });
});

describe('the recap (diffReservations)', () => {
  const existing: Reservation[] = [
    { date: '2027-01-13', unit: 'matin' },
    { date: '2027-01-13', unit: 'repas_classique' },
    { date: '2027-01-20', unit: 'matin' },
  ];

  it('a meal type change is one removal plus one addition', () => {
    const desired: Reservation[] = [
      { date: '2027-01-13', unit: 'matin' },
      { date: '2027-01-13', unit: 'repas_sans_viande' },
      { date: '2027-01-20', unit: 'matin' },
    ];
    expect(diffReservations(existing, desired)).toEqual({
      added: [{ date: '2027-01-13', unit: 'repas_sans_viande' }],
      removed: [{ date: '2027-01-13', unit: 'repas_classique' }],
    });
  });

  it('shows per date what is added (nouvelles réservations) and removed (anciennes réservations supprimées)', () => {
    const desired: Reservation[] = [
      { date: '2027-01-27', unit: 'apres_midi' },
      { date: '2027-01-13', unit: 'repas_sans_viande' },
      { date: '2027-01-13', unit: 'matin' },
      { date: '2027-01-27', unit: 'matin' },
    ];
    expect(diffByDate(existing, desired)).toEqual([
      { date: '2027-01-13', added: ['repas_sans_viande'], removed: ['repas_classique'] },
      { date: '2027-01-20', added: [], removed: ['matin'] },
      { date: '2027-01-27', added: ['matin', 'apres_midi'], removed: [] },
    ]);
  });

  it('a request with no difference has an empty diff, whatever the order or duplicates', () => {
    const same = [...existing].reverse().concat(existing);
    expect(diffReservations(existing, same)).toEqual({ added: [], removed: [] });
    expect(diffByDate(existing, same)).toEqual([]);
  });
});

describe('canonical order', () => {
  it('sorts by date, then matin, après-midi, repas classique, repas sans viande, without duplicates', () => {
    const shuffled: Reservation[] = [
      { date: '2027-01-20', unit: 'repas_sans_viande' },
      { date: '2027-01-13', unit: 'repas_classique' },
      { date: '2027-01-20', unit: 'matin' },
      { date: '2027-01-13', unit: 'apres_midi' },
      { date: '2027-01-13', unit: 'matin' },
      { date: '2027-01-13', unit: 'apres_midi' },
    ];
    expect(sortReservations(shuffled)).toEqual([
      { date: '2027-01-13', unit: 'matin' },
      { date: '2027-01-13', unit: 'apres_midi' },
      { date: '2027-01-13', unit: 'repas_classique' },
      { date: '2027-01-20', unit: 'matin' },
      { date: '2027-01-20', unit: 'repas_sans_viande' },
    ]);
    expect([...groupByDate(shuffled)]).toEqual([
      ['2027-01-13', ['matin', 'apres_midi', 'repas_classique']],
      ['2027-01-20', ['matin', 'repas_sans_viande']],
    ]);
    expect(sortUnits(['repas_sans_viande', 'apres_midi', 'matin'])).toEqual([
      'matin',
      'apres_midi',
      'repas_sans_viande',
    ]);
  });
});
