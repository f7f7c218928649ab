// Back office "Calendrier et paramètres": school years, holiday periods, public holidays (computed, read-only),
// closures, the booking deadline of each service, the canteen's open weekdays and the capacities of the sites.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { lastDayOf, listSchoolYears, listServiceSettings, listSiteCapacities } from '@/lib/calendar/settings';
import { listClosures } from '@/lib/calendar/closures';
import { listBookingOpenings } from '@/lib/calendar/openings';
import { requireStaff } from '@/lib/auth/session';
import { today } from '@/lib/clock';
import { formatDateLong, publicHolidaysFrance } from '@/lib/planning';
import {
  addClosureAction,
  addHolidayAction,
  createSchoolYearAction,
  deleteBookingOpeningAction,
  deleteClosureAction,
  deleteHolidayAction,
  saveCapacitiesAction,
  setCanteenWeekdaysAction,
  setBookingOpeningAction,
  setDeadlineAction,
  updateHolidayAction,
  updateSchoolYearAction,
} from './actions';
import { EditableListAdd, EditableListItem } from '../editable-list';
import { AdminForm } from './admin-form';
import { ClosureForm } from './closure-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('adminCalendar');
  return { title: t('title') };
}

const input = 'rounded border border-slate-500 px-2 py-1.5';
const label = 'flex flex-col gap-1';

