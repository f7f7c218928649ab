'use client';

// "Appliquer une périodicité": the panel of Étape 1 that holds the template form (components/template-form-body.tsx).
// The form's code is fetched when the panel is first opened, so a parent who books day by day never loads it. Once
// the template is applied, the panel folds and focus lands on a plain summary (« 39 réservations ajoutées, 1 retirée »),
// just above the planning and its « Aller à l'étape 2 ». Used by the parent's démarche and by the agent's (with their
// own server action).
import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import type { FormState } from '@/lib/action';
import type { TemplateFormProps } from './template-form-body';

export type ApplyTemplate = (
  input: Record<string, unknown>,
) => Promise<FormState<{ added: number; removed: number; from: string; to: string }>>;

function Loading() {
  const t = useTranslations('template');
  return (
    <p role="status" className="mt-4">
      {t('loading')}
    </p>
  );
}

const TemplateFormBody = dynamic(() => import('./template-form-body'), { ssr: false, loading: Loading });

export function TemplateForm(props: TemplateFormProps) {
  const t = useTranslations('template');
  const [panelOpen, setPanelOpen] = useState(false);
  // mounted from the first opening on, so that what the parent ticked survives folding the panel
  const [opened, setOpened] = useState(false);
  const [applied, setApplied] = useState<string | null>(null);
  const summary = useRef<HTMLParagraphElement>(null);

  // the summary is announced (role status) and focused once the form has folded
  useEffect(() => {
    if (applied) summary.current?.focus();
  }, [applied]);

  return (
    <>
      <details
        open={panelOpen}
        onToggle={(e) => {
          const open = e.currentTarget.open;
          setPanelOpen(open);
          if (open) setOpened(true);
        }}
        className="mt-6 rounded-lg border border-slate-400 bg-slate-100 p-4"
      >
        <summary className="flex min-h-11 cursor-pointer items-center text-xl font-semibold">{t('open')}</summary>
        {opened && (
          <TemplateFormBody
            {...props}
            onApplied={(text) => {
              setApplied(text);
              setPanelOpen(false);
            }}
          />
        )}
      </details>
      {applied && (
        <p
          ref={summary}
          tabIndex={-1}
          role="status"
          className="mt-3 rounded border-s-4 border-green-700 bg-green-100 p-3 text-green-950"
        >
          {applied}
        </p>
      )}
    </>
  );
}
