'use client';

// A back-office form whose server action (lib/action.ts) answers a FormState<AdminAnswer>: the error summary is
// announced and focused, a success is announced, a preview is listed for confirmation, the button is disabled while
// the action runs. Used by /admin/calendrier and /admin/structures.
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState } from 'react';
import { ErrorSummary, formErrors } from '@/components/error-summary';
import type { FormState, ServerAction } from '@/lib/action';
import { PreviewPanel, type CancellationPreview } from './closure-form';

/** What a back-office setting's action answers: nothing (saved), or what a calendar change did or would do. */
export type AdminAnswer =
  | {
      /** a calendar change that would cancel reservations: listed first, written after confirmation */
      preview?: CancellationPreview;
      /** saved after confirmation: what it cancelled */
      cancelled?: { count: number; families: number };
    }
  | undefined
  | void;

export function AdminForm({
  action,
  submitLabel,
  submitContext,
  hidden = {},
  children,
  className = '',
  namespace = 'adminCalendar',
  danger = false,
}: {
  action: ServerAction<AdminAnswer>;
  submitLabel: string;
  /** what the button acts on, read after its visible label by screen readers only (« Enregistrer » l'année 2025-2026) */
  submitContext?: string;
  hidden?: Record<string, string | number>;
  children?: React.ReactNode;
  className?: string;
  namespace?: 'adminCalendar' | 'adminStructures' | 'adminWaitingRoom' | 'cafReport';
  danger?: boolean;
}) {
  const t = useTranslations(namespace);
  const [state, formAction, pending] = useActionState<FormState<AdminAnswer>, FormData>(action, {});
  const tc = useTranslations('adminCalendar');
  const alert = useRef<HTMLDivElement>(null);
  const [dismissed, setDismissed] = useState<number | undefined>(undefined);
  const answer = state.ok ? state.data : undefined;
  const refusal = state.ok === false ? state : undefined;
  const preview = state.ok && answer?.preview && dismissed !== state.stamp ? answer.preview : undefined;
  useEffect(() => {
    if (state.ok && state.data?.preview) alert.current?.focus();
  }, [state]);
  if (preview) {
    return (
      <div className="w-full">
        <PreviewPanel
          preview={preview}
          formAction={formAction}
          pending={pending}
          focusRef={alert}
          onDismiss={() => setDismissed(state.ok ? state.stamp : undefined)}
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
        errors={refusal ? formErrors(refusal.formError, refusal.fieldErrors) : []}
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
        className={
          danger
            ? 'rounded border-2 border-red-700 bg-white px-3 py-1.5 font-semibold text-red-800 hover:bg-red-50 disabled:opacity-60'
            : 'rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60'
        }
      >
        {pending ? t('pending') : submitLabel}
        {submitContext && <span className="sr-only"> {submitContext}</span>}
      </button>
      <span role="status" className="ml-3 text-green-800 empty:hidden">
        {state.ok && !answer?.preview && !pending
          ? answer?.cancelled
            ? tc('calendarChangeSaved', answer.cancelled)
            : t('saved')
          : ''}
      </span>
    </form>
  );
}
