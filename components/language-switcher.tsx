// « Langue »: a small form in every page's footer, each language named in itself. It works without JavaScript (a
// plain form post) and with the keyboard (a native select, then the button). The route passes the action: a
// visitor's sets the cookie, a signed-in parent's stores the choice on the account too.
import { getLocale, getTranslations } from 'next-intl/server';
import { LANGUAGE_NAMES, LOCALES } from '@/i18n/locales';

export async function LanguageSwitcher({ action }: { action: (formData: FormData) => Promise<void> }) {
  const t = await getTranslations('app');
  const locale = await getLocale();
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <label htmlFor="langue" className="font-semibold">
        {t('language')}
      </label>
      <select
        id="langue"
        name="langue"
        defaultValue={locale}
        className="min-h-11 rounded border border-slate-500 bg-white px-2"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l} dir={l === 'ar' ? 'rtl' : 'ltr'}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="min-h-11 rounded border border-brand-700 px-3 font-medium text-brand-700 hover:bg-brand-50"
      >
        {t('languageSubmit')}
      </button>
    </form>
  );
}
