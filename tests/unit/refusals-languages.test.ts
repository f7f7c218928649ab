// Refusals in the parent's language (issue 14): a form field's zod message written with fieldError(), a UserError's
// sentence and the words inside it (dates, services, greyed reasons, the opening of the bookings, day rules, a sibling's
// refusal) are said in English and Arabic as the action pipeline says them (lib/action.ts: speakerOf and sayRefusal,
// with the messages of messages/<locale>/refusals.json and the planning's words); French stays the use-case's words.
import { describe, expect, it } from 'vitest';
import { emailWords } from '@/emails/i18n';
import { signupSchema } from '@/lib/accounts/signup';
import { chooseSiteSchema } from '@/lib/enrolments/enrol';
import { innerRefusal, sayRefusal, speakerOf, UserError, type ErrorCode, type Speaker } from '@/lib/errors';
import { FRENCH_WORDING, openingSentence } from '@/lib/planning';
import { invalidDaysRefusal, lockedDatesRefusal, saveDaysSchema, templateSchema } from '@/lib/requests/drafts';
import type { ServiceCalendar } from '@/lib/reservations/calendar';
import { buildPlanningView } from '@/lib/reservations/planning-view';
import ar from '@/messages/ar/refusals.json';
import en from '@/messages/en/refusals.json';
import fr from '@/messages/fr/refusals.json';

const catalogues = { fr: fr.refusals, en: en.refusals, ar: ar.refusals } as const;
const speaker = (locale: keyof typeof catalogues): Speaker =>
  speakerOf(
    locale === 'fr' ? FRENCH_WORDING : emailWords(locale).words,
    (code: ErrorCode) => (catalogues[locale] as Record<string, string>)[code],
  );
const [french, english, arabic] = [speaker('fr'), speaker('en'), speaker('ar')];

/** Each field's messages as the pipeline answers them in `s`'s language. */
function fieldMessages(
  s: Speaker,
  schema: { safeParse(v: unknown): { error?: { issues: { path: PropertyKey[]; message: string }[] } } },
  input: unknown,
) {
  const issues = schema.safeParse(input).error?.issues ?? [];
  expect(issues.length, 'the input is refused').toBeGreaterThan(0);
  return Object.fromEntries(issues.map((i) => [i.path.join('.'), sayRefusal(s, i.message)]));
}

const say = (s: Speaker, error: UserError) => sayRefusal(s, error.message, { code: error.code, params: error.params });

describe('the sign-up form’s fields', () => {
  const form = {
    firstName: '',
    lastName: 'Saidi',
    phone: '06 12 34 56 78',
    email: 'amina@example.fr',
    password: 'une-phrase-de-passe',
    confirmation: 'une-phrase-de-passe',
    address: '4 rue des Lilas',
    postalCode: 'abc',
    city: 'Belleval',
    child0: { firstName: '', lastName: 'Saidi', birthDate: '2031-01-01', schoolId: '' },
  };
  const schema = signupSchema('2026-11-29');

  it('in English and Arabic, the child’s number kept', () => {
    expect(fieldMessages(english, schema, form)).toEqual({
      firstName: 'Give your first name.',
      postalCode: en.refusals.signup_postal_code,
      'child0.firstName': 'Child 1: give their first name.',
      'child0.birthDate': en.refusals.signup_child_birth_date_range.replace('{n}', '1'),
    });
    const inArabic = fieldMessages(arabic, schema, form);
    expect(inArabic['child0.firstName']).toBe(ar.refusals.signup_child_first_name.replace('{n}', '1'));
    expect(Object.values(inArabic).join(' ')).not.toMatch(/Indiquez|Enfant/);
  });

  it('in French as before', () => {
    expect(fieldMessages(french, schema, form)['child0.firstName']).toBe('Enfant 1 : indiquez son prénom.');
  });
});

describe('the démarches’ fields', () => {
  it('the two-week template’s dates, in English and Arabic', () => {
    const input = { requestId: 1, weeks: [{}, {}], from: '2027-03-01', to: '2027-02-01' };
    expect(fieldMessages(english, templateSchema, input)).toEqual({
      to: 'The “To” date must come after the “From” date.',
    });
    expect(fieldMessages(english, templateSchema, { ...input, from: '' }).from).toBe('Enter the start date (From).');
    expect(fieldMessages(arabic, templateSchema, { ...input, to: 'x' }).to).toBe('أدخل تاريخ النهاية (إلى).');
    expect(fieldMessages(french, templateSchema, input).to).toBe('La date « Au » doit suivre la date « Du ».');
  });

  it('a day sent twice names its date in the page’s language', () => {
    const twice = {
      requestId: 1,
      days: [
        { date: '2027-01-13', units: [] },
        { date: '2027-01-13', units: [] },
      ],
    };
    expect(fieldMessages(english, saveDaysSchema, twice)['']).toBe(
      'Wednesday, 13 January 2027 appears twice: each day is saved only once.',
    );
    expect(fieldMessages(french, saveDaysSchema, twice)['']).toBe(
      "Le mercredi 13 janvier 2027 apparaît deux fois : chaque jour ne s'enregistre qu'une fois.",
    );
  });

  it('the enrolment’s place', () => {
    expect(fieldMessages(english, chooseSiteSchema, { requestId: 1, siteId: 'x' }).siteId).toBe(
      'Select the place offered.',
    );
  });
});

