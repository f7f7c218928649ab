// Expected failures (the person's mistake, or a rule of the town) are UserErrors: a code and its parameters. The
// French sentence lives in messages/fr/refusals.json (namespace `refusals`), beside the UI's; the action pipeline
// (lib/action.ts) answers it as the form's error. Anything else is our bug: logged with a digest, and the person
// reads GENERIC_ERROR.
import catalogue from '@/messages/fr/refusals.json';

const SENTENCES: Record<string, string> = catalogue.refusals;

export type ErrorCode = keyof typeof catalogue.refusals;
export type ErrorParams = Record<string, string | number>;

/** The French sentence of a code, its `{name}` placeholders filled in. */
export function errorText(code: ErrorCode, params: ErrorParams = {}): string {
  const sentence = SENTENCES[code];
  if (sentence === undefined)
    throw new Error(`No French text for the error code « ${code} » (messages/fr/refusals.json)`);
  return sentence.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

export class UserError extends Error {
  readonly code: string;
  readonly params: ErrorParams;
  /** The fields the refusal concerns (zod's flattened field errors), for the form to mark. */
  readonly fieldErrors?: Record<string, string[] | undefined>;
  /** Data the caller uses to answer (e.g. the dates refused), never shown as such. */
  readonly details?: unknown;

  constructor(
    code: ErrorCode,
    params?: ErrorParams,
    extra?: { fieldErrors?: Record<string, string[] | undefined>; details?: unknown },
  );
  /** @deprecated TRANSITION ONLY: a sentence written in lib; being replaced by codes. */
  constructor(message: string, code?: string, details?: unknown);
  constructor(
    codeOrMessage: string,
    paramsOrCode?: ErrorParams | string,
    extra?: { fieldErrors?: Record<string, string[] | undefined>; details?: unknown } | unknown,
  ) {
    const legacy = !(codeOrMessage in SENTENCES);
    super(legacy ? codeOrMessage : errorText(codeOrMessage as ErrorCode, paramsOrCode as ErrorParams));
    this.name = 'UserError';
    if (legacy) {
      this.code = (paramsOrCode as string | undefined) ?? 'user_error';
      this.params = {};
      this.details = extra;
      this.fieldErrors = extra && typeof extra === 'object' ? (extra as Record<string, string[]>) : undefined;
    } else {
      const e = (extra ?? {}) as { fieldErrors?: Record<string, string[] | undefined>; details?: unknown };
      this.code = codeOrMessage;
      this.params = (paramsOrCode as ErrorParams | undefined) ?? {};
      this.fieldErrors = e.fieldErrors;
      this.details = e.details;
    }
  }
}

export const GENERIC_ERROR = errorText('generic');
export const INVALID_INPUT = errorText('invalid_input');
