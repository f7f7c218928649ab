'use client';

// « Valider »: sends the planning version the recap was computed on, with the reason when the actor's policy requires
// one (the server says so in French too); disabled while it runs (no double submit). The recap is its content
// (children), so that the bar holding « Valider », stuck to the bottom of the screen, stays in reach while it scrolls.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ErrorSummary, formErrors } from '@/components/error-summary';
import type { FormState } from '@/lib/action';

export type Submit = (state: FormState<unknown>, formData: FormData) => Promise<FormState<unknown>>;

export function ValidateForm({
  submit,
  namespace,
  fields,
  reason,
  disabled,
  children,
}: {
  submit: Submit;
  namespace: 'demarche' | 'onBehalf';
  fields: Record<string, number>;
  reason: boolean;
  disabled: boolean;
  children?: React.ReactNode;
}) {
  const t = useTranslations(namespace);
  const [state, action, pending] = useActionState<FormState<unknown>, FormData>(submit, {});
  const formError = state.ok === false ? state.formError : undefined;
  const reasonError = state.ok === false ? state.fieldErrors?.reason?.[0] : undefined;
  // a refused reason is the form's message (what to write), linked to the field
  const errors = reasonError ? [{ message: reasonError, field: 'motif' }] : formErrors(formError);
  return (
    <form action={action} noValidate className="w-full">
      <ErrorSummary title={t('errorSummary')} errors={errors} answer={state} className="mb-4" />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      {reason && (
        <label className="mt-4 block max-w-2xl">
          <span className="block font-medium">{t('reason')}</span>
          <span id="motif-aide" className="block text-sm text-slate-700">
            {t('reasonHelp')}
          </span>
          {reasonError && (
            <span id="motif-erreur" className="block text-sm font-medium text-red-800">
              {reasonError}
            </span>
          )}
          <textarea
            id="motif"
            name="reason"
            required
            rows={3}
            maxLength={500}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? 'motif-aide motif-erreur' : 'motif-aide'}
            className={`mt-1 w-full rounded border-2 px-2 py-1.5 ${reasonError ? 'border-red-700' : 'border-slate-600'}`}
          />
        </label>
      )}
      <div className="sticky bottom-0 z-10 mt-4 border-t-2 border-slate-300 bg-white py-3 pb-[max(0.75rem,env(safe-area-inset-bottom))]">
        <button
          type="submit"
          disabled={disabled || pending}
          aria-disabled={disabled || pending}
          className="min-h-11 rounded bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? t('validating') : t('validate')}
        </button>
      </div>
    </form>
  );
}
