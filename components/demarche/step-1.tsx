// Étape 1 « Ma demande » for any actor: the periodicity, the planning day by day (« Semaine », « Mois »,
// « Vacances »), places left and « Complet », greyed as the actor's policy sees the calendar.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PLANNING_CLIENT_NAMESPACES } from '@/i18n/client-messages';
import { getWording } from '@/i18n/wording';
import { ClientMessages } from '@/components/client-messages';
import { Legend } from '@/components/legend';
import { PlanningGrid, type SaveDays } from '@/components/planning-grid';
import { TemplateForm, type ApplyTemplate } from '@/components/template-form';
import { getDb } from '@/db/client';
import { parisDate } from '@/lib/clock';
import { defaultTemplatePeriod, groupByDate, unitsOf } from '@/lib/planning';
import type { FormAction } from '@/lib/action';
import type { DemarchePage } from '@/lib/requests/demarche-page';
import type { DemarchePolicy } from '@/lib/requests/policy';
import { computeRecap } from '@/lib/requests/recap';
import { planningOptions } from '@/lib/reservations/calendar';
import { markPlaces } from '@/lib/reservations/capacity';
import { buildPlanningView, foldLeadingGreyed, type PlanningViewKind } from '@/lib/reservations/planning-view';
import { childGraceDays, ungreyGraceDays } from '@/lib/waiting-list/grace';
import { waitingPositions } from '@/lib/waiting-list/join';
import { CancelForm, DemarcheHeader } from './header';
import { SiblingTabs } from './siblings';

export interface Step1Actions {
  save: SaveDays;
  apply: ApplyTemplate;
  goToRecap: FormAction;
  cancel: FormAction;
}

