// Ids come from forms and URLs: they are bounded to PostgreSQL's integer before any query, so a forged
// 2147483648 is a French refusal, not a database error in the logs. Every zod schema that reads an id uses these.
import { z } from 'zod';

/** The largest PostgreSQL `integer` (serial ids, versions). */
export const MAX_ID = 2_147_483_647;

export const ID_MESSAGE = 'Identifiant invalide.';

/** A positive integer id, with `message` for whoever reads the refusal (the field's own words where it has one). */
export function idField(message: string = ID_MESSAGE) {
  return z.coerce.number({ error: message }).int(message).positive(message).max(MAX_ID, message);
}

export const idSchema = idField();

const STALE_RECAP = "Le récapitulatif n'est plus à jour : rechargez la page.";
/** The planning version shown on a recap (0 for a child never booked), an integer column too. */
export const versionSchema = z.coerce
  .number({ error: STALE_RECAP })
  .int(STALE_RECAP)
  .min(0, STALE_RECAP)
  .max(MAX_ID, STALE_RECAP);
