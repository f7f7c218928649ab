// The confirmation of a validated démarche: the reference, for the parent with the changes and the way to the
// child's planning, for the agent the way back to the child's file.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getWording } from '@/i18n/wording';
import { RecapCards } from '@/components/recap-cards';
import { and, eq, or } from 'drizzle-orm';
import { getDb, type Queryable } from '@/db/client';
import { requests } from '@/db/schema';
import { now } from '@/lib/clock';
import { diffByDate } from '@/lib/planning';
import { loadDraft } from '@/lib/requests/drafts';
import { getFamilyRequest } from '@/lib/requests/history';
import type { DemarchePolicy } from '@/lib/requests/policy';

export async function DemarcheConfirmation({ policy, requestId }: { policy: DemarchePolicy; requestId: number }) {
  const words = await getWording();
  const db = await getDb();
  if (policy.onBehalf) {
    const t = await getTranslations('onBehalf');
    const draft = await loadDraft(db, { policy, requestId, now: now() }).catch(() => null);
    if (!draft || draft.status !== 'submitted') notFound();
    return (
      <>
        <h1 className="text-2xl font-bold">{t('confirmed')}</h1>
        <p role="status" className="mt-4 rounded border-s-4 border-green-700 bg-green-50 p-4">
          {t('confirmedText', { reference: draft.reference ?? '' })}
        </p>
        <p className="mt-6">
          <Link href={policy.childUrl(draft.childId)} className="text-brand-700 underline">
            {t('backToChild')}
          </Link>
        </p>
      </>
    );
  }
  const t = await getTranslations('demarche');
  const group = await submittedGroup(db, policy.familyId, requestId);
  if (group.length > 1 || (group.length === 1 && group[0] !== requestId)) {
    return <SiblingsConfirmation familyId={policy.familyId} requestIds={group} policy={policy} />;
  }
  const request = await getFamilyRequest(db, policy.familyId, requestId);
  if (!request) notFound();
  const firstName = request.childName.split(' ')[0] ?? request.childName;
  return (
    <>
      <div className="rounded-lg border-2 border-green-700 bg-green-50 p-5">
        <h1 className="text-2xl font-bold">{t('confirmationTitle')}</h1>
        <p className="mt-2 text-lg">{t('confirmationReference', { reference: request.reference })}</p>
        <p className="mt-2">{t('confirmationBody')}</p>
      </div>
      <p className="mt-4 text-slate-800">
        {request.childName} · {words.service(request.service)}
      </p>
      <div className="mt-3">
        <RecapCards changes={diffByDate(request.removed, request.added)} label={t('recapList')} />
      </div>
      <div className="mt-6 flex flex-wrap gap-4">
        <Link
          href={policy.childUrl(request.childId)}
          className="rounded bg-brand-700 px-4 py-2.5 font-semibold text-white"
        >
          {t('confirmationLink', { child: firstName })}
        </Link>
        <Link href="/mes-demandes" className="px-2 py-2.5 text-brand-700 underline">
          {t('confirmationRequests')}
        </Link>
      </div>
    </>
  );
}

/** The submitted requests of the démarche `requestId` leads (siblings validated together), or just its own. */
async function submittedGroup(db: Queryable, familyId: number, requestId: number): Promise<number[]> {
  const found = await db
    .select({ id: requests.id })
    .from(requests)
    .where(
      and(
        eq(requests.familyId, familyId),
        eq(requests.status, 'submitted'),
        or(eq(requests.id, requestId), eq(requests.groupId, requestId)),
      ),
    )
    .orderBy(requests.id);
  return found.map((r) => r.id);
}

/** Siblings validated together: each child's reference and changes. */
async function SiblingsConfirmation({
  familyId,
  requestIds,
  policy,
}: {
  familyId: number;
  requestIds: number[];
  policy: DemarchePolicy;
}) {
  const words = await getWording();
  const t = await getTranslations('demarche');
  const db = await getDb();
  const found = await Promise.all(requestIds.map((id) => getFamilyRequest(db, familyId, id)));
  const list = found.filter((r) => r !== null);
  if (list.length === 0) notFound();
  return (
    <>
      <div className="rounded-lg border-2 border-green-700 bg-green-50 p-5">
        <h1 className="text-2xl font-bold">{t('siblingsConfirmationTitle')}</h1>
        <ul className="mt-2 text-lg">
          {list.map((r) => (
            <li key={r.id}>
              {r.childName} – {t('confirmationReference', { reference: r.reference })}
            </li>
          ))}
        </ul>
        <p className="mt-2">{t('siblingsConfirmationBody')}</p>
      </div>
      {list.map((r) => (
        <section key={r.id} aria-labelledby={`confirmation-${r.id}`} className="mt-6">
          <h2 id={`confirmation-${r.id}`} className="text-xl font-semibold">
            {r.childName} · {words.service(r.service)}
          </h2>
          <div className="mt-3">
            <RecapCards changes={diffByDate(r.removed, r.added)} label={`${t('recapList')} – ${r.childName}`} />
          </div>
          <p className="mt-3">
            <Link href={policy.childUrl(r.childId)} className="text-brand-700 underline">
              {t('confirmationLink', { child: r.childName.split(' ')[0] ?? r.childName })}
            </Link>
          </p>
        </section>
      ))}
      <p className="mt-6">
        <Link href="/mes-demandes" className="px-2 py-2.5 text-brand-700 underline">
          {t('confirmationRequests')}
        </Link>
      </p>
    </>
  );
}
