// Siblings in one démarche (lib/requests/siblings.ts), on the parent's pages: Étape 1's tabs, one per child (links:
// each tab is a page of its own, the planning the same as for one child), with « Même planning pour … » to copy the
// days shown to a sibling; Étape 2's recap, one section per child.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { RecapCards, WaitingRecap } from '@/components/recap-cards';
import type { FormAction } from '@/lib/action';
import { groupByDate } from '@/lib/planning';
import type { Draft } from '@/lib/requests/drafts';
import type { Recap } from '@/lib/requests/recap';

export async function SiblingTabs({
  baseUrl,
  drafts,
  shown,
  view,
  copy,
}: {
  /** Étape 1 of the démarche (the lead's) */
  baseUrl: string;
  drafts: Draft[];
  /** the child whose planning the page shows */
  shown: Draft;
  /** the view shown: the tabs keep it, « Même planning » copies its days */
  view: { kind: string; anchor: string; from?: string; to?: string };
  copy: FormAction;
}) {
  const t = await getTranslations('demarche');
  const others = drafts.filter((d) => d.id !== shown.id);
  return (
    <div className="mt-4">
      <nav aria-label={t('siblingsNav')} className="flex flex-wrap gap-2 border-b-2 border-slate-300">
        {drafts.map((d) => {
          const current = d.id === shown.id;
          return (
            <Link
              key={d.id}
              href={`${baseUrl}?enfant=${d.childId}&vue=${view.kind}&date=${view.anchor}`}
              aria-current={current ? 'page' : undefined}
              className={`-mb-0.5 inline-flex min-h-11 items-center rounded-t border-2 px-4 py-1.5 font-semibold ${current ? 'border-slate-300 border-b-white bg-white text-slate-900' : 'border-transparent text-brand-700 underline'}`}
            >
              {d.childFirstName} {d.childLastName}
            </Link>
          );
        })}
      </nav>
      <h2 className="mt-4 text-xl font-semibold">
        {t('siblingsFor', { name: `${shown.childFirstName} ${shown.childLastName}` })}
      </h2>
      {view.from && view.to && (
        <div className="mt-2 flex flex-wrap items-center gap-3">
          {others.map((other) => (
            <form key={other.id} action={copy}>
              <input type="hidden" name="requestId" value={shown.id} />
              <input type="hidden" name="targetRequestId" value={other.id} />
              <input type="hidden" name="from" value={view.from} />
              <input type="hidden" name="to" value={view.to} />
              <input type="hidden" name="vue" value={view.kind} />
              <input type="hidden" name="date" value={view.anchor} />
              <button
                type="submit"
                aria-describedby="meme-planning-aide"
                className="min-h-11 rounded border-2 border-brand-700 bg-white px-4 py-2 font-semibold text-brand-700"
              >
                {t('samePlanning', { name: other.childFirstName })}
              </button>
            </form>
          ))}
          <p id="meme-planning-aide" className="text-sm text-slate-700">
            {t('samePlanningHelp', { name: shown.childFirstName })}
          </p>
        </div>
      )}
    </div>
  );
}

/** Étape 2 for siblings: what changes for each child, one section each (the child's name as its heading). */
export async function SiblingRecaps({ recaps }: { recaps: { draft: Draft; recap: Recap }[] }) {
  const t = await getTranslations('demarche');
  return (
    <>
      {recaps.map(({ draft, recap }) => {
        const id = `recap-enfant-${draft.childId}`;
        return (
          <section key={draft.id} aria-labelledby={id} className="mb-6">
            <h2 id={id} className="text-xl font-semibold">
              {t('siblingsRecapFor', { name: `${draft.childFirstName} ${draft.childLastName}` })}
            </h2>
            <p className="mb-3 mt-1 font-medium">
              {t('recapTotals', { added: recap.added.length, removed: recap.removed.length })}
            </p>
            {recap.changes.length > 0 && (
              <RecapCards
                changes={recap.changes}
                label={`${t('recapList')} – ${draft.childFirstName}`}
                will={{ child: draft.childFirstName, planning: Object.fromEntries(groupByDate(recap.desired)) }}
              />
            )}
            <WaitingRecap waiting={recap.waiting} child={draft.childFirstName} id={`liste-attente-${draft.id}`} />
          </section>
        );
      })}
    </>
  );
}
