// The dashboard's « Salle d'attente »: how many parents are active against the limit, how many wait, and the limit
// staff set (empty: the server's default, WAITING_ROOM_LIMIT, or no waiting room).
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/client-messages';
import { getDb } from '@/db/client';
import { WaitingRoom, configFromEnv } from '@/lib/waiting-room/admission';
import { MAX_ACTIVE_LIMIT, staffLimit } from '@/lib/waiting-room/settings';
import { AdminForm } from './calendrier/admin-form';
import { setWaitingRoomLimitAction } from './actions';

export async function WaitingRoomSection() {
  const t = await getTranslations('adminWaitingRoom');
  const db = await getDb();
  const config = configFromEnv();
  // read afresh (no cache): staff see what they have just saved
  const room = new WaitingRoom(db, { ...config, settingsCacheSeconds: 0 });
  const [counts, own] = await Promise.all([room.counts(), staffLimit(db)]);
  const envDefault = config.envLimit ? t('envDefault', { limit: config.envLimit }) : t('envNone');
  return (
    <section aria-labelledby="waiting-room-heading" className="mt-10">
      <h2 id="waiting-room-heading" className="text-xl font-bold">
        {t('title')}
      </h2>
      <p className="mt-1 max-w-3xl">{t('intro')}</p>
      <dl className="mt-3 grid max-w-xl grid-cols-2 gap-3">
        <div className="rounded-lg border border-slate-300 bg-white p-4">
          <dt className="text-sm">{t('active')}</dt>
          <dd className="text-2xl font-bold">
            {counts.limit === null
              ? t('activeNoLimit', { active: counts.active })
              : t('activeOf', { active: counts.active, limit: counts.limit })}
          </dd>
        </div>
        <div className="rounded-lg border border-slate-300 bg-white p-4">
          <dt className="text-sm">{t('waiting')}</dt>
          <dd className="text-2xl font-bold">{counts.waiting}</dd>
        </div>
      </dl>
      <ClientMessages namespaces={['adminWaitingRoom', 'adminCalendar']}>
        <AdminForm
          action={setWaitingRoomLimitAction}
          submitLabel={t('save')}
          namespace="adminWaitingRoom"
          className="mt-4 flex flex-wrap items-end gap-3 rounded bg-white p-4"
        >
          <label className="flex flex-col gap-1">
            <span>{t('limit')}</span>
            <input
              type="number"
              name="activeLimit"
              min={1}
              max={MAX_ACTIVE_LIMIT}
              step={1}
              defaultValue={own ?? ''}
              aria-describedby="waiting-room-limit-help"
              className="w-40 rounded border border-slate-500 px-2 py-1.5"
            />
          </label>
          <p id="waiting-room-limit-help" className="w-full text-sm">
            {t('limitHelp', { default: envDefault })}
          </p>
        </AdminForm>
      </ClientMessages>
    </section>
  );
}
