'use client';

// A link to copy: a labelled read-only field (select it and copy by hand, with or without JavaScript) and « Copier »,
// whose outcome is announced. The words come from the server page as props.
import { useId, useState } from 'react';

export function CopyField({
  label,
  value,
  copyLabel,
  copiedLabel,
  failedLabel,
}: {
  label: string;
  value: string;
  copyLabel: string;
  copiedLabel: string;
  failedLabel: string;
}) {
  const id = useId();
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus(copiedLabel);
    } catch {
      setStatus(failedLabel);
    }
  };
  return (
    <div className="mt-3">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id={id}
          type="text"
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          className="min-h-11 min-w-0 flex-1 basis-64 rounded border border-slate-500 bg-white px-2 font-mono text-sm"
        />
        <button
          type="button"
          onClick={copy}
          className="min-h-11 rounded border-2 border-brand-700 bg-white px-3 font-semibold text-brand-700"
        >
          {copyLabel}
          <span className="sr-only"> : {label}</span>
        </button>
      </div>
      <p role="status" className="mt-1 text-sm">
        {status}
      </p>
    </div>
  );
}
