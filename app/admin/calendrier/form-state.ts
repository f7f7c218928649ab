// Between a back-office form (AdminForm) and its server action: the text fields of the form, and the action's
// result as the form's state (the page refreshed on success). Used by « Calendrier » and « Structures ».
import 'server-only';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/action';
import type { AdminFormState } from './admin-form';

/** The form's text fields, without React's own ($ACTION_…) entries. */
export function fields(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries())
    if (typeof value === 'string' && !key.startsWith('$')) out[key] = value;
  return out;
}

export function formState<T>(result: ActionResult<T>, path: string): AdminFormState {
  if (result.ok) {
    revalidatePath(path);
    return { ok: true, stamp: Date.now() };
  }
  return { ok: false, formError: result.formError, fieldErrors: result.fieldErrors };
}
