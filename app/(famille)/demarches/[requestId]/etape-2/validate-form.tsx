'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { submitAction, type SubmitState } from '../../actions';

/** "Valider": sends the planning version the recap was computed on; disabled while it runs (no double submit). */
export function ValidateForm({ requestId, version, disabled }: { requestId: number; version: number; disabled: boolean }) {
  const t = useTranslations('demarche');
  const [state, action, pending] = useActionState<SubmitState, FormData>(submitAction, {});
  const alert = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.formError) alert.current?.focus();
  }, [state]);
  return (
    <form action={action}>
      {state.formError && (
        <div ref={alert} tabIndex={-1} role="alert" aria-labelledby="validate-error-title" className="mb-4 rounded border-2 border-red-700 bg-white p-4">
          <h2 id="validate-error-title" className="font-semibold text-red-800">{t('errorSummary')}</h2>
          <p className="mt-1 text-red-800">{state.formError}</p>
        </div>
      )}
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" disabled={disabled || pending} aria-disabled={disabled || pending}
        className="rounded bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? t('validating') : t('validate')}
      </button>
    </form>
  );
}
