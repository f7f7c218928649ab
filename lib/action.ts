// The one way to write a server action. `action({ role, input }, useCase)`:
// - authenticates the role (anonymous → Connexion, wrong role → 403; `anyone` for the public pages);
// - parses the input with zod, from a FormData (a form, with or without useActionState) or from JSON (a client call);
// - runs the use-case, whose queries carry the ownership (the family or the agent is part of each WHERE); the handler
//   also gets the input as submitted, before parsing (a confirmation step sends it back as it was typed);
// - answers one FormState: { ok: true, data } or { ok: false, formError, fieldErrors, code } in French, a UserError's
//   code mapped to its sentence; anything else is our bug, logged with a digest the person can quote.
// redirect(), notFound() and forbidden() thrown by the use-case or the route go through untouched.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { getTranslations } from 'next-intl/server';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { getWording } from '@/i18n/wording';
import { requireParent, requireStaff, type CurrentUser, type ParentUser, type StaffUser } from '@/lib/auth/session';
import {
  GENERIC_ERROR,
  INVALID_INPUT,
  refusalOfSentence,
  sayRefusal,
  speakerOf,
  UserError,
  type Speaker,
} from '@/lib/errors';

export type { StaffUser };

/** What every server action answers, and the state of every form bound to one (useActionState). */
export type FormState<T = unknown> =
  | { ok?: undefined } // the form's initial state: nothing submitted yet
  | { ok: true; data: T; stamp: number }
  | {
      ok: false;
      formError: string;
      fieldErrors?: Record<string, string[] | undefined>;
      code?: string;
      details?: unknown;
      digest?: string;
    };

export type ActionRole = 'anyone' | 'parent' | 'staff' | 'admin';
type UserOf<R extends ActionRole> = R extends 'parent' ? ParentUser : R extends 'anyone' ? null : StaffUser;

/** A server action as its callers see it: a form's action, a useActionState action, or a function called with JSON. */
// (the input is checked by zod at run time; its static type would only hide that a client can send anything)
export type ServerAction<T> = (...args: unknown[]) => Promise<FormState<T>>;
/** The action of a plain `<form>` (no useActionState): what it answers is read by no one (see `plain` below). */
export type PlainAction = (formData: FormData) => Promise<void>;

/** A server action as `<form action>` takes it: a plain form drops the answer (a redirect is the answer there). */
export type FormAction = (formData: FormData) => void;

/** The same server action typed for `<form action>`: no wrapper, the reference stays the server's. */
export function formAction(serverAction: ServerAction<unknown>): FormAction {
  return serverAction;
}

/**
 * The fields of a form, without React's own ($ACTION_…) entries: `a.b` names nest (`parent.email`), a repeated name
 * becomes a list, and a file stays a File.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$')) continue;
    const path = key.split('.');
    let node = out;
    for (const part of path.slice(0, -1)) {
      if (typeof node[part] !== 'object' || node[part] === null || Array.isArray(node[part])) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    const leaf = path[path.length - 1]!;
    const previous = node[leaf];
    node[leaf] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return out;
}

function inputOf(args: unknown[]): unknown {
  const form = args.find((a): a is FormData => a instanceof FormData);
  return form ? formDataToObject(form) : args[0];
}

async function authenticate<R extends ActionRole>(role: R): Promise<UserOf<R>> {
  if (role === 'anyone') return null as UserOf<R>;
  return (role === 'parent' ? await requireParent() : await requireStaff()) as UserOf<R>;
}

/**
 * A zod refusal in French: the form's own message, or « Certaines informations ne sont pas valides. » above the
 * fields' messages (each form puts those next to its fields).
 */
export function refusalOf(error: z.ZodError): Extract<FormState, { ok: false }> {
  const flat = z.flattenError(error);
  const fieldErrors = flat.fieldErrors as Record<string, string[] | undefined>;
  const sentence = flat.formErrors[0];
  // a sentence for the whole input says it all; else the generic heading (code invalid_input) above the fields' own
  if (sentence) return { ok: false, formError: sentence, fieldErrors };
  return { ok: false, formError: INVALID_INPUT, fieldErrors, code: 'invalid_input' };
}

/**
 * `schema`, whose refusal is one sentence for the whole form: for a form with no field of its own to mark (hidden
 * ids, one choice), where the sentence says what to do.
 */
export function refusedAs<S extends z.ZodType>(message: string, schema: S) {
  return z.unknown().transform((value, ctx): z.infer<S> => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  });
}

/** The mark action() leaves on what it returns, so a test can tell a pipeline action from a hand-written one. */
const PIPELINE = Symbol.for('portail.action');

export interface PipelineMark {
  role: ActionRole;
  name?: string;
}

