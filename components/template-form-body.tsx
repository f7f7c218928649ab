'use client';

// The form of « Appliquer une périodicité » (components/template-form.tsx holds its panel): a one- or two-week
// template (seed: "pour 1 semaine", "pour 2 semaines", "un mercredi type", "Du … Au …") applied over a period preset
// to the end of the school year. It replaces the draft's reservations of the period's bookable days. Its code (with
// react-hook-form) reaches the browser only when the panel is first opened: Étape 1's first load stays light.
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { addDays, mondayOf } from '@/lib/planning/dates';
import { useWording } from '@/i18n/use-wording';
import { isHalfDay, isMeal, type ServiceKind, type Unit } from '@/lib/planning/types';
import { dayFirstToIso, isoToDayFirst } from '@/lib/reservations/day-first';

import type { ApplyTemplate } from './template-form';

export interface TemplateFormProps {
  /** server action applying the template to the draft */
  apply: ApplyTemplate;
  /** extra fields the action needs (e.g. the family for an agent) */
  extra?: Record<string, number>;
  requestId: number;
  service: ServiceKind;
  weekdays: number[];
  units: Unit[];
  /** the default period: the first modifiable date to the end of the school year */
  defaultFrom: string;
  defaultTo: string;
  min: string;
  max: string;
}

interface Props extends TemplateFormProps {
  /** the template is applied: the panel folds on this sentence */
  onApplied: (summary: string) => void;
}

/** One weekday of a template week: its half-days (checkboxes) and its meal (radios, '' = « Sans repas »). */
interface DayValues {
  half?: Unit[] | Unit | false;
  meal?: Unit | '';
}

interface FormValues {
  rhythm: '1' | '2';
  from: string;
  to: string;
  week1: Record<string, DayValues>;
  week2: Record<string, DayValues>;
}

