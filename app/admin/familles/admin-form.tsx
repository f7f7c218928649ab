'use client';

// A back-office form posting to a server action (lib/action.ts) that answers FormState<FamilyAnswer>: the error
// summary (with the fields' messages) is announced and focused; a success message is announced; no double submit.
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { ErrorSummary, formErrors } from '@/components/error-summary';
import type { FormState, ServerAction } from '@/lib/action';
import type { FamilyAnswer } from './actions';

export function AdminForm({
  action,
  submitLabel,
  pendingLabel,
  hidden = {},
  done,
  children,
  className = '',
  resetOnDone = true,
}: {
  action: ServerAction<FamilyAnswer>;
  submitLabel: string;
  pendingLabel: string;
  hidden?: Record<string, string | number>;
  /** what to announce when it worked; {value} is replaced by the action's answer */
  done?: string;
  children?: React.ReactNode;
  className?: string;
  resetOnDone?: boolean;
}) {
  const t = useTranslations('adminFamilies');
  const [state, formAction, pending] = useActionState<FormState<FamilyAnswer>, FormData>(action, {});
  const form = useRef<HTMLFormElement>(null);
  const doneValue = state.ok ? state.data.done : undefined;
  const refusal = state.ok === false ? state : undefined;
  useEffect(() => {
    if (state.ok && resetOnDone) form.current?.reset();
  }, [state, resetOnDone]);
  return (
    <form ref={form} action={formAction} className={className} noValidate>
      <ErrorSummary
        title={t('errorSummary')}
        errors={refusal ? formErrors(refusal.formError, refusal.fieldErrors) : []}
        answer={state}
        className="mb-4"
      />
      <div role="status" className="empty:hidden">
        {doneValue && done && (
          <p className="mb-4 rounded border-l-4 border-green-700 bg-green-50 p-3">
            {done.replace('{value}', doneValue)}
          </p>
        )}
      </div>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button
        type="submit"
        disabled={pending}
        className="mt-3 rounded bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}

/** A labelled input. */
export function Field({
  label,
  name,
  type = 'text',
  required = false,
  defaultValue,
  optionalLabel,
  autoComplete,
}: {
  label: string;
  name: string;
  type?: string;
  required?: boolean;
  defaultValue?: string;
  optionalLabel?: string;
  autoComplete?: string;
}) {
  return (
    <label className="block">
      <span className="block text-sm font-medium">
        {label}
        {!required && optionalLabel ? ` (${optionalLabel})` : ''}
      </span>
      <input
        type={type}
        name={name}
        required={required}
        defaultValue={defaultValue}
        autoComplete={autoComplete ?? 'off'}
        className="mt-1 w-full rounded border-2 border-slate-600 px-2 py-1.5"
      />
    </label>
  );
}

/** A labelled select. */
export function SelectField({
  label,
  name,
  options,
  defaultValue,
  emptyLabel,
}: {
  label: string;
  name: string;
  options: { value: string | number; label: string }[];
  defaultValue?: string | number;
  emptyLabel?: string;
}) {
  return (
    <label className="block">
      <span className="block text-sm font-medium">{label}</span>
      <select
        name={name}
        defaultValue={defaultValue}
        className="mt-1 w-full rounded border-2 border-slate-600 bg-white px-2 py-1.5"
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
