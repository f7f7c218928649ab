import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getWording } from '@/i18n/wording';
import { StartForm } from '@/components/demarche/start-form';
import { AgendaLink } from '@/components/agenda-link';
import { Initials } from '@/components/initials';
import { getDb } from '@/db/client';
import { formAction } from '@/lib/action';
import { requireParent } from '@/lib/auth/session';
import { currentSchoolYear } from '@/lib/calendar/school-years';
import { now, today } from '@/lib/clock';
import { declarableDays } from '@/lib/absences/list';
import { waitingPositions } from '@/lib/waiting-list/join';
import { getFamilyChild } from '@/lib/families/child';
import {
  absenceWindow,
  addDays,
  isIsoDate,
  mondayOf,
  monthsOf,
  SERVICE_KINDS,
  weeksOf,
  type IsoDate,
  type ServiceKind,
} from '@/lib/planning';
import { childPlanning, type PlanningDay } from '@/lib/reservations/child-calendar';
import { startReservationAction } from '../../demarches/actions';

type Props = {
  params: Promise<{ childId: string }>;
  searchParams: Promise<{ vue?: string; date?: string; annulee?: string; 'liste-quittee'?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await requireParent();
  const db = await getDb();
  const child = await getFamilyChild(db, user.familyId, Number((await params).childId), null);
  if (!child) return {};
  return { title: (await getTranslations('childPlanning'))('title', { name: `${child.firstName} ${child.lastName}` }) };
}

// The service of each booking is written, never told by colour alone (the colour only repeats it).
const SERVICE_STYLE = {
  cantine: 'bg-sky-50 border-sky-700 text-sky-950',
  mercredi: 'bg-violet-50 border-violet-700 text-violet-950',
  vacances: 'bg-amber-50 border-amber-700 text-amber-950',
} as const;

/** The month as a phone reads it: the days with something to say, a run of holiday days as one line. */
function agenda(days: PlanningDay[]): { first: IsoDate; last: IsoDate; day: PlanningDay }[] {
  const items: { first: IsoDate; last: IsoDate; day: PlanningDay }[] = [];
  const holidayOnly = (d: PlanningDay) =>
    d.holiday !== null && !d.publicHoliday && d.booked.length === 0 && d.closedServices.length === 0;
  for (const day of days) {
    const last = items[items.length - 1];
    if (last && holidayOnly(day) && holidayOnly(last.day) && last.day.holiday === day.holiday) last.last = day.date;
    else items.push({ first: day.date, last: day.date, day });
  }
  return items;
}

export default async function ChildPage({ params, searchParams }: Props) {
  const user = await requireParent();
  const t = await getTranslations('child');
  const tp = await getTranslations('childPlanning');
  const tabs = await getTranslations('absences');
  const tw = await getTranslations('waitingList');
  const td = await getTranslations('demarche');
  const ta = await getTranslations('agenda');
  const words = await getWording();
  const { childId } = await params;
  const { vue, date, annulee } = await searchParams;
  const db = await getDb();
  const at = now();
  const todayIso = today(at);
  const year = await currentSchoolYear(db, todayIso);
  const child = await getFamilyChild(db, user.familyId, Number(childId), year?.id ?? null);
  if (!child) notFound();

  const kind = vue === 'semaine' ? 'semaine' : 'mois';
  const anchor: IsoDate = date && isIsoDate(date) ? date : todayIso;
  const from = kind === 'semaine' ? mondayOf(anchor) : `${anchor.slice(0, 7)}-01`;
  const to = kind === 'semaine' ? addDays(from, 6) : addDays(`${addDays(from, 32).slice(0, 7)}-01`, -1);
  const previous = kind === 'semaine' ? addDays(from, -7) : `${addDays(from, -1).slice(0, 7)}-01`;
  const next = addDays(to, 1);
  const planning = await childPlanning(db, {
    familyId: user.familyId,
    childId: child.id,
    schoolYearId: year?.id ?? null,
    enrolments: child.enrolments,
    from,
    to,
    today: todayIso,
    now: at,
  });
  const byDate = new Map(planning.days.map((d) => [d.date, d]));
  // « Liste d'attente »: every day the child waits for, from today on, with its place in line
  const waiting = await waitingPositions(db, { childIds: [child.id], from: todayIso });
  const { 'liste-quittee': left } = await searchParams;
  // « Signaler une absence »: the days of the window, and those already declared (« Absence signalée »)
  const window = absenceWindow(todayIso);
  const declarable = await declarableDays(db, { familyId: user.familyId, childId: child.id, today: todayIso });
  const declared = new Set(declarable.filter((d) => d.absent).map((d) => `${d.service}|${d.date}`));
  const absenceHref = (service: ServiceKind, date?: IsoDate) =>
    `${base}/absence?service=${service}${date ? `&date=${date}` : ''}`;
  const start = formAction(startReservationAction);
  const base = `/enfants/${child.id}`;
  const link = (k: string, d: string) => `${base}?vue=${k}&date=${d}`;
  const title = kind === 'semaine' ? words.weekOf(from) : words.monthYear(from);
  const enrolledIn = (s: ServiceKind) => child.enrolments.some((e) => e.service === s);

  /** What a day holds, in words: holidays, public holiday, closures, then each service's booking. */
  const dayLines = (day: PlanningDay | undefined, compact: boolean) => {
    if (!day) return null;
    const nothing = day.booked.length === 0 && !day.holiday && !day.publicHoliday && day.closedServices.length === 0;
    return (
      <ul className="mt-1 space-y-1">
        {day.publicHoliday && <li className="text-sm font-medium">{tp('publicHoliday')}</li>}
        {day.holiday && !day.publicHoliday && <li className="text-sm italic text-slate-700">{day.holiday}</li>}
        {day.closedServices.map((s) => (
          <li key={`closed-${s}`} className="text-sm font-medium">
            {tp('closure')} · {words.service(s)}
          </li>
        ))}
        {day.booked.map((b) => (
          <li
            key={b.service}
            className={`rounded border-s-4 px-1.5 py-0.5 ${compact ? 'text-xs' : 'text-sm'} ${SERVICE_STYLE[b.service]}`}
          >
            <span className="font-semibold">{words.service(b.service)}</span> :{' '}
            {b.units.map((u) => words.unit(u)).join(', ')}
            {declared.has(`${b.service}|${day.date}`) && <strong className="block">{tabs('alreadyDeclared')}</strong>}
            {!compact &&
              !declared.has(`${b.service}|${day.date}`) &&
              day.date >= window.from &&
              day.date <= window.to && (
                <Link
                  href={absenceHref(b.service, day.date)}
                  className="mt-1 inline-flex min-h-11 items-center text-brand-700 underline"
                >
                  <span aria-hidden="true">{tabs('link')}</span>
                  <span className="sr-only">
                    {tabs('linkDay', { date: words.dateLong(day.date), service: words.service(b.service) })}
                  </span>
                </Link>
              )}
            {b.greyed === null && enrolledIn(b.service) ? (
              <StartForm
                start={start}
                childId={child.id}
                service={b.service}
                date={day.date}
                className="mt-1 block min-h-11 min-w-11 rounded border-2 border-brand-700 bg-white px-2 py-1 font-semibold text-brand-700"
              >
                <span aria-hidden="true">{tp('modify')}</span>
                <span className="sr-only">
                  {tp('modifyDay', { date: words.dateLong(day.date), service: words.service(b.service) })}
                </span>
              </StartForm>
            ) : (
              b.greyed !== null && (
                <span className="block text-slate-700">
                  {tp('notModifiable')} ({b.greyed ? words.greyedWords(b.greyed, b.greyedLabel ?? '', b.opening) : ''})
                </span>
              )
            )}
          </li>
        ))}
        {waiting
          .filter((w) => w.date === day.date)
          .map((w) => (
            <li key={`waiting-${w.id}`} className={`${compact ? 'text-xs' : 'text-sm'} font-semibold text-blue-900`}>
              {words.service(w.service)} · {tw('position', { position: w.position })}
            </li>
          ))}
        {nothing && !waiting.some((w) => w.date === day.date) && (
          <li className="text-sm text-slate-700">{tp('nothing')}</li>
        )}
      </ul>
    );
  };

  return (
    <>
      <div className="flex items-center gap-3">
        <Initials firstName={child.firstName} lastName={child.lastName} seed={child.id} />
        <h1 className="text-2xl font-bold">{t('title', { name: `${child.firstName} ${child.lastName}` })}</h1>
      </div>
      {annulee && (
        <p role="status" className="mt-4 rounded bg-white p-3">
          {td('cancelled')}
        </p>
      )}

      <section aria-labelledby="services-heading" className="mt-6">
        <h2 id="services-heading" className="text-xl font-semibold">
          {t('services')}
          {year ? ` ${year.label}` : ''}
        </h2>
        <ul className="mt-3 grid gap-3 md:grid-cols-3">
          {SERVICE_KINDS.map((service) => {
            const enrolment = child.enrolments.find((e) => e.service === service);
            return (
              <li
                key={service}
                className="flex flex-col justify-between gap-3 rounded-lg border border-slate-300 bg-white p-4"
              >
                <div>
                  <h3 className="font-semibold">{words.service(service)}</h3>
                  <p className="text-sm text-slate-700">
                    {enrolment ? t('enrolled', { site: enrolment.siteName }) : t('notEnrolled')}
                  </p>
                </div>
                {enrolment ? (
                  <div className="flex flex-col items-start gap-2">
                    <Link
                      href={`/demarches/reservations/${service}/${child.id}`}
                      className="inline-flex min-h-11 items-center self-start rounded bg-brand-700 px-3 py-2 font-semibold text-white"
                    >
                      {t('manage')}
                      <span className="sr-only"> : {words.service(service)}</span>
                    </Link>
                    <Link
                      href={absenceHref(service)}
                      className="inline-flex min-h-11 items-center self-start rounded border-2 border-brand-700 bg-white px-3 py-2 font-semibold text-brand-700"
                    >
                      <span aria-hidden="true">{tabs('link')}</span>
                      <span className="sr-only">{tabs('linkService', { service: words.service(service) })}</span>
                    </Link>
                  </div>
                ) : user.familyStatus !== 'active' ? null : (
                  <Link
                    href={`/demarches/inscription/${service}/${child.id}`}
                    className="self-start rounded border-2 border-brand-700 bg-white px-3 py-2 font-semibold text-brand-700"
                  >
                    {t('enrol')}
                    <span className="sr-only"> : {words.service(service)}</span>
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      {left && (
        <p role="status" className="mt-4 rounded bg-white p-3">
          {tw('leftDone', { name: child.firstName })}
        </p>
      )}
      {waiting.length > 0 && (
        <section aria-labelledby="waiting-heading" className="mt-8">
          <h2 id="waiting-heading" className="text-xl font-semibold">
            {tw('section')}
          </h2>
          <p className="mt-1 max-w-3xl text-slate-800">{tw('sectionIntro', { name: child.firstName })}</p>
          <ul aria-labelledby="waiting-heading" className="mt-3 grid gap-2 md:grid-cols-2">
            {waiting.map((w) => (
              <li key={w.id} className="rounded-lg border-2 border-blue-800 bg-blue-50 p-3">
                <p className="first-letter:uppercase">
                  {tw('entry', {
                    date: words.dateLong(w.date),
                    service: words.service(w.service),
                    units: w.units.map((u) => words.unit(u)).join(' + '),
                  })}
                </p>
                <p className="font-semibold text-blue-900">{tw('position', { position: w.position })}</p>
                <Link
                  href={`${base}/liste-attente/${w.id}`}
                  className="mt-1 inline-flex min-h-11 items-center text-brand-700 underline"
                >
                  <span aria-hidden="true">{tw('leave')}</span>
                  <span className="sr-only">
                    {tw('leaveDay', { date: words.dateLong(w.date), service: words.service(w.service) })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="calendar-heading" className="mt-8">
        <h2 id="calendar-heading" className="text-xl font-semibold">
          {t('calendar')}
        </h2>
        {planning.deadlines.length > 0 && (
          <ul className="mt-2 space-y-1 rounded border-s-4 border-brand-700 bg-white p-3">
            {planning.deadlines.map(({ service, firstModifiable }) => (
              <li key={service}>
                {firstModifiable
                  ? tp('deadlineLine', { service: words.service(service), date: words.dateLong(firstModifiable) })
                  : tp('noneModifiable', { service: words.service(service) })}
              </li>
            ))}
          </ul>
        )}
        <nav aria-label={td('viewChoice')} className="mt-3 flex gap-2">
          {(['semaine', 'mois'] as const).map((k) => (
            <Link
              key={k}
              href={link(k, anchor)}
              aria-current={k === kind ? 'page' : undefined}
              className={`inline-flex min-h-11 min-w-11 items-center rounded border-2 border-brand-700 px-3 py-1.5 font-medium ${k === kind ? 'bg-brand-700 text-white' : 'bg-white text-brand-700'}`}
            >
              {k === 'semaine' ? td('viewWeek') : td('viewMonth')}
            </Link>
          ))}
        </nav>
        <div className="mt-3 flex items-center justify-between gap-2">
          <Link
            href={link(kind, previous)}
            className="inline-flex min-h-11 items-center px-2 py-1.5 text-brand-700 underline"
          >
            <span aria-hidden="true" className="inline-block rtl:rotate-180">
              ←
            </span>{' '}
            {kind === 'semaine' ? td('previousWeek') : td('previousMonth')}
          </Link>
          <h3 className="text-lg font-semibold first-letter:uppercase">{title}</h3>
          <Link
            href={link(kind, next)}
            className="inline-flex min-h-11 items-center px-2 py-1.5 text-brand-700 underline"
          >
            {kind === 'semaine' ? td('nextWeek') : td('nextMonth')}{' '}
            <span aria-hidden="true" className="inline-block rtl:rotate-180">
              →
            </span>
          </Link>
        </div>
        {kind === 'mois' ? (
          <>
            {/* a phone reads the month as a list of days; a wider screen as a grid */}
            <table className="mt-3 hidden w-full table-fixed border-collapse bg-white sm:table">
              <caption className="sr-only">{title}</caption>
              <thead>
                <tr>
                  {t('weekdaysShort')
                    .split(',')
                    .map((d) => (
                      <th key={d} scope="col" className="border border-slate-300 p-1 text-sm">
                        {d}
                      </th>
                    ))}
                </tr>
              </thead>
              <tbody>
                {(monthsOf(from, from)[0]?.weeks ?? [])
                  .filter((w) => w.slice(0, 5).some(Boolean))
                  .map((week, i) => (
                    <tr key={i}>
                      {week.slice(0, 5).map((d, j) => (
                        <td key={j} className="h-16 border border-slate-300 p-1 align-top">
                          {d && (
                            <>
                              <span
                                className={`block text-sm font-semibold ${d === todayIso ? 'underline' : ''}`}
                                aria-hidden="true"
                              >
                                {Number(d.slice(8))}
                              </span>
                              <span className="sr-only">{words.dateLong(d)}</span>
                              {dayLines(byDate.get(d), true)}
                            </>
                          )}
                        </td>
                      ))}
                    </tr>
                  ))}
              </tbody>
            </table>
            <ol aria-label={title} className="mt-3 space-y-2 sm:hidden">
              {agenda(planning.days).map(({ first, last, day }) => (
                <li key={first} className="rounded border border-slate-300 bg-white p-2">
                  <p className="text-sm font-semibold first-letter:uppercase">
                    {first === last
                      ? words.dateLong(first)
                      : tp('range', { from: words.dateLong(first), to: words.dateLong(last) })}
                  </p>
                  {dayLines(day, false)}
                </li>
              ))}
            </ol>
          </>
        ) : (
          <ul className="mt-3 grid gap-2 sm:grid-cols-5">
            {(weeksOf(from, from)[0] ?? []).slice(0, 5).map((d) => (
              <li key={d} className="rounded border border-slate-300 bg-white p-2">
                <p className="text-sm font-semibold first-letter:uppercase">{words.dateLong(d)}</p>
                {dayLines(byDate.get(d), false)}
              </li>
            ))}
          </ul>
        )}
        <section
          aria-labelledby="calendar-legend"
          className="mt-3 rounded border border-slate-300 bg-white p-3 text-sm"
        >
          <h4 id="calendar-legend" className="font-semibold">
            {t('legend')}
          </h4>
          <ul className="mt-2 flex flex-wrap gap-2">
            {SERVICE_KINDS.map((s) => (
              <li key={s} className={`rounded border-s-4 px-2 ${SERVICE_STYLE[s]}`}>
                {words.service(s)}
              </li>
            ))}
          </ul>
          <p className="mt-2">{tp('legendModify')}</p>
        </section>
      </section>
      <AgendaLink text={ta('homeTeaser')} link={ta('link')} />
      <p className="mt-8">
        <Link href="/" className="inline-flex min-h-11 items-center text-brand-700 underline">
          {t('back')}
        </Link>
      </p>
    </>
  );
}
