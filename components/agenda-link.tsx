// « Ajouter à mon agenda » on Mon espace and on each child's page: the way to the family's calendar feed.
import Link from 'next/link';

export function AgendaLink({ text, link }: { text: string; link: string }) {
  return (
    <p className="mt-6 flex flex-wrap items-center gap-x-3 gap-y-1 rounded border border-slate-300 bg-white p-3">
      <Link href="/agenda" className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
        {link}
      </Link>
      <span className="text-sm text-slate-700">{text}</span>
    </p>
  );
}
