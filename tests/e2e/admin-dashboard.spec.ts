// The dashboard on the demo town: light enough to open at once (under 100 KB of HTML, its RSC payload included; it
// was 436 KB when every site's table of figures came with it), and each site's table one link away.
import { expect, test } from '@playwright/test';
import { ACCOUNTS, expectAccessible, signIn } from './support';

const BUDGET = 100 * 1024;

test('the dashboard stays under 100 KB of HTML, and shows a site’s table of figures when asked', async ({ page }) => {
  await signIn(page, ACCOUNTS.staff);
  const response = await page.request.get('/admin');
  expect(response.status()).toBe(200);
  const html = await response.body();
  expect(html.byteLength).toBeLessThan(BUDGET);
  // the charts are there, one per site with bookings, and no table yet
  expect(html.toString('utf8')).toContain('<svg role="img"');

  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
  await expect(page.getByRole('table', { name: /enfants attendus et capacité/ })).toHaveCount(0);
  await page.getByRole('link', { name: 'Voir le tableau des chiffres' }).first().click();
  const table = page.getByRole('table', { name: /enfants attendus et capacité par jour et par unité/ });
  await expect(table).toHaveCount(1);
  // shown with its own site's chart alone
  await expect(page.locator('section[aria-labelledby^="site-"]')).toHaveCount(1);
  await expect(table.getByRole('row')).not.toHaveCount(0);
  await expectAccessible(page);
  // with its table, the page stays within the budget too
  expect((await (await page.request.get(page.url())).body()).byteLength).toBeLessThan(BUDGET);
  await page.getByRole('link', { name: 'Masquer le tableau des chiffres' }).click();
  await expect(table).toHaveCount(0);

  // the other sites' charts are on the next pages
  const firstSites = await page.locator('section[aria-labelledby^="site-"] h3').allTextContents();
  await page.getByRole('link', { name: 'Page suivante' }).click();
  await expect(page.getByText(/^Page 2 sur \d+$/)).toBeVisible();
  const nextSites = await page.locator('section[aria-labelledby^="site-"] h3').allTextContents();
  expect(nextSites.length).toBeGreaterThan(0);
  expect(nextSites.filter((s) => firstSites.includes(s))).toEqual([]);
});
