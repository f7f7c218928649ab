// « Mon compte »: who is signed in, and « Rappels par e-mail » (lib/reminders): none, every Monday at 8:00, or the day
// before a deadline. A plain form (no client script): « Enregistrer » saves and comes back here with a confirmation.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { requireParent } from '@/lib/auth/session';
import { reminderChoice, type ReminderChoice } from '@/lib/reminders/settings';
import { saveRemindersAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('myAccount'))('title') };
}

const CHOICES: { value: ReminderChoice; label: 'none' | 'weekly' | 'eve'; hint?: 'weeklyHint' | 'eveHint' }[] = [
  { value: 'none', label: 'none' },
  { value: 'weekly', label: 'weekly', hint: 'weeklyHint' },
  { value: 'eve', label: 'eve', hint: 'eveHint' },
];

export default async function MonComptePage({ searchParams }: { searchParams: Promise<Record<string, unknown>> }) {
  const user = await requireParent();
  const t = await getTranslations('myAccount');
  const tm = await getTranslations('myData');
  const [current, params] = await Promise.all([reminderChoice(await getDb(), user.id), searchParams]);
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2">{t('intro')}</p>
      <p className="mt-1 break-words text-slate-700">{t('identifier', { email: user.email })}</p>
      {params.enregistre === '1' && (
        <p role="status" className="mt-4 rounded border-s-4 border-green-700 bg-green-50 p-3">
          {t('saved')}
        </p>
      )}
      <form action={saveRemindersAction} className="mt-6 max-w-xl rounded-lg bg-white p-4">
        <fieldset role="radiogroup" aria-labelledby="rappels-legend" aria-describedby="rappels-aide">
          <legend id="rappels-legend" className="text-lg font-semibold">
            {t('remindersLegend')}
          </legend>
          <p id="rappels-aide" className="mt-1 text-sm text-slate-700">
            {t('remindersHelp', { email: user.email })}
          </p>
          <div className="mt-3 space-y-2">
            {CHOICES.map((c) => (
              <div key={c.value} className="rounded border border-slate-300 has-[:checked]:border-brand-700">
                <label className="flex min-h-11 cursor-pointer items-center gap-3 px-3 py-2">
                  <input
                    type="radio"
                    name="reminders"
                    value={c.value}
                    defaultChecked={current === c.value}
                    // the name is the choice alone (« Chaque lundi »); its hint describes it
                    aria-labelledby={`rappels-${c.value}-nom`}
                    aria-describedby={c.hint ? `rappels-${c.value}` : undefined}
                    className="size-5 shrink-0"
                  />
                  <span>
                    <span id={`rappels-${c.value}-nom`} className="block font-medium">
                      {t(c.label)}
                    </span>
                    {c.hint && (
                      <span id={`rappels-${c.value}`} className="block text-sm text-slate-700">
                        {t(c.hint)}
                      </span>
                    )}
                  </span>
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <button
          type="submit"
          className="mt-4 min-h-11 rounded bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
        >
          {t('save')}
        </button>
      </form>
      <section aria-labelledby="mes-donnees-heading" className="mt-6 max-w-xl rounded-lg bg-white p-4">
        <h2 id="mes-donnees-heading" className="text-lg font-semibold">
          {tm('title')}
        </h2>
        <p className="mt-1">
          <Link
            href="/mes-donnees"
            className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4"
          >
            {tm('accountLink')}
          </Link>
        </p>
      </section>
    </>
  );
}
