// A family that signed up itself (« Créer mon espace famille »), on its page in the back office: its status, and while
// it waits (its parent's address confirmed), « Valider la famille » with its sector or « Refuser » with a reason.
import { getTranslations } from 'next-intl/server';
import type { FamilyAdmin } from '@/lib/families/families';
import { refuseFamilyAction, validateFamilyAction } from './actions';
import { AdminForm, SelectField } from './admin-form';

export async function SignupDecision({
  family,
  familyId,
  sectorOptions,
}: {
  family: FamilyAdmin;
  familyId: number;
  sectorOptions: { id: number; name: string }[];
}) {
  const t = await getTranslations('adminSignups');
  const tf = await getTranslations('adminFamilies');
  if (family.status === 'refused') {
    return (
      <p className="mt-4 max-w-3xl rounded border-l-4 border-red-700 bg-white p-3">
        {t('statusRefused', { reason: family.refusalReason ?? '' })}
      </p>
    );
  }
  const confirmed = family.parents.some((p) => p.accountStatus === 'active');
  return (
    <section
      aria-labelledby="decision-heading"
      className="mt-6 max-w-3xl rounded border-2 border-amber-700 bg-amber-50 p-4"
    >
      <h2 id="decision-heading" className="text-lg font-semibold">
        {t('decisionTitle')}
      </h2>
      <p className="mt-1 font-medium">{t('statusPending')}</p>
      {!confirmed ? (
        <p className="mt-2">{t('statusPendingUnconfirmed')}</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-800">{t('decisionHelp')}</p>
          <AdminForm
            action={validateFamilyAction}
            hidden={{ familyId }}
            submitLabel={t('validate')}
            pendingLabel={t('validating')}
            resetOnDone={false}
            className="mt-3"
          >
            <SelectField
              label={tf('sector')}
              name="sectorId"
              defaultValue={family.sectorId ?? ''}
              emptyLabel={tf('noSector')}
              options={sectorOptions.map((s) => ({ value: s.id, label: s.name }))}
            />
          </AdminForm>
          <h3 className="mt-5 font-semibold">{t('refuseTitle')}</h3>
          <AdminForm
            action={refuseFamilyAction}
            hidden={{ familyId }}
            submitLabel={t('refuse')}
            pendingLabel={t('refusing')}
            resetOnDone={false}
            className="mt-2"
          >
            <label className="block">
              <span className="block text-sm font-medium">{t('reason')}</span>
              <textarea
                name="reason"
                rows={3}
                maxLength={1000}
                className="mt-1 w-full rounded border-2 border-slate-600 bg-white px-2 py-1.5"
              />
            </label>
          </AdminForm>
        </>
      )}
    </section>
  );
}
