'use client';

// « Valider » for the family: the reason is required (the server says so in French too), no double submit.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ErrorSummary, formErrors } from '@/components/error-summary';
import { submitOnBehalfAction, type FormState } from '../../../../actions';

export function AgentValidateForm({
  familyId,
  requestId,
  version,
  disabled,
}: {
  familyId: number;
  requestId: number;
  version: number;
  disabled: boolean;
}) {
  const t = useTranslations('onBehalf');
  const [state, action, pending] = useActionState<FormState, FormData>(submitOnBehalfAction, {});
  const reasonError = state.fieldErrors?.reason?.[0];
  // a missing reason is the form's message: it links to the field
  const errors = reasonError
    ? [{ message: state.formError ?? reasonError, field: 'motif' }]
    : formErrors(state.formError);
  return (
    <form action={action} noValidate className="w-full max-w-2xl">
      <ErrorSummary title={t('errorSummary')} errors={errors} answer={state} className="mb-4" />
      <input type="hidden" name="familyId" value={familyId} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="version" value={version} />
      <label className="block">
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
      <button
        type="submit"
        disabled={disabled || pending}
        aria-disabled={disabled || pending}
        className="mt-3 rounded bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? t('validating') : t('validate')}
      </button>
    </form>
  );
}
