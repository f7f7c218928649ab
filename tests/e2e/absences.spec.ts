// « Signaler une absence » (issue 15), as the issue tells it: Léa is ill on Thursday 3 December, her canteen day after
// the demo's Sunday, long past the J-15 deadline. Her parent declares it from « À venir » with a PDF certificate; the
// agent reads it in « Absences à traiter » (the certificate a download, for staff only) and accepts it; the kitchen
// order of that day has one meal less; the parent reads « Absence justifiée ».
// The journey has a portal of its own (playwright.config.ts, project 'absences'): the desktop journeys read Léa's
// days and the kitchen orders.
import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, expectAccessible, signIn } from './support';

const DAY = '2026-12-03';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** The kitchen order's overall total for the day (« Commandes de repas »). */
async function mealsOfTheDay(agent: Page): Promise<number> {
  await agent.goto(`/admin/commandes?from=${DAY}&to=${DAY}`);
  const cells = await agent
    .getByRole('row', { name: /Total général/ })
    .getByRole('cell')
    .allTextContents();
  return Number(cells[2]!.replace(/\s/g, ''));
}

test('Léa is ill on a canteen day: declared with a PDF, accepted, one meal less', async ({ page, browser }) => {
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signIn(agent, ACCOUNTS.staff);
  const mealsBefore = await mealsOfTheDay(agent);
  expect(mealsBefore).toBeGreaterThan(0);

  // the parent: « À venir » offers the day, past the deadline
  await signIn(page, ACCOUNTS.parent);
  await page
    .getByRole('link', { name: 'Signaler une absence le jeudi 3 décembre 2026 (Restauration scolaire)' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Signaler une absence – Léa Martin' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /jeudi 3 décembre 2026 : Repas classique/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Maladie (certificat médical)' })).toBeChecked();
  await page.getByLabel('Certificat médical (PDF, JPEG ou PNG, 5 Mo au plus)').setInputFiles({
    name: 'certificat-lea.pdf',
    mimeType: 'application/pdf',
    buffer: PDF,
  });
  await expectAccessible(page);
  await page.getByRole('button', { name: "Signaler l'absence" }).click();
  await expect(page).toHaveURL(/\/mes-demandes\/\d+\?signalee=1$/);
  await expect(page.getByRole('status')).toContainText(/L'absence est enregistrée sous la référence DEM-2026-\d{6}/);
  await expect(page.getByText('En attente de la décision du Guichet famille')).toBeVisible();
  await expect(page.getByText('Certificat joint : certificat-lea.pdf')).toBeVisible();
  await expectAccessible(page);
  const requestUrl = new URL(page.url());
  const requestId = requestUrl.pathname.split('/').pop()!;

  // the certificate opens for staff only, as a download
  const refused = await page.request.get(`/admin/absences/${requestId}/certificat`, { maxRedirects: 0 });
  expect(refused.status()).toBe(403);

  // the agent: « Absences à traiter »
  await agent.goto('/admin/absences');
  await expect(agent.getByRole('heading', { level: 1, name: 'Absences à traiter' })).toBeVisible();
  const row = agent.getByRole('row').filter({ hasText: 'Léa Martin' });
  await expect(row).toContainText('jeudi 3 décembre 2026 : Repas classique');
  await expect(row).toContainText('Maladie (certificat médical)');
  const download = row.getByRole('link', { name: /Télécharger certificat-lea\.pdf/ });
  const certificate = await agent.request.get((await download.getAttribute('href'))!);
  expect(certificate.status()).toBe(200);
  expect(certificate.headers()['content-disposition']).toMatch(/^attachment; filename="certificat-lea\.pdf"/);
  expect(certificate.headers()['x-content-type-options']).toBe('nosniff');
  expect(Buffer.compare(await certificate.body(), PDF)).toBe(0);
  await expectAccessible(agent);
  await row.getByRole('button', { name: 'Absence justifiée' }).click();
  await expect(agent).toHaveURL(/\/admin\/absences\?traitee=\d+$/);
  await expect(agent.getByRole('row').filter({ hasText: 'Léa Martin' })).not.toContainText('Refuser');

  // the kitchen: one meal less that day
  expect(await mealsOfTheDay(agent)).toBe(mealsBefore - 1);

  // the parent reads the decision
  await page.goto(requestUrl.pathname);
  await expect(page.getByText('Absence justifiée', { exact: true })).toBeVisible();
  await agentContext.close();
});
