// The three languages (issue 14): « Langue » in the footer switches Connexion, Mon espace and Étape 1 to English and
// to Arabic (right to left: the header's start and the planning's first column on the right, checked on a screenshot's
// boxes), axe passes in each language, and a parent's choice is remembered on the account across signing out and in,
// even without the cookie; the sign-up form's refusals come in English. The Haddad family is this journey's own
// (lib/demo/seed.ts): no other journey reads its language. Desktop; the phone check of Connexion in Arabic is
// languages-phone.spec.ts.
import { expect, test, type Page } from '@playwright/test';
import { chooseLanguage, expectAccessible, signIn, throughIntroduction } from './support';

const HADDAD = { email: 'famille.haddad@example.fr', password: 'Demo-2026!' } as const;

/** The horizontal middle of an element. */
async function middle(page: Page, selector: ReturnType<Page['locator']>): Promise<number> {
  const box = await selector.boundingBox();
  expect(box, 'a visible element').not.toBeNull();
  return box!.x + box!.width / 2;
}

test.describe('desktop', () => {
  test.describe.configure({ mode: 'serial' });

  test('Connexion in French, English and Arabic, each accessible', async ({ page }) => {
    await page.goto('/connexion');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expectAccessible(page);

    await chooseLanguage(page, 'Langue', 'English', 'Changer de langue', 'en');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByLabel('Identifier')).toBeVisible();
    // the refusals too: an empty form says what is missing, in English
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter your identifier.').first()).toBeVisible();
    await expect(page.getByText('Enter your password.').first()).toBeVisible();
    await expectAccessible(page);

    await chooseLanguage(page, 'Language', 'العربية', 'Change language', 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { name: 'تسجيل الدخول' })).toBeVisible();
    await expectAccessible(page);

    await chooseLanguage(page, 'اللغة', 'Français', 'تغيير اللغة', 'fr');
    await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  });

  test('« Créer mon espace famille » refuses its fields in the visitor’s language', async ({ page }) => {
    await page.goto('/creer-mon-espace');
    await chooseLanguage(page, 'Langue', 'English', 'Changer de langue', 'en');
    await page.getByRole('button', { name: 'Create my family space' }).click();
    await expect(page.getByText('Give your first name.').first()).toBeVisible();
    await expect(page.getByText('Child 1: give their first name.').first()).toBeVisible();
    await expect(page.getByText(/Indiquez|Enfant 1/)).toHaveCount(0);
    await expectAccessible(page);
    await chooseLanguage(page, 'Language', 'Français', 'Change language', 'fr');
  });

  test('a parent reads Mon espace and Étape 1 in three languages; Arabic mirrors the page; the choice is remembered', async ({
    page,
    context,
  }) => {
    await signIn(page, HADDAD);
    await expect(page.getByRole('heading', { name: 'Mon espace' })).toBeVisible();
    await expectAccessible(page);
    await page
      .getByRole('link', { name: /^Gérer mes réservations : Yasmine, Accueil de loisirs du mercredi$/ })
      .click();
    await throughIntroduction(page);
    const step1 = page.url();
    await expectAccessible(page);
    const frenchDays = page.locator('ul.grid').last().locator(':scope > li');
    const frenchFirst = await middle(page, frenchDays.nth(0));
    expect(await middle(page, frenchDays.nth(1))).toBeGreaterThan(frenchFirst);

    // English: the planning's words too (the month, the checkboxes' names)
    await chooseLanguage(page, 'Langue', 'English', 'Changer de langue', 'en');
    await expect(page.getByRole('heading', { name: 'Step 1: My request' })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: /^Morning – Wednesday, \d+ \w+ 20\d\d$/ }).first()).toBeVisible();
    await expectAccessible(page);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'My space' })).toBeVisible();
    await expectAccessible(page);

    // Arabic, right to left
    await chooseLanguage(page, 'Language', 'العربية', 'Change language', 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { name: 'فضائي' })).toBeVisible();
    await expectAccessible(page);
    await page.goto(step1);
    await expect(page.getByRole('heading', { name: 'المرحلة 1: طلبي' })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: /^الصباح – الأربعاء/ }).first()).toBeVisible();
    await expectAccessible(page);

    // the screenshot of Étape 1 in Arabic, and its mirrored layout: the header's start (the town's mark) on the right,
    // the planning's first column on the right of the second
    await page.screenshot({ path: test.info().outputPath('etape-1-ar.png'), fullPage: true });
    const width = page.viewportSize()!.width;
    const mark = page.getByRole('banner').getByRole('link').first();
    expect(await middle(page, mark)).toBeGreaterThan(width / 2);
    const nav = page.getByRole('navigation', { name: 'التصفح الرئيسي' }).getByRole('link').first();
    expect(await middle(page, nav)).toBeGreaterThan(width / 2);
    const days = page.locator('ul.grid').last().locator(':scope > li');
    expect(await middle(page, days.nth(0))).toBeGreaterThan(await middle(page, days.nth(1)));
    expect(await middle(page, days.nth(0))).toBeGreaterThan(width / 2);

    // signed out, then in again without the cookie: the account remembers Arabic
    await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
    await expect(page).toHaveURL(/\/connexion/);
    await context.clearCookies();
    await signIn(page, HADDAD);
    await expect(page.getByRole('heading', { name: 'فضائي' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

    // back to French for the next run on the same server
    await chooseLanguage(page, 'اللغة', 'Français', 'تغيير اللغة', 'fr');
    await expect(page.getByRole('heading', { name: 'Mon espace' })).toBeVisible();
  });
});
