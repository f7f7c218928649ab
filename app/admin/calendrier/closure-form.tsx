'use client';

// "Ajouter une fermeture": a first submit lists the reservations the closure would cancel; the agent confirms with a
// second submit (the same values, `confirm` and the fingerprint of the list read), or gives up.
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState } from 'react';
import { ErrorSummary, formErrors } from '@/components/error-summary';
import type { FormState, ServerAction } from '@/lib/action';

/** The reservations a change would cancel, as the agent reads them before confirming (closures and calendar changes). */
export interface CancellationPreview {
  /** the values submitted, sent again with confirm=1 (fingerprint included) */
  input: Record<string, string>;
  /** 'mercredi 13 janvier 2027': the closed day, or the first day concerned */
  dateLabel: string;
  /** the last day concerned (a calendar change) */
  untilLabel?: string;
  count: number;
  families: number;
  rows: {
    key: string;
    childName: string;
    familyName: string;
    service: string;
    siteName: string;
    units: string;
    date?: string;
  }[];
}

/** What « Ajouter la fermeture » answers: the reservations it would cancel, or the closure made and what it cancelled. */
export interface ClosureAnswer {
  preview?: CancellationPreview & { date: string };
  created?: { cancelled: number; families: number };
}

export function ClosureForm({
  action,
  sites,
  minDate,
}: {
  action: ServerAction<ClosureAnswer>;
  sites: { id: number; name: string }[];
  minDate: string;
}) {
  const t = useTranslations('adminCalendar');
  const [state, formAction, pending] = useActionState<FormState<ClosureAnswer>, FormData>(action, {});
  const [dismissed, setDismissed] = useState<number | undefined>(undefined);
  const focusRef = useRef<HTMLDivElement>(null);
  const answer = state.ok ? state.data : undefined;
  const refusal = state.ok === false ? state : undefined;
  const preview = state.ok && answer?.preview && dismissed !== state.stamp ? answer.preview : undefined;
  useEffect(() => {
    if (state.ok && state.data.preview) focusRef.current?.focus();
  }, [state]);

  return (
    <div className="mt-4">
      <ErrorSummary
        title={t('errorSummary')}
        errors={refusal ? formErrors(refusal.formError, refusal.fieldErrors) : []}
        answer={state}
        level={3}
        className="mb-3"
      />
      <p role="status" className="mb-3 empty:hidden">
        {answer?.created && (
          <span className="block rounded border-l-4 border-green-700 bg-green-50 p-3">
            {t('closureCreated', { count: answer.created.cancelled, families: answer.created.families })}
          </span>
        )}
      </p>

      {preview ? (
        <PreviewPanel
          preview={preview}
          formAction={formAction}
          pending={pending}
          focusRef={focusRef}
          onDismiss={() => setDismissed(state.ok ? state.stamp : undefined)}
          labels={{
            intro: t('previewIntro', { date: preview.dateLabel, count: preview.count, families: preview.families }),
            caption: t('previewCaption'),
            confirm: t('confirmClosure'),
            cancel: t('cancelClosure'),
          }}
        />
      ) : (
        <form action={formAction} className="grid gap-3 sm:grid-cols-2">
          <label className="flex flex-col gap-1">
            <span className="font-medium">{t('closureDate')}</span>
            <input
              type="date"
              name="date"
              required
              min={minDate}
              className="rounded border border-slate-500 px-2 py-1.5"
            />
          </label>
          <label className="flex flex-col gap-1">
            <span className="font-medium">{t('closureSite')}</span>
            <select name="siteId" className="rounded border border-slate-500 px-2 py-1.5" defaultValue="all">
              <option value="all">{t('allSites')}</option>
              {sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            <span className="font-medium">{t('closureService')}</span>
            <select name="service" className="rounded border border-slate-500 px-2 py-1.5" defaultValue="all">
              <option value="all">{t('allServices')}</option>
              {(['cantine', 'mercredi', 'vacances'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`service.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            <span className="font-medium">{t('closureReason')}</span>
            <input
              type="text"
              name="reason"
              required
              maxLength={300}
              className="rounded border border-slate-500 px-2 py-1.5"
            />
          </label>
          <div className="sm:col-span-2">
            <button
              type="submit"
              disabled={pending}
              className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
            >
              {pending ? t('pending') : t('closureAdd')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

/** The list of the reservations concerned, with "confirm" (the same values again, confirm=1) and "give up". */
export function PreviewPanel({
  preview,
  formAction,
  pending,
  focusRef,
  onDismiss,
  labels,
}: {
  preview: CancellationPreview;
  formAction: (formData: FormData) => void;
  pending: boolean;
  focusRef: React.RefObject<HTMLDivElement | null>;
  onDismiss: () => void;
  labels: { intro: string; caption: string; confirm: string; cancel: string };
}) {
  const t = useTranslations('adminCalendar');
  const withDates = preview.rows.some((r) => r.date !== undefined);
  return (
    <div
      ref={focusRef}
      tabIndex={-1}
      className="rounded border-2 border-amber-700 bg-amber-50 p-4"
      aria-labelledby="closure-preview-title"
    >
      <h4 id="closure-preview-title" className="text-lg font-bold">
        {t('previewTitle')}
      </h4>
      <p className="mt-1">{labels.intro}</p>
      <div role="region" aria-label={labels.caption} tabIndex={0} className="mt-3 max-h-96 overflow-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">{labels.caption}</caption>
          <thead>
            <tr className="border-b-2 border-slate-400">
              <th scope="col" className="p-2">
                {t('child')}
              </th>
              <th scope="col" className="p-2">
                {t('family')}
              </th>
              {withDates && (
                <th scope="col" className="p-2">
                  {t('previewDate')}
                </th>
              )}
              <th scope="col" className="p-2">
                {t('closureService')}
              </th>
              <th scope="col" className="p-2">
                {t('closureSite')}
              </th>
              <th scope="col" className="p-2">
                {t('units')}
              </th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.key} className="border-b border-slate-300">
                <th scope="row" className="p-2 font-medium">
                  {r.childName}
                </th>
                <td className="p-2">{r.familyName}</td>
                {withDates && <td className="p-2">{r.date}</td>}
                <td className="p-2">{r.service}</td>
                <td className="p-2">{r.siteName}</td>
                <td className="p-2">{r.units}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form action={formAction} className="mt-4 flex flex-wrap gap-3">
        {Object.entries(preview.input).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="confirm" value="1" />
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 disabled:opacity-60"
        >
          {pending ? t('pending') : labels.confirm}
        </button>
        <button
          type="button"
          onClick={onDismiss}
          className="rounded border-2 border-slate-700 bg-white px-4 py-2 font-semibold"
        >
          {labels.cancel}
        </button>
      </form>
    </div>
  );
}
