// Back office "E-mails": the outbox (what the portal sends, its status and errors, "Renvoyer" for a failure)
// and the local mailbox where e-mails land when no Resend key is configured.
import type { Metadata } from 'next';
import Link from 'next/link';
import { ScrollRegion } from '@/components/scroll-region';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/session';
import { listMailbox, listOutbox, type OutboxStatus } from '@/lib/email/queries';
import { emailSubject } from '@/lib/email/outbox';
import { emailTransport } from '@/lib/email/transport';
import { getTranslations } from 'next-intl/server';
import { resendEmailAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('adminEmails');
  return { title: t('title') };
}

const LIST_LIMIT = 100;
const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });

const STATUS_STYLES: Record<OutboxStatus, string> = {
  pending: 'bg-amber-100 text-amber-900 border-amber-700',
  sent: 'bg-green-100 text-green-900 border-green-700',
  failed: 'bg-red-100 text-red-900 border-red-700',
};

export default async function AdminEmailsPage({
  searchParams,
}: {
  searchParams: Promise<{ renvoi?: string | string[] }>;
}) {
  await requireStaff();
  const t = await getTranslations('adminEmails');
  const { renvoi } = await searchParams;
  const db = await getDb();
  const [outbox, messages] = await Promise.all([
    listOutbox(db, { limit: LIST_LIMIT }),
    listMailbox(db, { limit: LIST_LIMIT }),
  ]);
  const transport = emailTransport();

  return (
    <>
      <p className="text-sm uppercase tracking-wide text-slate-700">{t('backOffice')}</p>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>
      <p className="mt-2 max-w-3xl font-medium">
        {transport === 'resend' ? t('transportResend') : t('transportMailbox')}
      </p>

      <div role="status" className="mt-4 empty:hidden">
        {renvoi === 'ok' && <p className="rounded border-l-4 border-green-700 bg-green-50 p-3">{t('resent')}</p>}
        {renvoi === 'refuse' && (
          <p className="rounded border-l-4 border-amber-700 bg-amber-50 p-3">{t('resendRefused')}</p>
        )}
      </div>

      <section aria-labelledby="outbox-heading" className="mt-8">
        <h2 id="outbox-heading" className="text-xl font-bold">
          {t('outboxTitle')}
        </h2>
        {outbox.length === 0 ? (
          <p className="mt-3 rounded bg-white p-4">{t('outboxEmpty')}</p>
        ) : (
          <ScrollRegion label={t('outboxTitle')} className="mt-3">
            <table className="w-full border-collapse bg-white text-left text-sm">
              <caption className="sr-only">{t('outboxCaption', { count: LIST_LIMIT })}</caption>
              <thead>
                <tr className="border-b-2 border-slate-400">
                  <th scope="col" className="p-2">
                    {t('date')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('to')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('templateAndSubject')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('status')}
                  </th>
                  <th scope="col" className="p-2 text-right">
                    {t('attempts')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('lastError')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('actions')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {outbox.map((row) => (
                  <tr key={row.id} className="border-b border-slate-300 align-top">
                    <td className="whitespace-nowrap p-2">{dateTime.format(row.createdAt)}</td>
                    <td className="break-all p-2">{row.to}</td>
                    <th scope="row" className="p-2 font-normal">
                      <span className="block font-medium">
                        {t.has(`templateLabel.${row.template}`)
                          ? t(`templateLabel.${row.template}` as 'templateLabel.request-acknowledgment')
                          : row.template}
                      </span>
                      <span className="block text-slate-700">
                        {emailSubject(row.template, row.payload) ?? t('unknownSubject')}
                      </span>
                    </th>
                    <td className="p-2">
                      <span
                        className={`inline-block rounded border px-2 py-0.5 font-medium ${STATUS_STYLES[row.status]}`}
                      >
                        {t(`statusLabel.${row.status}`)}
                      </span>
                      {row.status === 'sent' && row.sentAt && (
                        <span className="mt-1 block text-xs text-slate-700">
                          {t('sentAt', { date: dateTime.format(row.sentAt) })}
                        </span>
                      )}
                      {row.status === 'pending' && row.attempts > 0 && (
                        <span className="mt-1 block text-xs text-slate-700">
                          {t('nextAttempt', { date: dateTime.format(row.nextAttemptAt) })}
                        </span>
                      )}
                    </td>
                    <td className="p-2 text-right tabular-nums">{row.attempts}</td>
                    <td className="max-w-xs break-words p-2 text-slate-800">{row.lastError ?? ''}</td>
                    <td className="p-2">
                      {row.status === 'failed' && (
                        <form action={resendEmailAction}>
                          <input type="hidden" name="id" value={row.id} />
                          <button
                            type="submit"
                            className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800"
                          >
                            {t('resend')}
                            <span className="sr-only"> {t('resendContext', { to: row.to })}</span>
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>

      <section aria-labelledby="mailbox-heading" className="mt-10">
        <h2 id="mailbox-heading" className="text-xl font-bold">
          {t('mailboxTitle')}
        </h2>
        {messages.length === 0 ? (
          <p className="mt-3 rounded bg-white p-4">{t('mailboxEmpty')}</p>
        ) : (
          <ScrollRegion label={t('mailboxTitle')} className="mt-3">
            <table className="w-full border-collapse bg-white text-left text-sm">
              <caption className="sr-only">{t('mailboxCaption', { count: LIST_LIMIT })}</caption>
              <thead>
                <tr className="border-b-2 border-slate-400">
                  <th scope="col" className="p-2">
                    {t('date')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('to')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('subject')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {messages.map((m) => (
                  <tr key={m.id} className="border-b border-slate-300">
                    <td className="whitespace-nowrap p-2">{dateTime.format(m.createdAt)}</td>
                    <td className="break-all p-2">{m.to}</td>
                    <th scope="row" className="p-2 font-normal">
                      <Link href={`/admin/emails/${m.id}`} className="text-brand-700 underline">
                        {m.subject}
                      </Link>
                    </th>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
    </>
  );
}
