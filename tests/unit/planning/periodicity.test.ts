import { describe, expect, it } from 'vitest';
import {
  applyTemplate,
  bookablePredicate,
  defaultTemplatePeriod,
  diffReservations,
  expandTemplate,
  openDates,
  sortReservations,
  templateUnitsOn,
  templateWeekOf,
  type IsoDate,
  type Reservation,
  type Template,
  type Unit,
} from '@/lib/planning';
import { zoneC2026 } from './zone-c';

const cal = zoneC2026();
const DEADLINE = 15;

/** The units booked on one date, in canonical order. */
function unitsOn(planning: Reservation[], date: IsoDate): Unit[] {
  return planning.filter((r) => r.date === date).map((r) => r.unit);
}

/** The dates that hold at least one reservation. */
function datesOf(planning: Reservation[]): IsoDate[] {
  return [...new Set(planning.map((r) => r.date))];
}

describe('a parent applies a one-week template every Wednesday until the end of the school year', () => {
  const today = '2026-12-20';
  const period = defaultTemplatePeriod('mercredi', cal, today, DEADLINE)!;
  const bookable = bookablePredicate('mercredi', cal, today, DEADLINE);
  const template: Template = { weeks: [{ 3: ['matin', 'apres_midi', 'repas_classique'] }], ...period };
  const planning = applyTemplate([], template, bookable);

  it('books a full day with the classic meal chaque mercredi du 6 janvier au 30 juin 2027', () => {
    expect(period).toEqual({ from: '2027-01-06', to: '2027-07-02' });
    expect(datesOf(planning)).toEqual([
      '2027-01-06',
      '2027-01-13',
      '2027-01-20',
      '2027-01-27',
      '2027-02-03',
      '2027-02-24', // 10 and 17 February: winter holidays
      '2027-03-03',
      '2027-03-10',
      '2027-03-17',
      '2027-03-24',
      '2027-03-31',
      '2027-04-21',
      '2027-04-28', // 7 and 14 April: spring holidays
      '2027-05-05',
      '2027-05-12',
      '2027-05-19',
      '2027-05-26',
      '2027-06-02',
      '2027-06-09',
      '2027-06-16',
      '2027-06-23',
      '2027-06-30',
    ]);
    for (const date of datesOf(planning)) {
      expect(unitsOn(planning, date)).toEqual(['matin', 'apres_midi', 'repas_classique']);
    }
    expect(planning).toHaveLength(22 * 3);
  });

  it('books exactly the open dates of the period', () => {
    expect(datesOf(planning)).toEqual(openDates('mercredi', cal, period.from, period.to));
  });
});

describe('a parent applies a two-week template until the end of the school year', () => {
  const template: Template = {
    weeks: [{ 3: ['matin', 'repas_sans_viande'] }, { 3: ['apres_midi'] }],
    from: '2026-11-02',
    to: '2027-07-02',
  };
  const bookable = bookablePredicate('mercredi', cal, '2026-10-15', DEADLINE);
  const planning = expandTemplate(template, bookable);
  const week1: Unit[] = ['matin', 'repas_sans_viande'];
  const week2: Unit[] = ['apres_midi'];

  it('alternates the two Wednesdays types toutes les deux semaines', () => {
    expect(unitsOn(planning, '2026-11-04')).toEqual(week1);
    expect(unitsOn(planning, '2026-11-25')).toEqual(week2);
    expect(unitsOn(planning, '2026-12-02')).toEqual(week1);
    expect(unitsOn(planning, '2026-12-16')).toEqual(week1);
  });

  it('keeps the rhythm through a jour férié: 11 November counts as a week 2', () => {
    expect(unitsOn(planning, '2026-11-11')).toEqual([]);
    expect(templateWeekOf(template.from, '2026-11-11')).toBe(2);
    expect(unitsOn(planning, '2026-11-18')).toEqual(week1);
  });

  it('keeps the rhythm through the Christmas holidays: 6 January 2027 is a week 2', () => {
    // Mondays 2 Nov (1), 9 (2), 16 (1), 23 (2), 30 (1), 7 Dec (2), 14 (1), 21 (2), 28 (1), 4 Jan (2)
    expect(templateWeekOf(template.from, '2026-12-23')).toBe(2);
    expect(templateWeekOf(template.from, '2026-12-30')).toBe(1);
    expect(unitsOn(planning, '2027-01-06')).toEqual(week2);
    expect(unitsOn(planning, '2027-01-13')).toEqual(week1);
  });

  it('keeps the rhythm through the winter and spring holidays up to the last Wednesday', () => {
    // 6 January is week 2: an odd number of weeks later is week 1, an even number week 2
    expect(unitsOn(planning, '2027-02-24')).toEqual(week1); // 7 weeks after 6 January
    expect(unitsOn(planning, '2027-04-21')).toEqual(week1); // 15 weeks after
    expect(unitsOn(planning, '2027-04-28')).toEqual(week2); // 16 weeks after
    expect(unitsOn(planning, '2027-06-30')).toEqual(week1); // 25 weeks after
  });
});

