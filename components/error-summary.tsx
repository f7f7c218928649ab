'use client';

// The error summary of every form (GOV.UK's pattern): announced at once (role="alert"), focused each time the
// server answers with errors, a message about one field linking to that field. Nothing is shown without errors.
import { useEffect, useId, useRef } from 'react';

export interface FormErrorItem {
  message: string;
  /** the id of the field the message is about: the message links to it */
  field?: string;
}

/** The form's message, then the first message of each field (each text once). */
export function formErrors(
  formError: string | undefined,
  fieldErrors: Record<string, string[] | undefined> = {},
  linked: readonly string[] = [],
): FormErrorItem[] {
  const items: FormErrorItem[] = formError ? [{ message: formError }] : [];
  const seen = new Set(formError ? [formError] : []);
  for (const [field, messages] of Object.entries(fieldErrors)) {
    const message = messages?.[0]; // one message per field, the first
    if (!message || seen.has(message)) continue;
    seen.add(message);
    items.push(linked.includes(field) ? { message, field } : { message });
  }
  return items;
}

/**
 * The errors of a refused FormState (lib/action.ts) for a form that marks its fields: the refusal's sentence, unless it
 * only heads the fields' messages (« Certaines informations ne sont pas valides. »), then each field's message.
 */
export function refusalErrors(
  refusal: { formError: string; fieldErrors?: Record<string, string[] | undefined>; code?: string } | undefined,
  linked: readonly string[] = [],
): FormErrorItem[] {
  if (!refusal) return [];
  const fields = refusal.fieldErrors ?? {};
  const headsFields = refusal.code === 'invalid_input' && Object.values(fields).some((m) => m?.length);
  return formErrors(headsFields ? undefined : refusal.formError, fields, linked);
}

export function ErrorSummary({
  title,
  errors,
  answer,
  level = 2,
  className = '',
}: {
  title: string;
  errors: FormErrorItem[];
  /** the server's answer: a new answer with errors moves the focus here again */
  answer: unknown;
  level?: 2 | 3;
  className?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const hasErrors = errors.length > 0;
  useEffect(() => {
    if (hasErrors) ref.current?.focus();
  }, [answer, hasErrors]);
  if (!hasErrors) return null;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
      className={`rounded border-2 border-red-700 bg-white p-4 ${className}`}
    >
      <Heading id={titleId} className="font-semibold text-red-800">
        {title}
      </Heading>
      {errors.length === 1 && !errors[0]!.field ? (
        <p className="mt-1 text-red-800">{errors[0]!.message}</p>
      ) : (
        <ul className="mt-1 list-disc ps-5 text-red-800">
          {errors.map((e) => (
            <li key={e.message}>
              {e.field ? (
                <a href={`#${e.field}`} className="underline">
                  {e.message}
                </a>
              ) : (
                e.message
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
