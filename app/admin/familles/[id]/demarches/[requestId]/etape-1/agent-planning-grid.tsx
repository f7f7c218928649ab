'use client';

// The agent's Étape 1, day by day: the parent's grid (a checkbox per unit per open day, same accessible names),
// saved through the staff actions; days past the deadline are open, closed days stay greyed.
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { UNIT_LABELS } from '@/lib/planning/format';
import { validateDay } from '@/lib/planning/reservations';
import type { ServiceKind, Unit } from '@/lib/planning/types';
import type { PlanningDay } from '@/lib/reservations/planning-view';
import { goToRecapOnBehalfAction, saveDaysOnBehalfAction } from '../../../../actions';

interface Props {
  familyId: number;
  requestId: number;
  service: ServiceKind;
  days: PlanningDay[];
  units: Unit[];
  desired: Record<string, Unit[]>;
  current: Record<string, Unit[]>;
}

export function AgentPlanningGrid({ familyId, requestId, service, days, units, desired, current }: Props) {
  const t = useTranslations('onBehalf');
  const [planning, setPlanning] = useState<Record<string, Unit[]>>(desired);
  const [dayErrors, setDayErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

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
      const result = await saveDaysOnBehalfAction({ familyId, requestId, days: [{ date, units: next }] });
      if (result.ok) {
        setStatus(t('saved'));
        setFormError(null);
      } else {
        setPlanning((p) => ({ ...p, [date]: before }));
        setStatus('');
        setFormError(result.formError ?? null);
      }
    });
  }

  const invalid = Object.keys(dayErrors).length > 0;
  return (
    <div>
      <div aria-live="polite" className="sr-only">{status}</div>
      {(formError || invalid) && (
        <div role="alert" className="mb-4 rounded border-2 border-red-700 bg-white p-4">
          <h2 className="font-semibold text-red-800">{t('errorSummary')}</h2>
          <ul className="mt-2 list-disc pl-5 text-red-800">
            {formError && <li>{formError}</li>}
            {Object.entries(dayErrors).map(([date, message]) => (
              <li key={date}><a href={`#jour-${date}`} className="underline">{days.find((d) => d.date === date)?.label} : {message}</a></li>
            ))}
          </ul>
        </div>
      )}
      {days.length === 0 ? (
        <p className="rounded bg-white p-4">{t('noOpenDay')}</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {days.map((day) => {
            const ticked = planning[day.date] ?? [];
            const was = current[day.date] ?? [];
            const error = dayErrors[day.date];
            return (
              <li key={day.date} id={`jour-${day.date}`}>
                <fieldset className={`h-full rounded-lg border p-3 ${day.greyed ? 'border-slate-300 bg-slate-200 text-slate-700' : 'border-slate-400 bg-white'} ${error ? 'border-2 border-red-700' : ''}`}>
                  <legend className="px-1 font-semibold first-letter:uppercase">
                    {day.label}
                    {day.greyed && <span className="ml-1 text-sm font-normal">({t('greyedBecause', { reason: day.greyed.toLowerCase() })})</span>}
                  </legend>
                  {error && <p className="mb-2 text-sm font-medium text-red-800">{error}</p>}
                  <div className="grid grid-cols-2 gap-2">
                    {units.map((unit) => {
                      const checked = ticked.includes(unit);
                      const change = checked && !was.includes(unit) ? 'added' : !checked && was.includes(unit) ? 'removed' : null;
                      const left = day.places?.[unit];
                      const colour = change === 'added' ? 'border-green-700 bg-green-100' : change === 'removed' ? 'border-orange-600 bg-orange-100' : 'border-transparent';
                      return (
                        <label key={unit} className={`flex min-h-11 items-center gap-2 rounded border-2 px-2 py-1 text-sm ${colour}`}>
                          <input
                            type="checkbox" className="h-5 w-5 shrink-0 accent-brand-700" aria-label={day.labels[unit]} checked={checked}
                            disabled={day.greyed !== null || (left === 0 && !checked && !was.includes(unit))}
                            onChange={(e) => toggle(day.date, unit, e.currentTarget.checked)}
                          />
                          <span>
                            {UNIT_LABELS[unit]}
                            {change && <span className="block text-xs font-semibold">{change === 'added' ? t('changeAdded') : t('changeRemoved')}</span>}
                            {left !== undefined && !day.greyed && <span className="block text-xs text-slate-700">{t('placesLeft', { count: left })}</span>}
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
      <form action={goToRecapOnBehalfAction} className="mt-6" onSubmit={(e) => { if (invalid || pending) { e.preventDefault(); if (invalid) setFormError(t('fixDays')); } }}>
        <input type="hidden" name="familyId" value={familyId} />
        <input type="hidden" name="requestId" value={requestId} />
        <button type="submit" className="rounded bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">{t('goToStep2')}</button>
      </form>
    </div>
  );
}
