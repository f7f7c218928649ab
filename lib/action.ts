// Every server action goes through parentAction: the session and the role are checked, the input parsed by zod,
// one use-case called; the result is { ok: true, data } or { ok: false, formError?, fieldErrors? } in French.
import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { requireParent, requireStaff, type CurrentUser, type ParentUser } from '@/lib/auth/session';
import { GENERIC_ERROR, UserError } from '@/lib/errors';

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      formError?: string;
      fieldErrors?: Record<string, string[] | undefined>;
      code?: string;
      details?: unknown;
    };

export function parentAction<S extends z.ZodType, T>(
  schema: S,
  fn: (input: z.infer<S>, user: ParentUser) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return async (input: unknown) => {
    const user = await requireParent();
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const flat = z.flattenError(parsed.error);
      return {
        ok: false,
        formError: flat.formErrors[0] ?? 'Certaines informations ne sont pas valides.',
        fieldErrors: flat.fieldErrors as Record<string, string[]>,
      };
    }
    try {
      return { ok: true, data: await fn(parsed.data, user) };
    } catch (error) {
      unstable_rethrow(error); // redirect(), notFound() … are not errors
      if (error instanceof UserError)
        return { ok: false, formError: error.message, code: error.code, details: error.details };
      console.error('[action]', { user: user.id, family: user.familyId }, error);
      return { ok: false, formError: GENERIC_ERROR };
    }
  };
}

export type StaffUser = CurrentUser & { role: 'staff' | 'admin' };

/** The same for the back office: staff and admin only (a parent gets 403), parsed by zod, one use-case. */
export function staffAction<S extends z.ZodType, T>(
  schema: S,
  fn: (input: z.infer<S>, user: StaffUser) => Promise<T>,
  opts: { adminOnly?: boolean } = {},
): (input: unknown) => Promise<ActionResult<T>> {
  return async (input: unknown) => {
    const user = await requireStaff();
    if (opts.adminOnly && user.role !== 'admin')
      return { ok: false, formError: 'Cette action est réservée aux administrateurs.', code: 'forbidden' };
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const flat = z.flattenError(parsed.error);
      return {
        ok: false,
        formError: flat.formErrors[0] ?? 'Certaines informations ne sont pas valides.',
        fieldErrors: flat.fieldErrors as Record<string, string[]>,
      };
    }
    try {
      return { ok: true, data: await fn(parsed.data, user) };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof UserError)
        return { ok: false, formError: error.message, code: error.code, details: error.details };
      console.error('[staff action]', { user: user.id }, error);
      return { ok: false, formError: GENERIC_ERROR };
    }
  };
}
