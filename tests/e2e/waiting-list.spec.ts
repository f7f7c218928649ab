// « Liste d'attente » (issue 15), on a portal of its own (a fresh demo): the Bernards take the last morning of Monday
// 8 February at Les Tilleuls' holiday centre, the Petits find it « Complet » and join its waiting list from Étape 1
// (recapped at Étape 2), the Bernards cancel, and Jules is booked in the same transaction: the Petits' mailbox has
// « Une place s'est libérée », Mes demandes the promotion, and the Journal says so.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ACCOUNTS, expectAccessible, signIn, throughIntroduction } from './support';

const PETIT = { email: 'famille.petit@example.fr', password: 'Demo-2026!' };
const MORNING = 'Matin – lundi 8 février 2027';

async function as(browser: Browser, account: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await signIn(page, account);
  return page;
}

/** « Gérer mes réservations » of the child's holiday centre, on to the winter holidays of Étape 1. */
async function winterHolidays(page: Page, child: string): Promise<void> {
  await page.getByRole('link', { name: `Gérer mes réservations : ${child}, Accueil de loisirs des vacances` }).click();
  await throughIntroduction(page);
  await page.getByRole('link', { name: /Vacances suivantes/ }).click();
  await expect(page.getByRole('heading', { name: /Vacances d'hiver/ })).toBeVisible();
}

async function validate(page: Page): Promise<void> {
  await page.getByRole('button', { name: "Aller à l'étape 2" }).click();
  await expect(page.getByRole('heading', { name: 'Étape 2 : Le récapitulatif' })).toBeVisible();
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByRole('heading', { name: 'Votre demande est validée' })).toBeVisible();
}

test('a family joins the waiting list of a full morning and is booked when the place frees', async ({ browser }) => {
  // the Bernards take the last morning
  const bernard = await as(browser, ACCOUNTS.neighbour);
  await winterHolidays(bernard, 'Chloé');
  await bernard.getByRole('checkbox', { name: MORNING }).check();
  await expect(bernard.getByText('Modification enregistrée.')).toBeAttached();
  await validate(bernard);

  // the Petits find it full, and ask for it on the waiting list, beside the day's other choices
  const petit = await as(browser, PETIT);
  await winterHolidays(petit, 'Jules');
  const monday = petit.getByRole('group', { name: /lundi 8 février 2027/ }).first();
  await expect(petit.getByRole('checkbox', { name: MORNING, exact: true })).toBeDisabled();
  await expect(monday.getByText('Complet').first()).toBeVisible();
  await monday.getByRole('checkbox', { name: `Liste d'attente – ${MORNING}` }).check();
  await expect(petit.getByText('Modification enregistrée.')).toBeAttached();
  await expectAccessible(petit);
  await petit.getByRole('button', { name: "Aller à l'étape 2" }).click();
  await expect(petit.getByRole('heading', { name: 'Étape 2 : Le récapitulatif' })).toBeVisible();
  const recap = petit.getByRole('list', { name: "Liste d'attente" });
  await expect(recap).toContainText('lundi 8 février 2027 : Matin');
  await expectAccessible(petit);
  await petit.getByRole('button', { name: 'Valider' }).click();
  await expect(petit.getByRole('heading', { name: 'Votre demande est validée' })).toBeVisible();

  // Jules' page says his place in line, and « Quitter la liste d'attente » asks first
  await petit.goto('/');
  await petit.getByRole('link', { name: 'Jules Petit', exact: true }).click();
  const waiting = petit.getByRole('list', { name: "Liste d'attente" });
  await expect(waiting).toContainText("Liste d'attente : 1re");
  await waiting
    .getByRole('link', {
      name: "Quitter la liste d'attente du lundi 8 février 2027 (Accueil de loisirs des vacances)",
    })
    .click();
  await expect(petit.getByRole('heading', { name: "Quitter la liste d'attente" })).toBeVisible();
  await expectAccessible(petit);
  await petit.getByRole('link', { name: 'Rester sur la liste' }).click();
  await expect(petit.getByRole('list', { name: "Liste d'attente" })).toContainText("Liste d'attente : 1re");

  // the Bernards cancel the 8th: the place goes to Jules in the same transaction
  await bernard.goto('/');
  await winterHolidays(bernard, 'Chloé');
  await bernard.getByRole('checkbox', { name: MORNING }).uncheck();
  await expect(bernard.getByText('Modification enregistrée.')).toBeAttached();
  await validate(bernard);

  // Jules is booked, the Petits' Mes demandes has the promotion with its reference
  await petit.goto('/mes-demandes');
  const promotion = petit.getByRole('row').filter({ hasText: "Place libérée (liste d'attente)" });
  await expect(promotion).toBeVisible();
  const reference = (await promotion.getByRole('link').first().textContent())!.trim();
  expect(reference).toMatch(/^DEM-2026-\d{6}$/);
  await promotion.getByRole('link', { name: reference }).click();
  await expect(petit.getByText("Une place s'est libérée : Jules Petit était sur la liste d'attente")).toBeVisible();
  await expect(petit.getByRole('table')).toContainText('Matin');

  // the e-mail « Une place s'est libérée » went to the Petits, and the Journal shows the promotion
  const agent = await as(browser, ACCOUNTS.staff);
  await expect(async () => {
    await agent.goto('/admin/emails');
    const outbox = agent.getByRole('region', { name: "Boîte d'envoi" });
    await expect(outbox.getByText("Une place s'est libérée pour Jules Petit")).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await agent
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Journal', exact: true })
    .click();
  await agent
    .getByRole('combobox', { name: 'Action' })
    .selectOption({ label: "Place libérée : enfant inscrit depuis la liste d'attente" });
  await agent.getByRole('button', { name: 'Filtrer' }).click();
  await expect(
    agent.getByRole('row').filter({ hasText: "Place libérée : enfant inscrit depuis la liste d'attente" }),
  ).toHaveCount(1);
});
