// The back office's editable lists (Calendrier et paramètres: holiday periods, openings; Structures: sectors, sites):
// each item a fieldset whose legend names it, with its edit form and its delete form side by side, and the box that
// adds one below the list. One markup, so every list reads the same to a screen reader.
import type { ComponentProps, ReactNode } from 'react';
import { AdminForm, type AdminAnswer } from './calendrier/admin-form';
import type { ServerAction } from '@/lib/action';

type Namespace = ComponentProps<typeof AdminForm>['namespace'];

/** One of an item's forms: its action, its button's label and what it acts on (screen readers), its hidden fields. */
interface ItemForm {
  action: ServerAction<AdminAnswer>;
  label: string;
  context?: string;
  hidden?: Record<string, string | number>;
}

const fieldsRow = 'flex flex-wrap items-end gap-3';

function formProps(form: ItemForm) {
  return { action: form.action, submitLabel: form.label, submitContext: form.context, hidden: form.hidden };
}

/** One item of the list: `children` are its edit form's fields; `remove` its delete form, or `note` in its place. */
export function EditableListItem({
  legend,
  namespace,
  save,
  remove,
  note,
  children,
}: {
  legend: ReactNode;
  namespace?: Namespace;
  save: ItemForm;
  remove?: ItemForm;
  note?: ReactNode;
  children: ReactNode;
}) {
  return (
    <li className="rounded border border-slate-300 bg-white p-4">
      <fieldset>
        <legend className="font-semibold">{legend}</legend>
        <div className={`mt-2 ${fieldsRow}`}>
          <AdminForm namespace={namespace} {...formProps(save)} className={fieldsRow}>
            {children}
          </AdminForm>
          {remove ? <AdminForm namespace={namespace} {...formProps(remove)} danger /> : note}
        </div>
      </fieldset>
    </li>
  );
}

/** The box below the list that adds an item: a heading, then the form with `children` as its fields. */
export function EditableListAdd({
  title,
  namespace,
  add,
  children,
}: {
  title: string;
  namespace?: Namespace;
  add: ItemForm;
  children: ReactNode;
}) {
  return (
    <div className="mt-4 rounded border border-slate-300 bg-white p-4">
      <h3 className="font-semibold">{title}</h3>
      <AdminForm namespace={namespace} {...formProps(add)} className={`mt-2 ${fieldsRow}`}>
        {children}
      </AdminForm>
    </div>
  );
}
