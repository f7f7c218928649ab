import { describe, expect, it } from 'vitest';
import {
  GREY_REASON_LABELS,
  bookablePredicate,
  datesClosingBetween,
  buildSchoolCalendar,
  defaultTemplatePeriod,
  greyReason,
  holidayOf,
  isModifiable,
  isOpenDate,
  isoWeekday,
  lastChangeDay,
  openDates,
  publicHolidaysFrance,
  schoolYearLastDay,
  serviceLastDay,
  type SchoolCalendar,
} from '@/lib/planning';
import { storedYear, zoneC2026 } from './zone-c';

const cal = zoneC2026();

describe('open dates of the Wednesday leisure centre (mercredi), zone C 2026-2027', () => {
  it('are the Wednesdays of school periods, from the rentrée to the last Wednesday before the summer', () => {
    const dates = openDates('mercredi', cal, '2026-08-01', '2027-08-31');
    expect(dates.every((d) => isoWeekday(d) === 3)).toBe(true);
    expect(dates[0]).toBe('2026-09-02');
    expect(dates.at(-1)).toBe('2027-06-30');
  });

  it('leave out the holidays and Armistice day (Wednesday 11 November 2026)', () => {
    expect(openDates('mercredi', cal, '2026-10-01', '2026-11-30')).toEqual([
      '2026-10-07',
      '2026-10-14',
      // 21 and 28 October: Toussaint holidays; 11 November: jour férié
      '2026-11-04',
      '2026-11-18',
      '2026-11-25',
    ]);
  });

  it('leave out a closure set by staff', () => {
    const closed = zoneC2026(['2027-03-10']);
    expect(openDates('mercredi', closed, '2027-03-01', '2027-03-31')).toEqual([
      '2027-03-03',
      '2027-03-17',
      '2027-03-24',
      '2027-03-31',
    ]);
  });

  it('only lists dates within [from, to], both included', () => {
    expect(openDates('mercredi', cal, '2027-01-13', '2027-01-20')).toEqual(['2027-01-13', '2027-01-20']);
    expect(openDates('mercredi', cal, '2027-01-14', '2027-01-19')).toEqual([]);
    expect(openDates('mercredi', cal, '2027-01-20', '2027-01-13')).toEqual([]);
  });
});

describe('open dates of the school canteen (cantine)', () => {
  it('are Monday, Tuesday, Thursday and Friday of school periods', () => {
    expect(openDates('cantine', cal, '2027-01-04', '2027-01-17')).toEqual([
      '2027-01-04',
      '2027-01-05',
      '2027-01-07',
      '2027-01-08',
      '2027-01-11',
      '2027-01-12',
      '2027-01-14',
      '2027-01-15',
    ]);
  });

  it('leave out Easter Monday, Ascension, the pont de l’Ascension and Whit Monday 2027', () => {
    const may = openDates('cantine', cal, '2027-05-03', '2027-05-21');
    expect(may).toEqual([
      '2027-05-03',
      '2027-05-04',
      // 6 May: Ascension (férié); 7 May: pont de l'Ascension (holiday period)
      '2027-05-10',
      '2027-05-11',
      '2027-05-13',
      '2027-05-14',
      // 17 May: Lundi de Pentecôte (férié)
      '2027-05-18',
      '2027-05-20',
      '2027-05-21',
    ]);
    expect(openDates('cantine', cal, '2027-03-29', '2027-03-30')).toEqual(['2027-03-30']);
  });

  it('can open on other weekdays (a town with school on Wednesday morning)', () => {
    expect(openDates('cantine', cal, '2027-01-11', '2027-01-17', { weekdays: [1, 2, 3, 4, 5] })).toEqual([
      '2027-01-11',
      '2027-01-12',
      '2027-01-13',
      '2027-01-14',
      '2027-01-15',
    ]);
  });

  it('stop on the day before the summer holidays even when the calendar lists no summer period', () => {
    const noSummer: SchoolCalendar = { ...cal, holidays: cal.holidays.filter((h) => h.start < cal.yearEnd) };
    expect(openDates('cantine', noSummer, '2027-06-28', '2027-07-09')).toEqual([
      '2027-06-28',
      '2027-06-29',
      '2027-07-01',
      '2027-07-02',
    ]);
    expect(greyReason('cantine', noSummer, '2027-07-05', '2027-01-01', 15)).toBe('hors_annee');
  });
});

