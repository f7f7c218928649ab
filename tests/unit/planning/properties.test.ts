// Properties over random calendars, templates and plannings (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WEEKDAYS,
  SERVICE_KINDS,
  UNITS,
  addDays,
  applyTemplate,
  bookablePredicate,
  daysBetween,
  diffReservations,
  eachDay,
  expandTemplate,
  fromDayNumber,
  greyReason,
  isIsoDate,
  isModifiable,
  isoWeekday,
  mondayOf,
  openDates,
  reservationKey,
  sortReservations,
  templateUnitsOn,
  templateWeekOf,
  toDayNumber,
  type IsoDate,
  type Reservation,
  type SchoolCalendar,
  type ServiceKind,
  type Template,
  type Unit,
  type WeekTemplate,
} from '@/lib/planning';

const BASE = toDayNumber('2024-01-01');
const RUNS = { numRuns: 200 };
const DAY_MS = 86_400_000;

/**
 * The deadline's oracle, written without lib/planning: whole days from `a` to `b` by plain UTC-midnight arithmetic
 * (a UTC day always lasts 86,400,000 ms in JavaScript, so the division is exact).
 */
function utcDaysBetween(a: IsoDate, b: IsoDate): number {
  const utcMidnight = (d: IsoDate) => {
    const [y, m, day] = d.split('-').map(Number);
    return Date.UTC(y!, m! - 1, day!);
  };
  return (utcMidnight(b) - utcMidnight(a)) / DAY_MS;
}

/** A random school year: 150..320 school days, up to 5 holiday periods, an optional summer, fériés, closures. */
const calendarArb: fc.Arbitrary<SchoolCalendar> = fc
  .record({
    start: fc.integer({ min: 0, max: 3000 }),
    length: fc.integer({ min: 150, max: 320 }),
    summer: fc.integer({ min: 0, max: 70 }),
    holidays: fc.array(fc.record({ at: fc.integer({ min: 0, max: 320 }), len: fc.integer({ min: 0, max: 20 }) }), {
      maxLength: 5,
    }),
    feries: fc.array(fc.integer({ min: -10, max: 400 }), { maxLength: 15 }),
    closures: fc.array(fc.integer({ min: -10, max: 400 }), { maxLength: 10 }),
  })
  .map(({ start, length, summer, holidays, feries, closures }) => {
    const day = (offset: number) => fromDayNumber(BASE + start + offset);
    const periods = holidays.map(({ at, len }, i) => ({ start: day(at), end: day(at + len), label: `Vacances ${i}` }));
    if (summer > 0) periods.push({ start: day(length), end: day(length + summer), label: "Vacances d'été" });
    return {
      yearStart: day(0),
      yearEnd: day(length),
      holidays: periods,
      publicHolidays: feries.map(day),
      closures: closures.map(day),
    };
  });

const weekArb: fc.Arbitrary<WeekTemplate> = fc.record(
  {
    1: fc.array(fc.constantFrom(...UNITS), { maxLength: 4 }),
    2: fc.array(fc.constantFrom(...UNITS), { maxLength: 4 }),
    3: fc.array(fc.constantFrom(...UNITS), { maxLength: 4 }),
    4: fc.array(fc.constantFrom(...UNITS), { maxLength: 4 }),
    5: fc.array(fc.constantFrom(...UNITS), { maxLength: 4 }),
  },
  { requiredKeys: [] },
);

const weeksArb: fc.Arbitrary<Template['weeks']> = fc.oneof(
  weekArb.map((w): Template['weeks'] => [w]),
  fc.tuple(weekArb, weekArb).map(([a, b]): Template['weeks'] => [a, b]),
);

const planningArb = fc.array(fc.record({ off: fc.integer({ min: -40, max: 420 }), unit: fc.constantFrom(...UNITS) }), {
  maxLength: 80,
});

/** A whole situation: a calendar, a service, today, a deadline, a template, a planning, a bookable predicate. */
const scenarioArb = fc
  .record({
    cal: calendarArb,
    kind: fc.constantFrom(...SERVICE_KINDS),
    today: fc.integer({ min: -60, max: 300 }),
    deadline: fc.integer({ min: 0, max: 30 }),
    from: fc.integer({ min: -20, max: 400 }),
    span: fc.integer({ min: -3, max: 200 }),
    weeks: weeksArb,
    planning: planningArb,
    randomBookable: fc.option(fc.array(fc.integer({ min: -40, max: 420 }), { maxLength: 150 })),
  })
  .map(({ cal, kind, today, deadline, from, span, weeks, planning, randomBookable }) => {
    const at = (offset: number) => addDays(cal.yearStart, offset);
    const t: Template = { weeks, from: at(from), to: at(from + span) };
    const existing: Reservation[] = planning.map(({ off, unit }) => ({ date: at(off), unit }));
    let bookable: (d: IsoDate) => boolean;
    if (randomBookable) {
      const set = new Set(randomBookable.map(at));
      bookable = (d) => set.has(d);
    } else {
      bookable = bookablePredicate(kind, cal, at(today), deadline);
    }
    return { cal, kind, today: at(today), deadline, t, existing, bookable };
  });

