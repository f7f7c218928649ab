// The three languages on a phone (issue 14): Connexion in Arabic reads right to left, at 360 px, without scrolling
// sideways. The phone project only (playwright.config.ts); the journey in three languages is languages.spec.ts.
import { expect, test } from '@playwright/test';
import { chooseLanguage, expectAccessible } from './support';

test('on a phone, Connexion in Arabic reads right to left without scrolling sideways', async ({ page }) => {
  await page.goto('/connexion');
  await chooseLanguage(page, 'Langue', 'العربية', 'Changer de langue', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { name: 'تسجيل الدخول' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(page);
});
