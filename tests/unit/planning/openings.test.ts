// The opening hour of a period's bookings, as lib/planning sees it: the caller gives the periods whose hour is still to
// come (notYetOpen); their open days grey with the opening's sentence, the periodicity leaves them alone, and the
// deadline still speaks first. On the real zone C calendar of 2026-2027.
import { describe, expect, it } from 'vitest';
import {
  bookablePredicate,
  defaultTemplatePeriod,
  expandTemplate,
  greyLabel,
  greyReason,
  greyWords,
  openDates,
  openingSentence,
  type PendingOpening,
} from '@/lib/planning';
import { zoneC2026 } from './zone-c';

const cal = zoneC2026();
const summer: PendingOpening = {
  start: '2027-07-03',
  end: '2027-08-31',
  sentence: openingSentence({ holiday: "Vacances d'été" }, { date: '2027-05-04', hour: 8, minute: 0 }),
};
const options = { notYetOpen: [summer] };

describe('the sentence of an opening', () => {
  it('names the period in lower case after « pour les », the day without its year and the hour', () => {
    expect(summer.sentence).toBe("Réservations pour les vacances d'été ouvertes le mardi 4 mai à 8 h");
    expect(openingSentence({ holiday: 'Vacances de Noël' }, { date: '2026-11-03', hour: 8, minute: 30 })).toBe(
      'Réservations pour les vacances de Noël ouvertes le mardi 3 novembre à 8 h 30',
    );
  });

  it('names a school year, and quotes a period that is not « Vacances … »', () => {
    expect(openingSentence({ schoolYear: '2027-2028' }, { date: '2027-06-01', hour: 18, minute: 5 })).toBe(
      "Réservations pour l'année scolaire 2027-2028 ouvertes le mardi 1 juin à 18 h 05",
    );
    expect(openingSentence({ holiday: "Pont de l'Ascension" }, { date: '2027-04-06', hour: 8, minute: 0 })).toBe(
      "Réservations pour la période « Pont de l'Ascension » ouvertes le mardi 6 avril à 8 h",
    );
  });
});

describe('a period whose bookings open later', () => {
  it('greys its open days with the sentence, and only them', () => {
    expect(greyReason('vacances', cal, '2027-07-05', '2027-04-20', 15, options)).toBe('avant_ouverture');
    expect(greyLabel('avant_ouverture', '2027-07-05', options)).toBe(summer.sentence);
    expect(greyWords('avant_ouverture', '2027-07-05', options)).toBe(
      "réservations pour les vacances d'été ouvertes le mardi 4 mai à 8 h",
    );
    // the spring holidays are not held by the summer's opening
    expect(greyReason('vacances', cal, '2027-04-12', '2027-03-20', 15, options)).toBeNull();
    // a weekend or a public holiday keeps its own reason
    expect(greyReason('vacances', cal, '2027-07-14', '2027-04-20', 15, options)).toBe('ferie');
  });

  it('says « hors délai » first: a day past its deadline will not open', () => {
    expect(greyReason('vacances', cal, '2027-07-05', '2027-06-25', 15, options)).toBe('hors_delai');
  });

  it('stays a set of open dates (openDates ignores the opening), but the periodicity does not book them', () => {
    expect(openDates('vacances', cal, '2027-07-05', '2027-07-09', options)).toHaveLength(5);
    const bookable = bookablePredicate('vacances', cal, '2027-03-20', 15, options);
    const template = {
      weeks: [{ 1: ['matin' as const] }] as [Record<number, 'matin'[]>],
      from: '2027-04-05',
      to: '2027-07-31',
    };
    expect(expandTemplate(template, bookable).map((r) => r.date)).toEqual(['2027-04-05', '2027-04-12']);
    expect(expandTemplate(template, bookablePredicate('vacances', cal, '2027-03-20', 15)).length).toBe(6);
  });

  // from 25 April, the first day still ahead of its deadline is in the summer (the Ascension bridge is past it)
  it('starts the default periodicity after the days not open yet', () => {
    expect(defaultTemplatePeriod('vacances', cal, '2027-04-25', 15, options)).toBeNull();
    expect(defaultTemplatePeriod('vacances', cal, '2027-04-25', 15)).toEqual({ from: '2027-07-05', to: '2027-08-31' });
  });
});
