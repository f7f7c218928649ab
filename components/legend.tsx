// The legend of the planning: green additions, orange removals, greyed days.
import { getTranslations } from 'next-intl/server';

export async function Legend({ className = '' }: { className?: string }) {
  const t = await getTranslations('legend');
  return (
    <section aria-label={t('title')} className={`rounded border border-slate-300 bg-white p-3 text-sm ${className}`}>
      <h4 className="font-semibold">{t('title')}</h4>
      <ul className="mt-1 space-y-1">
        <li className="flex items-center gap-2"><span aria-hidden="true" className="inline-block h-4 w-6 rounded border-2 border-green-700 bg-green-100" />{t('added')}</li>
        <li className="flex items-center gap-2"><span aria-hidden="true" className="inline-block h-4 w-6 rounded border-2 border-orange-600 bg-orange-100" />{t('removed')}</li>
        <li className="flex items-center gap-2"><span aria-hidden="true" className="inline-block h-4 w-6 rounded border border-slate-300 bg-slate-200" />{t('greyed')}</li>
      </ul>
    </section>
  );
}
