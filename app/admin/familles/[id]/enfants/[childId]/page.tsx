// A child in the back office: the enrolments of the current school year (« Gérer les réservations » or « S'inscrire »
// for the family), the planning by month and service, and the requests (made by the family or by the Guichet famille).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ScrollRegion } from '@/components/scroll-region';
import { getDb } from '@/db/client';
import { formAction } from '@/lib/action';
import { childPageError } from '@/lib/families/child-page-errors';
import { getChildAdmin, listSiteOptions } from '@/lib/families/families';
import { requireStaff } from '@/lib/auth/session';
import { today } from '@/lib/clock';
import { proposedSite, siteKindOf } from '@/lib/enrolments/enrol';
import { formatDateLong, formatMonthYear, SERVICE_KINDS, SERVICE_LABELS, UNIT_SHORT_LABELS } from '@/lib/planning';
import { startOnBehalfAction } from '../../demarches/actions';
import { parseId } from '../../../ids';
import { EnrolForm } from './enrol-form';

export async function generateMetadata({
  params,
}: {
  params: Promise<{ id: string; childId: string }>;
}): Promise<Metadata> {
  const t = await getTranslations('adminFamilies');
  await requireStaff();
  const p = await params;
  const child = await getChildAdmin(await getDb(), {
    familyId: parseId(p.id),
    childId: parseId(p.childId),
    today: today(),
  });
  return { title: child ? `${child.firstName} ${child.lastName} · ${t('title')}` : t('title') };
}

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });

export default async function AdminChildPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; childId: string }>;
  searchParams: Promise<{ erreur?: string }>;
}) {
  await requireStaff();
  const t = await getTranslations('adminChild');
  const p = await params;
  const familyId = parseId(p.id);
  const childId = parseId(p.childId);
  const { erreur } = await searchParams;
  const db = await getDb();
  const child = await getChildAdmin(db, { familyId, childId, today: today() });
  if (!child) notFound();
  const name = `${child.firstName} ${child.lastName}`;
  const error = childPageError(erreur, t, child.firstName);
  const missing = SERVICE_KINDS.filter((s) => !child.enrolments.some((e) => e.service === s));
  const enrolOptions = await Promise.all(
    missing.map(async (service) => ({
      service,
      sites: await listSiteOptions(db, siteKindOf(service)),
      proposed: await proposedSite(db, { familyId, childId, service }),
    })),
  );

  return (
    <>
      <p>
        <Link href={`/admin/familles/${familyId}`} className="text-brand-700 underline">
          ← {t('backToFamily')}
        </Link>
      </p>
      <p className="mt-2 text-sm uppercase tracking-wide text-slate-700">{t('ofFamily', { name: child.familyName })}</p>
      <h1 className="text-2xl font-bold">{t('title', { name })}</h1>
      <p className="mt-1">
        {t('born', { date: formatDateLong(child.birthDate) })}
        {child.schoolName ? ` · ${child.schoolName}` : ''}
        {child.classLevel ? ` · ${child.classLevel}` : ''}
      </p>
      {error && (
        <p role="alert" className="mt-4 rounded border-2 border-red-700 bg-white p-3 text-red-800">
          {error}
        </p>
      )}

      <section aria-labelledby="enrolments-heading" className="mt-6">
        <h2 id="enrolments-heading" className="text-xl font-bold">
          {child.schoolYear ? t('enrolments', { year: child.schoolYear.label }) : t('noYear')}
        </h2>
        <ul className="mt-3 grid gap-3 md:grid-cols-3">
          {SERVICE_KINDS.map((service) => {
            const enrolment = child.enrolments.find((e) => e.service === service);
            const options = enrolOptions.find((o) => o.service === service);
            return (
              <li key={service} className="rounded border border-slate-400 bg-white p-4">
                <h3 className="font-semibold">{SERVICE_LABELS[service]}</h3>
                {enrolment ? (
                  <>
                    <p className="mt-1">{enrolment.siteName}</p>
                    <form action={formAction(startOnBehalfAction)} className="mt-3">
                      <input type="hidden" name="familyId" value={familyId} />
                      <input type="hidden" name="childId" value={childId} />
                      <input type="hidden" name="service" value={service} />
                      <button
                        type="submit"
                        className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
                      >
                        {t('manage')}
                      </button>
                    </form>
                  </>
                ) : (
                  <>
                    <p className="mt-1">{t('notEnrolled')}</p>
                    {child.schoolYear && options && (
                      <details className="mt-3">
                        <summary className="cursor-pointer font-semibold text-brand-700">{t('enrol')}</summary>
                        <p className="mt-2 text-sm text-slate-800">{t('enrolHelp')}</p>
                        <div className="mt-2">
                          <EnrolForm
                            familyId={familyId}
                            childId={childId}
                            service={service}
                            sites={options.sites}
                            proposedId={options.proposed?.id ?? null}
                          />
                        </div>
                      </details>
                    )}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="planning-heading" className="mt-8">
        <h2 id="planning-heading" className="text-xl font-bold">
          {t('planning')}
        </h2>
        {child.planning.length === 0 ? (
          <p className="mt-3 rounded bg-white p-4">{t('noReservation')}</p>
        ) : (
          child.planning.map((plan) => (
            <details key={plan.service} className="mt-3 rounded border border-slate-400 bg-white p-4">
              <summary className="cursor-pointer font-semibold">{SERVICE_LABELS[plan.service]}</summary>
              {plan.months.map((month) => (
                <div key={month.month} className="mt-3">
                  <h3 className="font-medium first-letter:uppercase">{formatMonthYear(month.month)}</h3>
                  <ul className="mt-1 grid gap-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
                    {month.days.map((day) => (
                      <li key={day.date}>
                        <span className="first-letter:uppercase">{formatDateLong(day.date)}</span> :{' '}
                        {day.units.map((u) => UNIT_SHORT_LABELS[u]).join(', ')}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </details>
          ))
        )}
      </section>

      <section aria-labelledby="requests-heading" className="mt-8">
        <h2 id="requests-heading" className="text-xl font-bold">
          {t('requests')}
        </h2>
        {child.requests.length === 0 ? (
          <p className="mt-3 rounded bg-white p-4">{t('noRequest')}</p>
        ) : (
          <ScrollRegion label={t('requests')} className="mt-3">
            <table className="w-full border-collapse bg-white text-left text-sm">
              <thead>
                <tr className="border-b-2 border-slate-400">
                  <th scope="col" className="p-2">
                    {t('reference')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('date')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('service')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('type')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('status')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('by')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('reason')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {child.requests.map((r) => (
                  <tr key={r.id} className="border-b border-slate-300 align-top">
                    <th scope="row" className="p-2 font-medium">
                      {r.reference ?? '—'}
                    </th>
                    <td className="whitespace-nowrap p-2">{dateTime.format(r.submittedAt ?? r.createdAt)}</td>
                    <td className="p-2">{SERVICE_LABELS[r.service]}</td>
                    <td className="p-2">{t(`typeLabel.${r.type}`)}</td>
                    <td className="p-2">{t(`statusLabel.${r.status}`)}</td>
                    <td className="p-2">{r.onBehalf ? t('byDesk') : t('byFamily')}</td>
                    <td className="p-2">{r.reason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
    </>
  );
}
