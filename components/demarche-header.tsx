// Title block of a démarche step: the démarche, the step, the child and the service.
import { getTranslations } from 'next-intl/server';

export async function DemarcheHeader({
  step,
  title,
  child,
  service,
  site,
}: {
  step: 1 | 2;
  title: string;
  child: string;
  service: string;
  site: string;
}) {
  const t = await getTranslations('demarche');
  return (
    <div>
      <p className="text-sm uppercase tracking-wide text-slate-700">
        {t('manageTitle')} · {t('stepOf', { n: step })}
      </p>
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="mt-1 text-slate-800">{t('forChild', { child, service, site })}</p>
    </div>
  );
}
