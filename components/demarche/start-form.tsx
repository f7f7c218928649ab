// One tap into the démarche: a small form posting to the parent's start action (which shows the introduction until it
// has been read once, then opens or resumes the draft on Étape 1, at the week of `date` when given).
import type { ReactNode } from 'react';
import type { FormAction } from '@/lib/action';
import type { IsoDate, ServiceKind } from '@/lib/planning';

export function StartForm({
  start,
  childId,
  service,
  date,
  className,
  children,
}: {
  start: FormAction;
  childId: number;
  service: ServiceKind;
  date?: IsoDate;
  className: string;
  children: ReactNode;
}) {
  return (
    <form action={start}>
      <input type="hidden" name="childId" value={childId} />
      <input type="hidden" name="service" value={service} />
      {date && <input type="hidden" name="date" value={date} />}
      <button type="submit" className={className}>
        {children}
      </button>
    </form>
  );
}
