import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Initials } from '@/components/initials';
import { getDb } from '@/db/client';
import { requireParent } from '@/lib/auth/session';
import { currentSchoolYear } from '@/lib/calendar/school-years';
import { today } from '@/lib/clock';
import { getFamilyChild } from '@/lib/families/child';
import {
  addDays,
  formatDateLong,
  formatMonthYear,
  isIsoDate,
  mondayOf,
  monthsOf,
  SERVICE_KINDS,
  SERVICE_LABELS,
  UNIT_LABELS,
  UNIT_SHORT_LABELS,
  weekLabel,
  weeksOf,
  type IsoDate,
} from '@/lib/planning';
import { childCalendar, type BookedUnit } from '@/lib/reservations/child-calendar';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('child'))('title', { name: '' }).trim() };
}

const SERVICE_STYLE = {
  cantine: 'bg-sky-100 border-sky-700 text-sky-950',
  mercredi: 'bg-violet-100 border-violet-700 text-violet-950',
  vacances: 'bg-amber-100 border-amber-700 text-amber-950',
} as const;

const SHORT = { matin: 'M', apres_midi: 'AM', repas_classique: 'RC', repas_sans_viande: 'RSV' } as const;

export default async function ChildPage({
  params,
  searchParams,
}: {
  params: Promise<{ childId: string }>;
  searchParams: Promise<{ vue?: string; date?: string; annulee?: string }>;
}) {
  const user = await requireParent();
  const t = await getTranslations('child');
  const td = await getTranslations('demarche');
  const { childId } = await params;
  const { vue, date, annulee } = await searchParams;
  const db = await getDb();
  const todayIso = today();
  const year = await currentSchoolYear(db, todayIso);
  const child = await getFamilyChild(db, user.familyId, Number(childId), year?.id ?? null);
  if (!child) notFound();

  const kind = vue === 'semaine' ? 'semaine' : 'mois';
  const anchor: IsoDate = date && isIsoDate(date) ? date : todayIso;
  const from = kind === 'semaine' ? mondayOf(anchor) : `${anchor.slice(0, 7)}-01`;
  const to = kind === 'semaine' ? addDays(from, 6) : addDays(`${addDays(from, 32).slice(0, 7)}-01`, -1);
  const previous = kind === 'semaine' ? addDays(from, -7) : `${addDays(from, -1).slice(0, 7)}-01`;
  const next = addDays(to, 1);
  const booked = await childCalendar(db, { familyId: user.familyId, childId: child.id, from, to });
  const byDate = new Map<IsoDate, BookedUnit[]>();
  for (const b of booked) byDate.set(b.date, [...(byDate.get(b.date) ?? []), b]);
  const base = `/enfants/${child.id}`;
  const link = (k: string, d: string) => `${base}?vue=${k}&date=${d}`;
  const title = kind === 'semaine' ? weekLabel(weeksOf(from, from)[0] ?? [from]) : formatMonthYear(from);
  const dayCell = (d: IsoDate) => {
    const units = byDate.get(d) ?? [];
    return (
      <>
        <span className={`block text-sm font-semibold ${d === todayIso ? 'underline' : ''}`}>{Number(d.slice(8))}</span>
        <span className="sr-only">
          {formatDateLong(d)}
          {units.length === 0 ? ` : ${t('noReservation')}` : ''}
        </span>
        <ul className="mt-1 space-y-0.5">
          {units.map((u) => (
            <li
              key={`${u.service}-${u.unit}`}
              className={`rounded border-l-4 px-1 text-xs ${SERVICE_STYLE[u.service]}`}
            >
              <span aria-hidden="true">{SHORT[u.unit]}</span>
              <span className="sr-only">
                {SERVICE_LABELS[u.service]} : {UNIT_LABELS[u.unit]}
              </span>
            </li>
          ))}
        </ul>
      </>
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
                  <h3 className="font-semibold">{SERVICE_LABELS[service]}</h3>
                  <p className="text-sm text-slate-700">
                    {enrolment ? t('enrolled', { site: enrolment.siteName }) : t('notEnrolled')}
                  </p>
                </div>
                {enrolment ? (
                  <Link
                    href={`/demarches/reservations/${service}/${child.id}`}
                    className="self-start rounded bg-brand-700 px-3 py-2 font-semibold text-white"
                  >
                    {t('manage')}
                    <span className="sr-only"> : {SERVICE_LABELS[service]}</span>
                  </Link>
                ) : (
                  <Link
                    href={`/demarches/inscription/${service}/${child.id}`}
                    className="self-start rounded border-2 border-brand-700 bg-white px-3 py-2 font-semibold text-brand-700"
                  >
                    {t('enrol')}
                    <span className="sr-only"> : {SERVICE_LABELS[service]}</span>
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="calendar-heading" className="mt-8">
        <h2 id="calendar-heading" className="text-xl font-semibold">
          {t('calendar')}
        </h2>
        <nav aria-label={td('viewChoice')} className="mt-3 flex gap-2">
          {(['semaine', 'mois'] as const).map((k) => (
            <Link
              key={k}
              href={link(k, anchor)}
              aria-current={k === kind ? 'page' : undefined}
              className={`rounded border-2 border-brand-700 px-3 py-1.5 font-medium ${k === kind ? 'bg-brand-700 text-white' : 'bg-white text-brand-700'}`}
            >
              {k === 'semaine' ? td('viewWeek') : td('viewMonth')}
            </Link>
          ))}
        </nav>
        <div className="mt-3 flex items-center justify-between gap-2">
          <Link href={link(kind, previous)} className="px-2 py-1.5 text-brand-700 underline">
            ← {kind === 'semaine' ? td('previousWeek') : td('previousMonth')}
          </Link>
          <h3 className="text-lg font-semibold first-letter:uppercase">{title}</h3>
          <Link href={link(kind, next)} className="px-2 py-1.5 text-brand-700 underline">
            {kind === 'semaine' ? td('nextWeek') : td('nextMonth')} →
          </Link>
        </div>
        {kind === 'mois' ? (
          <table className="mt-3 w-full table-fixed border-collapse bg-white">
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
                        {d ? dayCell(d) : null}
                      </td>
                    ))}
                  </tr>
                ))}
            </tbody>
          </table>
        ) : (
          <ul className="mt-3 grid gap-2 sm:grid-cols-5">
            {(weeksOf(from, from)[0] ?? []).slice(0, 5).map((d) => (
              <li key={d} className="rounded border border-slate-300 bg-white p-2">
                <p className="text-sm font-semibold first-letter:uppercase">{formatDateLong(d)}</p>
                <ul className="mt-1 space-y-1">
                  {(byDate.get(d) ?? []).map((u) => (
                    <li
                      key={`${u.service}-${u.unit}`}
                      className={`rounded border-l-4 px-2 py-0.5 text-sm ${SERVICE_STYLE[u.service]}`}
                    >
                      {UNIT_LABELS[u.unit]} <span className="text-xs">· {SERVICE_LABELS[u.service]}</span>
                    </li>
                  ))}
                  {(byDate.get(d) ?? []).length === 0 && (
                    <li className="text-sm text-slate-700">{t('noReservation')}</li>
                  )}
                </ul>
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
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {(['matin', 'apres_midi', 'repas_classique', 'repas_sans_viande'] as const).map((u) => (
              <li key={u}>
                <span className="font-semibold">{SHORT[u]}</span> = {UNIT_LABELS[u]}
                {UNIT_SHORT_LABELS[u] !== UNIT_LABELS[u] ? ` (${UNIT_SHORT_LABELS[u]})` : ''}
              </li>
            ))}
          </ul>
          <ul className="mt-2 flex flex-wrap gap-2">
            {SERVICE_KINDS.map((s) => (
              <li key={s} className={`rounded border-l-4 px-2 ${SERVICE_STYLE[s]}`}>
                {SERVICE_LABELS[s]}
              </li>
            ))}
          </ul>
        </section>
      </section>
      <p className="mt-8">
        <Link href="/" className="text-brand-700 underline">
          {t('back')}
        </Link>
      </p>
    </>
  );
}
