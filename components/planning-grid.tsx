'use client';

// Étape 1, day by day: a checkbox per half-day and a radio group for the meal of each open day (so two meals cannot be
// chosen); each change is saved in the draft on the server. Green = added, orange = removed (compared with the
// planning as it is now), said in words to screen readers too (aria-describedby, with the places left). On a phone the
// greyed days before the first modifiable one fold into one line, and a bar stuck to the bottom of the screen carries
// « Aller à l'étape 2 » with the number of changes, updated live.
// The parent's démarche and the agent's (on a family's behalf) use it with their own server actions.
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useTransition, type ReactNode } from 'react';
import { useWording } from '@/i18n/use-wording';
import { validateDay } from '@/lib/planning/reservations';
import { isHalfDay, isMeal, type ServiceKind, type Unit } from '@/lib/planning/types';
import type { FormAction, FormState } from '@/lib/action';
import { countChanges } from '@/lib/reservations/change-count';
import type { GreyedFold, PlanningDay } from '@/lib/reservations/planning-view';

export type SaveDays = (
  input: { requestId: number; days: { date: string; units: Unit[]; waiting?: Unit[] }[] } & Record<string, unknown>,
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
  /** the greyed days the view opens with (the first `fold.count` days), folded into one line */
  fold?: GreyedFold | null;
  /** the draft's planning, every date of the year (the count of changes covers them all) */
  desired: Record<string, Unit[]>;
  /** the planning as it is now, every date of the year */
  current: Record<string, Unit[]>;
  /** « Liste d'attente »: the full units the draft waits for, per date */
  waiting?: Record<string, Unit[]>;
  /** changes when the server's draft or the view changes: the grid then starts again from `desired` */
  version: string;
  /** what comes before the planning inside the bar's reach (the periodicity) */
  before?: ReactNode;
  /** the planning's heading, view choice and legend, inside its section */
  header?: ReactNode;
  /** the id of the section's heading */
  labelledBy?: string;
}

