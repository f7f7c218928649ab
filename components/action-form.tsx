'use client';

// A form whose server action returns { formError }: the error summary is announced and focused,
// the submit button is disabled while the action runs (no double submit).
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';

type Action = (prev: { formError?: string }, formData: FormData) => Promise<{ formError?: string }>;

export function ActionForm({ action, submitLabel, pendingLabel, hidden, children, className = '' }: {
  action: Action;
  submitLabel: string;
  pendingLabel: string;
  hidden: Record<string, string | number>;
  children?: React.ReactNode;
  className?: string;
}) {
  const t = useTranslations('demarche');
  const [state, formAction, pending] = useActionState(action, {});
  const alert = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.formError) alert.current?.focus();
  }, [state]);
  return (
    <form action={formAction} className={className}>
      {state.formError && (
        <div ref={alert} tabIndex={-1} role="alert" aria-labelledby="action-error-title" className="mb-4 rounded border-2 border-red-700 bg-white p-4">
          <h2 id="action-error-title" className="font-semibold text-red-800">{t('errorSummary')}</h2>
          <p className="mt-1 text-red-800">{state.formError}</p>
        </div>
      )}
      {Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      {children}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}
