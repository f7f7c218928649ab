// « Bilans de présence » and « Rapport CAF » as an agent lives them: from the menu and from the dashboard's rate, the
// three lists under their exact titles with their definitions, an inverted period refused in French, the CSV
// downloaded and read (BOM, ';', the three titles, the totals the page shows), then « Heures par unité »: « 30 »
// refused in French, « 1,5 » saved and shown back, and restored.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ACCOUNTS, expectAccessible, signIn } from './support';

test('an agent reads the attendance reports, exports them and sets the hours per unit', async ({ page }) => {
  await signIn(page, ACCOUNTS.staff);
  // the dashboard's rate of the last 4 weeks leads to the report
  const rate = page.getByTestId('attendance-rate');
  await expect(rate).toContainText('Taux de présence des 4 dernières semaines');
  await rate.getByRole('link', { name: 'Voir les bilans de présence' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bilans de présence' })).toBeVisible();
  await expect(page).toHaveURL(/from=2026-11-01&to=2026-11-28/);

  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Bilans de présence', exact: true })
    .click();
  for (const title of ['Absences non justifiées', 'Absences justifiées', 'Présents sans réservation'])
    await expect(page.getByRole('heading', { level: 3, name: title, exact: true })).toBeVisible();
  await expect(page.getByText(/^Absences justifiées : les unités d'une absence signalée/)).toBeVisible();
  await expect(page.getByText(/en attente de décision$/)).toBeVisible();
  await expectAccessible(page);

  // an inverted period: a French sentence, no report
  await page.getByLabel('Du', { exact: true }).fill('2026-11-20');
  await page.getByLabel('Au', { exact: true }).fill('2026-11-02');
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(
    'La date de début doit être avant la date de fin.',
  );

  // a period of the school year at Léa's school: the CSV of the absences, read back
  await page.getByLabel('Du', { exact: true }).fill('2026-09-01');
  await page.getByLabel('Au', { exact: true }).fill('2026-11-28');
  await page.getByRole('button', { name: 'Afficher' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Exporter les absences par famille en CSV' }).click();
  const file = await download;
  const bytes = readFileSync((await file.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  for (const title of ['Absences non justifiées', 'Absences justifiées', 'Présents sans réservation'])
    expect(text).toMatch(new RegExp(`(^\uFEFF|\r\n)${title}\r\n`));
  const totals = text
    .split('\r\n')
    .filter((line) => line.startsWith('Total;'))
    .map((line) => Number(line.split(';')[2]));
  const shown = await page.getByText(/unités? au total$/).allTextContents();
  expect(totals).toEqual(shown.map((s) => (/^Aucune/.test(s) ? 0 : Number(s.split(' ')[0]))));

  // « Rapport CAF » and its « Heures par unité »
  await page.getByRole('link', { name: 'Rapport CAF (heures enfants)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rapport CAF' })).toBeVisible();
  await expect(page.getByLabel('Du mois')).toHaveValue('2026-09');
  await expectAccessible(page);
  const repas = page.getByLabel('Repas (heures)');
  await expect(repas).toHaveValue('2');
  await repas.fill('30');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText("Indiquez un nombre d'heures supérieur à 0 et d'au plus 24").first()).toBeVisible();
  // React resets a form's fields once its action has answered: wait for it before typing again
  await expect(repas).toHaveValue('2');
  await repas.fill('1,5');
  await expect(repas).toHaveValue('1,5');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Heures par unité enregistrées.' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Repas (heures)')).toHaveValue('1,5');
  // back to the default, for whoever runs next
  await page.getByLabel('Repas (heures)').fill('2');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Heures par unité enregistrées.' })).toBeVisible();
  // an unknown site, in French, and no report (the reports count while they read the sites)
  for (const url of [
    '/admin/bilans/caf?site=999999',
    '/admin/bilans?site=999999',
    '/admin/presences?site=999999',
    '/admin/commandes?site=999999',
  ]) {
    await page.goto(url);
    await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(
      "Le site choisi n'existe pas : choisissez-en un dans la liste.",
    );
    await expect(page.getByRole('link', { name: /^Exporter/ })).toHaveCount(0);
  }
});
