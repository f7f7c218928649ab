// A form whose server action answers a FormState (components/action-form-view.tsx), with its words in the page's
// language: rendered by server components, it hands the client form the one sentence it needs.
import { getTranslations } from 'next-intl/server';
import type { ComponentProps } from 'react';
import { ActionFormView } from './action-form-view';

export async function ActionForm(props: Omit<ComponentProps<typeof ActionFormView>, 'errorTitle'>) {
  const t = await getTranslations('demarche');
  return <ActionFormView {...props} errorTitle={t('errorSummary')} />;
}