export default function TemplateFormBody({
  apply,
  extra = {},
  requestId,
  service,
  weekdays,
  units,
  defaultFrom,
  defaultTo,
  min,
  max,
  onApplied,
}: Props) {
  const t = useTranslations('template');
  const words = useWording();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, control } = useForm<FormValues>({
    defaultValues: {
      rhythm: '1',
      from: isoToDayFirst(defaultFrom),
      to: isoToDayFirst(defaultTo),
      week1: {},
      week2: {},
    },
  });
  const [rhythm, fromText, toText] = useWatch({ control, name: ['rhythm', 'from', 'to'] });
  // native date inputs follow the browser's language, not the page's (a French page may show mm/dd/yyyy): the
  // dates are typed as text, day first, and read here
  const from = dayFirstToIso(fromText);
  const to = dayFirstToIso(toText);
  const weekOne = from ? mondayOf(from) : null;
  const halfDays = units.filter(isHalfDay);
  const meals = units.filter(isMeal);
  // the seed speaks of « un mercredi type » where the service has one weekday, of « une semaine type » elsewhere
  const kind = service === 'mercredi' && weekdays.length === 1 ? 'mercredi' : service;

  const onSubmit = handleSubmit((values) => {
    const toWeek = (w: FormValues['week1']) =>
      Object.fromEntries(
        weekdays.map((d) => {
          const day = w[String(d)] ?? {};
          const half = Array.isArray(day.half) ? day.half : typeof day.half === 'string' ? [day.half] : [];
          return [String(d), units.filter((u) => half.includes(u) || u === day.meal)];
        }),
      );
    const weeks = values.rhythm === '2' ? [toWeek(values.week1), toWeek(values.week2)] : [toWeek(values.week1)];
    const period = { from: dayFirstToIso(values.from), to: dayFirstToIso(values.to) };
    if (!period.from || !period.to) {
      setError(t('dateInvalid', { field: period.from ? t('to') : t('from') }));
      return;
    }
    if (period.from < min || period.to > max) {
      setError(t('dateOutside', { min: words.dateLong(min), max: words.dateLong(max) }));
      return;
    }
    setError(null);
    startTransition(async () => {
      const result = await apply({ ...extra, requestId, weeks, from: period.from, to: period.to });
      if (result.ok) {
        onApplied(
          t('applied', {
            from: words.dateLong(result.data.from),
            to: words.dateLong(result.data.to),
            added: result.data.added,
            removed: result.data.removed,
          }),
        );
        // the action's answer carries Étape 1 redrawn (refresh() in the action): nothing more to ask for
      } else if (result.ok === false) {
        const field = result.fieldErrors ? Object.values(result.fieldErrors).flat()[0] : undefined;
        setError(field ?? result.formError ?? '');
      }
    });
  });

  const weekBlock = (n: 1 | 2) => (
    <fieldset key={n} className="rounded border border-slate-400 bg-white p-3">
      <legend className="px-1 font-semibold">{t('week', { n, rhythm, kind })}</legend>
      {weekdays.map((weekday) => {
        const name = words.weekday(weekday);
        return (
          <div key={weekday} className="mt-2">
            {halfDays.length > 0 && (
              <fieldset>
                <legend className="text-sm font-medium first-letter:uppercase">{name}</legend>
                <div className="mt-1 grid grid-cols-2 gap-2">
                  {halfDays.map((unit) => (
                    <label
                      key={unit}
                      className="flex min-h-11 items-center gap-2 rounded border border-slate-300 px-2 text-sm"
                    >
                      <input
                        type="checkbox"
                        value={unit}
                        className="h-5 w-5 accent-brand-700"
                        aria-label={t('dayLabel', { unit: words.unit(unit), weekday: name, n })}
                        {...register(`week${n}.${weekday}.half` as const)}
                      />
                      {words.unit(unit)}
                    </label>
                  ))}
                </div>
              </fieldset>
            )}
            {meals.length > 0 && (
              <div role="radiogroup" aria-label={t('mealGroup', { weekday: name, n })} className="mt-2">
                <span aria-hidden="true" className="block text-sm font-medium first-letter:uppercase">
                  {halfDays.length > 0 ? t('meal') : name}
                </span>
                <div className="mt-1 grid grid-cols-2 gap-2 sm:grid-cols-3">
                  {(['', ...meals] as const).map((meal) => (
                    <label
                      key={meal || 'none'}
                      className="flex min-h-11 items-center gap-2 rounded border border-slate-300 px-2 text-sm"
                    >
                      <input
                        type="radio"
                        value={meal}
                        className="h-5 w-5 accent-brand-700"
                        {...register(`week${n}.${weekday}.meal` as const)}
                        defaultChecked={meal === ''}
                      />
                      {meal ? words.unit(meal) : t('noMeal')}
                    </label>
                  ))}
                </div>
              </div>
            )}
          </div>
        );
      })}
    </fieldset>
  );

  const wholeYear = from === defaultFrom && to === defaultTo;
  const period = from && to ? { from: words.dateLong(from), to: words.dateLong(to) } : { from: '…', to: '…' };

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
      <p>{t('lead', { rhythm, kind, ...period })}</p>
      <p className="rounded border-s-4 border-orange-600 bg-orange-50 p-3">{t('erase')}</p>
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
      <p className="text-sm text-slate-700">{t('weekType', { rhythm, kind })}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        {weekBlock(1)}
        {rhythm === '2' && weekBlock(2)}
      </div>
      <fieldset>
        <legend className="font-medium">{t('period')}</legend>
        <p className="mt-1">{wholeYear ? t('periodYear', period) : t('periodChosen', period)}</p>
        <p id="format-date" className="mt-1 text-sm text-slate-700">
          {t('dateFormat')}
        </p>
        <div className="mt-2 flex flex-wrap gap-4">
          {(['from', 'to'] as const).map((field) => (
            <label key={field} className="block">
              <span className="block text-sm">{t(field)}</span>
              <input
                type="text"
                inputMode="numeric"
                autoComplete="off"
                required
                size={10}
                maxLength={10}
                aria-describedby="format-date"
                className="min-h-11 w-36 rounded border-2 border-slate-600 px-2 py-1.5"
                {...register(field)}
              />
            </label>
          ))}
        </div>
        {weekOne && rhythm === '2' && (
          <p className="mt-2 text-sm">
            {t('weekOneIs', { start: words.dateLong(weekOne), end: words.dateLong(addDays(weekOne, 6)) })}
          </p>
        )}
      </fieldset>
      {error !== null && (
        <p role="alert" className="rounded border-2 border-red-700 bg-white p-3 text-red-800">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="min-h-11 rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-70"
      >
        {pending ? t('applying') : t('apply')}
      </button>
    </form>
  );
}
