// The accessibility declaration, after the RGAA model: state of compliance, test results, non-accessible content,
// when and how it was established, feedback and contact, voies de recours. Honest: partially compliant, not audited.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ContactDetails } from '../contact-details';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('site.accessibility'))('title') };
}

const h2 = 'mt-8 text-xl font-bold';
const h3 = 'mt-4 text-lg font-semibold';
const external = 'inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4';

export default async function AccessibilityPage() {
  const t = await getTranslations('site.accessibility');
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-3">{t('commitment')}</p>
      <p className="mt-2">{t('scope')}</p>

      <h2 className={h2}>{t('stateHeading')}</h2>
      <p className="mt-2">{t('state')}</p>
      <p className="mt-2">{t('stateHonest')}</p>

      <h2 className={h2}>{t('resultsHeading')}</h2>
      <p className="mt-2">{t('results')}</p>
      <ul className="mt-2 list-disc space-y-1 ps-6">
        {(['item1', 'item2', 'item3', 'item4'] as const).map((k) => (
          <li key={k}>{t(`checks.${k}`)}</li>
        ))}
      </ul>

      <h2 className={h2}>{t('nonAccessibleHeading')}</h2>
      <h3 className={h3}>{t('nonConformHeading')}</h3>
      <ul className="mt-2 list-disc space-y-1 ps-6">
        {(['item1', 'item2', 'item3'] as const).map((k) => (
          <li key={k}>{t(`nonConform.${k}`)}</li>
        ))}
      </ul>
      <h3 className={h3}>{t('exemptHeading')}</h3>
      <p className="mt-2">{t('exempt')}</p>
      <h3 className={h3}>{t('outOfScopeHeading')}</h3>
      <p className="mt-2">{t('outOfScope')}</p>

      <h2 className={h2}>{t('establishedHeading')}</h2>
      <p className="mt-2">{t('established')}</p>
      <p className="mt-2">{t('technologies')}</p>
      <p className="mt-2">{t('environment')}</p>

      <h2 className={h2}>{t('feedbackHeading')}</h2>
      <p className="mt-2">{t('feedback')}</p>
      <ContactDetails />

      <h2 className={h2}>{t('remediesHeading')}</h2>
      <p className="mt-2">{t('remediesIntro')}</p>
      <ul className="mt-2 list-disc ps-6">
        <li>
          <a href="https://formulaire.defenseurdesdroits.fr/" className={external}>
            {t('remedyForm')}
          </a>
        </li>
        <li>
          <a href="https://www.defenseurdesdroits.fr/saisir/delegues" className={external}>
            {t('remedyDelegate')}
          </a>
        </li>
        <li>{t('remedyMail')}</li>
      </ul>
    </>
  );
}
