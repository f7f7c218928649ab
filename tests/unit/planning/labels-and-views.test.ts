import { describe, expect, it } from 'vitest';
import {
  SERVICE_LABELS,
  UNIT_LABELS,
  UNIT_SHORT_LABELS,
  addDays,
  checkboxLabel,
  daysBetween,
  eachDay,
  formatDateLong,
  formatDateMedium,
  formatMonthYear,
  isIsoDate,
  isoWeekday,
  mondayOf,
  monthsOf,
  toDayNumber,
  weekLabel,
  weeksOf,
} from '@/lib/planning';

describe('French dates and labels', () => {
  it('writes a date in full, in lowercase, without a leading zero', () => {
    expect(formatDateLong('2027-01-13')).toBe('mercredi 13 janvier 2027');
    expect(formatDateLong('2027-01-01')).toBe('vendredi 1 janvier 2027');
    expect(formatDateLong('2026-08-15')).toBe('samedi 15 août 2026');
    expect(formatDateLong('2027-02-07')).toBe('dimanche 7 février 2027');
    expect(formatDateLong('2026-12-21')).toBe('lundi 21 décembre 2026');
    expect(formatDateMedium('2027-07-02')).toBe('2 juillet 2027');
    expect(formatMonthYear('2027-12')).toBe('décembre 2027');
    expect(formatMonthYear('2027-08-31')).toBe('août 2027');
  });

  it('names every checkbox with the unit and the full date, separated by an en dash', () => {
    expect(checkboxLabel('matin', '2027-01-13')).toBe('Matin \u2013 mercredi 13 janvier 2027');
    expect(checkboxLabel('repas_sans_viande', '2027-01-20')).toBe('Repas sans viande – mercredi 20 janvier 2027');
  });

  it('labels the units and services with the seed’s words', () => {
    expect(UNIT_LABELS).toEqual({
      matin: 'Matin',
      apres_midi: 'Après-midi',
      repas_classique: 'Repas classique',
      repas_sans_viande: 'Repas sans viande',
    });
    expect(UNIT_SHORT_LABELS.repas_classique).toBe('Rclassique');
    expect(UNIT_SHORT_LABELS.repas_sans_viande).toBe('Rsviande');
    expect(SERVICE_LABELS.mercredi).toBe('Accueil de loisirs du mercredi');
  });
});

describe('week view (Semaine)', () => {
  it('lists the Monday..Sunday weeks covering the range', () => {
    const weeks = weeksOf('2027-01-13', '2027-01-20');
    expect(weeks).toHaveLength(2);
    expect(weeks[0]).toEqual(eachDay('2027-01-11', '2027-01-17'));
    expect(weeks[1]?.[0]).toBe('2027-01-18');
    expect(weeks[1]?.[6]).toBe('2027-01-24');
    expect(weeksOf('2027-01-18', '2027-01-18')).toHaveLength(1);
    expect(weeksOf('2027-01-20', '2027-01-13')).toEqual([]);
  });

  it('titles a week by its Monday', () => {
    expect(weekLabel(weeksOf('2027-01-13', '2027-01-13')[0]!)).toBe('Semaine du lundi 11 janvier 2027');
    expect(weekLabel([])).toBe('');
  });
});

describe('month view (Mois)', () => {
  it('lists whole months, each as rows Monday..Sunday with empty cells around', () => {
    const months = monthsOf('2027-01-15', '2027-02-02');
    expect(months.map((m) => [m.key, m.label])).toEqual([
      ['2027-01', 'janvier 2027'],
      ['2027-02', 'février 2027'],
    ]);
    const [january, february] = months;
    expect(january?.days).toHaveLength(31);
    expect(january?.weeks[0]).toEqual([null, null, null, null, '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(january?.weeks.at(-1)).toEqual(eachDay('2027-01-25', '2027-01-31'));
    // February 2027 starts on a Monday and has 28 days: exactly four rows
    expect(february?.weeks).toHaveLength(4);
    expect(february?.weeks.flat().every((d) => d !== null)).toBe(true);
  });

  it('crosses the end of a year', () => {
    expect(monthsOf('2026-12-31', '2027-01-01').map((m) => m.key)).toEqual(['2026-12', '2027-01']);
    expect(monthsOf('2026-12-05', '2026-12-05')[0]?.weeks.at(-1)).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      null,
      null,
      null,
    ]);
    expect(monthsOf('2027-02-01', '2027-01-01')).toEqual([]);
  });
});

describe('calendar-date arithmetic', () => {
  it('crosses the daylight saving changes without shifting a date', () => {
    expect(addDays('2027-03-27', 1)).toBe('2027-03-28');
    expect(addDays('2027-03-27', 2)).toBe('2027-03-29');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(daysBetween('2027-03-01', '2027-04-01')).toBe(31);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('knows the weekdays and Mondays', () => {
    expect(isoWeekday('2027-01-13')).toBe(3);
    expect(isoWeekday('2027-01-17')).toBe(7);
    expect(isoWeekday('1969-12-31')).toBe(3);
    expect(mondayOf('2027-01-17')).toBe('2027-01-11');
    expect(mondayOf('2027-01-11')).toBe('2027-01-11');
  });

  it('refuses what is not a real calendar date', () => {
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-1-3')).toBe(false);
    expect(isIsoDate('0099-01-01')).toBe(false);
    expect(isIsoDate(20270113)).toBe(false);
    expect(() => toDayNumber('2027-13-01')).toThrow(RangeError);
    expect(() => toDayNumber('13/01/2027')).toThrow(/YYYY-MM-DD/);
  });
});
