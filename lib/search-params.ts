// The back office's lists read their filters from the URL: every value is parsed by zod, and a bad one is ignored
// (never an error page). Shared by « Demandes » and « Journal ».
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';

/** A search param as Next gives it (string, repeated, or absent): the first value, trimmed, '' as absent. */
export const param = <T extends z.ZodType>(inner: T) =>
  z.preprocess((v) => {
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first !== 'string') return undefined;
    const s = first.trim();
    return s === '' ? undefined : s;
  }, inner.optional().catch(undefined));

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)));

/** ?page=: 1 when absent or bad. */
export const pageParam = z.preprocess(
  (v) => (Array.isArray(v) ? v[0] : v) ?? 1,
  z.coerce.number().int().min(1).max(100_000).catch(1),
);

/** ILIKE pattern for "contains", with the user's % and _ taken literally. */
export function containsPattern(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The Paris calendar date of a timestamp column, for date-range filters. */
export const parisDay = (column: SQL | unknown) => sql`(${column} at time zone 'Europe/Paris')::date`;

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageCount: number;
}
