'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { forgotPasswordAction, type ForgotState } from './actions';

export function ForgotForm() {
  const t = useTranslations('forgot');
  const [state, action, pending] = useActionState<ForgotState, FormData>(forgotPasswordAction, {});
  const summary = useRef<HTMLDivElement>(null);
  const sent = useRef<HTMLParagraphElement>(null);
  const emailError = state.fieldErrors?.email?.[0];
  const hasErrors = Boolean(state.formError || emailError);

  useEffect(() => {
    if (hasErrors) summary.current?.focus();
    else if (state.sent) sent.current?.focus();
  }, [state, hasErrors]);

  if (state.sent) {
    return <p ref={sent} tabIndex={-1} role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-4">{t('sent')}</p>;
  }
  return (
    <form action={action} noValidate className="space-y-5">
      {hasErrors && (
        <div ref={summary} tabIndex={-1} role="alert" aria-labelledby="forgot-error-title" className="rounded border-2 border-red-700 bg-white p-4">
          <h2 id="forgot-error-title" className="font-semibold text-red-800">{t('errorSummary')}</h2>
          <ul className="mt-2 list-disc pl-5 text-red-800">
            {state.formError && <li>{state.formError}</li>}
            {emailError && <li><a href="#email" className="underline">{emailError}</a></li>}
          </ul>
        </div>
      )}
      <div>
        <label htmlFor="email" className="block font-medium">{t('email')}</label>
        <p id="email-hint" className="text-sm text-slate-700">{t('emailHint')}</p>
        {emailError && <p id="email-error" className="text-sm font-medium text-red-800">{emailError}</p>}
        <input
          id="email" name="email" type="email" autoComplete="username" inputMode="email" required maxLength={254}
          defaultValue={state.email} key={state.email ?? ''}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? 'email-hint email-error' : 'email-hint'}
          className="mt-1 block w-full rounded border-2 border-slate-600 px-3 py-2 text-base"
        />
      </div>
      <button type="submit" disabled={pending} className="w-full rounded bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-70">
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
