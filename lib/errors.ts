// Expected failures (the person's mistake, or a rule of the town) are UserErrors: a code and its parameters. The
// French sentence lives in messages/fr/refusals.json (namespace `refusals`), beside the UI's; the action pipeline
// (lib/action.ts) answers it as the form's error. Anything else is our bug: logged with a digest, and the person
// reads GENERIC_ERROR.
import { formatDateLong, FRENCH_WORDING, type IsoDate, type Wording } from '@/lib/planning';
import catalogue from '@/messages/fr/refusals.json';

const SENTENCES: Record<string, string> = catalogue.refusals;

export type ErrorCode = keyof typeof catalogue.refusals;

/** What a refusal's parameter needs to be said in the request's language (lib/action.ts gives it). */
export interface Speaker {
  /** the planning's words of the language: dates, units, services, greyed reasons */
  words: Wording;
  /** another refusal in that language (one inside a sentence: a sibling's, a field's) */
  refusal(code: ErrorCode, params: ErrorParams): string;
}

/**
 * A refusal's parameter whose words depend on the language (a date, a service, a greyed reason): its French words,
 * which the French sentence is written with (toString), and how another language says it.
 */
export class Said {
  constructor(
    readonly french: string,
    readonly say: (speaker: Speaker) => string,
  ) {}

  toString(): string {
    return this.french;
  }
}

export type ErrorParam = string | number | Said;
export type ErrorParams = Record<string, ErrorParam>;

/** A parameter said in each language: `french` as the use-case writes it, `say` for the request's language. */
export function said(french: string, say: (speaker: Speaker) => string): Said {
  return new Said(french, say);
}

/** A date: « mercredi 13 janvier 2027 », 'Wednesday, 13 January 2027'. */
export function dateParam(date: IsoDate): Said {
  return said(formatDateLong(date), (s) => s.words.dateLong(date));
}

/** A refusal inside another refusal's sentence (« Léa : Ces dates ne peuvent pas être modifiées… »). */
export function refusalParam(code: ErrorCode, params: ErrorParams = {}): Said {
  return said(errorText(code, params), (s) => s.refusal(code, params));
}

/** A refusal thrown elsewhere, inside another refusal's sentence (a sibling's, named). */
export function innerRefusal(error: UserError): Said {
  return said(error.message, (s) => s.refusal(error.code, error.params));
}

/** A form field's French sentence inside a refusal (`invalid_field`): said again when it is a known refusal. */
export function sentenceParam(sentence: string): ErrorParam {
  const known = refusalOfSentence(sentence);
  return known ? said(sentence, (s) => s.refusal(known.code, known.params)) : sentence;
}

/**
 * The speaker of a language: its planning's words, and `translate` giving a refusal's sentence in it (undefined: the
 * French one). French keeps the use-case's own words (the seed's); another language says each Said again.
 */
export function speakerOf(words: Wording, translate: (code: ErrorCode) => string | undefined): Speaker {
  const speaker: Speaker = {
    words,
    refusal(code, params) {
      const sentence = translate(code);
      if (sentence === undefined) return errorText(code, params);
      return fillPlaceholders(sentence, words === FRENCH_WORDING ? params : paramsIn(params, speaker));
    },
  };
  return speaker;
}

/**
 * A French refusal's sentence in the speaker's language, when it is a refusal (`known`: a UserError's code, else the
 * code of a sentence written with fieldError()); any other sentence as it is.
 */
export function sayRefusal(
  speaker: Speaker,
  sentence: string,
  known: { code: ErrorCode; params: ErrorParams } | undefined = refusalOfSentence(sentence),
): string {
  return known ? speaker.refusal(known.code, known.params) : sentence;
}

/** The parameters in the speaker's language: each Said said, the others as they are. */
export function paramsIn(params: ErrorParams, speaker: Speaker): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, value instanceof Said ? value.say(speaker) : value]),
  );
}

/**
 * What a caller branches on when several sentences mean the same thing: a 404, or the `?erreur=` of a URL (the
 * parents' « Commencer » pages and the agent's child page show their own sentence for these values: a URL contract).
 * A code not listed here is its own kind.
 */
const KINDS = {
  invalid_field: 'invalid_input',
  child_not_found: 'not_found',
  family_child_not_found: 'not_found',
  no_year_for_enrolment: 'no_year',
  no_year_for_reservations: 'no_year',
} as const satisfies Partial<Record<ErrorCode, string>>;

export type ErrorKind = ErrorCode | (typeof KINDS)[keyof typeof KINDS];

/** The French sentence of a code, its `{name}` placeholders filled in. */
export function errorText(code: ErrorCode, params: ErrorParams = {}): string {
  const sentence = SENTENCES[code];
  if (sentence === undefined)
    throw new Error(`No French text for the error code « ${code} » (messages/fr/refusals.json)`);
  return fillPlaceholders(sentence, params);
}

/** A sentence's `{name}` placeholders filled in (the refusals are plain sentences, not ICU messages). */
export function fillPlaceholders(sentence: string, params: ErrorParams): string {
  return sentence.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

export class UserError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  /** The fields the refusal concerns (zod's flattened field errors), for the form to mark. */
  readonly fieldErrors?: Record<string, string[] | undefined>;
  /** Data the caller uses to answer (e.g. the dates refused), never shown as such. */
  readonly details?: unknown;

  constructor(
    code: ErrorCode,
    params: ErrorParams = {},
    extra: { fieldErrors?: Record<string, string[] | undefined>; details?: unknown } = {},
  ) {
    super(errorText(code, params));
    this.name = 'UserError';
    this.code = code;
    this.params = params;
    this.fieldErrors = extra.fieldErrors;
    this.details = extra.details;
  }

  /** The family of the code (see KINDS): `not_found` for every « introuvable » a URL or a 404 stands for. */
  get kind(): ErrorKind {
    return (KINDS as Partial<Record<ErrorCode, ErrorKind>>)[this.code] ?? this.code;
  }
}

/**
 * The French sentences of the form fields' refusals (zod messages) written with fieldError(), by sentence: the action
 * pipeline finds their code to say them in the request's language (lib/action.ts).
 */
const FIELD_SENTENCES = new Map<string, { code: ErrorCode; params: ErrorParams }>();

/** A field's refusal in French for a zod schema, said in the parent's language by the action pipeline. */
export function fieldError(code: ErrorCode, params: ErrorParams = {}): string {
  const sentence = errorText(code, params);
  FIELD_SENTENCES.set(sentence, { code, params });
  return sentence;
}

/** The code of a French sentence written with fieldError() or a refusal without parameters, else undefined. */
export function refusalOfSentence(sentence: string): { code: ErrorCode; params: ErrorParams } | undefined {
  const field = FIELD_SENTENCES.get(sentence);
  if (field) return field;
  const code = (Object.keys(SENTENCES) as ErrorCode[]).find((c) => SENTENCES[c] === sentence);
  return code && !/\{\w+\}/.test(sentence) ? { code, params: {} } : undefined;
}

export const GENERIC_ERROR = errorText('generic');
export const INVALID_INPUT = errorText('invalid_input');
