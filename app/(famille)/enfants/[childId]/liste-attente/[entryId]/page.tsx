// « Quitter la liste d'attente »: the confirmation of leaving one day's waiting list (the child, the day, the units,
// the place in line that will be lost), then « Quitter la liste d'attente » or « Rester sur la liste ».
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/action-form';
import { getDb } from '@/db/client';
import { getWording } from '@/i18n/wording';
import { requireParent } from '@/lib/auth/session';
import { today } from '@/lib/clock';
import type { Unit } from '@/lib/planning';
import { familyWaitingEntry } from '@/lib/waiting-list/leave';
import { leaveWaitingListAction } from './actions';

type Props = { params: Promise<{ childId: string; entryId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('waitingList'))('leave') };
}

export default async function LeaveWaitingListPage({ params }: Props) {
  const user = await requireParent();
  const { childId, entryId } = await params;
  const id = Number(entryId);
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) notFound();
  const entry = await familyWaitingEntry(await getDb(), { familyId: user.familyId, entryId: id, today: today() });
  const t = await getTranslations('waitingList');
  const words = await getWording();
  if (!entry || String(entry.childId) !== childId) {
    return (
      <>
        <h1 className="text-2xl font-bold">{t('leave')}</h1>
        <p className="mt-4 rounded bg-white p-4">{t('gone')}</p>
        <Link href={`/enfants/${childId}`} className="mt-4 inline-flex min-h-11 items-center text-brand-700 underline">
          {t('keep')}
        </Link>
      </>
    );
  }
  const date = words.dateLong(entry.date);
  return (
    <>
      <h1 className="text-2xl font-bold">{t('leave')}</h1>
      <p className="mt-2 font-semibold">{t('position', { position: entry.position })}</p>
      <p className="mt-4 max-w-2xl">
        {t('confirmText', {
          name: entry.childName,
          date,
          service: words.service(entry.service),
          units: entry.units.map((u) => words.unit(u as Unit)).join(' + '),
        })}
      </p>
      <ActionForm
        action={leaveWaitingListAction}
        hidden={{ entryId: entry.id }}
        submitLabel={t('leave')}
        pendingLabel={t('leaving')}
        className="mt-6 flex flex-wrap items-center gap-4"
      >
        <Link
          href={`/enfants/${entry.childId}`}
          className="inline-flex min-h-11 items-center rounded border-2 border-brand-700 bg-white px-4 py-2 font-semibold text-brand-700"
        >
          {t('keep')}
        </Link>
      </ActionForm>
    </>
  );
}
