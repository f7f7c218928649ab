'use client';

// The form of « Créer mon espace famille »: one fieldset per subject (you, your account, your address, the other
// parent, your children), each field labelled with its hint and its own message; the error summary links to the
// fields. A refusal gives back what was typed (the passwords excepted). « Ajouter un enfant » adds a line (6 at most).
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState } from 'react';
import { ErrorSummary, refusalErrors } from '@/components/error-summary';
import type { FormState } from '@/lib/action';
import { signUpAction, type SignupDetails } from './actions';

const INPUT = 'mt-1 block w-full rounded border-2 border-slate-600 px-3 py-2 text-base';
const FIELDSET = 'space-y-4 rounded border border-slate-400 p-4';

export function SignupForm({
  schools,
  maxChildren,
}: {
  schools: { id: number; name: string }[];
  /** lines of children the form may show (lib/accounts/signup.ts) */
  maxChildren: number;
}) {
  const t = useTranslations('signup');
  const [state, action, pending] = useActionState<FormState, FormData>(signUpAction, {});
  const refusal = state.ok === false ? state : undefined;
  const typed = (refusal?.details as SignupDetails | undefined) ?? {};
  const errors = refusal?.fieldErrors ?? {};
  const typedLines = Object.keys(typed)
    .map((name) => /^child(\d+)\./.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  const [lines, setLines] = useState(1);
  const shown = Math.min(maxChildren, Math.max(lines, ...typedLines.map((n) => n + 1)));
  const added = useRef(false);

  useEffect(() => {
    // « Ajouter un enfant »: the keyboard goes on to the new line's first field
    if (!added.current) return;
    added.current = false;
    document.getElementById(`child${shown - 1}.firstName`)?.focus();
  }, [shown]);

  const field = (
    name: string,
    label: string,
    options: { type?: string; autoComplete?: string; hint?: string; inputMode?: 'email' | 'tel' | 'numeric' } = {},
  ) => {
    const error = errors[name]?.[0];
    const hintId = options.hint ? `${name}-hint` : undefined;
    const errorId = error ? `${name}-error` : undefined;
    const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
    const secret = options.type === 'password';
    return (
      <div>
        <label htmlFor={name} className="block font-medium">
          {label}
        </label>
        {options.hint && (
          <p id={hintId} className="text-sm text-slate-700">
            {options.hint}
          </p>
        )}
        {error && (
          <p id={errorId} className="text-sm font-medium text-red-800">
            {error}
          </p>
        )}
        <input
          id={name}
          name={name}
          type={options.type ?? 'text'}
          autoComplete={options.autoComplete ?? 'off'}
          inputMode={options.inputMode}
          maxLength={secret ? 200 : 254}
          defaultValue={secret ? undefined : typed[name]}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={INPUT}
        />
      </div>
    );
  };

  return (
    <form action={action} noValidate className="space-y-6">
      <ErrorSummary title={t('errorSummary')} errors={refusalErrors(refusal, Object.keys(errors))} answer={state} />
      {/* a refusal gives the typed values back: the fields are drawn again with them */}
      <div key={JSON.stringify(typed)} className="space-y-6">
        <fieldset className={FIELDSET}>
          <legend className="px-1 text-lg font-semibold">{t('you')}</legend>
          {field('firstName', t('firstName'), { autoComplete: 'given-name' })}
          {field('lastName', t('lastName'), { autoComplete: 'family-name' })}
          {field('phone', t('phone'), { type: 'tel', autoComplete: 'tel', inputMode: 'tel', hint: t('phoneHint') })}
        </fieldset>
        <fieldset className={FIELDSET}>
          <legend className="px-1 text-lg font-semibold">{t('account')}</legend>
          {field('email', t('email'), {
            type: 'email',
            autoComplete: 'email',
            inputMode: 'email',
            hint: t('emailHint'),
          })}
          {field('password', t('password'), {
            type: 'password',
            autoComplete: 'new-password',
            hint: t('passwordHint'),
          })}
          {field('confirmation', t('confirmation'), { type: 'password', autoComplete: 'new-password' })}
        </fieldset>
        <fieldset className={FIELDSET}>
          <legend className="px-1 text-lg font-semibold">{t('home')}</legend>
          {field('address', t('address'), { autoComplete: 'street-address' })}
          {field('postalCode', t('postalCode'), { autoComplete: 'postal-code', inputMode: 'numeric' })}
          {field('city', t('city'), { autoComplete: 'address-level2' })}
        </fieldset>
        <fieldset className={FIELDSET} aria-describedby="otherParent-hint">
          <legend className="px-1 text-lg font-semibold">{t('otherParent')}</legend>
          <p id="otherParent-hint" className="text-sm text-slate-700">
            {t('otherParentHint')}
          </p>
          {field('otherParent.firstName', t('firstName'))}
          {field('otherParent.lastName', t('lastName'))}
          {field('otherParent.email', t('otherEmail'), { type: 'email', inputMode: 'email' })}
          {field('otherParent.phone', t('otherPhone'), { type: 'tel', inputMode: 'tel' })}
        </fieldset>
        <section aria-labelledby="children-heading" className="space-y-4">
          <h2 id="children-heading" className="text-lg font-semibold">
            {t('children')}
          </h2>
          <p className="text-sm text-slate-700">{t('childrenHint')}</p>
          {Array.from({ length: shown }, (_, i) => {
            const school = `child${i}.schoolId`;
            const schoolError = errors[school]?.[0];
            return (
              <fieldset key={i} className={FIELDSET}>
                <legend className="px-1 font-semibold">{t('childN', { n: i + 1 })}</legend>
                {field(`child${i}.firstName`, t('firstName'))}
                {field(`child${i}.lastName`, t('lastName'))}
                {field(`child${i}.birthDate`, t('birthDate'), { type: 'date' })}
                <div>
                  <label htmlFor={school} className="block font-medium">
                    {t('school')}
                  </label>
                  {schoolError && (
                    <p id={`${school}-error`} className="text-sm font-medium text-red-800">
                      {schoolError}
                    </p>
                  )}
                  <select
                    id={school}
                    name={school}
                    defaultValue={typed[school] ?? ''}
                    aria-invalid={schoolError ? true : undefined}
                    aria-describedby={schoolError ? `${school}-error` : undefined}
                    className={`${INPUT} bg-white`}
                  >
                    <option value="">{t('noSchool')}</option>
                    {schools.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
                  </select>
                </div>
              </fieldset>
            );
          })}
          {shown < maxChildren && (
            <button
              type="button"
              onClick={() => {
                added.current = true;
                setLines(shown + 1);
              }}
              className="min-h-11 rounded border-2 border-brand-700 bg-white px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50"
            >
              {t('addChild')}
            </button>
          )}
        </section>
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
