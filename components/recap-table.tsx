// The changes of a request per date: additions in green ("nouvelles réservations"), removals in orange.
import { getTranslations } from 'next-intl/server';
import { getWording } from '@/i18n/wording';
import { type DayChange } from '@/lib/planning';

export async function RecapTable({ changes }: { changes: DayChange[] }) {
  const words = await getWording();
  const t = await getTranslations('demarche');
  return (
    <table className="w-full border-collapse bg-white text-start">
      <caption className="sr-only">{t('step2')}</caption>
      <thead>
        <tr className="border-b-2 border-slate-400">
          <th scope="col" className="p-2">
            {t('recapDate')}
          </th>
          <th scope="col" className="p-2">
            {t('recapNew')}
          </th>
          <th scope="col" className="p-2">
            {t('recapRemoved')}
          </th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.date} className="border-b border-slate-300 align-top">
            <th scope="row" className="p-2 font-medium first-letter:uppercase">
              {words.dateLong(c.date)}
            </th>
            <td className="p-2">
              {c.added.length > 0 && (
                <ul className="rounded border-s-4 border-green-700 bg-green-100 px-2 py-1 text-green-950">
                  {c.added.map((u) => (
                    <li key={u}>{words.unit(u)}</li>
                  ))}
                </ul>
              )}
            </td>
            <td className="p-2">
              {c.removed.length > 0 && (
                <ul className="rounded border-s-4 border-orange-600 bg-orange-100 px-2 py-1 text-orange-950">
                  {c.removed.map((u) => (
                    <li key={u}>
                      <s>{words.unit(u)}</s>
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
