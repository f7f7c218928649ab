// The agent's Étape 1 « Ma demande » for a family: the parent's planning grid, deadline waived.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Legend } from '@/components/legend';
import { getDb } from '@/db/client';
import { agentDraftPage, type AgentDraftPage } from '@/lib/families/on-behalf';
import { requireStaff } from '@/lib/auth/session';
import { now, today } from '@/lib/clock';
import { UserError } from '@/lib/errors';
import { defaultTemplatePeriod, groupByDate, SERVICE_LABELS, unitsOf } from '@/lib/planning';
import { computeRecap } from '@/lib/requests/recap';
import { placesLeft } from '@/lib/reservations/places';
import { buildPlanningView, type PlanningViewKind } from '@/lib/reservations/planning-view';
import {
  applyTemplateOnBehalfAction,
  cancelOnBehalfAction,
  goToRecapOnBehalfAction,
  saveDaysOnBehalfAction,
} from '../../../../actions';
import { parseId } from '../../../../ids';
import { PlanningGrid } from '@/components/planning-grid';
import { TemplateForm } from '@/components/template-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('onBehalf'))('step1') };
}

export default async function AgentStep1Page({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; requestId: string }>;
  searchParams: Promise<{ vue?: string; date?: string }>;
}) {
  const user = await requireStaff();
  const t = await getTranslations('onBehalf');
  const td = await getTranslations('demarche');
  const p = await params;
  const familyId = parseId(p.id);
  const requestId = parseId(p.requestId);
  const { vue, date } = await searchParams;
  const db = await getDb();
  let data: AgentDraftPage;
  try {
    data = await agentDraftPage(db, { agentId: user.id, familyId, requestId, now: now() });
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return (
      <>
        <h1 className="text-2xl font-bold">{t('expired')}</h1>
        <p className="mt-3">{error.message}</p>
        <p className="mt-6">
          <Link href={`/admin/familles/${familyId}`} className="text-brand-700 underline">
            {t('backToChild')}
          </Link>
        </p>
      </>
    );
  }
  const { draft, cal, siteName, familyName } = data;
  const base = `/admin/familles/${familyId}/demarches/${draft.id}`;
  if (draft.status === 'submitted') {
    return (
      <p className="mt-3">
        <Link href={`${base}/confirmation`} className="text-brand-700 underline">
          {draft.reference}
        </Link>
      </p>
    );
  }
  const recap = await computeRecap(db, draft, { cal, version: draft.enrolment.planningVersion });
  const kinds: PlanningViewKind[] = draft.service === 'vacances' ? ['periode', 'semaine', 'mois'] : ['semaine', 'mois'];
  const kind: PlanningViewKind = kinds.includes(vue as PlanningViewKind)
    ? (vue as PlanningViewKind)
    : draft.service === 'vacances'
      ? 'periode'
      : 'mois';
  const todayIso = today();
  // the agent's view opens on today's month (the deadline does not apply to the Guichet famille)
  const view = buildPlanningView(draft.service, cal, todayIso, kind, date ?? todayIso);
  const first = view.days[0]?.date;
  const last = view.days[view.days.length - 1]?.date;
  const places =
    first && last
      ? await placesLeft(db, { siteId: draft.enrolment.siteId, service: draft.service, from: first, to: last })
      : {};
  for (const day of view.days) day.places = places[day.date];
  const label = (k: PlanningViewKind) =>
    k === 'semaine' ? t('viewWeek') : k === 'mois' ? t('viewMonth') : t('viewPeriod');
  const link = (k: string, d: string) => `${base}/etape-1?vue=${k}&date=${d}`;
  // the agent's periodicity starts at the first open day from today (no deadline)
  const period = defaultTemplatePeriod(draft.service, cal.cal, todayIso, 0, { weekdays: cal.weekdays });
  const desired = Object.fromEntries(groupByDate(recap.desired));
  const current = Object.fromEntries(groupByDate(recap.current));

  return (
    <>
      <p className="text-sm uppercase tracking-wide text-slate-700">{familyName}</p>
      <h1 className="text-2xl font-bold">{t('step1')}</h1>
      <p className="mt-1 text-slate-800">
        {t('forChild', {
          child: `${draft.childFirstName} ${draft.childLastName}`,
          service: SERVICE_LABELS[draft.service],
          site: siteName,
        })}
      </p>
      <p className="mt-3 rounded border-l-4 border-brand-700 bg-white p-3">{t('banner', { family: familyName })}</p>

      <nav aria-label={t('viewChoice')} className="mt-4 flex flex-wrap items-center gap-2">
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
          <Link href={link(kind, view.previous)} className="px-2 py-1.5 text-brand-700 underline">
            ← {t('previous')}
          </Link>
        ) : (
          <span />
        )}
        <h2 className="text-lg font-semibold" aria-live="polite">
          {view.title}
        </h2>
        {view.next ? (
          <Link href={link(kind, view.next)} className="px-2 py-1.5 text-brand-700 underline">
            {t('next')} →
          </Link>
        ) : (
          <span />
        )}
      </div>
      {period && (
        <details className="mt-4 rounded-lg border border-slate-400 bg-slate-100 p-4">
          <summary className="cursor-pointer text-lg font-semibold">{td('periodicity')}</summary>
          <div className="mt-4">
            <TemplateForm
              apply={applyTemplateOnBehalfAction}
              extra={{ familyId }}
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
      <Legend units={unitsOf(draft.service)} className="mt-3" />
      <div className="mt-4">
        <PlanningGrid
          key={`${view.kind}-${view.anchor}-${JSON.stringify(desired).length}`}
          save={saveDaysOnBehalfAction}
          goToRecap={goToRecapOnBehalfAction}
          extra={{ familyId }}
          namespace="onBehalf"
          requestId={draft.id}
          service={draft.service}
          days={view.days}
          units={view.units}
          desired={desired}
          current={current}
        />
      </div>
      <form action={cancelOnBehalfAction} className="mt-4">
        <input type="hidden" name="familyId" value={familyId} />
        <input type="hidden" name="requestId" value={draft.id} />
        <button type="submit" className="rounded border-2 border-slate-600 bg-white px-4 py-2 font-medium">
          {t('cancel')}
        </button>
      </form>
    </>
  );
}
