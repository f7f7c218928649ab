'use client';

// A back-office form whose server action returns AdminFormState: the error summary is announced and focused, a
// success is announced, the button is disabled while the action runs. Used by /admin/calendrier and /admin/structures.
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState } from 'react';
import { ErrorSummary, formErrors } from '@/components/error-summary';
import { PreviewPanel, type CancellationPreviewState } from './closure-form';

export interface AdminFormState {
  ok?: boolean;
  formError?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** changes on every success, so the same message is announced again */
  stamp?: number;
  /** a calendar change that would cancel reservations: listed first, written after confirmation */
  preview?: CancellationPreviewState;
  /** saved after confirmation: what it cancelled */
  cancelled?: { count: number; families: number };
}

export type AdminFormAction = (prev: AdminFormState, formData: FormData) => Promise<AdminFormState>;

export function AdminForm({
  action,
  submitLabel,
  submitAriaLabel,
  hidden = {},
  children,
  className = '',
  namespace = 'adminCalendar',
  danger = false,
}: {
  action: AdminFormAction;
  submitLabel: string;
  submitAriaLabel?: string;
  hidden?: Record<string, string | number>;
  children?: React.ReactNode;
  className?: string;
  namespace?: 'adminCalendar' | 'adminStructures';
  danger?: boolean;
}) {
  const t = useTranslations(namespace);
  const [state, formAction, pending] = useActionState(action, {});
  const tc = useTranslations('adminCalendar');
  const alert = useRef<HTMLDivElement>(null);
  const [dismissed, setDismissed] = useState<number | undefined>(undefined);
  const preview = state.preview && dismissed !== state.stamp ? state.preview : undefined;
  useEffect(() => {
    if (state.preview) alert.current?.focus();
  }, [state]);
  if (preview) {
    return (
      <div className="w-full">
        <PreviewPanel
          preview={preview}
          formAction={formAction}
          pending={pending}
          focusRef={alert}
          onDismiss={() => setDismissed(state.stamp)}
          labels={{
            intro: tc('calendarPreviewIntro', {
              from: preview.dateLabel,
              to: preview.untilLabel ?? preview.dateLabel,
              count: preview.count,
              families: preview.families,
            }),
            caption: tc('calendarPreviewCaption'),
            confirm: tc('confirmCalendarChange'),
            cancel: tc('cancelCalendarChange'),
          }}
        />
      </div>
    );
  }
  return (
    <form action={formAction} className={className}>
      <ErrorSummary
        title={t('errorSummary')}
        errors={state.formError ? formErrors(state.formError, state.fieldErrors) : []}
        answer={state}
        level={3}
        className="mb-3 w-full"
      />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button
        type="submit"
        disabled={pending}
        aria-label={submitAriaLabel}
        className={
          danger
            ? 'rounded border-2 border-red-700 bg-white px-3 py-1.5 font-semibold text-red-800 hover:bg-red-50 disabled:opacity-60'
            : 'rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60'
        }
      >
        {pending ? t('pending') : submitLabel}
      </button>
      <span role="status" className="ml-3 text-green-800 empty:hidden">
        {state.ok && !pending ? (state.cancelled ? tc('calendarChangeSaved', state.cancelled) : t('saved')) : ''}
      </span>
    </form>
  );
}
