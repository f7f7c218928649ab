// The request types (lib/requests/types.ts): a reservation's acknowledgment is built from its stored diff and says
// what the recap said; a diff is read through the schema of its row's type.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffByDate, diffReservations, sortReservations, UNITS, type Reservation } from '@/lib/planning';
import { changesByDate, readRequestDiff } from '@/lib/requests/types';

const planning = fc
  .uniqueArray(
    fc.record({
      date: fc.constantFrom('2027-01-06', '2027-01-13', '2027-01-20', '2027-02-03'),
      unit: fc.constantFrom(...UNITS),
    }),
    { selector: (r) => `${r.date}|${r.unit}`, maxLength: 16 },
  )
  .map((list) => sortReservations(list as Reservation[]));

describe('changesByDate', () => {
  it("gives, from a request's added and removed reservations, the recap's changes by date", () => {
    fc.assert(
      fc.property(planning, planning, (current, desired) => {
        expect(changesByDate(diffReservations(current, desired))).toEqual(diffByDate(current, desired));
      }),
    );
  });
});

describe('readRequestDiff', () => {
  it('reads each type with its own schema', () => {
    const reservation = { added: [{ date: '2027-01-13', unit: 'matin' }], removed: [] };
    const enrolment = { enrolment: { siteId: 3, siteName: 'Les Tilleuls', schoolYear: '2026-2027' } };
    expect(readRequestDiff({ id: 1, type: 'reservation', diff: reservation })).toEqual({
      type: 'reservation',
      diff: reservation,
    });
    expect(readRequestDiff({ id: 2, type: 'inscription', diff: enrolment })).toEqual({
      type: 'inscription',
      diff: enrolment,
    });
    expect(() => readRequestDiff({ id: 3, type: 'inscription', diff: reservation })).toThrow(/request 3/);
    expect(() => readRequestDiff({ id: 4, type: 'reservation', diff: null })).toThrow(/does not match its type/);
    expect(() => readRequestDiff({ id: 5, type: 'waiting_list', diff: {} })).toThrow(/does not match its type/);
  });
});