function unitsOnDate(planning: Reservation[], date: IsoDate): Unit[] {
  return sortReservations(planning)
    .filter((r) => r.date === date)
    .map((r) => r.unit);
}

function isCanonical(rs: Reservation[]): boolean {
  return JSON.stringify(rs) === JSON.stringify(sortReservations(rs));
}

describe('properties of a periodicity', () => {
  it('everything expandTemplate returns is bookable, inside the period, from the template, sorted and unique', () => {
    fc.assert(
      fc.property(scenarioArb, ({ t, bookable }) => {
        const out = expandTemplate(t, bookable);
        expect(isCanonical(out)).toBe(true);
        for (const r of out) {
          expect(bookable(r.date)).toBe(true);
          expect(r.date >= t.from && r.date <= t.to).toBe(true);
          expect(templateUnitsOn(t, r.date)).toContain(r.unit);
        }
      }),
      RUNS,
    );
  });

  it('applyTemplate is idempotent, and re-applying gives an empty diff', () => {
    fc.assert(
      fc.property(scenarioArb, ({ t, existing, bookable }) => {
        const once = applyTemplate(existing, t, bookable);
        const twice = applyTemplate(once, t, bookable);
        expect(twice).toEqual(once);
        expect(diffReservations(once, twice)).toEqual({ added: [], removed: [] });
        expect(isCanonical(once)).toBe(true);
      }),
      RUNS,
    );
  });

  it('nothing outside the period or on a greyed date ever changes; bookable dates get exactly the template', () => {
    fc.assert(
      fc.property(scenarioArb, ({ t, existing, bookable }) => {
        const after = applyTemplate(existing, t, bookable);
        const dates = new Set([...existing, ...after].map((r) => r.date));
        for (const d of eachDay(t.from, t.to)) dates.add(d);
        for (const date of dates) {
          const replaced = date >= t.from && date <= t.to && bookable(date);
          const expected = replaced
            ? unitsOnDate(
                templateUnitsOn(t, date).map((unit) => ({ date, unit })),
                date,
              )
            : unitsOnDate(existing, date);
          expect(unitsOnDate(after, date)).toEqual(expected);
        }
        const { added, removed } = diffReservations(existing, after);
        for (const r of [...added, ...removed]) {
          expect(r.date >= t.from && r.date <= t.to && bookable(r.date)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('template weeks alternate by calendar week, starting with week 1 on the week of from', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: -400, max: 400 }), (f, delta) => {
        const from = fromDayNumber(BASE + f);
        const date = addDays(from, delta);
        expect(templateWeekOf(from, from)).toBe(1);
        expect(templateWeekOf(from, mondayOf(from))).toBe(1);
        expect(templateWeekOf(from, addDays(date, 7))).not.toBe(templateWeekOf(from, date));
        expect(templateWeekOf(from, addDays(date, 14))).toBe(templateWeekOf(from, date));
        expect(templateWeekOf(from, mondayOf(date))).toBe(templateWeekOf(from, date));
      }),
      RUNS,
    );
  });
});

describe('properties of the diff', () => {
  const pair = fc.tuple(planningArb, planningArb).map(([a, b]) => {
    const at = (off: number) => fromDayNumber(BASE + 1000 + off);
    return [a.map(({ off, unit }) => ({ date: at(off), unit })), b.map(({ off, unit }) => ({ date: at(off), unit }))];
  });

  it('removing "removed" from a and adding "added" gives b', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const { added, removed } = diffReservations(a!, b!);
        const gone = new Set(removed.map(reservationKey));
        const result = sortReservations([...a!.filter((r) => !gone.has(reservationKey(r))), ...added]);
        expect(result).toEqual(sortReservations(b!));
        const before = new Set(a!.map(reservationKey));
        expect(added.some((r) => before.has(reservationKey(r)))).toBe(false);
        expect(removed.every((r) => before.has(reservationKey(r)))).toBe(true);
        expect(isCanonical(added) && isCanonical(removed)).toBe(true);
        expect(diffReservations(a!, a!)).toEqual({ added: [], removed: [] });
      }),
      RUNS,
    );
  });
});