export async function DemarcheStep1({
  policy,
  data,
  now,
  vue,
  date,
  actions,
  siblings,
}: {
  policy: DemarchePolicy;
  data: DemarchePage;
  /** the instant of the request: today's date in Paris, and a period whose bookings open later greys until then */
  now: Date;
  vue?: string;
  date?: string;
  actions: Step1Actions;
  /**
   * siblings in one démarche: `data.draft` is the child shown (one tab per child), the others follow its links and get
   * « Même planning pour … »
   */
  siblings?: { leadId: number; drafts: DemarchePage['group']; copy: FormAction };
}) {
  const [t, words] = await Promise.all([getTranslations(policy.namespace), getWording()]);
  const { draft, cal } = data;
  const today = parisDate(now);
  const db = await getDb();
  const recap = await computeRecap(db, draft, { cal, version: draft.enrolment.planningVersion });
  const kinds: PlanningViewKind[] = draft.service === 'vacances' ? ['periode', 'semaine', 'mois'] : ['semaine', 'mois'];
  const kind: PlanningViewKind = kinds.includes(vue as PlanningViewKind)
    ? (vue as PlanningViewKind)
    : draft.service === 'vacances'
      ? 'periode'
      : 'mois';
  // without a deadline the view opens on today; with one, on the first date still bookable
  const view = buildPlanningView(
    draft.service,
    cal,
    today,
    kind,
    date ?? (policy.deadline === 'waived' ? today : undefined),
    now,
    words,
  );
  const held = new Set(recap.current.map((r) => r.date));
  const first = view.days[0]?.date ?? today;
  const [, grace, waitingNow] = await Promise.all([
    markPlaces(db, { siteId: draft.enrolment.siteId, service: draft.service, view, held }),
    childGraceDays(db, {
      heldToDeadline: policy.deadline === 'calendar',
      childId: draft.childId,
      service: draft.service,
      today,
      now,
    }),
    // « Liste d'attente : 2e » on the days the child already waits for
    waitingPositions(db, { childIds: [draft.childId], service: draft.service, from: first }),
  ]);
  ungreyGraceDays(view.days, grace, words.greyed('hors_delai'));
  const positions = new Map(waitingNow.map((w) => [w.date, w.position]));
  for (const day of view.days) {
    const position = positions.get(day.date);
    if (position !== undefined) day.waitingPosition = position;
  }
  const label = (k: PlanningViewKind) =>
    k === 'semaine' ? t('viewWeek') : k === 'mois' ? t('viewMonth') : t('viewPeriod');
  const previousLabel =
    kind === 'semaine' ? t('previousWeek') : kind === 'mois' ? t('previousMonth') : t('previousPeriod');
  const nextLabel = kind === 'semaine' ? t('nextWeek') : kind === 'mois' ? t('nextMonth') : t('nextPeriod');
  const desired = Object.fromEntries(groupByDate(recap.desired));
  const current = Object.fromEntries(groupByDate(recap.current));
  const options = planningOptions(cal, now);
  const period = defaultTemplatePeriod(draft.service, cal.cal, today, cal.deadlineDays, options);
  // the periods of the view whose bookings open later, said once above the days (each greyed day says it too)
  const openings = (options.notYetOpen ?? []).filter((o) =>
    view.days.some((d) => o.start <= d.date && d.date <= o.end && d.greyed === words.opening(o)),
  );
  const page = siblings
    ? `${policy.baseUrl}/${siblings.leadId}/etape-1?enfant=${draft.childId}&`
    : `${policy.baseUrl}/${draft.id}/etape-1?`;
  const link = (k: string, d: string) => `${page}vue=${k}&date=${d}`;
  const dayByDay = t.has('dayByDay');
  // the modifiable days come first: the greyed days the view opens with fold into one line
  const fold = foldLeadingGreyed(view.days);
  const open = view.days.filter((d) => d.greyed === null);
  const Title = dayByDay ? 'h3' : 'h2';

  return (
    <>
      <DemarcheHeader policy={policy} data={data} step={1} />
      {siblings && (
        <SiblingTabs
          baseUrl={`${policy.baseUrl}/${siblings.leadId}/etape-1`}
          drafts={siblings.drafts}
          shown={draft}
          view={{ kind, anchor: view.anchor, from: view.days[0]?.date, to: view.days[view.days.length - 1]?.date }}
          copy={siblings.copy}
        />
      )}

      {/* the grid and the template are the page's client components: their words, and nothing else */}
      <ClientMessages namespaces={[policy.namespace, ...PLANNING_CLIENT_NAMESPACES]}>
        <PlanningGrid
          version={`${view.kind}-${view.anchor}-${signature(recap.desired)}-${signature(draft.payload.waiting)}`}
          labelledBy={dayByDay ? 'jour-par-jour' : undefined}
          save={actions.save}
          goToRecap={actions.goToRecap}
          extra={policy.fields}
          namespace={policy.namespace}
          requestId={draft.id}
          service={draft.service}
          days={view.days}
          units={view.units}
          fold={fold}
          desired={desired}
          current={current}
          waiting={Object.fromEntries(groupByDate(draft.payload.waiting))}
          before={
            period && (
              <TemplateForm
                apply={actions.apply}
                extra={policy.fields}
                requestId={draft.id}
                service={draft.service}
                weekdays={cal.weekdays}
                units={unitsOf(draft.service)}
                defaultFrom={period.from}
                defaultTo={period.to}
                min={cal.schoolYear.yearStart}
                max={cal.schoolYear.lastDay}
              />
            )
          }
          header={
            <>
              {dayByDay && (
                <>
                  <h2 id="jour-par-jour" className="text-xl font-semibold">
                    {t('dayByDay')}
                  </h2>
                  <p className="mt-1 text-slate-800">{t('dayByDayHelp', { service: draft.service })}</p>
                </>
              )}
              <nav aria-label={t('viewChoice')} className="mt-3 flex flex-wrap items-center gap-2">
                {kinds.map((k) => (
                  <Link
                    key={k}
                    href={link(k, view.anchor)}
                    aria-current={k === kind ? 'page' : undefined}
                    className={`inline-flex min-h-11 items-center rounded border-2 border-brand-700 px-3 py-1.5 font-medium ${k === kind ? 'bg-brand-700 text-white' : 'bg-white text-brand-700'}`}
                  >
                    {label(k)}
                  </Link>
                ))}
              </nav>
              <div className="mt-4 flex flex-wrap items-center justify-between gap-2">
                {view.previous ? (
                  <Link
                    href={link(kind, view.previous)}
                    className="inline-flex min-h-11 items-center rounded px-2 py-1.5 text-brand-700 underline"
                  >
                    <span aria-hidden="true" className="inline-block rtl:rotate-180">
                      ←
                    </span>{' '}
                    {previousLabel}
                  </Link>
                ) : (
                  <span />
                )}
                <Title className="text-lg font-semibold" aria-live="polite">
                  {view.title}
                </Title>
                {view.next ? (
                  <Link
                    href={link(kind, view.next)}
                    className="inline-flex min-h-11 items-center rounded px-2 py-1.5 text-brand-700 underline"
                  >
                    {nextLabel}{' '}
                    <span aria-hidden="true" className="inline-block rtl:rotate-180">
                      →
                    </span>
                  </Link>
                ) : (
                  <span />
                )}
              </div>
              {openings.map((o) => (
                <p key={o.start} className="mt-3 rounded border-s-4 border-amber-600 bg-amber-50 px-3 py-2 font-medium">
                  {words.opening(o)}
                </p>
              ))}
              <Legend
                units={unitsOf(draft.service)}
                added={open.length > 0}
                removed={open.some((d) => (current[d.date] ?? []).length > 0)}
                greyed={view.days.slice(fold?.count ?? 0).some((d) => d.greyed !== null)}
                className="mt-3"
              />
            </>
          }
        />
      </ClientMessages>

      <div className="mt-4">
        <CancelForm policy={policy} requestId={draft.id} cancel={actions.cancel} />
      </div>
    </>
  );
}

/** A short fingerprint of the draft's planning: the grid starts again from the server's planning when it changes. */
function signature(reservations: readonly { date: string; unit: string }[]): string {
  let hash = 5381;
  for (const r of reservations) for (const c of `${r.date}${r.unit}`) hash = ((hash * 33) ^ c.charCodeAt(0)) >>> 0;
  return `${reservations.length}.${hash.toString(36)}`;
}
