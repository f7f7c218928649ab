'use client';

// « Confirmer mon adresse e-mail »: a button, so that a mail client or a scanner opening the link confirms nothing;
// once confirmed, the way to Connexion.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { ErrorSummary, refusalErrors } from '@/components/error-summary';
import type { FormState } from '@/lib/action';
import { confirmEmailAction } from './actions';

export function ConfirmForm({ token }: { token: string }) {
  const t = useTranslations('confirmEmail');
  const [state, action, pending] = useActionState<FormState, FormData>(confirmEmailAction, {});
  const done = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.ok) done.current?.focus();
  }, [state]);

  if (state.ok) {
    return (
      <div ref={done} tabIndex={-1} role="status" className="rounded border-s-4 border-green-700 bg-green-50 p-4">
        <h2 className="font-semibold">{t('doneTitle')}</h2>
        <p className="mt-1">{t('done')}</p>
        <p className="mt-3">
          <Link href="/connexion" className="font-semibold text-brand-700 underline">
            {t('login')}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-5">
      <ErrorSummary
        title={t('errorSummary')}
        errors={refusalErrors(state.ok === false ? state : undefined)}
        answer={state}
      />
      <input type="hidden" name="token" value={token} />
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
