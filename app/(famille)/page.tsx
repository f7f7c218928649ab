import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Initials } from '@/components/initials';
import { getDb } from '@/db/client';
import { requireParent } from '@/lib/auth/session';
import { currentSchoolYear } from '@/lib/calendar/school-years';
import { today } from '@/lib/clock';
import { listFamilyChildren } from '@/lib/families/children';
import { SERVICE_KINDS } from '@/lib/planning';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('home'))('title') };
}

export default async function MonEspacePage() {
  const user = await requireParent();
  const t = await getTranslations('home');
  const ts = await getTranslations('services');
  const db = await getDb();
  const year = await currentSchoolYear(db, today());
  const kids = await listFamilyChildren(db, user.familyId, year?.id ?? null);

  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-1 text-lg">{t('greeting', { name: user.firstName })}</p>
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
                    <Initials firstName={kid.firstName} lastName={kid.lastName} seed={kid.id} />
                    <div>
                      <h3 className="text-lg font-semibold">
                        <Link href={`/enfants/${kid.id}`} className="text-brand-700 underline underline-offset-4">
                          {kid.firstName} {kid.lastName}
                        </Link>
                      </h3>
                      {kid.schoolName && (
                        <p className="text-sm text-slate-700">
                          {t('classAt', { level: kid.classLevel, school: kid.schoolName })}
                        </p>
                      )}
                    </div>
                  </div>
                  {year === null ? (
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
                                  className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white"
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
                                  className="rounded border-2 border-brand-700 px-3 py-1 font-semibold text-brand-700"
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
    </>
  );
}
