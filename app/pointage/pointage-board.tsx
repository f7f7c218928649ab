'use client';

// The board of « Pointage »: every slot of the day with its counters, « Présent » / « Absent » per child, a search,
// and « Ajouter un enfant présent sans réservation ». A tap changes the screen at once and goes to the phone's outbox
// (IndexedDB, ./outbox.ts) before the network; the outbox is sent now, when the connection returns, and every 20 s
// while something waits. The banner says how many taps wait. The service worker (app/serwist/sw.ts) keeps the page
// for a reload offline: the taps still waiting are applied again over what the page was rendered with. Only the taps
// of the account signed in are shown, counted and sent (a shared phone may hold another animateur's: ./outbox.ts).
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { PointageChild } from '@/lib/pointage/day';
import { counterText, toggleName, type AttendanceSlot, type AttendanceStatus } from '@/lib/pointage/slots';
import { keepOfflineCopy } from './offline-copy';
import { addTap, pendingTaps, sendAll, type PendingTap } from './outbox';

interface SlotProps {
  slot: AttendanceSlot;
  label: string;
  children: PointageChild[];
}

interface Child {
  childId: number;
  firstName: string;
  lastName: string;
}

/** navigator.onLine, as a store: the banner follows the network (true while rendered on the server). */
function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
const matches = (c: Child, q: string) => !q || fold(`${c.firstName} ${c.lastName}`).includes(fold(q.trim()));
const byName = (a: Child, b: Child) =>
  a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr');

/** The slots with the taps applied, in the order they were tapped. */
function applyTaps(slots: SlotProps[], taps: PendingTap[], siteId: number, date: string): SlotProps[] {
  const mine = taps.filter((t) => t.siteId === siteId && t.date === date);
  if (!mine.length) return slots;
  return slots.map((s) => {
    const list = new Map(s.children.map((c) => [c.childId, { ...c }]));
    for (const t of mine) {
      if (t.slot !== s.slot) continue;
      const child = list.get(t.childId);
      if (child) child.status = t.status;
      else
        list.set(t.childId, {
          childId: t.childId,
          firstName: t.firstName,
          lastName: t.lastName,
          booked: false,
          signalled: false,
          status: t.status,
        });
    }
    return { ...s, children: [...list.values()].sort(byName) };
  });
}