/** The role and name an action() was declared with, or undefined for a function that is not one. */
export function pipelineOf(fn: unknown): PipelineMark | undefined {
  return typeof fn === 'function' ? (fn as unknown as Record<symbol, PipelineMark | undefined>)[PIPELINE] : undefined;
}

export interface ActionOptions<S extends z.ZodType, R extends ActionRole> {
  role: R;
  input: S;
  /** in the logs, for an unexpected error */
  name?: string;
  /**
   * The action of a plain `<form action>` (no useActionState): every outcome it expects leaves the page (a redirect),
   * so a success answers nothing, and its type is the one `<form action>` takes. A refusal still answers its
   * FormState (a JSON caller, a test reads it); the form, left as it was, does not.
   */
  plain?: boolean;
}

export function action<S extends z.ZodType, T, R extends ActionRole>(
  options: ActionOptions<S, R> & { plain: true },
  handler: (input: z.infer<S>, user: UserOf<R>, submitted: unknown) => Promise<T>,
): PlainAction;
export function action<S extends z.ZodType, T, R extends ActionRole>(
  options: ActionOptions<S, R>,
  handler: (input: z.infer<S>, user: UserOf<R>, submitted: unknown) => Promise<T>,
): ServerAction<T>;
export function action<S extends z.ZodType, T, R extends ActionRole>(
  options: ActionOptions<S, R>,
  handler: (input: z.infer<S>, user: UserOf<R>, submitted: unknown) => Promise<T>,
): ServerAction<T> | PlainAction {
  const run = async (...args: unknown[]): Promise<FormState<T> | undefined> => {
    const user = await authenticate(options.role);
    if (options.role === 'admin' && user && (user as StaffUser).role !== 'admin') {
      return { ok: false, formError: new UserError('forbidden_admin').message, code: 'forbidden_admin' };
    }
    const submitted = inputOf(args);
    const parsed = options.input.safeParse(submitted);
    if (!parsed.success) return inLanguage(refusalOf(parsed.error));
    try {
      const data = await handler(parsed.data, user, submitted);
      return options.plain ? undefined : { ok: true, data, stamp: Date.now() };
    } catch (error) {
      unstable_rethrow(error); // redirect(), notFound(), forbidden() are answers, not errors
      if (error instanceof UserError) {
        return inLanguage(
          {
            ok: false,
            formError: error.message,
            code: error.code,
            fieldErrors: error.fieldErrors,
            details: error.details,
          },
          { code: error.code, params: error.params },
        );
      }
      const digest = randomBytes(4).toString('hex');
      console.error(`[action ${options.name ?? handler.name ?? ''}] digest=${digest}`, { user: who(user) }, error);
      return { ok: false, formError: `${GENERIC_ERROR} (${digest})`, digest };
    }
  };
  Object.defineProperty(run, PIPELINE, { value: { role: options.role, name: options.name } satisfies PipelineMark });
  return run as ServerAction<T> & PlainAction;
}

type Refusal = Extract<FormState, { ok: false }>;

/**
 * A refusal in the language of the request: its sentence and its fields' sentences, when they are refusals of
 * messages/<locale>/refusals.json (a UserError's, or a field's written with fieldError()); French outside a request
 * (a test calling the action) or for a sentence without a code. A refusal's parameters that depend on the language
 * (dates, services, greyed reasons, a refusal inside another: `Said`, lib/errors.ts) are said in it; names stay.
 */
async function inLanguage(refusal: Refusal, of?: ReturnType<typeof refusalOfSentence>): Promise<Refusal> {
  let t: Awaited<ReturnType<typeof getTranslations<'refusals'>>>;
  let words: Speaker['words'];
  try {
    [t, words] = await Promise.all([getTranslations('refusals'), getWording()]);
  } catch {
    return refusal;
  }
  const speaker = speakerOf(words, (code) => {
    const translated = t.has(code) ? (t.raw(code) as unknown) : undefined;
    return typeof translated === 'string' ? translated : undefined;
  });
  const say = (sentence: string, known = refusalOfSentence(sentence)): string => sayRefusal(speaker, sentence, known);
  const formError = say(refusal.formError, of ?? refusalOfSentence(refusal.formError));
  const fieldErrors = refusal.fieldErrors
    ? Object.fromEntries(Object.entries(refusal.fieldErrors).map(([k, v]) => [k, v?.map((m) => say(m))]))
    : undefined;
  return { ...refusal, formError, ...(fieldErrors ? { fieldErrors } : {}) };
}

function who(user: CurrentUser | null): Record<string, unknown> | null {
  if (!user) return null;
  return { id: user.id, role: user.role, family: user.familyId };
}
