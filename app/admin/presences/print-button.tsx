'use client';
// "Imprimer": the browser's print dialog; the page's print styles keep only the lists, one site per page.
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded border border-brand-700 bg-white px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50 print:hidden"
    >
      {label}
    </button>
  );
}
