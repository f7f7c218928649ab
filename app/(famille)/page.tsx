import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getWording } from '@/i18n/wording';
import { StartForm } from '@/components/demarche/start-form';
import { FamilyStatusNotice } from '@/components/family-status';
import { AgendaLink } from '@/components/agenda-link';
import { Initials } from '@/components/initials';
import { getDb } from '@/db/client';
import { formAction } from '@/lib/action';
import { requireParent } from '@/lib/auth/session';
import { currentSchoolYear } from '@/lib/calendar/school-years';
import { now, today } from '@/lib/clock';
import { listFamilyChildren } from '@/lib/families/children';
import { refusalReasonOf } from '@/lib/families/signups';
import { absenceWindow, SERVICE_KINDS } from '@/lib/planning';
import { capitalise, upcomingDays, type UpcomingService } from '@/lib/reservations/upcoming';
import { startReservationAction } from './demarches/actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('home'))('title') };
}

export default async function MonEspacePage() {
  const user = await requireParent();
  const t = await getTranslations('home');
  const ts = await getTranslations('services');
  const tu = await getTranslations('upcoming');
  const tabs = await getTranslations('absences');
  const tw = await getTranslations('waitingList');
  const ta = await getTranslations('agenda');
  const words = await getWording();
  const db = await getDb();
  const at = now();
  const todayIso = today(at);
  const year = await currentSchoolYear(db, todayIso);
  const [kids, upcoming] = await Promise.all([
    listFamilyChildren(db, user.familyId, year?.id ?? null),
    year ? upcomingDays(db, { familyId: user.familyId, schoolYearId: year.id, today: todayIso, now: at }) : null,
  ]);
  const start = formAction(startReservationAction);
  const lastAbsenceDay = absenceWindow(todayIso).to;

  // « À venir – Léa »: per service, the next open days in words; a modifiable day opens Étape 1 at its week
  const upcomingList = (kid: { id: number; firstName: string }, services: UpcomingService[]) => (
    <section aria-labelledby={`upcoming-${kid.id}`} className="mt-3">
      <h4 id={`upcoming-${kid.id}`} className="font-semibold">
        {tu('heading')}
      </h4>
      <ul aria-label={tu('listName', { name: kid.firstName })} className="mt-1 space-y-3">
        {services.map(({ service, days }) => (
          <li key={service}>
            <h5 className="text-sm font-medium text-slate-700">{words.service(service)}</h5>
            {days.length === 0 ? (
              <p className="mt-1 text-sm">{tu('noDay')}</p>
            ) : (
              <ol className="mt-1 space-y-1.5">
                {days.map((day) => {
                  const what = tu('day', {
                    date: capitalise(words.dateLong(day.date)),
                    booked: day.units.map((u) => words.unit(u)).join(', ') || tu('nothingBooked'),
                  });
                  return (
                    <li key={day.date}>
                      {day.greyed === null ? (
                        <StartForm
                          start={start}
                          childId={kid.id}
                          service={service}
                          date={day.date}
                          className="flex min-h-11 w-full items-center justify-between gap-2 rounded border-2 border-brand-700 bg-white px-3 py-1.5 text-start hover:bg-brand-50"
                        >
                          <span>
                            <span className="block font-medium">{what}</span>
                            <span className="block text-sm text-slate-700">
                              {tu('modifiableUntil', { date: words.dayMonth(day.lastChangeDay) })}
                            </span>
                            <span className="sr-only"> – {words.service(service)}</span>
                          </span>
                          <span aria-hidden="true" className="text-xl text-brand-700">
                            ›
                          </span>
                        </StartForm>
                      ) : (
                        <p className="rounded border border-slate-300 bg-slate-100 px-3 py-1.5">
                          <span className="block">{what}</span>
                          <span className="block text-sm text-slate-700">
                            {tu('greyed', {
                              reason: day.greyed
                                ? words.greyedWords(day.greyed, day.greyedLabel ?? '', day.opening)
                                : '',
                            })}
                          </span>
                        </p>
                      )}
                      {day.waiting && (
                        <p className="mt-1 flex flex-wrap items-center gap-x-3 text-sm">
                          <span className="font-semibold text-blue-900">
                            {tw('position', { position: day.waiting.position })} –{' '}
                            {day.waiting.units.map((u) => words.unit(u)).join(' + ')}
                          </span>
                          <Link
                            href={`/enfants/${kid.id}/liste-attente/${day.waiting.entryId}`}
                            className="inline-flex min-h-11 items-center text-brand-700 underline"
                          >
                            <span aria-hidden="true">{tw('leave')}</span>
                            <span className="sr-only">
                              {tw('leaveDay', { date: words.dateLong(day.date), service: words.service(service) })}
                            </span>
                          </Link>
                        </p>
                      )}
                      {day.units.length > 0 && day.date <= lastAbsenceDay && (
                        <Link
                          href={`/enfants/${kid.id}/absence?service=${service}&date=${day.date}`}
                          className="inline-flex min-h-11 items-center text-sm text-brand-700 underline"
                        >
                          <span aria-hidden="true">{tabs('link')}</span>
                          <span className="sr-only">
                            {tabs('linkDay', { date: words.dateLong(day.date), service: words.service(service) })}
                          </span>
                        </Link>
                      )}
                    </li>
                  );
                })}
              </ol>
            )}
          </li>
        ))}
      </ul>
    </section>
  );

  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-1 text-lg">{t('greeting', { name: user.firstName })}</p>
      {user.familyStatus !== 'active' && (
        <FamilyStatusNotice
          status={user.familyStatus}
          refusalReason={user.familyStatus === 'refused' ? await refusalReasonOf(db, user.familyId) : null}
        />
      )}
      <section aria-labelledby="children-heading" className="mt-6">
        <h2 id="children-heading" className="text-xl font-semibold">
          {t('childrenHeading')}
        </h2>
        {kids.length === 0 ? (
          <p className="mt-3 rounded bg-white p-4">{t('noChildren')}</p>
        ) : (
          <>
            <p className="mt-1 text-slate-700">{t('childrenIntro')}</p>
            <ul className="mt-4 grid gap-4 sm:grid-cols-2">
              {kids.map((kid) => (
                <li key={kid.id} className="rounded-lg border border-slate-300 bg-white p-4 shadow-sm">
                  <div className="flex items-center gap-3">
                    {/* seed: « en cliquant sur l'icône de votre enfant » — the icon and the name are one link */}
                    <h3 className="text-lg font-semibold">
                      <Link
                        href={`/enfants/${kid.id}`}
                        aria-label={`${kid.firstName} ${kid.lastName}`}
                        className="flex items-center gap-3 text-brand-700 underline underline-offset-4"
                      >
                        <Initials firstName={kid.firstName} lastName={kid.lastName} seed={kid.id} />
                        <span>
                          {kid.firstName} {kid.lastName}
                        </span>
                      </Link>
                    </h3>
                  </div>
                  {kid.schoolName && (
                    <p className="mt-1 text-sm text-slate-700">
                      {t('classAt', { level: kid.classLevel, school: kid.schoolName })}
                    </p>
                  )}
                  {upcoming?.has(kid.id) && upcomingList(kid, upcoming.get(kid.id)!)}
                  {user.familyStatus !== 'active' ? null : year === null ? (
                    <p className="mt-3 text-sm">{t('noSchoolYear')}</p>
                  ) : (
                    <div className="mt-3">
                      <h4 className="text-sm font-medium">{t('enrolledIn', { year: year.label })}</h4>
                      {kid.services.length === 0 && <p className="text-sm">{t('noEnrolment', { year: year.label })}</p>}
                      <ul className="mt-2 space-y-2 text-sm">
                        {SERVICE_KINDS.map((service) => {
                          const enrolled = kid.services.find((s) => s.service === service);
                          return (
                            <li
                              key={service}
                              className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 pt-2"
                            >
                              <span>
                                {ts(service)}
                                {enrolled ? <span className="block text-slate-700">{enrolled.siteName}</span> : null}
                              </span>
                              {enrolled ? (
                                <Link
                                  href={`/demarches/reservations/${service}/${kid.id}`}
                                  className="inline-flex min-h-11 items-center rounded bg-brand-700 px-3 py-1.5 font-semibold text-white"
                                >
                                  {t('manage')}
                                  <span className="sr-only">
                                    {' '}
                                    : {kid.firstName}, {ts(service)}
                                  </span>
                                </Link>
                              ) : (
                                <Link
                                  href={`/demarches/inscription/${service}/${kid.id}`}
                                  className="inline-flex min-h-11 items-center rounded border-2 border-brand-700 px-3 font-semibold text-brand-700"
                                >
                                  {t('enrol')}
                                  <span className="sr-only">
                                    {' '}
                                    : {kid.firstName}, {ts(service)}
                                  </span>
                                </Link>
                              )}
                            </li>
                          );
                        })}
                      </ul>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {kids.length > 0 && <AgendaLink text={ta('homeTeaser')} link={ta('link')} />}
    </>
  );
}