describe('a period that starts on a Sunday', () => {
  const template: Template = {
    weeks: [{ 3: ['matin'] }, { 3: ['apres_midi'] }],
    from: '2027-01-10', // a Sunday
    to: '2027-01-31',
  };

  it('makes the week holding that Sunday week 1, so the next Monday starts week 2', () => {
    expect(templateWeekOf(template.from, '2027-01-04')).toBe(1);
    expect(templateWeekOf(template.from, '2027-01-10')).toBe(1);
    expect(templateWeekOf(template.from, '2027-01-11')).toBe(2);
    expect(templateWeekOf(template.from, '2027-01-17')).toBe(2);
    expect(templateWeekOf(template.from, '2027-01-18')).toBe(1);
    expect(templateWeekOf(template.from, '2026-12-30')).toBe(2); // before the period, still alternating
  });

  it('books the first Wednesday of the period with week 2', () => {
    expect(expandTemplate(template, () => true)).toEqual([
      { date: '2027-01-13', unit: 'apres_midi' },
      { date: '2027-01-20', unit: 'matin' },
      { date: '2027-01-27', unit: 'apres_midi' },
    ]);
  });
});

describe('a parent applies a canteen template', () => {
  it('books meals every school day except the jours fériés and the pont de l’Ascension', () => {
    const template: Template = {
      weeks: [{ 1: ['repas_classique'], 2: ['repas_classique'], 4: ['repas_sans_viande'], 5: ['repas_classique'] }],
      from: '2027-05-03',
      to: '2027-05-21',
    };
    const planning = expandTemplate(template, bookablePredicate('cantine', cal, '2027-04-01', DEADLINE));
    expect(datesOf(planning)).toEqual(openDates('cantine', cal, '2027-05-03', '2027-05-21'));
    expect(unitsOn(planning, '2027-05-06')).toEqual([]); // Ascension
    expect(unitsOn(planning, '2027-05-07')).toEqual([]); // pont
    expect(unitsOn(planning, '2027-05-17')).toEqual([]); // Lundi de Pentecôte
    expect(unitsOn(planning, '2027-05-13')).toEqual(['repas_sans_viande']);
  });
});

