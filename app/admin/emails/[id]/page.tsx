// One message of the local mailbox: its headers, its text version, and its HTML shown in a sandboxed frame
// (no scripts, no same-origin access; a srcdoc frame inherits the portal's CSP, which allows it).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/session';
import { getMailboxMessage } from '@/lib/email/queries';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const t = await getTranslations('adminEmails');
  await requireStaff();
  const { id: raw } = await params;
  const message = /^\d{1,15}$/.test(raw) ? await getMailboxMessage(await getDb(), Number(raw)) : null;
  return { title: `${message ? message.subject : t('messageTitle')} · ${t('title')}` };
}

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'medium', timeZone: 'Europe/Paris' });

export default async function AdminEmailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff();
  const t = await getTranslations('adminEmails');
  const { id: raw } = await params;
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const message = await getMailboxMessage(await getDb(), id);
  if (!message) notFound();

  return (
    <>
      <p>
        <Link href="/admin/emails" className="text-brand-700 underline">
          ← {t('backToEmails')}
        </Link>
      </p>
      <p className="mt-4 text-sm uppercase tracking-wide text-slate-700">{t('mailboxTitle')}</p>
      <h1 className="text-2xl font-bold break-words">{message.subject}</h1>

      <section aria-labelledby="headers-heading" className="mt-6">
        <h2 id="headers-heading" className="text-xl font-bold">
          {t('headers')}
        </h2>
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 rounded border border-slate-300 bg-white p-4">
          <dt className="font-medium">{t('to')}</dt>
          <dd className="break-all">{message.to}</dd>
          <dt className="font-medium">{t('subject')}</dt>
          <dd className="break-words">{message.subject}</dd>
          <dt className="font-medium">{t('receivedAt')}</dt>
          <dd>{dateTime.format(message.createdAt)}</dd>
          {message.outboxId !== null && (
            <>
              <dt className="font-medium">{t('outboxRef')}</dt>
              <dd>{message.outboxId}</dd>
            </>
          )}
        </dl>
      </section>

      <section aria-labelledby="html-heading" className="mt-8">
        <h2 id="html-heading" className="text-xl font-bold">
          {t('htmlVersion')}
        </h2>
        <iframe
          sandbox=""
          srcDoc={message.html}
          title={t('iframeTitle')}
          className="mt-3 h-[40rem] w-full rounded border border-slate-300 bg-white"
        />
      </section>

      <section aria-labelledby="text-heading" className="mt-8">
        <h2 id="text-heading" className="text-xl font-bold">
          {t('textVersion')}
        </h2>
        <pre
          tabIndex={0}
          aria-labelledby="text-heading"
          className="mt-3 overflow-x-auto whitespace-pre-wrap break-words rounded border border-slate-300 bg-white p-4 text-sm"
        >
          {message.text}
        </pre>
      </section>
    </>
  );
}
