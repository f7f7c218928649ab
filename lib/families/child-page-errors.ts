// Why « Gérer les réservations » sent the agent back to the child's page: the URL carries a code (?erreur=no_year),
// never a sentence, so a link cannot make a staff page say whatever its author likes; unknown codes show nothing.
// The sentences are in messages/fr/admin-families.json (adminChild.errors).
import { z } from 'zod';
import type { UserError } from '@/lib/errors';

/** The kinds of UserError startReservationOnBehalf can throw (UserError.kind), and `refused` for any other. */
export const CHILD_PAGE_ERRORS = ['invalid_input', 'not_found', 'no_year', 'not_enrolled', 'refused'] as const;
export type ChildPageError = (typeof CHILD_PAGE_ERRORS)[number];

const codeSchema = z.enum(CHILD_PAGE_ERRORS);

/** The code to put in `?erreur=` for a refusal. */
export function childPageErrorCode(error: UserError): ChildPageError {
  const known = codeSchema.safeParse(error.kind);
  return known.success ? known.data : 'refused';
}

/** `t` of the adminChild namespace (next-intl). */
export type ChildPageTranslator = (key: `errors.${ChildPageError}`, values: { firstName: string }) => string;

/** The French sentence for `?erreur=`, or null when it is missing, unknown or forged. */
export function childPageError(erreur: unknown, t: ChildPageTranslator, firstName: string): string | null {
  const code = codeSchema.safeParse(erreur);
  return code.success ? t(`errors.${code.data}`, { firstName }) : null;
}
