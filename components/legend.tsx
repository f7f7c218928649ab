// The legend of the planning, with only the words the page uses: green additions where a day can be changed, orange
// removals where something booked can be removed, greyed days where one shows, and what each unit of the service
// means, in the seed's words (« Matin = accueil uniquement le matin », « Rclassique = Repas classique »…).
// Open on its first view, folded after (a `<details>`): the device remembers it in a cookie (LEGEND_SEEN_COOKIE),
// read here on the server, so that the page never opens it and then closes it (no layout shift).
import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import type { Unit } from '@/lib/planning';
import { LegendSeen } from './legend-seen';

/** The device saw the legend once (not personal: a display preference, like the legend's own state). */
export const LEGEND_SEEN_COOKIE = 'legende_vue';

export async function Legend({
  units = [],
  added = true,
  removed = true,
  greyed = true,
  className = '',
}: {
  units?: readonly Unit[];
  /** a day of the page can still be changed */
  added?: boolean;
  /** a day of the page holds something that can be removed */
  removed?: boolean;
  /** a greyed day shows on the page */
  greyed?: boolean;
  className?: string;
}) {
  const t = await getTranslations('legend');
  const seen = (await cookies()).get(LEGEND_SEEN_COOKIE)?.value === '1';
  return (
    <section aria-label={t('title')} className={`rounded border border-slate-300 bg-white px-3 text-sm ${className}`}>
      <details open={!seen}>
        <summary className="flex min-h-11 cursor-pointer items-center font-semibold">{t('title')}</summary>
        <div className="pb-3">
          {(added || removed || greyed) && (
            <ul className="space-y-1">
              {(
                [
                  [added, 'added', 'border-2 border-green-700 bg-green-100'],
                  [removed, 'removed', 'border-2 border-orange-600 bg-orange-100'],
                  [greyed, 'greyed', 'border border-slate-300 bg-slate-200'],
                ] as const
              ).map(
                ([shown, key, swatch]) =>
                  shown && (
                    <li key={key} className="flex items-center gap-2">
                      <span aria-hidden="true" className={`inline-block h-4 w-6 shrink-0 rounded ${swatch}`} />
                      {t(key)}
                    </li>
                  ),
              )}
            </ul>
          )}
          {units.length > 0 && (
            <ul className="mt-2 space-y-1 border-t border-slate-200 pt-2">
              {units.map((unit) => (
                <li key={unit}>{t(`units.${unit}`)}</li>
              ))}
              {units.includes('matin') && units.includes('apres_midi') && <li>{t('fullDay')}</li>}
            </ul>
          )}
        </div>
      </details>
      {!seen && <LegendSeen cookie={LEGEND_SEEN_COOKIE} />}
    </section>
  );
}
