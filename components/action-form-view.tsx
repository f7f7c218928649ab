'use client';

// A form whose server action (lib/action.ts) answers a FormState: a refusal's sentence in the error summary, announced
// and focused; the submit button is disabled while the action runs (no double submit). Its words come as props
// (components/action-form.tsx), so the page needs no messages in the browser.
import { useActionState } from 'react';
import { ErrorSummary, formErrors, refusalErrors } from '@/components/error-summary';
import type { FormState, ServerAction } from '@/lib/action';

export function ActionFormView({
  action,
  submitLabel,
  pendingLabel,
  hidden,
  children,
  className = '',
  errorTitle,
  fieldMessages = false,
}: {
  action: ServerAction<unknown>;
  submitLabel: string;
  pendingLabel: string;
  hidden: Record<string, string | number>;
  children?: React.ReactNode;
  className?: string;
  /** the error summary's title (« Il y a un problème ») */
  errorTitle: string;
  /** the form has fields of its own: a refusal lists each field's message instead of the generic heading */
  fieldMessages?: boolean;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  return (
    <form action={formAction} className={className}>
      <ErrorSummary
        title={errorTitle}
        errors={
          fieldMessages
            ? refusalErrors(state.ok === false ? state : undefined)
            : formErrors(state.ok === false ? state.formError : undefined)
        }
        answer={state}
        className="mb-4"
      />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}
