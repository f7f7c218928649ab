'use client';

// « S'inscrire » for the family: the site (the proposed one first, or another of the right kind) and the reason.
import { useTranslations } from 'next-intl';
import { enrolOnBehalfAction } from '../../../actions';
import { AdminForm } from '../../../admin-form';

export function EnrolForm({
  familyId,
  childId,
  service,
  sites,
  proposedId,
}: {
  familyId: number;
  childId: number;
  service: string;
  sites: { id: number; name: string }[];
  proposedId: number | null;
}) {
  const t = useTranslations('adminChild');
  return (
    <AdminForm
      action={enrolOnBehalfAction}
      hidden={{ familyId, childId, service }}
      submitLabel={t('enrolValidate')}
      pendingLabel={t('enrolling')}
      done={t('enrolled', { reference: '{value}' })}
      className="space-y-3"
    >
      <label className="block">
        <span className="block text-sm font-medium">{t('enrolSite')}</span>
        <select
          name="siteId"
          defaultValue={proposedId ?? ''}
          className="mt-1 w-full rounded border-2 border-slate-600 bg-white px-2 py-1.5"
        >
          {proposedId === null && <option value="">—</option>}
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.id === proposedId ? t('proposed', { name: s.name }) : s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="block">
        <span className="block text-sm font-medium">{t('reason')}</span>
        <span className="block text-sm text-slate-700">{t('reasonHelp')}</span>
        <textarea
          name="reason"
          required
          rows={2}
          maxLength={500}
          className="mt-1 w-full rounded border-2 border-slate-600 px-2 py-1.5"
        />
      </label>
    </AdminForm>
  );
}
