// lib/planning: the pure calendar rules of the portal (open dates, deadline, templates, diff, labels).
// No I/O, no clock: "today" is always a parameter. Dates are plain calendar days (integer arithmetic);
// the only outside import is date-holidays (jours fériés), in public-holidays.ts.
export * from './types';
export * from './dates';
export * from './calendar';
export * from './public-holidays';
export * from './reservations';
export * from './template';
export * from './format';
export * from './views';
export * from './absences';