/** The scarcity mark: a warning triangle, drawn, so that it does not depend on a font's emoji. */
function WarningIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5 shrink-0" fill="currentColor">
      <path d="M8 1 15.5 14.5H.5L8 1Zm-.9 5v4.2h1.8V6H7.1Zm0 5.4v1.7h1.8v-1.7H7.1Z" />
    </svg>
  );
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
  fold = null,
  desired,
  current,
  waiting = {},
  version,
  before,
  header,
  labelledBy,
}: Props) {
  const t = useTranslations(namespace);
  const words = useWording();
  const [planning, setPlanning] = useState<Record<string, Unit[]>>(desired);
  const [waitingPlan, setWaitingPlan] = useState<Record<string, Unit[]>>(waiting);
  const [dayErrors, setDayErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const [showFolded, setShowFolded] = useState(false);
  // the server's draft changed (a periodicity applied) or another week or month shows: start again from it, in the
  // same render (the grid stays mounted, so the periodicity above it keeps its summary and its focus)
  const [shownVersion, setShownVersion] = useState(version);
  if (shownVersion !== version) {
    setShownVersion(version);
    setPlanning(desired);
    setWaitingPlan(waiting);
    setDayErrors({});
    setShowFolded(false);
  }
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

  const halfDays = units.filter(isHalfDay);
  const meals = units.filter(isMeal);

  function change(date: string, next: Unit[], nextWaiting: Unit[] = waitingPlan[date] ?? []) {
    const before = planning[date] ?? [];
    const waitedBefore = waitingPlan[date] ?? [];
    setPlanning((p) => ({ ...p, [date]: next }));
    setWaitingPlan((w) => ({ ...w, [date]: nextWaiting }));
    // the day as it will be once its waiting units are booked
    const problem = validateDay(service, [...next, ...nextWaiting]);
    if (problem) {
      setDayErrors((e) => ({ ...e, [date]: problem }));
      setStatus('');
      return;
    }
    setDayErrors(({ [date]: _gone, ...rest }) => rest);
    setStatus(t('saving'));
    startTransition(async () => {
      const result = await save({ ...extra, requestId, days: [{ date, units: next, waiting: nextWaiting }] });
      if (result.ok) {
        setStatus(t('saved'));
        setFormError(null);
      } else if (result.ok === false) {
        setPlanning((p) => ({ ...p, [date]: before }));
        setWaitingPlan((w) => ({ ...w, [date]: waitedBefore }));
        setStatus('');
        setFormError(result.formError ?? null);
        summary.current?.focus();
      }
    });
  }

  const toggle = (date: string, unit: Unit, checked: boolean) => {
    const before = planning[date] ?? [];
    change(
      date,
      units.filter((u) => (u === unit ? checked : before.includes(u))),
    );
  };
  const chooseMeal = (date: string, meal: Unit | null) => {
    const before = planning[date] ?? [];
    change(
      date,
      units.filter((u) => (isMeal(u) ? u === meal : before.includes(u))),
    );
  };

  const toggleWaiting = (date: string, unit: Unit, checked: boolean) => {
    const before = waitingPlan[date] ?? [];
    change(
      date,
      planning[date] ?? [],
      units.filter((u) => (u === unit ? checked : before.includes(u))),
    );
  };

  /**
   * « Liste d'attente »: beside the day's choices, a checkbox per full unit the child does not hold (on a day open, or
   * greyed « Complet » only); a day the child already waits for says its place in line instead.
   */
  const waitingRow = (day: PlanningDay) => {
    if (day.waitingPosition !== undefined)
      return (
        <p className="mt-2 text-sm font-semibold text-blue-900">
          {t('waitingPosition', { position: day.waitingPosition })}
        </p>
      );
    if (day.greyed !== null && !day.complet) return null;
    const was = current[day.date] ?? [];
    const full = units.filter((u) => day.places?.[u] === 0 && !was.includes(u));
    if (full.length === 0) return null;
    const chosen = waitingPlan[day.date] ?? [];
    return (
      <div
        role="group"
        aria-label={t('waitingGroup', { date: day.label })}
        className="mt-2 rounded border border-blue-800 bg-blue-50 p-2"
      >
        <p className="text-sm text-blue-950">{t('waitingHelp')}</p>
        <div className="mt-1 grid grid-cols-2 gap-2">
          {full.map((unit) => (
            <label
              key={unit}
              className="flex min-h-11 cursor-pointer items-center gap-2 rounded border-2 border-blue-800 bg-white px-2 py-1 text-sm"
            >
              <input
                type="checkbox"
                className="h-5 w-5 shrink-0 accent-brand-700"
                aria-label={t('waitingBox', { label: day.labels[unit] ?? `${words.unit(unit)} – ${day.label}` })}
                checked={chosen.includes(unit)}
                onChange={(e) => toggleWaiting(day.date, unit, e.currentTarget.checked)}
              />
              <span>
                {t('waitingShort')} : {words.unit(unit)}
              </span>
            </label>
          ))}
        </div>
      </div>
    );
  };

  const invalid = Object.keys(dayErrors).length > 0;
  // a day put on the waiting list is a change too
  const changes = countChanges(planning, current) + Object.values(waitingPlan).filter((w) => w.length > 0).length;
  const folded = fold ? days.slice(0, fold.count) : [];
  const shown = fold ? days.slice(fold.count) : days;

  /** One box (a half-day checkbox or a meal radio): its tile, its change and its places said in words. */
  const box = (day: PlanningDay, unit: Unit | null, kind: 'checkbox' | 'radio') => {
    const chosen = planning[day.date] ?? [];
    const was = current[day.date] ?? [];
    const checked = unit === null ? !chosen.some(isMeal) : chosen.includes(unit);
    const change_ =
      unit === null
        ? null
        : checked && !was.includes(unit)
          ? 'added'
          : !checked && was.includes(unit)
            ? 'removed'
            : null;
    const left = unit === null ? undefined : day.places?.[unit];
    const full = left === 0 && unit !== null && !was.includes(unit);
    const scarce = left !== undefined && left > 0 && left <= 3;
    const showPlaces = left !== undefined && !day.greyed;
    const describedBy = change_ || showPlaces ? `detail-${day.date}-${unit}` : undefined;
    const name = unit === null ? t('noMeal') : kind === 'checkbox' ? day.labels[unit] : words.unit(unit);
    // a greyed day cannot be changed: its boxes only say what is booked, in less room (still 44 px tall: a tap on
    // them must not land on a neighbour)
    const compact = day.greyed !== null;
    const colour =
      change_ === 'added'
        ? 'border-green-700 bg-green-100'
        : change_ === 'removed'
          ? 'border-orange-600 bg-orange-100'
          : 'border-slate-300';
    return (
      <label
        key={unit ?? 'none'}
        className={`flex items-center rounded border-2 min-h-11 ${compact ? 'gap-1.5 px-1.5 text-xs' : 'gap-2 px-2 py-1 text-sm'} ${colour} ${day.greyed || (full && !checked) ? 'cursor-not-allowed' : 'cursor-pointer'}`}
      >
        <input
          type={kind}
          name={kind === 'radio' ? `repas-${day.date}` : undefined}
          className={`${compact ? 'h-4 w-4' : 'h-5 w-5'} shrink-0 accent-brand-700`}
          aria-label={name}
          aria-describedby={describedBy}
          checked={checked}
          disabled={day.greyed !== null || (full && !checked)}
          onChange={(e) =>
            kind === 'radio'
              ? e.currentTarget.checked && chooseMeal(day.date, unit)
              : unit && toggle(day.date, unit, e.currentTarget.checked)
          }
        />
        <span>
          {unit === null ? t('noMeal') : words.unit(unit)}
          {describedBy && (
            <span id={describedBy} className="block text-xs">
              {change_ && (
                <span className="block font-semibold">
                  {change_ === 'added' ? t('changeAdded') : t('changeRemoved')}
                </span>
              )}
              {showPlaces &&
                (left === 0 ? (
                  <span className="mt-0.5 inline-flex items-center gap-1 rounded bg-red-800 px-1.5 py-0.5 font-bold uppercase tracking-wide text-white">
                    <svg
                      aria-hidden="true"
                      viewBox="0 0 16 16"
                      className="h-3.5 w-3.5"
                      fill="none"
                      stroke="currentColor"
                      strokeWidth="2"
                    >
                      <circle cx="8" cy="8" r="6" />
                      <path d="M3.8 12.2 12.2 3.8" />
                    </svg>
                    {t('placesLeft', { count: left })}
                  </span>
                ) : scarce ? (
                  <span className="mt-0.5 inline-flex items-center gap-1 rounded border border-orange-800 px-1 font-bold text-orange-900">
                    <WarningIcon />
                    {t('placesLeft', { count: left })}
                  </span>
                ) : (
                  <span className="block text-slate-700">{t('placesLeft', { count: left })}</span>
                ))}
            </span>
          )}
        </span>
      </label>
    );
  };

  const dayItem = (day: PlanningDay) => {
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
              <span className="ms-1 text-sm font-normal">
                {/* the first letter only: « vacances de Noël » keeps its name */}(
                {t('greyedBecause', { reason: day.greyed.charAt(0).toLowerCase() + day.greyed.slice(1) })})
              </span>
            )}
          </legend>
          {error && (
            <p id={`erreur-${day.date}`} className="mb-2 text-sm font-medium text-red-800">
              {error}
            </p>
          )}
          {halfDays.length > 0 && (
            <div className={day.greyed ? 'flex flex-wrap gap-1' : 'grid grid-cols-2 gap-2'}>
              {halfDays.map((unit) => box(day, unit, 'checkbox'))}
            </div>
          )}
          {meals.length > 0 && (
            <div
              role="radiogroup"
              aria-label={t('mealGroup', { date: day.label })}
              className={halfDays.length > 0 ? (day.greyed ? 'mt-1' : 'mt-2') : ''}
            >
              {halfDays.length > 0 && !day.greyed && (
                <span aria-hidden="true" className="mb-1 block text-sm font-medium">
                  {t('meal')}
                </span>
              )}
              <div className={day.greyed ? 'flex flex-wrap gap-1' : 'grid grid-cols-2 gap-2 sm:grid-cols-3'}>
                {box(day, null, 'radio')}
                {meals.map((unit) => box(day, unit, 'radio'))}
              </div>
            </div>
          )}
          {waitingRow(day)}
        </fieldset>
      </li>
    );
  };

  return (
    // the bar sticks to the bottom of the screen while any of this shows (its containing block), then ends the page
    <div className="[html:has(&)]:scroll-pb-24">
      {before}
      <section aria-labelledby={labelledBy} className="mt-6">
        {header}
        <div className="mt-4">
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
              <ul className="mt-2 list-disc ps-5 text-red-800">
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
            <>
              {fold && (
                <div className="mb-3">
                  <button
                    type="button"
                    aria-expanded={showFolded}
                    aria-controls="jours-non-modifiables"
                    onClick={() => setShowFolded((s) => !s)}
                    className="min-h-11 w-full rounded border border-slate-400 bg-slate-100 px-3 py-2 text-start text-slate-800 underline-offset-2 hover:underline"
                  >
                    {t(showFolded ? 'foldHide' : 'foldShow', { count: fold.count, reasons: fold.reasons.join(', ') })}
                  </button>
                  <ul
                    id="jours-non-modifiables"
                    hidden={!showFolded}
                    className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3"
                  >
                    {folded.map(dayItem)}
                  </ul>
                </div>
              )}
              {shown.length > 0 && <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">{shown.map(dayItem)}</ul>}
            </>
          )}
        </div>
      </section>
      <div className="sticky bottom-0 z-10 mt-6 flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-t-2 border-slate-300 bg-white py-3 pb-[max(0.75rem,env(safe-area-inset-bottom))]">
        <p id="nombre-modifications" className="font-medium">
          {changes > 0 ? t('changeCount', { count: changes }) : ''}
        </p>
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
            aria-describedby={changes > 0 ? 'nombre-modifications' : undefined}
            className="min-h-11 rounded bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800"
          >
            {t('goToStep2')}
          </button>
        </form>
      </div>
    </div>
  );
}
