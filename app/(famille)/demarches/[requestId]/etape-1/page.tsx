import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DemarcheHeader } from '@/components/demarche-header';
import { Legend } from '@/components/legend';
import { getDb } from '@/db/client';
import { requireParent } from '@/lib/auth/session';
import { today } from '@/lib/clock';
import { defaultTemplatePeriod, GREY_REASON_LABELS, groupByDate, SERVICE_LABELS, unitsOf } from '@/lib/planning';
import { draftPageData } from '@/lib/requests/page-data';
import { computeRecap } from '@/lib/requests/recap';
import { placesLeft } from '@/lib/reservations/places';
import { buildPlanningView, type PlanningViewKind } from '@/lib/reservations/planning-view';
import { PlanningGrid } from '@/components/planning-grid';
import { TemplateForm } from '@/components/template-form';
import { applyTemplateAction, cancelDraftAction, goToRecapAction, saveDaysAction } from '../../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('demarche'))('step1') };
}

export default async function Step1Page({
  params,
  searchParams,
}: {
  params: Promise<{ requestId: string }>;
  searchParams: Promise<{ vue?: string; date?: string }>;
}) {
  const user = await requireParent();
  const t = await getTranslations('demarche');
  const { requestId } = await params;
  const { vue, date } = await searchParams;
  const data = await draftPageData(requestId, user.familyId);
  if ('error' in data) {
    return (
      <>
        <h1 className="text-2xl font-bold">{t('expired')}</h1>
        <p className="mt-3">{data.error}</p>
        <p className="mt-6">
          <Link href="/" className="text-brand-700 underline">
            {t('manageTitle')}
          </Link>
        </p>
      </>
    );
  }
  const { draft, cal, siteName } = data;
  const todayIso = today();
  const recap = await computeRecap(await getDb(), draft, { cal, version: draft.enrolment.planningVersion });
  const kinds: PlanningViewKind[] = draft.service === 'vacances' ? ['periode', 'semaine', 'mois'] : ['semaine', 'mois'];
  const kind: PlanningViewKind = kinds.includes(vue as PlanningViewKind)
    ? (vue as PlanningViewKind)
    : draft.service === 'vacances'
      ? 'periode'
      : 'mois';
  const view = buildPlanningView(draft.service, cal, todayIso, kind, date);
  const first = view.days[0]?.date;
  const last = view.days[view.days.length - 1]?.date;
  const places =
    first && last
      ? await placesLeft(await getDb(), {
          siteId: draft.enrolment.siteId,
          service: draft.service,
          from: first,
          to: last,
        })
      : {};
  for (const day of view.days) {
    day.places = places[day.date];
    const booked = recap.current.some((r) => r.date === day.date);
    if (!day.greyed && day.places && view.units.every((u) => day.places?.[u] === 0) && !booked)
      day.greyed = GREY_REASON_LABELS.complet;
  }
  const label = (k: PlanningViewKind) =>
    k === 'semaine' ? t('viewWeek') : k === 'mois' ? t('viewMonth') : t('viewPeriod');
  const previousLabel =
    kind === 'semaine' ? t('previousWeek') : kind === 'mois' ? t('previousMonth') : t('previousPeriod');
  const nextLabel = kind === 'semaine' ? t('nextWeek') : kind === 'mois' ? t('nextMonth') : t('nextPeriod');
  const desired = Object.fromEntries(groupByDate(recap.desired));
  const current = Object.fromEntries(groupByDate(recap.current));
  const period = defaultTemplatePeriod(draft.service, cal.cal, todayIso, cal.deadlineDays, { weekdays: cal.weekdays });
  const base = `/demarches/${draft.id}/etape-1`;
  const link = (k: string, d: string) => `${base}?vue=${k}&date=${d}`;

  return (
    <>
      <DemarcheHeader
        step={1}
        title={t('step1')}
        child={`${draft.childFirstName} ${draft.childLastName}`}
        service={SERVICE_LABELS[draft.service]}
        site={siteName}
      />
      <p className="mt-3">{t('deadline', { days: cal.deadlineDays })}</p>

      {period && (
        <details className="mt-6 rounded-lg border border-slate-400 bg-slate-100 p-4">
          <summary className="cursor-pointer text-xl font-semibold">{t('periodicity')}</summary>
          <div className="mt-4">
            <TemplateForm
              apply={applyTemplateAction}
              requestId={draft.id}
              weekdays={cal.weekdays}
              units={unitsOf(draft.service)}
              defaultFrom={period.from}
              defaultTo={period.to}
              min={cal.schoolYear.yearStart}
              max={cal.schoolYear.lastDay}
            />
          </div>
        </details>
      )}

      <section aria-labelledby="jour-par-jour" className="mt-6">
        <h2 id="jour-par-jour" className="text-xl font-semibold">
          {t('dayByDay')}
        </h2>
        <p className="mt-1 text-slate-800">{t('dayByDayHelp')}</p>
        <nav aria-label={t('viewChoice')} className="mt-3 flex flex-wrap items-center gap-2">
          {kinds.map((k) => (
            <Link
              key={k}
              href={link(k, view.anchor)}
              aria-current={k === kind ? 'page' : undefined}
              className={`rounded border-2 border-brand-700 px-3 py-1.5 font-medium ${k === kind ? 'bg-brand-700 text-white' : 'bg-white text-brand-700'}`}
            >
              {label(k)}
            </Link>
          ))}
        </nav>
        <div className="mt-4 flex flex-wrap items-center justify-between gap-2">
          {view.previous ? (
            <Link href={link(kind, view.previous)} className="rounded px-2 py-1.5 text-brand-700 underline">
              ← {previousLabel}
            </Link>
          ) : (
            <span />
          )}
          <h3 className="text-lg font-semibold" aria-live="polite">
            {view.title}
          </h3>
          {view.next ? (
            <Link href={link(kind, view.next)} className="rounded px-2 py-1.5 text-brand-700 underline">
              {nextLabel} →
            </Link>
          ) : (
            <span />
          )}
        </div>
        <Legend units={unitsOf(draft.service)} className="mt-3" />
        <div className="mt-4">
          <PlanningGrid
            key={`${view.kind}-${view.anchor}-${recap.desired.length}-${JSON.stringify(desired).length}`}
            save={saveDaysAction}
            goToRecap={goToRecapAction}
            requestId={draft.id}
            service={draft.service}
            days={view.days}
            units={view.units}
            desired={desired}
            current={current}
          />
        </div>
      </section>

      <form action={cancelDraftAction} className="mt-4">
        <input type="hidden" name="requestId" value={draft.id} />
        <button type="submit" className="rounded border-2 border-slate-600 bg-white px-4 py-2 font-medium">
          {t('cancel')}
        </button>
      </form>
    </>
  );
}
