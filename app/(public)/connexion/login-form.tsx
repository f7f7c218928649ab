'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ErrorSummary, refusalErrors } from '@/components/error-summary';
import type { FormState } from '@/lib/action';
import { loginAction, type LoginDetails } from './actions';

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('login');
  const [state, action, pending] = useActionState<FormState, FormData>(loginAction, {});
  const refusal = state.ok === false ? state : undefined;
  const email = (refusal?.details as LoginDetails | undefined)?.email;
  const emailError = refusal?.fieldErrors?.email?.[0];
  const passwordError = refusal?.fieldErrors?.password?.[0];

  return (
    <form action={action} noValidate className="space-y-5">
      <ErrorSummary title={t('errorSummary')} errors={refusalErrors(refusal, ['email', 'password'])} answer={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
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
          defaultValue={email}
          key={email ?? ''}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? 'email-hint email-error' : 'email-hint'}
          className="mt-1 block w-full rounded border-2 border-slate-600 px-3 py-2 text-base"
        />
      </div>
      <div>
        <label htmlFor="password" className="block font-medium">
          {t('password')}
        </label>
        {passwordError && (
          <p id="password-error" className="text-sm font-medium text-red-800">
            {passwordError}
          </p>
        )}
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={200}
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={passwordError ? 'password-error' : undefined}
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