/** The Wednesday centre of a small year whose summer bookings open on Tuesday 4 May 2027 at 8:00 (Paris). */
const summer = { start: '2027-07-05', end: '2027-08-31' };
const opens = { date: '2027-05-04', hour: 8, minute: 0 };
const calendar: ServiceCalendar = {
  schoolYear: { id: 1, label: '2026-2027', yearStart: '2026-09-01', yearEnd: '2027-07-05', lastDay: '2027-08-31' },
  cal: {
    yearStart: '2026-09-01',
    yearEnd: '2027-07-05',
    holidays: [{ ...summer, label: "Vacances d'été" }],
    publicHolidays: ['2026-11-11'],
    closures: [],
  },
  deadlineDays: 15,
  weekdays: [1, 2, 3, 4, 5],
  openings: [
    {
      ...summer,
      opensAt: new Date('2027-05-04T06:00:00Z'),
      sentence: openingSentence({ holiday: "Vacances d'été" }, opens),
      period: { holiday: "Vacances d'été" },
      opens,
    },
  ],
};
const at = { today: '2026-11-29', now: new Date('2026-11-29T09:00:00Z') };

describe('the refusals’ words: dates, greyed reasons, the opening of the bookings', () => {
  const locked = lockedDatesRefusal('vacances', calendar, ['2026-12-02', '2027-07-07'], at)!;

  it('keep the French sentence as it was', () => {
    expect(say(french, locked)).toBe(
      "Ces dates ne peuvent pas être modifiées : mercredi 2 décembre 2026 (jour non ouvert), mercredi 7 juillet 2027 (réservations pour les vacances d'été ouvertes le mardi 4 mai à 8 h).",
    );
    expect(say(french, locked)).toBe(locked.message);
  });

  it('say the dates, the reasons and the opening in English', () => {
    expect(say(english, locked)).toBe(
      "These dates cannot be changed: Wednesday, 2 December 2026 (not an opening day), Wednesday, 7 July 2027 (bookings for “Vacances d'été” open on Tuesday 4 May at 08:00).",
    );
  });

  it('and in Arabic, nothing French left but the period’s name', () => {
    const text = say(arabic, locked);
    expect(text).toContain('2 ديسمبر 2026');
    expect(text).toContain('تُفتح حجوزات');
    expect(text).not.toMatch(/mercredi|hors délai|ouvertes|Réservations/);
  });

  it('a day rule, and a sibling’s refusal inside the démarche’s', () => {
    const invalid = invalidDaysRefusal('mercredi', [{ date: '2027-01-13', units: ['repas_classique'] }])!;
    expect(say(english, invalid)).toBe(
      'Wednesday, 13 January 2027: A meal can be booked only with a half-day (morning or afternoon).',
    );
    const sibling = new UserError('siblings_child_refusal', { name: 'Hugo', message: innerRefusal(invalid) });
    expect(say(english, sibling)).toContain('Hugo: Wednesday, 13 January 2027: A meal can be booked only');
    expect(say(french, sibling)).toBe(sibling.message);
    expect(sibling.message).toContain('mercredi 13 janvier 2027 : Un repas');
  });
});

describe('Étape 1’s greyed days before the opening', () => {
  it('say when the bookings open, in the page’s language', () => {
    const greyed = (words: typeof FRENCH_WORDING) =>
      buildPlanningView('vacances', calendar, at.today, 'periode', '2027-07-05', at.now, words).days[0]!.greyed;
    expect(greyed(FRENCH_WORDING)).toBe("Réservations pour les vacances d'été ouvertes le mardi 4 mai à 8 h");
    expect(greyed(emailWords('en').words)).toBe("Bookings for “Vacances d'été” open on Tuesday 4 May at 08:00");
    expect(greyed(emailWords('ar').words)).toMatch(
      /^تُفتح حجوزات «Vacances d'été» يوم الثلاثاء،? 4 مايو على الساعة 08:00$/,
    );
  });
});
