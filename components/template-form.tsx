'use client';

// "Appliquer une périodicité": a one- or two-week template applied over a period (seed: "pour 1 semaine",
// "pour 2 semaines", "Du … Au …"). It replaces the draft's reservations of the period's bookable days.
// Used by the parent's démarche and by the agent's (with their own server action).
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { addDays, isIsoDate, mondayOf } from '@/lib/planning/dates';
import { formatDateLong, UNIT_LABELS, WEEKDAY_NAMES_FR } from '@/lib/planning/format';
import type { Unit } from '@/lib/planning/types';
import type { FormState } from '@/lib/action';

export type ApplyTemplate = (
  input: Record<string, unknown>,
) => Promise<FormState<{ added: number; removed: number; from: string; to: string }>>;

interface Props {
  /** server action applying the template to the draft */
  apply: ApplyTemplate;
  /** extra fields the action needs (e.g. the family for an agent) */
  extra?: Record<string, number>;
  requestId: number;
  weekdays: number[];
  units: Unit[];
  defaultFrom: string;
  defaultTo: string;
  min: string;
  max: string;
}

interface FormValues {
  rhythm: '1' | '2';
  from: string;
  to: string;
  week1: Record<string, Unit[] | false>;
  week2: Record<string, Unit[] | false>;
}

export function TemplateForm({
  apply,
  extra = {},
  requestId,
  weekdays,
  units,
  defaultFrom,
  defaultTo,
  min,
  max,
}: Props) {
  const t = useTranslations('template');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { register, handleSubmit, control } = useForm<FormValues>({
    defaultValues: { rhythm: '1', from: defaultFrom, to: defaultTo, week1: {}, week2: {} },
  });
  const [rhythm, from] = useWatch({ control, name: ['rhythm', 'from'] });
  const weekOne = isIsoDate(from) ? mondayOf(from) : null;

  const onSubmit = handleSubmit((values) => {
    const toWeek = (w: FormValues['week1']) =>
      Object.fromEntries(weekdays.map((d) => [String(d), Array.isArray(w[String(d)]) ? (w[String(d)] as Unit[]) : []]));
    const weeks = values.rhythm === '2' ? [toWeek(values.week1), toWeek(values.week2)] : [toWeek(values.week1)];
    startTransition(async () => {
      const result = await apply({ ...extra, requestId, weeks, from: values.from, to: values.to });
      if (result.ok) {
        setMessage({
          ok: true,
          text: t('applied', {
            from: formatDateLong(result.data.from),
            to: formatDateLong(result.data.to),
            added: result.data.added,
            removed: result.data.removed,
          }),
        });
        router.refresh();
      } else if (result.ok === false) {
        const field = result.fieldErrors ? Object.values(result.fieldErrors).flat()[0] : undefined;
        setMessage({ ok: false, text: field ?? result.formError ?? '' });
      }
    });
  });

  const weekBlock = (n: 1 | 2) => (
    <fieldset key={n} className="rounded border border-slate-400 bg-white p-3">
      <legend className="px-1 font-semibold">{t('week', { n })}</legend>
      {weekdays.map((weekday) => (
        <fieldset key={weekday} className="mt-2">
          <legend className="text-sm font-medium first-letter:uppercase">{WEEKDAY_NAMES_FR[weekday]}</legend>
          <div className="mt-1 grid grid-cols-2 gap-2">
            {units.map((unit) => (
              <label key={unit} className="flex min-h-11 items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  value={unit}
                  className="h-5 w-5 accent-brand-700"
                  aria-label={t('dayLabel', { unit: UNIT_LABELS[unit], weekday: WEEKDAY_NAMES_FR[weekday] ?? '', n })}
                  {...register(`week${n}.${weekday}` as const)}
                />
                {UNIT_LABELS[unit]}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </fieldset>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <p>{t('lead')}</p>
      <p className="rounded border-l-4 border-orange-600 bg-orange-50 p-3">{t('erase')}</p>
      <fieldset>
        <legend className="font-medium">{t('rhythm')}</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" value="1" className="h-5 w-5" {...register('rhythm')} />
            {t('oneWeek')}
          </label>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" value="2" className="h-5 w-5" {...register('rhythm')} />
            {t('twoWeeks')}
          </label>
        </div>
      </fieldset>
      <p className="text-sm text-slate-700">{t('weekType')}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        {weekBlock(1)}
        {rhythm === '2' && weekBlock(2)}
      </div>
      <fieldset>
        <legend className="font-medium">{t('period')}</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          <label className="block">
            <span className="block text-sm">{t('from')}</span>
            <input
              type="date"
              min={min}
              max={max}
              required
              className="rounded border-2 border-slate-600 px-2 py-1.5"
              {...register('from')}
            />
          </label>
          <label className="block">
            <span className="block text-sm">{t('to')}</span>
            <input
              type="date"
              min={min}
              max={max}
              required
              className="rounded border-2 border-slate-600 px-2 py-1.5"
              {...register('to')}
            />
          </label>
        </div>
        {weekOne && rhythm === '2' && (
          <p className="mt-2 text-sm">
            {t('weekOneIs', { start: formatDateLong(weekOne), end: formatDateLong(addDays(weekOne, 6)) })}
          </p>
        )}
      </fieldset>
      {message && (
        <p
          role={message.ok ? 'status' : 'alert'}
          className={`rounded p-3 ${message.ok ? 'bg-green-100 text-green-900' : 'border-2 border-red-700 bg-white text-red-800'}`}
        >
          {message.text}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded border-2 border-brand-700 bg-white px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-70"
      >
        {pending ? t('applying') : t('apply')}
      </button>
    </form>
  );
}
