// Parsing a use-case's input with zod: the first problem becomes a French UserError (the use-cases are called by
// routes and tests alike), and the field schemas the back office's forms share.
import { z } from 'zod';
import { sentenceParam, UserError } from '@/lib/errors';
import { idSchema } from '@/lib/ids';
import { isIsoDate, SERVICE_KINDS, type ServiceKind } from '@/lib/planning';

/** Parses with zod and turns the first problem into a French UserError (the use-cases are called by tests too). */
export function parseOrRefuse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
  // the schema's own French message is the sentence (the schemas keep their texts): `invalid_field` is « {message} »
  if (!issue?.message) throw new UserError('invalid_input', {}, { fieldErrors });
  throw new UserError('invalid_field', { message: sentenceParam(issue.message) }, { fieldErrors });
}

// ---------------------------------------------------------------------------------------------------------------
// Shared field schemas (French messages: they reach the agent as they are)

export { idSchema }; // the shared one (lib/ids.ts), re-exported for the back office's schemas
export const isoDateField = (name: string) =>
  z
    .string({ error: `Indiquez ${name}.` })
    .trim()
    .min(1, `Indiquez ${name}.`)
    .refine(isIsoDate, `${capitalize(name)} n'est pas une date valide (JJ/MM/AAAA).`);
export const serviceSchema = z.enum(SERVICE_KINDS as [ServiceKind, ...ServiceKind[]], { error: 'Service inconnu.' });

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Each field's messages keyed by its full path ('child1.birthDate'), for a form whose fields nest (zod's flattenError
 * keeps only the first key). The key is the field's `name` in the form, and its id: the error summary links to it.
 */
export function fieldErrorsByPath(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.');
    if (key) (out[key] ??= []).push(issue.message);
  }
  return out;
}
