'use client';

// The two password fields of an invitation or a reset link, with the error summary; once saved, the way to Connexion.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { ErrorSummary, refusalErrors } from '@/components/error-summary';
import type { FormState } from '@/lib/action';
import { setPasswordAction } from './actions';

export function PasswordForm({
  token,
  kind,
  doneMessage,
}: {
  token: string;
  kind: 'invitation' | 'password_reset';
  doneMessage: string;
}) {
  const t = useTranslations('activation');
  const [state, action, pending] = useActionState<FormState, FormData>(setPasswordAction, {});
  const done = useRef<HTMLDivElement>(null);
  const refusal = state.ok === false ? state : undefined;
  const passwordError = refusal?.fieldErrors?.password?.[0];
  const confirmationError = refusal?.fieldErrors?.confirmation?.[0];

  useEffect(() => {
    if (state.ok) done.current?.focus();
  }, [state]);

  if (state.ok) {
    return (
      <div ref={done} tabIndex={-1} role="status" className="rounded border-s-4 border-green-700 bg-green-50 p-4">
        <p>{doneMessage}</p>
        <p className="mt-3">
          <Link href="/connexion" className="font-semibold text-brand-700 underline">
            {t('login')}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <form action={action} noValidate className="space-y-5">
      <ErrorSummary
        title={t('errorSummary')}
        errors={refusalErrors(refusal, ['password', 'confirmation'])}
        answer={state}
      />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="kind" value={kind} />
      <div>
        <label htmlFor="password" className="block font-medium">
          {t('password')}
        </label>
        <p id="password-hint" className="text-sm text-slate-700">
          {t('rules')}
        </p>
        {passwordError && (
          <p id="password-error" className="text-sm font-medium text-red-800">
            {passwordError}
          </p>
        )}
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          maxLength={200}
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={passwordError ? 'password-hint password-error' : 'password-hint'}
          className="mt-1 block w-full rounded border-2 border-slate-600 px-3 py-2 text-base"
        />
      </div>
      <div>
        <label htmlFor="confirmation" className="block font-medium">
          {t('confirmation')}
        </label>
        {confirmationError && (
          <p id="confirmation-error" className="text-sm font-medium text-red-800">
            {confirmationError}
          </p>
        )}
        <input
          id="confirmation"
          name="confirmation"
          type="password"
          autoComplete="new-password"
          required
          maxLength={200}
          aria-invalid={confirmationError ? true : undefined}
          aria-describedby={confirmationError ? 'confirmation-error' : undefined}
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