describe('applying a template over a period that holds greyed dates', () => {
  // Today 30 December 2026: 13 January is hors délai; 10 February is in the winter holidays.
  const today = '2026-12-30';
  const bookable = bookablePredicate('mercredi', cal, today, DEADLINE);
  const existing: Reservation[] = [
    { date: '2026-12-16', unit: 'matin' }, // before the period
    { date: '2027-01-13', unit: 'matin' }, // hors délai
    { date: '2027-01-13', unit: 'repas_classique' },
    { date: '2027-01-20', unit: 'matin' }, // bookable: replaced
    { date: '2027-01-20', unit: 'repas_classique' },
    { date: '2027-01-27', unit: 'apres_midi' }, // bookable: replaced by the same
    { date: '2027-02-10', unit: 'matin' }, // holidays (an old booking staff made): untouched
    { date: '2027-03-03', unit: 'matin' }, // after the period
  ];
  const template: Template = { weeks: [{ 3: ['apres_midi'] }], from: '2027-01-04', to: '2027-02-28' };
  const planning = applyTemplate(existing, template, bookable);

  it('replaces the reservations of every open, modifiable date of the period (vient effacer les anciennes)', () => {
    expect(unitsOn(planning, '2027-01-20')).toEqual(['apres_midi']);
    expect(unitsOn(planning, '2027-01-27')).toEqual(['apres_midi']);
    expect(unitsOn(planning, '2027-02-03')).toEqual(['apres_midi']);
    expect(unitsOn(planning, '2027-02-24')).toEqual(['apres_midi']);
  });

  it('leaves greyed dates and dates outside the period untouched', () => {
    expect(unitsOn(planning, '2026-12-16')).toEqual(['matin']);
    expect(unitsOn(planning, '2027-01-06')).toEqual([]);
    expect(unitsOn(planning, '2027-01-13')).toEqual(['matin', 'repas_classique']);
    expect(unitsOn(planning, '2027-02-10')).toEqual(['matin']);
    expect(unitsOn(planning, '2027-03-03')).toEqual(['matin']);
  });

  it('shows the change as removals and additions only on bookable dates', () => {
    expect(diffReservations(existing, planning)).toEqual({
      added: [
        { date: '2027-01-20', unit: 'apres_midi' },
        { date: '2027-02-03', unit: 'apres_midi' },
        { date: '2027-02-24', unit: 'apres_midi' },
      ],
      removed: [
        { date: '2027-01-20', unit: 'matin' },
        { date: '2027-01-20', unit: 'repas_classique' },
      ],
    });
  });

  it('with an empty template cancels the bookable dates of the period only', () => {
    const cleared = applyTemplate(existing, { weeks: [{}], from: '2027-01-04', to: '2027-02-28' }, bookable);
    expect(datesOf(cleared)).toEqual(['2026-12-16', '2027-01-13', '2027-02-10', '2027-03-03']);
  });
});

describe('results are sorted and without duplicates', () => {
  it('applyTemplate sorts a shuffled planning with duplicates by date then unit order', () => {
    const existing: Reservation[] = [
      { date: '2027-03-03', unit: 'repas_sans_viande' },
      { date: '2027-03-03', unit: 'matin' },
      { date: '2026-12-16', unit: 'apres_midi' },
      { date: '2027-03-03', unit: 'matin' },
      { date: '2026-12-16', unit: 'matin' },
    ];
    const template: Template = {
      weeks: [{ 3: ['repas_classique', 'apres_midi', 'matin', 'matin'] }],
      from: '2027-01-18',
      to: '2027-01-24',
    };
    expect(applyTemplate(existing, template, () => true)).toEqual([
      { date: '2026-12-16', unit: 'matin' },
      { date: '2026-12-16', unit: 'apres_midi' },
      { date: '2027-01-20', unit: 'matin' },
      { date: '2027-01-20', unit: 'apres_midi' },
      { date: '2027-01-20', unit: 'repas_classique' },
      { date: '2027-03-03', unit: 'matin' },
      { date: '2027-03-03', unit: 'repas_sans_viande' },
    ]);
  });

  it('sortReservations keeps only date and unit', () => {
    const withId = [{ date: '2027-01-20', unit: 'matin' as const, id: 7 }];
    expect(sortReservations(withId)).toEqual([{ date: '2027-01-20', unit: 'matin' }]);
  });

  it('a template gives nothing on weekends nor on an empty period', () => {
    const t: Template = { weeks: [{ 1: ['matin'] }, {}], from: '2027-01-16', to: '2027-01-17' };
    expect(templateUnitsOn(t, '2027-01-16')).toEqual([]);
    expect(expandTemplate(t, () => true)).toEqual([]);
    expect(expandTemplate({ ...t, from: '2027-01-18', to: '2027-01-10' }, () => true)).toEqual([]);
  });
});
