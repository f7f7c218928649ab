'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ErrorSummary, formErrors } from '@/components/error-summary';
import { submitAction, type SubmitState } from '../../actions';

/** "Valider": sends the planning version the recap was computed on; disabled while it runs (no double submit). */
export function ValidateForm({
  requestId,
  version,
  disabled,
}: {
  requestId: number;
  version: number;
  disabled: boolean;
}) {
  const t = useTranslations('demarche');
  const [state, action, pending] = useActionState<SubmitState, FormData>(submitAction, {});
  return (
    <form action={action}>
      <ErrorSummary title={t('errorSummary')} errors={formErrors(state.formError)} answer={state} className="mb-4" />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="version" value={version} />
      <button
        type="submit"
        disabled={disabled || pending}
        aria-disabled={disabled || pending}
        className="rounded bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? t('validating') : t('validate')}
      </button>
    </form>
  );
}