export default async function AdminCalendarPage({
  searchParams,
}: {
  searchParams: Promise<{ annee?: string | string[] }>;
}) {
  await requireStaff();
  const t = await getTranslations('adminCalendar');
  const { annee } = await searchParams;
  const db = await getDb();
  const now = today();
  const [years, settings, capacities] = await Promise.all([
    listSchoolYears(db),
    listServiceSettings(db),
    listSiteCapacities(db),
  ]);
  // the year asked for, else the one in force today, else the next one, else the last one
  const year =
    years.find((y) => String(y.id) === annee) ??
    years.find((y) => y.yearStart <= now && now <= lastDayOf(y)) ??
    years.find((y) => y.yearStart > now) ??
    years.at(-1);
  const yearLast = year ? lastDayOf(year) : null;
  const [closuresOfYear, openings] = await Promise.all([
    year && yearLast ? listClosures(db, { from: year.yearStart, to: yearLast }) : [],
    year ? listBookingOpenings(db, year.id) : [],
  ]);
  const publicHolidays =
    year && yearLast
      ? publicHolidaysFrance(Number(year.yearStart.slice(0, 4)), Number(yearLast.slice(0, 4))).filter(
          (d) => d >= year.yearStart && d <= yearLast,
        )
      : [];
  const canteen = settings.find((s) => s.service === 'cantine');

  return (
    <>
      <p className="text-sm uppercase tracking-wide text-slate-700">{t('backOffice')}</p>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>

      {/* School years */}
      <section aria-labelledby="years-heading" className="mt-8">
        <h2 id="years-heading" className="text-xl font-bold">
          {t('yearsTitle')}
        </h2>
        {years.length === 0 && <p className="mt-3 rounded bg-white p-4">{t('noYear')}</p>}
        <ul className="mt-3 space-y-3">
          {years.map((y) => (
            <li
              key={y.id}
              className={`rounded bg-white p-4 ${y.id === year?.id ? 'border-2 border-brand-700' : 'border border-slate-300'}`}
            >
              <div className="flex flex-wrap items-baseline gap-3">
                <h3 className="text-lg font-semibold">{y.label}</h3>
                {y.id === year?.id ? (
                  <span className="text-sm font-medium text-brand-700">{t('yearSelected')}</span>
                ) : (
                  <Link href={`/admin/calendrier?annee=${y.id}`} className="text-brand-700 underline">
                    {t('yearShow', { label: y.label })}
                  </Link>
                )}
              </div>
              <AdminForm
                action={updateSchoolYearAction}
                submitLabel={t('save')}
                submitContext={t('yearContext', { label: y.label })}
                hidden={{ id: y.id, label: y.label }}
                className="mt-2 flex flex-wrap items-end gap-3"
              >
                <label className={label}>
                  <span>{t('yearStart')}</span>
                  <input type="date" name="yearStart" defaultValue={y.yearStart} required className={input} />
                </label>
                <label className={label}>
                  <span>{t('yearEnd')}</span>
                  <input type="date" name="yearEnd" defaultValue={y.yearEnd} required className={input} />
                </label>
              </AdminForm>
            </li>
          ))}
        </ul>
        <details className="mt-4 rounded border border-slate-300 bg-white p-4">
          <summary className="cursor-pointer font-semibold">{t('yearCreateTitle')}</summary>
          <AdminForm
            action={createSchoolYearAction}
            submitLabel={t('yearCreate')}
            className="mt-3 flex flex-wrap items-end gap-3"
          >
            <label className={label}>
              <span>{t('yearLabel')}</span>
              <input
                type="text"
                name="label"
                required
                pattern="\d{4}-\d{4}"
                placeholder="2027-2028"
                aria-describedby="label-hint"
                className={input}
              />
              <span id="label-hint" className="text-sm text-slate-700">
                {t('labelHint')}
              </span>
            </label>
            <label className={label}>
              <span>{t('yearStart')}</span>
              <input type="date" name="yearStart" required className={input} />
            </label>
            <label className={label}>
              <span>{t('yearEnd')}</span>
              <input type="date" name="yearEnd" required className={input} />
            </label>
          </AdminForm>
        </details>
      </section>

      {year && (
        <>
          {/* Holiday periods */}
          <section aria-labelledby="holidays-heading" className="mt-10">
            <h2 id="holidays-heading" className="text-xl font-bold">
              {t('holidaysTitle', { label: year.label })}
            </h2>
            <p className="mt-1 max-w-3xl">{t('holidaysIntro')}</p>
            {year.holidays.length === 0 && <p className="mt-3 rounded bg-white p-4">{t('holidaysEmpty')}</p>}
            <ul className="mt-3 space-y-3">
              {year.holidays.map((h) => (
                <EditableListItem
                  key={h.id}
                  legend={t('holidayEditLegend', { label: h.label })}
                  save={{
                    action: updateHolidayAction,
                    label: t('save'),
                    context: `– ${h.label}`,
                    hidden: { id: h.id },
                  }}
                  remove={{ action: deleteHolidayAction, label: t('delete'), context: h.label, hidden: { id: h.id } }}
                >
                  <label className={label}>
                    <span>{t('holidayLabel')}</span>
                    <input type="text" name="label" defaultValue={h.label} required maxLength={80} className={input} />
                  </label>
                  <label className={label}>
                    <span>{t('holidayStart')}</span>
                    <input type="date" name="start" defaultValue={h.start} required className={input} />
                  </label>
                  <label className={label}>
                    <span>{t('holidayEnd')}</span>
                    <input type="date" name="end" defaultValue={h.end} required className={input} />
                  </label>
                </EditableListItem>
              ))}
            </ul>
            <EditableListAdd
              title={t('holidayAddTitle')}
              add={{ action: addHolidayAction, label: t('add'), hidden: { schoolYearId: year.id } }}
            >
              <label className={label}>
                <span>{t('holidayLabel')}</span>
                <input type="text" name="label" required maxLength={80} className={input} />
              </label>
              <label className={label}>
                <span>{t('holidayStart')}</span>
                <input type="date" name="start" required className={input} />
              </label>
              <label className={label}>
                <span>{t('holidayEnd')}</span>
                <input type="date" name="end" required className={input} />
              </label>
            </EditableListAdd>
          </section>

          {/* Opening hours of the bookings (the moment of the rush) */}
          <section aria-labelledby="openings-heading" className="mt-10">
            <h2 id="openings-heading" className="text-xl font-bold">
              {t('openingsTitle', { label: year.label })}
            </h2>
            <p className="mt-1 max-w-3xl">{t('openingsIntro')}</p>
            {openings.length === 0 && <p className="mt-3 rounded bg-white p-4">{t('openingsEmpty')}</p>}
            <ul className="mt-3 space-y-3">
              {openings.map((o) => {
                const legend = t('openingLegend', {
                  service: t(`service.${o.service}`),
                  period: o.periodLabel ?? t('openingWholeYear', { label: year.label }),
                });
                return (
                  <EditableListItem
                    key={o.id}
                    legend={legend}
                    save={{
                      action: setBookingOpeningAction,
                      label: t('save'),
                      context: `– ${legend}`,
                      hidden: { schoolYearId: year.id, service: o.service, holidayPeriodId: o.holidayPeriodId ?? '' },
                    }}
                    remove={{
                      action: deleteBookingOpeningAction,
                      label: t('delete'),
                      context: legend,
                      hidden: { id: o.id },
                    }}
                  >
                    <label className={label}>
                      <span>{t('openingDate')}</span>
                      <input type="date" name="date" defaultValue={o.date} required className={input} />
                    </label>
                    <label className={label}>
                      <span>{t('openingTime')}</span>
                      <input type="time" name="time" defaultValue={o.time} required className={input} />
                    </label>
                    <label className={label}>
                      <span>{t('openingNote')}</span>
                      <input type="text" name="note" defaultValue={o.note} maxLength={200} className={input} />
                    </label>
                  </EditableListItem>
                );
              })}
            </ul>
            <EditableListAdd
              title={t('openingAddTitle')}
              add={{ action: setBookingOpeningAction, label: t('openingAdd'), hidden: { schoolYearId: year.id } }}
            >
              <label className={label}>
                <span>{t('openingService')}</span>
                <select name="service" required defaultValue="vacances" className={input}>
                  {(['vacances', 'cantine', 'mercredi'] as const).map((s) => (
                    <option key={s} value={s}>
                      {t(`service.${s}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className={label}>
                <span>{t('openingPeriod')}</span>
                <select name="holidayPeriodId" aria-describedby="opening-period-hint" className={input}>
                  {year.holidays.map((h) => (
                    <option key={h.id} value={h.id}>
                      {h.label}
                    </option>
                  ))}
                  <option value="">{t('openingWholeYear', { label: year.label })}</option>
                </select>
                <span id="opening-period-hint" className="text-sm text-slate-700">
                  {t('openingPeriodHint')}
                </span>
              </label>
              <label className={label}>
                <span>{t('openingDate')}</span>
                <input type="date" name="date" required className={input} />
              </label>
              <label className={label}>
                <span>{t('openingTime')}</span>
                <input type="time" name="time" required defaultValue="08:00" className={input} />
              </label>
              <label className={label}>
                <span>{t('openingNote')}</span>
                <input type="text" name="note" maxLength={200} className={input} />
              </label>
            </EditableListAdd>
          </section>

          {/* Public holidays: computed */}
          <section aria-labelledby="public-heading" className="mt-10">
            <h2 id="public-heading" className="text-xl font-bold">
              {t('publicHolidaysTitle', { label: year.label })}
            </h2>
            <p className="mt-1">{t('publicHolidaysIntro')}</p>
            <ul className="mt-3 grid gap-1 rounded bg-white p-4 sm:grid-cols-2">
              {publicHolidays.map((d) => (
                <li key={d}>{formatDateLong(d)}</li>
              ))}
            </ul>
          </section>

          {/* Closures */}
          <section aria-labelledby="closures-heading" className="mt-10">
            <h2 id="closures-heading" className="text-xl font-bold">
              {t('closuresTitle', { label: year.label })}
            </h2>
            <p className="mt-1 max-w-3xl">{t('closuresIntro')}</p>
            {closuresOfYear.length === 0 ? (
              <p className="mt-3 rounded bg-white p-4">{t('closuresEmpty')}</p>
            ) : (
              <div
                role="region"
                aria-label={t('closuresCaption', { label: year.label })}
                tabIndex={0}
                className="mt-3 overflow-x-auto"
              >
                <table className="w-full border-collapse bg-white text-left text-sm">
                  <caption className="sr-only">{t('closuresCaption', { label: year.label })}</caption>
                  <thead>
                    <tr className="border-b-2 border-slate-400">
                      <th scope="col" className="p-2">
                        {t('closureDate')}
                      </th>
                      <th scope="col" className="p-2">
                        {t('closureSite')}
                      </th>
                      <th scope="col" className="p-2">
                        {t('closureService')}
                      </th>
                      <th scope="col" className="p-2">
                        {t('closureReason')}
                      </th>
                      <th scope="col" className="p-2">
                        <span className="sr-only">{t('delete')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {closuresOfYear.map((c) => (
                      <tr key={c.id} className="border-b border-slate-300 align-top">
                        <th scope="row" className="whitespace-nowrap p-2 font-medium">
                          {formatDateLong(c.date)}
                        </th>
                        <td className="p-2">{c.siteName ?? t('allSites')}</td>
                        <td className="p-2">{t(`service.${c.service ?? 'all'}`)}</td>
                        <td className="p-2">{c.reason}</td>
                        <td className="p-2">
                          {c.date >= now && (
                            <AdminForm
                              action={deleteClosureAction}
                              submitLabel={t('delete')}
                              submitContext={t('closureLabel', { date: formatDateLong(c.date) })}
                              hidden={{ id: c.id }}
                              danger
                            />
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <div className="mt-4 rounded border border-slate-300 bg-white p-4">
              <h3 className="font-semibold">{t('closureAddTitle')}</h3>
              <ClosureForm
                action={addClosureAction}
                sites={capacities.map((s) => ({ id: s.id, name: s.name }))}
                minDate={now}
              />
            </div>
          </section>
        </>
      )}

      {/* Deadlines and open weekdays */}
      <section aria-labelledby="deadlines-heading" className="mt-10">
        <h2 id="deadlines-heading" className="text-xl font-bold">
          {t('deadlinesTitle')}
        </h2>
        <p className="mt-1 max-w-3xl">{t('deadlinesIntro')}</p>
        <div className="mt-3 space-y-3">
          {settings.map((s) => (
            <AdminForm
              key={s.service}
              action={setDeadlineAction}
              submitLabel={t('save')}
              submitContext={`– ${t(`service.${s.service}`)}`}
              hidden={{ service: s.service }}
              className="flex flex-wrap items-end gap-3 rounded bg-white p-4"
            >
              <label className={label}>
                <span>{t('deadlineDays', { service: t(`service.${s.service}`) })}</span>
                <input
                  type="number"
                  name="deadlineDays"
                  min={1}
                  max={60}
                  step={1}
                  required
                  defaultValue={s.deadlineDays}
                  className={`${input} w-28`}
                />
              </label>
            </AdminForm>
          ))}
        </div>
      </section>

      <section aria-labelledby="weekdays-heading" className="mt-10">
        <h2 id="weekdays-heading" className="text-xl font-bold">
          {t('weekdaysTitle')}
        </h2>
        <AdminForm action={setCanteenWeekdaysAction} submitLabel={t('save')} className="mt-3 rounded bg-white p-4">
          <fieldset className="mb-3">
            <legend className="font-medium">{t('weekdaysLegend')}</legend>
            <div className="mt-2 flex flex-wrap gap-4">
              {[1, 2, 3, 4, 5].map((d) => (
                <label key={d} className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    name="weekdays"
                    value={d}
                    defaultChecked={canteen?.openWeekdays.includes(d)}
                    className="h-5 w-5"
                  />
                  {t(`weekday.${d}`)}
                </label>
              ))}
            </div>
          </fieldset>
        </AdminForm>
      </section>

      {/* Capacities */}
      <section aria-labelledby="capacities-heading" className="mt-10">
        <h2 id="capacities-heading" className="text-xl font-bold">
          {t('capacitiesTitle')}
        </h2>
        <p className="mt-1 max-w-3xl">{t('capacitiesIntro')}</p>
        <div className="mt-3 grid gap-3 lg:grid-cols-2">
          {capacities.flatMap((site) =>
            site.capacities.map((c) => (
              <AdminForm
                key={`${site.id}-${c.service}`}
                action={saveCapacitiesAction}
                submitLabel={t('save')}
                submitContext={`– ${t('capacityLegend', { site: site.name, service: t(`service.${c.service}`) })}`}
                hidden={{ siteId: site.id, service: c.service }}
                className="rounded bg-white p-4"
              >
                <fieldset className="mb-3">
                  <legend className="font-semibold">
                    {t('capacityLegend', { site: site.name, service: t(`service.${c.service}`) })}
                  </legend>
                  <div className="mt-2 grid grid-cols-2 gap-3">
                    {c.units.map((u) => (
                      <label key={u.unit} className={label}>
                        <span>{t(`unit.${u.unit}`)}</span>
                        <input
                          type="text"
                          inputMode="numeric"
                          name={`cap_${u.unit}`}
                          defaultValue={u.capacity ?? ''}
                          aria-label={t('capacityLabel', {
                            unit: t(`unit.${u.unit}`),
                            site: site.name,
                            service: t(`service.${c.service}`),
                          })}
                          className={`${input} w-28`}
                        />
                      </label>
                    ))}
                  </div>
                </fieldset>
              </AdminForm>
            )),
          )}
        </div>
      </section>
    </>
  );
}
