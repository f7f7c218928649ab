// « Pointage » of one site and day: every slot of the day on one page (a section each, with in-page links), the booked
// children by name with « Présent » / « Absent », the counters, and « Ajouter un enfant présent sans réservation ».
// The day is today (the portal's clock) or « Hier » (corrections): a URL naming another date is refused (403), and so
// is a site that is not the animateur's. The taps are stored on the phone and sent by the board (pointage-board.tsx).
import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { requireMarker } from '@/lib/auth/session';
import { today } from '@/lib/clock';
import { formatDateLong } from '@/lib/planning/format';
import { pointageDay, pointageSites } from '@/lib/pointage/day';
import { pointageDays, SLOT_LABELS } from '@/lib/pointage/slots';
import { PointageBoard } from './pointage-board';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('pointage'))('title') };
}

export const dynamic = 'force-dynamic';

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function PointagePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireMarker();
  const t = await getTranslations('pointage');
  const params = await searchParams;
  const days = pointageDays(today());
  const askedDate = first(params.date);
  if (askedDate !== undefined && askedDate !== days.today && askedDate !== days.yesterday) forbidden();
  const date = askedDate ?? days.today;

  const db = await getDb();
  const sites = await pointageSites(db, { id: user.id, role: user.role });
  const askedSite = first(params.site);
  const site = askedSite === undefined ? sites[0] : sites.find((s) => String(s.id) === askedSite);
  if (askedSite !== undefined && !site) forbidden();

  const header = (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-1 text-slate-700">{t('intro')}</p>
    </>
  );
  if (!site) {
    return (
      <>
        {header}
        <p className="mt-4 rounded bg-white p-4">{t('noSite')}</p>
      </>
    );
  }
  const day = await pointageDay(db, { site, date });
  const href = (siteId: number, d: string) => `/pointage?site=${siteId}${d === days.today ? '' : `&date=${d}`}`;
  const dayLink = (d: string, label: string) => (
    <a
      href={href(site.id, d)}
      aria-current={d === date ? 'page' : undefined}
      className={`flex min-h-12 flex-1 items-center justify-center rounded px-3 font-semibold ${
        d === date ? 'bg-brand-700 text-white' : 'border-2 border-brand-700 bg-white text-brand-800'
      }`}
    >
      {label}
    </a>
  );

  return (
    <>
      {header}
      {sites.length > 1 && (
        <nav aria-label={t('chooseSite')} className="mt-3">
          <ul className="flex flex-wrap gap-2">
            {sites.map((s) => (
              <li key={s.id}>
                <a
                  href={href(s.id, date)}
                  aria-current={s.id === site.id ? 'page' : undefined}
                  className={`inline-flex min-h-11 items-center rounded px-3 ${
                    s.id === site.id ? 'bg-brand-700 font-semibold text-white' : 'border border-slate-500 bg-white'
                  }`}
                >
                  {s.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <h2 className="mt-4 text-xl font-semibold">
        {site.name} – {formatDateLong(date)}
      </h2>
      <nav aria-label={t('dayNav')} className="mt-2 flex gap-2">
        {dayLink(days.today, t('today'))}
        {dayLink(days.yesterday, t('yesterday'))}
      </nav>
      {/* its messages: the layout's provider */}
      <PointageBoard
        accountId={user.id}
        siteId={site.id}
        date={date}
        slots={day.slots.map((s) => ({ slot: s.slot, label: SLOT_LABELS[s.slot], children: s.children }))}
        enrolled={day.enrolled}
      />
    </>
  );
}