export function PointageBoard({
  accountId,
  siteId,
  date,
  slots: initial,
  enrolled,
}: {
  /** the account signed in, whose taps these are */
  accountId: number;
  siteId: number;
  date: string;
  slots: SlotProps[];
  enrolled: Child[];
}) {
  const t = useTranslations('pointage');
  const [slots, setSlots] = useState(initial);
  const [query, setQuery] = useState('');
  const [pending, setPending] = useState(0);
  const online = useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [offlineReady, setOfflineReady] = useState(false);

  const refreshCount = useCallback(async () => setPending((await pendingTaps(accountId)).length), [accountId]);

  const flush = useCallback(async () => {
    try {
      const { refused } = await sendAll(accountId);
      for (const r of refused) setNotice(t('refused', { count: r.count, reason: r.reason }));
    } finally {
      await refreshCount();
    }
  }, [accountId, refreshCount, t]);

  // the taps still waiting on this phone, over the page as it was rendered (a reload, offline or not)
  useEffect(() => {
    let active = true;
    void pendingTaps(accountId).then((taps) => {
      if (!active) return;
      setSlots(applyTaps(initial, taps, siteId, date));
      setPending(taps.length);
      if (navigator.onLine) void flush();
    });
    return () => {
      active = false;
    };
  }, [initial, accountId, siteId, date, flush]);

  // the connection back: send what waits; and again every 20 s while something waits
  useEffect(() => {
    const up = () => void flush();
    window.addEventListener('online', up);
    const timer = window.setInterval(() => {
      if (navigator.onLine) void flush();
    }, 20_000);
    return () => {
      window.removeEventListener('online', up);
      window.clearInterval(timer);
    };
  }, [flush]);

  // the service worker, then this page in its cache: from then on a reload without network shows it
  useEffect(() => {
    if (!('serviceWorker' in navigator) || !('caches' in window)) return;
    let active = true;
    void keepOfflineCopy().then(
      () => active && setOfflineReady(true),
      (error: unknown) => console.warn('[pointage] offline mode unavailable', error),
    );
    return () => {
      active = false;
    };
  }, []);

  async function mark(slot: AttendanceSlot, child: Child, status: AttendanceStatus) {
    const tap: PendingTap = {
      key: crypto.randomUUID(),
      accountId,
      childId: child.childId,
      siteId,
      date,
      slot,
      status,
      tappedAt: new Date().toISOString(),
      firstName: child.firstName,
      lastName: child.lastName,
    };
    setSlots((current) => applyTaps(current, [tap], siteId, date));
    setNotice(null);
    await addTap(tap);
    await refreshCount();
    if (navigator.onLine) void flush();
  }

  const banner = !online ? t('offline', { count: pending }) : pending > 0 ? t('sending', { count: pending }) : null;

  return (
    <div data-offline-ready={offlineReady ? 'true' : 'false'}>
      <div role="status" className="sticky top-0 z-10 mt-3 empty:hidden">
        {banner && (
          <p
            className={`rounded p-3 font-semibold ${online ? 'border-l-4 border-brand-700 bg-brand-50' : 'bg-amber-100 text-amber-950'}`}
          >
            {banner}
          </p>
        )}
        {notice && <p className="mt-1 rounded border-l-4 border-red-700 bg-red-50 p-3">{notice}</p>}
      </div>

      <nav aria-label={t('slotsNav')} className="mt-3">
        <ul className="flex gap-2">
          {slots.map((s) => (
            <li key={s.slot} className="flex-1">
              <a
                href={`#creneau-${s.slot}`}
                className="flex min-h-11 items-center justify-center rounded border border-slate-500 bg-white px-2 font-medium"
              >
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <div className="mt-3">
        <label htmlFor="pointage-search" className="block font-medium">
          {t('search')}
        </label>
        <input
          id="pointage-search"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t('searchHint')}
          autoComplete="off"
          className="mt-1 block min-h-12 w-full rounded border-2 border-slate-600 px-3"
        />
      </div>

      {slots.map((s) => (
        <SlotSection
          key={s.slot}
          slot={s}
          query={query}
          enrolled={enrolled}
          onMark={(child, status) => void mark(s.slot, child, status)}
        />
      ))}
    </div>
  );
}

function SlotSection({
  slot,
  query,
  enrolled,
  onMark,
}: {
  slot: SlotProps;
  query: string;
  enrolled: Child[];
  onMark: (child: Child, status: AttendanceStatus) => void;
}) {
  const t = useTranslations('pointage');
  const present = slot.children.filter((c) => c.status === 'present').length;
  const expected = slot.children.filter((c) => c.booked && !c.signalled).length;
  const shown = slot.children.filter((c) => matches(c, query));
  const headingId = `creneau-${slot.slot}-titre`;
  return (
    <section id={`creneau-${slot.slot}`} aria-labelledby={headingId} className="mt-6 scroll-mt-20">
      <h3 id={headingId} className="text-xl font-bold">
        {slot.label}
      </h3>
      <p className="text-lg font-semibold">{counterText(present, expected)}</p>
      {slot.children.length === 0 && <p className="mt-2 rounded bg-white p-3">{t('empty')}</p>}
      {slot.children.length > 0 && shown.length === 0 && (
        <p className="mt-2 rounded bg-white p-3">{t('noMatch', { q: query })}</p>
      )}
      <ul className="mt-2 space-y-2">
        {shown.map((c) => (
          <li key={c.childId} className="rounded bg-white p-3 shadow-sm">
            <p className="font-semibold">
              {c.firstName} {c.lastName}
            </p>
            {c.signalled && <p className="text-sm font-medium text-amber-900">{t('signalled')}</p>}
            {!c.booked && <p className="text-sm font-medium text-brand-800">{t('unbooked')}</p>}
            <div className="mt-2 grid grid-cols-2 gap-2">
              {(['present', 'absent'] as const).map((status) => {
                const pressed = c.status === status;
                const tone =
                  status === 'present'
                    ? pressed
                      ? 'border-green-800 bg-green-700 text-white'
                      : 'border-green-800 bg-white text-green-900'
                    : pressed
                      ? 'border-red-800 bg-red-700 text-white'
                      : 'border-red-800 bg-white text-red-900';
                return (
                  <button
                    key={status}
                    type="button"
                    aria-pressed={pressed}
                    aria-label={toggleName(status, c.firstName, c.lastName, slot.slot)}
                    onClick={() => {
                      if (!pressed) onMark(c, status);
                    }}
                    className={`min-h-14 rounded-lg border-2 px-3 text-lg font-bold ${tone}`}
                  >
                    {status === 'present' ? t('present') : t('absent')}
                  </button>
                );
              })}
            </div>
          </li>
        ))}
      </ul>
      <AddUnbooked slot={slot} enrolled={enrolled} onAdd={(child) => onMark(child, 'present')} />
    </section>
  );
}

/** « Ajouter un enfant présent sans réservation »: a search among the children enrolled at the site. */
function AddUnbooked({ slot, enrolled, onAdd }: { slot: SlotProps; enrolled: Child[]; onAdd: (child: Child) => void }) {
  const t = useTranslations('pointage');
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const listed = useMemo(() => new Set(slot.children.map((c) => c.childId)), [slot.children]);
  const found = enrolled.filter((c) => !listed.has(c.childId) && q.trim() && matches(c, q)).slice(0, 20);
  const inputId = `ajout-${slot.slot}`;
  return (
    <div className="mt-3">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={`${inputId}-panneau`}
        onClick={() => setOpen((o) => !o)}
        className="min-h-12 w-full rounded border-2 border-brand-700 bg-white px-3 font-semibold text-brand-800"
      >
        {t('add')}
        <span className="sr-only"> – {slot.label}</span>
      </button>
      {open && (
        <div id={`${inputId}-panneau`} className="mt-2 rounded bg-white p-3 shadow-sm">
          <label htmlFor={inputId} className="block font-medium">
            {t('addSearch')}
          </label>
          <input
            id={inputId}
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            autoComplete="off"
            autoFocus
            className="mt-1 block min-h-12 w-full rounded border-2 border-slate-600 px-3"
          />
          {q.trim() && found.length === 0 && <p className="mt-2">{t('addNone')}</p>}
          <ul className="mt-2 space-y-2">
            {found.map((c) => (
              <li key={c.childId}>
                <button
                  type="button"
                  onClick={() => {
                    onAdd(c);
                    setQ('');
                    setOpen(false);
                  }}
                  className="min-h-12 w-full rounded border border-slate-500 px-3 text-left font-medium"
                >
                  {t('addChoose', { name: `${c.firstName} ${c.lastName}` })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
