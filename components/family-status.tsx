// Mon espace of a family that signed up itself (« Créer mon espace famille »): the status of its file, said plainly,
// until the Guichet famille validates it. Enrolling is refused on the server anyway (lib/families/signups.ts).
import { getTranslations } from 'next-intl/server';
import type { FamilyStatus } from '@/db/schema';

export async function FamilyStatusNotice({
  status,
  refusalReason,
}: {
  status: Exclude<FamilyStatus, 'active'> | null;
  /** the agent's reason, for a refused family */
  refusalReason: string | null;
}) {
  const t = await getTranslations('familyStatus');
  if (status === 'refused') {
    return (
      <section aria-labelledby="family-status" className="mt-4 rounded border-s-4 border-red-700 bg-white p-4">
        <h2 id="family-status" className="text-lg font-semibold">
          {t('refusedTitle')}
        </h2>
        <p className="mt-1">{t('refused', { reason: refusalReason ?? '' })}</p>
        <p className="mt-1">{t('refusedNext')}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="family-status" className="mt-4 rounded border-s-4 border-amber-700 bg-amber-50 p-4">
      <h2 id="family-status" className="text-lg font-semibold">
        {t('pendingTitle')}
      </h2>
      <p role="status" className="mt-1 font-medium">
        {t('pending')}
      </p>
      <p className="mt-1">{t('pendingNext')}</p>
    </section>
  );
}
