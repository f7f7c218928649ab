// Étape 1 on a phone: the greyed days a view opens with fold into one line, and the sticky bar counts the changes as
// Étape 2 does. On the demo clock (Sunday 29 November 2026, deadline 15 days) with the real zone C calendar.
import { describe, expect, it } from 'vitest';
import { countChanges } from '@/lib/reservations/change-count';
import { dayFirstToIso, isoToDayFirst } from '@/lib/reservations/day-first';
import type { ServiceCalendar } from '@/lib/reservations/calendar';
import { buildPlanningView, foldLeadingGreyed } from '@/lib/reservations/planning-view';
import { zoneC2026 } from './planning/zone-c';

const TODAY = '2026-11-29';
const NOW = new Date('2026-11-29T09:00:00Z');

function calendar(weekdays: number[], closures: string[] = []): ServiceCalendar {
  const cal = zoneC2026(closures);
  return {
    schoolYear: { id: 1, label: '2026-2027', yearStart: cal.yearStart, yearEnd: cal.yearEnd, lastDay: '2027-07-02' },
    cal,
    deadlineDays: 15,
    weekdays,
    openings: [],
  };
}

describe('the greyed days before the first modifiable day of a view', () => {
  it('fold into one line on the Wednesdays of December: 2 and 9 are past the deadline, the holidays stay', () => {
    const view = buildPlanningView('mercredi', calendar([3]), TODAY, 'mois', '2026-12-01', NOW);
    expect(view.days.map((d) => [d.date, d.greyed])).toEqual([
      ['2026-12-02', 'Hors délai'],
      ['2026-12-09', 'Hors délai'],
      ['2026-12-16', null],
      ['2026-12-23', 'Vacances scolaires'],
      ['2026-12-30', 'Vacances scolaires'],
    ]);
    expect(foldLeadingGreyed(view.days)).toEqual({ count: 2, reasons: ['hors délai'] });
  });

  it('name each reason once when they differ, in the order met', () => {
    // the canteen in November: the first day is a holiday (Toussaint ends on 1 November), then past the deadline
    const view = buildPlanningView('cantine', calendar([1, 2, 4, 5], ['2026-12-01']), TODAY, 'mois', '2026-12-01', NOW);
    const fold = foldLeadingGreyed(view.days);
    expect(fold?.reasons).toEqual(['fermeture', 'hors délai']);
    // up to the first modifiable day (Monday 14 December), not beyond
    const first = view.days[fold!.count];
    expect(first).toMatchObject({ date: '2026-12-14', greyed: null });
    expect(view.days.slice(0, fold!.count).every((d) => d.greyed !== null)).toBe(true);
  });

  it('fold nothing when the view opens on a modifiable day, and everything when it has none', () => {
    expect(
      foldLeadingGreyed(buildPlanningView('mercredi', calendar([3]), TODAY, 'mois', '2027-01-01', NOW).days),
    ).toBeNull();
    const november = buildPlanningView('mercredi', calendar([3]), TODAY, 'mois', '2026-11-01', NOW).days;
    // 11 November is a public holiday: both reasons are said
    expect(foldLeadingGreyed(november)).toEqual({ count: november.length, reasons: ['hors délai', 'jour férié'] });
    expect(foldLeadingGreyed([])).toBeNull();
  });

  it('keep a greyed day after the first modifiable one in place', () => {
    const days = [{ greyed: 'Hors délai' }, { greyed: null }, { greyed: 'Jour férié' }, { greyed: null }];
    expect(foldLeadingGreyed(days)).toEqual({ count: 1, reasons: ['hors délai'] });
  });
});

describe('the number of changes of the sticky bar', () => {
  const current = { '2027-01-13': ['matin', 'repas_classique'] as const, '2027-01-20': ['matin'] as const };

  it('is zero for the planning as it is now', () => {
    expect(countChanges({ ...current }, current)).toBe(0);
  });

  it('counts each unit added or removed, as the recap does', () => {
    // an afternoon added on the 20th: one change
    expect(countChanges({ ...current, '2027-01-20': ['matin', 'apres_midi'] }, current)).toBe(1);
    // a meal changed for the other: one removal and one addition
    expect(countChanges({ ...current, '2027-01-13': ['matin', 'repas_sans_viande'] }, current)).toBe(2);
    // a day emptied, and a new day booked
    expect(countChanges({ '2027-01-13': [], '2027-01-27': ['matin'] }, current)).toBe(4);
  });
});

describe('the periodicity dates, typed day first', () => {
  it('read « 16/12/2026 » and its variants as the ISO date', () => {
    expect(dayFirstToIso('16/12/2026')).toBe('2026-12-16');
    expect(dayFirstToIso(' 2/7/2027 ')).toBe('2027-07-02');
    expect(dayFirstToIso('02.07.2027')).toBe('2027-07-02');
    expect(dayFirstToIso('02-07-2027')).toBe('2027-07-02');
  });

  it('refuse what is no date, or a date typed month first that does not exist', () => {
    for (const text of ['', '2026-12-16', '12/31/2026', '31/02/2027', '16/12/26', 'demain']) {
      expect(dayFirstToIso(text), text).toBeNull();
    }
  });

  it('show an ISO date day first', () => {
    expect(isoToDayFirst('2027-07-02')).toBe('02/07/2027');
    expect(dayFirstToIso(isoToDayFirst('2026-12-16'))).toBe('2026-12-16');
  });
});
