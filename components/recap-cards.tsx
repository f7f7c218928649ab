// « Le récapitulatif » on a phone: one card per date with what is added (green, « Nouvelles réservations ») and what is
// removed (orange, « Anciennes réservations supprimées »), then, on Étape 2, what the child will have that day
// (« Léa aura : Matin, Repas classique »). The same cards on every width: one DOM, one accessible name per date.
import { getTranslations } from 'next-intl/server';
import { getWording } from '@/i18n/wording';
import { type DayChange, type Unit } from '@/lib/planning';

export async function RecapCards({
  changes,
  label,
  will,
}: {
  changes: DayChange[];
  /** the list's accessible name */
  label: string;
  /** the child's first name and planning after the request (date -> units), to say what the child will have */
  will?: { child: string; planning: Readonly<Record<string, readonly Unit[]>> };
}) {
  const t = await getTranslations('demarche');
  const words = await getWording();
  const units = (list: readonly Unit[]) => list.map((u) => words.unit(u)).join(', ');
  return (
    <ul aria-label={label} className="grid gap-3 lg:grid-cols-2">
      {changes.map((c) => {
        const after = will?.planning[c.date] ?? [];
        return (
          <li key={c.date} className="rounded-lg border border-slate-400 bg-white p-3">
            <h2 className="font-semibold first-letter:uppercase">{words.dateLong(c.date)}</h2>
            {c.added.length > 0 && (
              <p className="mt-2 rounded border-s-4 border-green-700 bg-green-100 px-2 py-1 text-green-950">
                <span className="font-medium">{t('recapNew')} : </span>
                {units(c.added)}
              </p>
            )}
            {c.removed.length > 0 && (
              <p className="mt-2 rounded border-s-4 border-orange-600 bg-orange-100 px-2 py-1 text-orange-950">
                <span className="font-medium">{t('recapRemoved')} : </span>
                {c.removed.map((u, i) => (
                  <span key={u}>
                    {i > 0 && ', '}
                    <s>{words.unit(u)}</s>
                  </span>
                ))}
              </p>
            )}
            {will && (
              <p className="mt-2 font-medium">
                {after.length > 0
                  ? t('willHave', { child: will.child, units: units(after) })
                  : t('willHaveNothing', { child: will.child })}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * « Liste d'attente » on Étape 2: the days asked on the waiting list, each with the units that wait together
 * (« Matin + Repas classique »), and what happens next.
 */
export async function WaitingRecap({
  waiting,
  child,
  id = 'liste-attente',
}: {
  waiting: readonly { date: string; units: readonly Unit[] }[];
  child: string;
  id?: string;
}) {
  if (waiting.length === 0) return null;
  const t = await getTranslations('demarche');
  const words = await getWording();
  return (
    <section aria-labelledby={id} className="mt-6 rounded-lg border-2 border-blue-800 bg-blue-50 p-3">
      <h2 id={id} className="text-lg font-semibold text-blue-950">
        {t('waitingTitle')}
      </h2>
      <p className="mt-1">{t('waitingIntro', { child })}</p>
      <ul aria-labelledby={id} className="mt-2 grid gap-2">
        {waiting.map((w) => (
          <li key={w.date} className="rounded border border-blue-800 bg-white px-2 py-1">
            <span className="font-semibold first-letter:uppercase">{words.dateLong(w.date)}</span> :{' '}
            {w.units.map((u) => words.unit(u)).join(' + ')}
          </li>
        ))}
      </ul>
    </section>
  );
}
