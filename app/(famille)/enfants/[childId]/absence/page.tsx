// « Signaler une absence »: the child's booked days of one service within the window (2 working days back, 30 days
// ahead), the reason and the certificate, in one form (lib/absences/declare.ts). A day of « À venir » or of the
// child's page comes ticked (?service=…&date=…).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getWording } from '@/i18n/wording';
import { ActionForm } from '@/components/action-form';
import { getDb } from '@/db/client';
import { declarableDays } from '@/lib/absences/list';
import { requireParent } from '@/lib/auth/session';
import { today } from '@/lib/clock';
import { getFamilyChild } from '@/lib/families/child';
import { absenceWindow, SERVICE_KINDS, type ServiceKind } from '@/lib/planning';
import { declareAbsenceAction } from './actions';

type Props = {
  params: Promise<{ childId: string }>;
  searchParams: Promise<{ service?: string; date?: string }>;
};

async function familyChild(params: Props['params']) {
  const user = await requireParent();
  const id = Number((await params).childId);
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) return null;
  const child = await getFamilyChild(await getDb(), user.familyId, id, null);
  return child ? { user, child } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await familyChild(params);
  if (!found) return {};
  const t = await getTranslations('absences');
  return { title: t('title', { name: `${found.child.firstName} ${found.child.lastName}` }) };
}

const isService = (s: string | undefined): s is ServiceKind => SERVICE_KINDS.includes(s as ServiceKind);

export default async function AbsencePage({ params, searchParams }: Props) {
  const found = await familyChild(params);
  if (!found) notFound();
  const { user, child } = found;
  const t = await getTranslations('absences');
  const words = await getWording();
  const todayIso = today();
  const window = absenceWindow(todayIso);
  const days = await declarableDays(await getDb(), { familyId: user.familyId, childId: child.id, today: todayIso });
  const services = SERVICE_KINDS.filter((s) => days.some((d) => d.service === s));
  const { service: asked, date } = await searchParams;
  const service = isService(asked) && services.includes(asked) ? asked : services[0];
  const name = `${child.firstName} ${child.lastName}`;
  const shown = days.filter((d) => d.service === service);
  const base = `/enfants/${child.id}/absence`;

  return (
    <>
      <h1 className="text-2xl font-bold">{t('title', { name })}</h1>
      <p className="mt-2 max-w-3xl">
        {t('intro', { name: child.firstName, from: words.dateLong(window.from), to: words.dateLong(window.to) })}
      </p>

      {services.length > 1 && (
        <nav aria-label={t('service')} className="mt-4 flex flex-wrap gap-2">
          {services.map((s) => (
            <Link
              key={s}
              href={`${base}?service=${s}`}
              aria-current={s === service ? 'page' : undefined}
              className={`inline-flex min-h-11 items-center rounded border-2 border-brand-700 px-3 py-1.5 font-medium ${s === service ? 'bg-brand-700 text-white' : 'bg-white text-brand-700'}`}
            >
              {words.service(s)}
            </Link>
          ))}
        </nav>
      )}

      {!service || shown.length === 0 ? (
        <p className="mt-6 rounded bg-white p-4">
          {t('noDays', { from: words.dateLong(window.from), to: words.dateLong(window.to) })}
        </p>
      ) : (
        <ActionForm
          action={declareAbsenceAction}
          hidden={{ childId: child.id, service }}
          submitLabel={t('submit')}
          pendingLabel={t('pending')}
          fieldMessages
          className="mt-6 max-w-3xl space-y-6 rounded bg-white p-4"
        >
          <fieldset>
            <legend className="text-lg font-semibold">
              {t('days')} – {words.service(service)}
            </legend>
            <ul className="mt-2 space-y-1">
              {shown.map((d) => (
                <li key={d.date}>
                  <label className="flex min-h-11 items-center gap-3">
                    <input
                      type="checkbox"
                      name="days"
                      value={d.date}
                      defaultChecked={d.date === date && !d.absent}
                      disabled={d.absent}
                      className="h-5 w-5"
                    />
                    <span>
                      {t('dayLine', {
                        date: words.dateLong(d.date),
                        units: d.units.map((u) => words.unit(u)).join(', '),
                      })}
                      {d.absent ? <strong className="ms-2">{t('alreadyDeclared')}</strong> : null}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>

          <fieldset>
            <legend className="text-lg font-semibold">{t('reason')}</legend>
            <label className="mt-2 flex min-h-11 items-center gap-3">
              <input type="radio" name="reason" value="maladie" defaultChecked className="h-5 w-5" />
              {t('reasonIllness')}
            </label>
            <label className="flex min-h-11 items-center gap-3">
              <input type="radio" name="reason" value="autre" className="h-5 w-5" />
              {t('reasonOther')}
            </label>
            <label className="mt-2 block">
              <span className="font-medium">{t('details')}</span>
              <textarea
                name="details"
                maxLength={500}
                rows={3}
                className="mt-1 block w-full rounded border-2 border-slate-600 px-2 py-1.5"
              />
            </label>
          </fieldset>

          <div>
            <label htmlFor="certificate" className="font-medium">
              {t('certificate')}
            </label>
            <p id="certificate-hint" className="text-sm text-slate-700">
              {t('certificateHint')}
            </p>
            <input
              id="certificate"
              type="file"
              name="certificate"
              accept="application/pdf,image/jpeg,image/png"
              aria-describedby="certificate-hint"
              className="mt-1 block w-full"
            />
          </div>
        </ActionForm>
      )}

      <p className="mt-8">
        <Link href={`/enfants/${child.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
          {t('back', { name: child.firstName })}
        </Link>
      </p>
    </>
  );
}
