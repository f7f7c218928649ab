// The legend of the planning: green additions, orange removals, greyed days, and what each unit of the service
// means, in the seed's words (« Matin = accueil uniquement le matin », « Rclassique = Repas classique »…).
import { getTranslations } from 'next-intl/server';
import type { Unit } from '@/lib/planning';

export async function Legend({ units = [], className = '' }: { units?: readonly Unit[]; className?: string }) {
  const t = await getTranslations('legend');
  return (
    <section aria-label={t('title')} className={`rounded border border-slate-300 bg-white p-3 text-sm ${className}`}>
      <h4 className="font-semibold">{t('title')}</h4>
      <ul className="mt-1 space-y-1">
        <li className="flex items-center gap-2">
          <span aria-hidden="true" className="inline-block h-4 w-6 rounded border-2 border-green-700 bg-green-100" />
          {t('added')}
        </li>
        <li className="flex items-center gap-2">
          <span aria-hidden="true" className="inline-block h-4 w-6 rounded border-2 border-orange-600 bg-orange-100" />
          {t('removed')}
        </li>
        <li className="flex items-center gap-2">
          <span aria-hidden="true" className="inline-block h-4 w-6 rounded border border-slate-300 bg-slate-200" />
          {t('greyed')}
        </li>
      </ul>
      {units.length > 0 && (
        <ul className="mt-2 space-y-1 border-t border-slate-200 pt-2">
          {units.map((unit) => (
            <li key={unit}>{t(`units.${unit}`)}</li>
          ))}
          {units.includes('matin') && units.includes('apres_midi') && <li>{t('fullDay')}</li>}
        </ul>
      )}
    </section>
  );
}