describe('properties of the open dates', () => {
  const openArb = fc.record({
    cal: calendarArb,
    kind: fc.constantFrom<ServiceKind>(...SERVICE_KINDS),
    from: fc.integer({ min: -30, max: 420 }),
    span: fc.integer({ min: -3, max: 200 }),
    weekdays: fc.option(fc.subarray([1, 2, 3, 4, 5, 6, 7])),
    today: fc.integer({ min: -60, max: 300 }),
    deadline: fc.integer({ min: 0, max: 30 }),
  });

  it('are exactly the dates of the right weekday, in the right periods, never fériés nor closed', () => {
    fc.assert(
      fc.property(openArb, ({ cal, kind, from: f, span, weekdays, today: td, deadline }) => {
        const from = addDays(cal.yearStart, f);
        const to = addDays(from, span);
        const today = addDays(cal.yearStart, td);
        const options = weekdays ? { weekdays } : undefined;
        const days = weekdays ?? DEFAULT_WEEKDAYS[kind];
        const open = openDates(kind, cal, from, to, options);
        const inHolidays = (d: IsoDate) => cal.holidays.some((h) => h.start <= d && d <= h.end);
        // The rule written again, independently, as an oracle over every date of the range.
        const expected = eachDay(from, to).filter((d) => {
          if (!days.includes(isoWeekday(d))) return false;
          if (cal.publicHolidays.includes(d) || cal.closures.includes(d)) return false;
          if (kind === 'vacances') return d >= cal.yearStart && inHolidays(d);
          return d >= cal.yearStart && d < cal.yearEnd && !inHolidays(d);
        });
        expect(open).toEqual(expected);
        for (const d of open) {
          expect(days).toContain(isoWeekday(d));
          expect(cal.publicHolidays).not.toContain(d);
          expect(cal.closures).not.toContain(d);
          expect(inHolidays(d)).toBe(kind === 'vacances');
        }
        // greyReason is null exactly on open dates at least `deadline` days ahead (the oracle, not isModifiable)
        const openSet = new Set(open);
        for (const d of eachDay(from, to)) {
          const bookable = openSet.has(d) && utcDaysBetween(today, d) >= deadline;
          expect(greyReason(kind, cal, d, today, deadline, options) === null).toBe(bookable);
        }
      }),
      RUNS,
    );
  });
});

describe('properties of the deadline', () => {
  /** An ISO date written from a UTC instant, without lib/planning. */
  const isoDateOf = (dayNumber: number): IsoDate => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
  const deadlineArb = fc.record({
    today: fc.integer({ min: Date.UTC(1990, 0, 1) / DAY_MS, max: Date.UTC(2100, 11, 31) / DAY_MS }),
    deadline: fc.integer({ min: 0, max: 60 }),
    // often right at the deadline, where `>` and `>=` differ; sometimes anywhere in a year and more either side
    ahead: fc.oneof(fc.integer({ min: -2, max: 2 }), fc.integer({ min: -400, max: 400 })),
  });

  it("a date is modifiable exactly when it is at least the deadline's number of days ahead", () => {
    fc.assert(
      fc.property(deadlineArb, ({ today: t, deadline, ahead }) => {
        const today = isoDateOf(t);
        const date = isoDateOf(t + deadline + ahead);
        expect(isModifiable(date, today, deadline)).toBe(utcDaysBetween(today, date) >= deadline);
      }),
      RUNS,
    );
  });
});

describe('properties of calendar dates', () => {
  it('day numbers, addDays, daysBetween and weekdays agree', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), fc.integer({ min: -1000, max: 1000 }), (n, k) => {
        const d = fromDayNumber(BASE + n);
        expect(toDayNumber(d)).toBe(BASE + n);
        expect(daysBetween(d, addDays(d, k))).toBe(k);
        expect(isoWeekday(addDays(d, 7 * k))).toBe(isoWeekday(d));
        expect(isoWeekday(mondayOf(d))).toBe(1);
      }),
      RUNS,
    );
  });

  it('remembered conversions stay exact past the bound of what is remembered, and a bad date stays refused', () => {
    // 60,000 days: three times what dates.ts keeps, so its memory is emptied and refilled on the way
    for (let day = -30_000; day < 30_000; day++) {
      const date = fromDayNumber(day);
      expect(toDayNumber(date)).toBe(day);
      expect(fromDayNumber(toDayNumber(date))).toBe(date);
    }
    for (let round = 0; round < 2; round++) {
      expect(toDayNumber('2027-02-28')).toBe(toDayNumber('2027-03-01') - 1);
      expect(isIsoDate('2027-02-30')).toBe(false);
      expect(() => toDayNumber('2027-02-30')).toThrow(RangeError);
      expect(isIsoDate('2027-2-28')).toBe(false);
      expect(isIsoDate('0999-12-31')).toBe(false);
      expect(() => toDayNumber(20270228 as unknown as string)).toThrow(RangeError);
    }
  });
});
