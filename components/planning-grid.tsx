'use client';

// Étape 1, day by day: a checkbox per unit per open day; each change is saved in the draft on the server.
// Green = added, orange = removed (compared with the planning as it is now); greyed days are disabled.
// The parent's démarche and the agent's (on a family's behalf) use it with their own server actions.
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useTransition } from 'react';
import { UNIT_LABELS } from '@/lib/planning/format';
import { validateDay } from '@/lib/planning/reservations';
import type { ServiceKind, Unit } from '@/lib/planning/types';
import type { FormAction, FormState } from '@/lib/action';
import type { PlanningDay } from '@/lib/reservations/planning-view';

export type SaveDays = (
  input: { requestId: number; days: { date: string; units: Unit[] }[] } & Record<string, unknown>,
) => Promise<FormState<unknown>>;

interface Props {
  /** server action saving some days of the draft */
  save: SaveDays;
  /** server action of « Aller à l'étape 2 » (a form post with requestId and the extra fields) */
  goToRecap: FormAction;
  /** extra fields both actions need (e.g. the family for an agent) */
  extra?: Record<string, number>;
  /** 'demarche' for a parent, 'onBehalf' for an agent: the same keys, other words */
  namespace?: 'demarche' | 'onBehalf';
  requestId: number;
  service: ServiceKind;
  days: PlanningDay[];
  units: Unit[];
  desired: Record<string, Unit[]>;
  current: Record<string, Unit[]>;
}

export function PlanningGrid({
  save,
  goToRecap,
  extra = {},
  namespace = 'demarche',
  requestId,
  service,
  days,
  units,
  desired,
  current,
}: Props) {
  const t = useTranslations(namespace);
  const [planning, setPlanning] = useState<Record<string, Unit[]>>(desired);
  const [dayErrors, setDayErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const summary = useRef<HTMLDivElement>(null);
  const nextStep = useRef<HTMLFormElement>(null);
  // "Aller à l'étape 2" pressed while a change is being saved: go on as soon as it is saved (a ref, not state:
  // the render that ends `pending` runs the effect, and no extra render is needed to clear the flag)
  const goOnWhenSaved = useRef(false);
  useEffect(() => {
    if (goOnWhenSaved.current && !pending) {
      goOnWhenSaved.current = false;
      if (Object.keys(dayErrors).length === 0) nextStep.current?.requestSubmit();
    }
  }, [pending, dayErrors]);

  function toggle(date: string, unit: Unit, checked: boolean) {
    const before = planning[date] ?? [];
    const next = units.filter((u) => (u === unit ? checked : before.includes(u)));
    setPlanning((p) => ({ ...p, [date]: next }));
    const problem = validateDay(service, next);
    if (problem) {
      setDayErrors((e) => ({ ...e, [date]: problem }));
      setStatus('');
      return;
    }
    setDayErrors(({ [date]: _gone, ...rest }) => rest);
    setStatus(t('saving'));
    startTransition(async () => {
      const result = await save({ ...extra, requestId, days: [{ date, units: next }] });
      if (result.ok) {
        setStatus(t('saved'));
        setFormError(null);
      } else if (result.ok === false) {
        setPlanning((p) => ({ ...p, [date]: before }));
        setStatus('');
        setFormError(result.formError ?? null);
        summary.current?.focus();
      }
    });
  }

  const invalid = Object.keys(dayErrors).length > 0;

  return (
    <div>
      <div aria-live="polite" className="sr-only">
        {status}
      </div>
      {(formError || invalid) && (
        <div
          ref={summary}
          tabIndex={-1}
          role="alert"
          aria-labelledby="grid-error-title"
          className="mb-4 rounded border-2 border-red-700 bg-white p-4"
        >
          <h2 id="grid-error-title" className="font-semibold text-red-800">
            {t('errorSummary')}
          </h2>
          <ul className="mt-2 list-disc pl-5 text-red-800">
            {formError && <li>{formError}</li>}
            {Object.entries(dayErrors).map(([date, message]) => (
              <li key={date}>
                <a href={`#jour-${date}`} className="underline">
                  {days.find((d) => d.date === date)?.label} : {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {days.length === 0 ? (
        <p className="rounded bg-white p-4">{t('noOpenDay')}</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {days.map((day) => {
            const units_ = planning[day.date] ?? [];
            const was = current[day.date] ?? [];
            const error = dayErrors[day.date];
            return (
              <li key={day.date} id={`jour-${day.date}`}>
                <fieldset
                  aria-describedby={error ? `erreur-${day.date}` : undefined}
                  className={`h-full rounded-lg border p-3 ${day.greyed ? 'border-slate-300 bg-slate-200 text-slate-700' : 'border-slate-400 bg-white'} ${error ? 'border-2 border-red-700' : ''}`}
                >
                  <legend className="px-1 font-semibold first-letter:uppercase">
                    {day.label}
                    {day.greyed && (
                      <span className="ml-1 text-sm font-normal">
                        ({t('greyedBecause', { reason: day.greyed.toLowerCase() })})
                      </span>
                    )}
                  </legend>
                  {error && (
                    <p id={`erreur-${day.date}`} className="mb-2 text-sm font-medium text-red-800">
                      {error}
                    </p>
                  )}
                  <div className="grid grid-cols-2 gap-2">
                    {units.map((unit) => {
                      const checked = units_.includes(unit);
                      const change =
                        checked && !was.includes(unit) ? 'added' : !checked && was.includes(unit) ? 'removed' : null;
                      const left = day.places?.[unit];
                      const full = left === 0 && !was.includes(unit);
                      const colour =
                        change === 'added'
                          ? 'border-green-700 bg-green-100'
                          : change === 'removed'
                            ? 'border-orange-600 bg-orange-100'
                            : 'border-transparent';
                      return (
                        <label
                          key={unit}
                          className={`flex min-h-11 items-center gap-2 rounded border-2 px-2 py-1 text-sm ${colour} ${day.greyed ? 'cursor-not-allowed' : 'cursor-pointer'}`}
                        >
                          <input
                            type="checkbox"
                            className="h-5 w-5 shrink-0 accent-brand-700"
                            aria-label={day.labels[unit]}
                            checked={checked}
                            disabled={day.greyed !== null || (full && !checked)}
                            onChange={(e) => toggle(day.date, unit, e.currentTarget.checked)}
                          />
                          <span>
                            {UNIT_LABELS[unit]}
                            {change && (
                              <span className="block text-xs font-semibold">
                                {change === 'added' ? t('changeAdded') : t('changeRemoved')}
                              </span>
                            )}
                            {left !== undefined && !day.greyed && (
                              <span
                                className={`block text-xs ${full ? 'font-semibold text-red-800' : 'text-slate-700'}`}
                              >
                                {t('placesLeft', { count: left })}
                              </span>
                            )}
                          </span>
                        </label>
                      );
                    })}
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ul>
      )}
      <div className="mt-6 flex flex-wrap gap-3">
        <form
          ref={nextStep}
          action={goToRecap}
          onSubmit={(e) => {
            if (invalid) {
              e.preventDefault();
              setFormError(t('fixDays'));
              summary.current?.focus();
            } else if (pending) {
              e.preventDefault();
              goOnWhenSaved.current = true;
            }
          }}
        >
          <input type="hidden" name="requestId" value={requestId} />
          {Object.entries(extra).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button
            type="submit"
            className="rounded bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800"
          >
            {t('goToStep2')}
          </button>
        </form>
      </div>
    </div>
  );
}
