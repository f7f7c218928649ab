'use client';

// The forms of « Comptes »: a row's button (invite, resend, disable, enable) with its error next to it,
// « Créer un compte » with an error summary linking to the fields, and an animateur's sites.
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { ErrorSummary, formErrors } from '@/components/error-summary';
import type { FormState, ServerAction } from '@/lib/action';

// each action redirects once done: its form only ever shows a refusal
type Action = ServerAction<unknown>;

export function RowAction({
  action,
  hidden,
  label,
  context,
  tone = 'primary',
}: {
  action: Action;
  hidden: Record<string, string | number>;
  label: string;
  /** whom the button acts on, read after its visible label by screen readers only (« Réactiver » le compte de …) */
  context: string;
  tone?: 'primary' | 'secondary';
}) {
  const t = useTranslations('accounts');
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  const error = useRef<HTMLParagraphElement>(null);
  const formError = state.ok === false ? state.formError : undefined;
  useEffect(() => {
    if (formError) error.current?.focus();
  }, [state, formError]);
  const style =
    tone === 'primary'
      ? 'bg-brand-700 text-white hover:bg-brand-800'
      : 'border-2 border-slate-600 bg-white text-slate-900 hover:bg-slate-100';
  return (
    <form action={formAction} className="inline-block">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        className={`rounded px-3 py-1.5 font-semibold disabled:opacity-60 ${style}`}
      >
        {pending ? t('working') : label}
        <span className="sr-only"> {context}</span>
      </button>
      {formError && (
        <p ref={error} tabIndex={-1} role="alert" className="mt-1 max-w-xs text-sm font-medium text-red-800">
          {formError}
        </p>
      )}
    </form>
  );
}

export interface SiteOption {
  id: number;
  name: string;
}

/** The sites of an animateur, a checkbox each (the first one carries the field's id, for the error summary's link). */
function SiteChoices({
  sites,
  checked = [],
  idPrefix,
  error,
}: {
  sites: SiteOption[];
  checked?: number[];
  idPrefix: string;
  error?: string;
}) {
  const t = useTranslations('accounts');
  return (
    <fieldset aria-describedby={error ? `${idPrefix}-error` : undefined}>
      <legend className="font-medium">{t('sites')}</legend>
      {error && (
        <p id={`${idPrefix}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      )}
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {sites.map((site, i) => (
          <label key={site.id} className="flex items-center gap-2">
            <input
              id={i === 0 ? idPrefix : undefined}
              type="checkbox"
              name="siteIds"
              value={site.id}
              defaultChecked={checked.includes(site.id)}
              className="size-5"
            />
            {site.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** « Enregistrer les structures » of an animateur's row (administrators). */
export function AnimateurSitesForm({
  action,
  accountId,
  name,
  sites,
  checked,
}: {
  action: Action;
  accountId: number;
  name: string;
  sites: SiteOption[];
  checked: number[];
}) {
  const t = useTranslations('accounts');
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  const refusal = state.ok === false ? state : undefined;
  const error = refusal?.fieldErrors?.siteIds?.[0] ?? refusal?.formError;
  return (
    <details className="mt-2">
      <summary className="cursor-pointer font-semibold text-brand-800 underline">
        {t('changeSites')}
        <span className="sr-only"> {t('sitesContext', { name })}</span>
      </summary>
      <form action={formAction} className="mt-2 space-y-2">
        <input type="hidden" name="accountId" value={accountId} />
        <SiteChoices sites={sites} checked={checked} idPrefix={`sites-${accountId}`} error={error} />
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? t('working') : t('saveSites')}
          <span className="sr-only"> {t('sitesContext', { name })}</span>
        </button>
      </form>
    </details>
  );
}

export function CreateAccountForm({ action, sites }: { action: Action; sites: SiteOption[] }) {
  const t = useTranslations('accounts');
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  const refusal = state.ok === false ? state : undefined;
  const errors = refusal?.fieldErrors ?? {};
  const fields = ['firstName', 'lastName', 'email', 'role', 'siteIds'] as const;
  const input = 'mt-1 block w-full rounded border-2 border-slate-600 px-3 py-2';
  const described = (f: (typeof fields)[number]) => (errors[f]?.[0] ? `${f}-error` : undefined);

  return (
    <form action={formAction} noValidate className="space-y-4">
      <ErrorSummary
        title={t('errorSummary')}
        errors={formErrors(refusal?.formError, errors, fields)}
        answer={state}
        level={3}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        {(['firstName', 'lastName'] as const).map((f) => (
          <div key={f}>
            <label htmlFor={f} className="block font-medium">
              {t(f)}
            </label>
            {errors[f]?.[0] && (
              <p id={`${f}-error`} className="text-sm font-medium text-red-800">
                {errors[f]![0]}
              </p>
            )}
            <input
              id={f}
              name={f}
              required
              maxLength={100}
              autoComplete="off"
              aria-invalid={errors[f]?.[0] ? true : undefined}
              aria-describedby={described(f)}
              className={input}
            />
          </div>
        ))}
        <div>
          <label htmlFor="email" className="block font-medium">
            {t('email')}
          </label>
          {errors.email?.[0] && (
            <p id="email-error" className="text-sm font-medium text-red-800">
              {errors.email[0]}
            </p>
          )}
          <input
            id="email"
            name="email"
            type="email"
            required
            maxLength={254}
            autoComplete="off"
            aria-invalid={errors.email?.[0] ? true : undefined}
            aria-describedby={described('email')}
            className={input}
          />
        </div>
        <fieldset>
          <legend className="font-medium">{t('role')}</legend>
          {errors.role?.[0] && (
            <p id="role-error" className="text-sm font-medium text-red-800">
              {errors.role[0]}
            </p>
          )}
          <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
            <label className="flex items-center gap-2">
              <input id="role" type="radio" name="role" value="staff" defaultChecked className="size-5" />
              {t('roleStaff')}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="role" value="admin" className="size-5" />
              {t('roleAdmin')}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="role" value="animateur" className="size-5" />
              {t('roleAnimateur')}
            </label>
          </div>
        </fieldset>
      </div>
      <p className="text-slate-700">{t('sitesHint')}</p>
      <SiteChoices sites={sites} idPrefix="siteIds" error={errors.siteIds?.[0]} />
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? t('creating') : t('create')}
      </button>
    </form>
  );
}
