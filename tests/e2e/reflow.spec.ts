// A parent's pages at 320 px wide (WCAG 1.4.10, reflow): everything fits the width, nothing scrolls sideways.
// A demo family of its own (the Blanc family), so that no other journey's planning is touched.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './support';

test.use({ viewport: { width: 320, height: 640 } });

async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `page width of ${page.url()}`).toBeLessThanOrEqual(320);
}

test('at 320 px wide, a parent goes from Connexion to Étape 2 without sideways scrolling', async ({ page }) => {
  await page.goto('/connexion');
  await expectNoSidewaysScroll(page);
  await signIn(page, { email: 'antoine.blanc.187@example.fr', password: 'Demo-2026!' });
  await expect(page.getByRole('heading', { name: 'Mon espace' })).toBeVisible();
  await expectNoSidewaysScroll(page);

  const manage = page
    .getByRole('link', { name: /^Gérer mes réservations : .+, Accueil de loisirs du mercredi$/ })
    .first();
  await manage.click();
  await expect(page.getByRole('heading', { name: 'Gérer mes réservations' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.getByRole('button', { name: 'Commencer' }).click();
  await expect(page.getByRole('heading', { name: 'Étape 1 : Ma demande' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.getByRole('link', { name: 'Semaine', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Semaine', exact: true })).toHaveAttribute('aria-current', 'page');
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Mes demandes' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mes demandes' })).toBeVisible();
  await expectNoSidewaysScroll(page);
});