describe('open dates of the holiday leisure centre (vacances)', () => {
  it('are Monday to Friday of the holiday periods', () => {
    expect(openDates('vacances', cal, '2026-10-12', '2026-11-06')).toEqual([
      '2026-10-19',
      '2026-10-20',
      '2026-10-21',
      '2026-10-22',
      '2026-10-23',
      '2026-10-26',
      '2026-10-27',
      '2026-10-28',
      '2026-10-29',
      '2026-10-30',
    ]);
  });

  it('include the summer holidays after yearEnd, without 14 July, up to 31 August', () => {
    const july = openDates('vacances', cal, '2027-07-01', '2027-07-16');
    expect(july).toEqual([
      '2027-07-05',
      '2027-07-06',
      '2027-07-07',
      '2027-07-08',
      '2027-07-09',
      '2027-07-12',
      '2027-07-13',
      '2027-07-15',
      '2027-07-16',
    ]);
    expect(openDates('vacances', cal, '2027-08-30', '2027-09-30')).toEqual(['2027-08-30', '2027-08-31']);
  });

  it('include the Friday of the pont de l’Ascension', () => {
    expect(openDates('vacances', cal, '2027-05-03', '2027-05-14')).toEqual(['2027-05-07']);
  });
});

describe('jours fériés (computed by date-holidays, type public)', () => {
  const feries = publicHolidaysFrance(2026, 2027);

  it('hold the public holidays of the 2026-2027 school year', () => {
    for (const d of [
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
      '2027-01-01',
      '2027-03-29', // Easter Monday (Easter: 28 March)
      '2027-05-01',
      '2027-05-06', // Ascension
      '2027-05-08',
      '2027-05-17', // Lundi de Pentecôte
      '2027-07-14',
      '2027-08-15',
    ]) {
      expect(feries).toContain(d);
    }
  });

  it('leave out observances (Pentecost Sunday, Mother’s Day) and are sorted without duplicates', () => {
    expect(feries).not.toContain('2027-05-16');
    expect(feries).not.toContain('2027-05-30');
    expect(feries).toEqual([...new Set(feries)].sort());
    expect(feries.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
    expect(publicHolidaysFrance(2027, 2026)).toEqual([]);
  });

  it('are filled in by buildSchoolCalendar for every year from the rentrée to the end of the summer', () => {
    const built = buildSchoolCalendar({ ...storedYear('2026-2027'), closures: ['2027-03-10', '2027-03-10'] });
    expect(built.publicHolidays).toContain('2026-01-01');
    expect(built.publicHolidays).toContain('2027-08-15');
    expect(built.publicHolidays.some((d) => d.startsWith('2028'))).toBe(false);
    expect(built.closures).toEqual(['2027-03-10']);
    expect(built.holidays.map((h) => h.label)).toContain("Vacances d'été");
    expect(buildSchoolCalendar(storedYear('2025-2026')).closures).toEqual([]);
  });

  it('are excluded from every service’s open dates', () => {
    for (const kind of ['cantine', 'mercredi', 'vacances'] as const) {
      const open = openDates(kind, cal, cal.yearStart, schoolYearLastDay(cal));
      expect(open.filter((d) => cal.publicHolidays.includes(d))).toEqual([]);
    }
  });
});

describe('deadline (jusqu’à 15 jours avant)', () => {
  it('a date exactly 15 days ahead is modifiable, 14 days ahead is not', () => {
    expect(isModifiable('2027-01-16', '2027-01-01', 15)).toBe(true);
    expect(isModifiable('2027-01-15', '2027-01-01', 15)).toBe(false);
  });

  it('a parent can change Wednesday 13 January 2027 until Tuesday 29 December 2026', () => {
    expect(greyReason('mercredi', cal, '2027-01-13', '2026-12-29', 15)).toBeNull();
    expect(greyReason('mercredi', cal, '2027-01-13', '2026-12-30', 15)).toBe('hors_delai');
  });

  it('counts calendar days across months, years and the daylight saving change', () => {
    expect(isModifiable('2027-04-06', '2027-03-22', 15)).toBe(true); // across 28 March 2027 (DST)
    expect(isModifiable('2027-04-05', '2027-03-22', 15)).toBe(false);
    expect(isModifiable('2027-01-01', '2027-01-01', 0)).toBe(true);
    expect(isModifiable('2026-12-31', '2027-01-01', 0)).toBe(false);
  });
});

describe('greyed days say why (greyReason)', () => {
  const today = '2026-12-01';
  const closed = zoneC2026(['2027-03-10']);

  it.each([
    ['mercredi', '2026-08-26', 'hors_annee'], // before the rentrée
    ['mercredi', '2027-09-01', 'hors_annee'], // after the summer
    ['vacances', '2026-08-31', 'hors_annee'],
    ['mercredi', '2026-12-23', 'vacances'], // Christmas holidays
    ['mercredi', '2027-07-07', 'vacances'], // summer
    ['cantine', '2027-05-07', 'vacances'], // pont de l'Ascension
    ['mercredi', '2026-11-11', 'ferie'],
    ['cantine', '2027-05-06', 'ferie'], // Ascension
    ['vacances', '2027-07-14', 'ferie'],
    ['mercredi', '2027-03-10', 'fermeture'],
    ['mercredi', '2026-12-09', 'hors_delai'],
    ['mercredi', '2027-01-12', 'non_ouvert'], // a Tuesday
    ['cantine', '2027-01-13', 'non_ouvert'], // a Wednesday
    ['cantine', '2027-01-16', 'non_ouvert'], // a Saturday
    ['vacances', '2027-01-11', 'non_ouvert'], // a school Monday
    ['mercredi', '2027-01-20', null],
    ['vacances', '2027-02-08', null],
  ] as const)('%s on %s: %s', (kind, date, reason) => {
    expect(greyReason(kind, closed, date, today, 15)).toBe(reason);
    expect(isOpenDate(kind, closed, date) && isModifiable(date, today, 15)).toBe(reason === null);
  });

  it('checks outside the school year and the calendar before the deadline', () => {
    // all of these are also less than 15 days ahead
    expect(greyReason('mercredi', cal, '2026-12-23', '2026-12-20', 15)).toBe('vacances');
    expect(greyReason('mercredi', cal, '2026-08-26', '2026-08-20', 15)).toBe('hors_annee');
    expect(greyReason('mercredi', cal, '2026-11-11', '2026-11-01', 15)).toBe('ferie');
  });

  it('has a French label for every reason, "complet" included', () => {
    expect(GREY_REASON_LABELS).toEqual({
      hors_delai: 'Hors délai',
      vacances: 'Vacances scolaires',
      ferie: 'Jour férié',
      fermeture: 'Fermeture',
      hors_annee: 'Hors année scolaire',
      avant_ouverture: 'Réservations pas encore ouvertes',
      non_ouvert: 'Jour non ouvert',
      complet: 'Complet',
    });
  });

  it('bookablePredicate agrees with greyReason', () => {
    const bookable = bookablePredicate('mercredi', closed, today, 15);
    expect(bookable('2027-01-20')).toBe(true);
    expect(bookable('2026-12-09')).toBe(false);
    expect(bookable('2027-03-10')).toBe(false);
  });

  it('names the holiday period of a date', () => {
    expect(holidayOf(cal, '2026-12-25')?.label).toBe('Vacances de Noël');
    expect(holidayOf(cal, '2027-01-13')).toBeUndefined();
  });
});

describe('default period of a periodicity', () => {
  it('runs from the first open modifiable Wednesday to the last day before the summer', () => {
    expect(defaultTemplatePeriod('mercredi', cal, '2026-12-20', 15)).toEqual({ from: '2027-01-06', to: '2027-07-02' });
  });

  it('starts at the first Wednesday of the year when the parent comes before the rentrée', () => {
    expect(defaultTemplatePeriod('mercredi', cal, '2026-06-01', 15)).toEqual({ from: '2026-09-02', to: '2027-07-02' });
  });

  it('runs to the end of the summer holidays for the holiday leisure centre', () => {
    expect(defaultTemplatePeriod('vacances', cal, '2027-01-01', 15)).toEqual({ from: '2027-02-08', to: '2027-08-31' });
    expect(serviceLastDay('vacances', cal)).toBe('2027-08-31');
    expect(serviceLastDay('cantine', cal)).toBe('2027-07-02');
  });

  it('is null when nothing of the year can still be booked', () => {
    expect(defaultTemplatePeriod('cantine', cal, '2027-06-25', 15)).toBeNull();
  });
});

describe('what closes to booking in a span (the reminders before the deadline)', () => {
  it('the last day to change a Wednesday is 15 days before it, the last day isModifiable still says yes', () => {
    expect(lastChangeDay('2027-01-20', 15)).toBe('2027-01-05');
    expect(isModifiable('2027-01-20', lastChangeDay('2027-01-20', 15), 15)).toBe(true);
    expect(isModifiable('2027-01-20', '2027-01-06', 15)).toBe(false);
  });

  it('the week of Monday 4 January 2027 closes the dates 15 days later: 19 to 25 January', () => {
    expect(datesClosingBetween('2027-01-04', '2027-01-10', 15)).toEqual({ from: '2027-01-19', to: '2027-01-25' });
    expect(datesClosingBetween('2027-01-04', '2027-01-04', 0)).toEqual({ from: '2027-01-04', to: '2027-01-04' });
  });
});
