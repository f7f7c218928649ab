'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { ErrorSummary, formErrors } from '@/components/error-summary';
import { forgotPasswordAction, type ForgotState } from './actions';

export function ForgotForm() {
  const t = useTranslations('forgot');
  const [state, action, pending] = useActionState<ForgotState, FormData>(forgotPasswordAction, {});
  const sent = useRef<HTMLParagraphElement>(null);
  const emailError = state.fieldErrors?.email?.[0];

  useEffect(() => {
    if (state.sent) sent.current?.focus();
  }, [state]);

  if (state.sent) {
    return (
      <p ref={sent} tabIndex={-1} role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-4">
        {t('sent')}
      </p>
    );
  }
  return (
    <form action={action} noValidate className="space-y-5">
      <ErrorSummary
        title={t('errorSummary')}
        errors={formErrors(state.formError, state.fieldErrors, ['email'])}
        answer={state}
      />
      <div>
        <label htmlFor="email" className="block font-medium">
          {t('email')}
        </label>
        <p id="email-hint" className="text-sm text-slate-700">
          {t('emailHint')}
        </p>
        {emailError && (
          <p id="email-error" className="text-sm font-medium text-red-800">
            {emailError}
          </p>
        )}
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          maxLength={254}
          defaultValue={state.email}
          key={state.email ?? ''}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? 'email-hint email-error' : 'email-hint'}
          className="mt-1 block w-full rounded border-2 border-slate-600 px-3 py-2 text-base"
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-70"
      >
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
