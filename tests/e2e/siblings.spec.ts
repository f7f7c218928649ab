// Siblings in one démarche (issue 13), as the demo tells it: Hugo enrols at Léa's Wednesday centre, then the same two
// Wednesdays are booked for Léa and Hugo in one démarche, validated together, with one e-mail.
// The journey has a portal of its own (playwright.config.ts, project 'siblings'): the desktop journeys change Léa's
// Wednesday planning day by day, and a draft is per child and service.
import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, expectAccessible, signIn } from './support';

async function enrolHugoAtTheWednesdayCentre(page: Page) {
  await page.getByRole('link', { name: "S'inscrire : Hugo, Accueil de loisirs du mercredi" }).click();
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.getByRole('radio', { name: /Accueil de loisirs Les Tilleuls/ }).check();
  await page.getByRole('button', { name: "Aller à l'étape 2" }).click();
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(
    page.getByText("Votre enfant est désormais inscrit à l'accueil de loisirs du mercredi.", { exact: false }),
  ).toBeVisible();
  await page.goto('/');
}

test('Léa and Hugo booked together: the same two Wednesdays in one démarche, one e-mail', async ({ page, browser }) => {
  await signIn(page, ACCOUNTS.parent);
  await enrolHugoAtTheWednesdayCentre(page);
  await page.getByRole('link', { name: 'Gérer mes réservations : Léa, Accueil de loisirs du mercredi' }).click();
  const together = page.getByRole('group', { name: 'Enfants concernés par la démarche' });
  await expect(together.getByRole('checkbox', { name: 'Léa Martin' })).toBeChecked();
  await expect(together.getByRole('checkbox', { name: 'Hugo Martin' })).not.toBeChecked();
  await together.getByRole('checkbox', { name: 'Hugo Martin' }).check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Commencer' }).click();

  await expect(page.getByRole('heading', { name: 'Étape 1 : Ma demande' })).toBeVisible();
  const tabs = page.getByRole('navigation', { name: 'Enfants de la démarche' });
  await expect(tabs.getByRole('link', { name: 'Léa Martin' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: 'Planning de Léa Martin' })).toBeVisible();
  for (const month of ['Janvier 2027', 'Février 2027', 'Mars 2027']) {
    await page.getByRole('link', { name: /Mois suivant/ }).click();
    await expect(page.getByRole('heading', { name: month })).toBeVisible();
  }
  await page.getByRole('link', { name: 'Semaine', exact: true }).click();
  await page.getByRole('link', { name: /Semaine suivante/ }).click();
  // 10 March is a week 2 of Léa's rhythm (Matin + Après-midi + Repas sans viande): her meal becomes « classique »
  await page
    .getByRole('radiogroup', { name: 'Repas – mercredi 10 mars 2027' })
    .getByRole('radio', { name: 'Repas classique' })
    .check();
  await expect(page.getByText('Modification enregistrée.')).toBeAttached();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Même planning pour Hugo' }).click();
  await expect(page).toHaveURL(/copie=1/);
  await page.getByRole('link', { name: /Semaine suivante/ }).click();
  // 17 March is a week 1 (Matin + Repas classique): the afternoon too
  await page.getByRole('checkbox', { name: 'Après-midi – mercredi 17 mars 2027' }).check();
  await expect(page.getByText('Modification enregistrée.')).toBeAttached();
  await page.getByRole('button', { name: 'Même planning pour Hugo' }).click();
  // the week's link left the date in the address already: wait for the copy's own redirect (copie=1), else Hugo's tab
  // could open before the copy is written
  await expect(page).toHaveURL(/copie=1&vue=semaine&date=2027-03-1[5-7]/);

  // Hugo's tab: the same two Wednesdays
  await tabs.getByRole('link', { name: 'Hugo Martin' }).click();
  await expect(page.getByRole('heading', { name: 'Planning de Hugo Martin' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Matin – mercredi 17 mars 2027' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Après-midi – mercredi 17 mars 2027' })).toBeChecked();
  await page.getByRole('link', { name: /Semaine précédente/ }).click();
  await expect(page.getByRole('checkbox', { name: 'Matin – mercredi 10 mars 2027' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Après-midi – mercredi 10 mars 2027' })).toBeChecked();
  await expect(
    page
      .getByRole('radiogroup', { name: 'Repas – mercredi 10 mars 2027' })
      .getByRole('radio', { name: 'Repas classique' }),
  ).toBeChecked();
  await page.getByRole('button', { name: "Aller à l'étape 2" }).click();

  // Étape 2: one recap per child
  await expect(page.getByRole('heading', { name: 'Étape 2 : Le récapitulatif' })).toBeVisible();
  const leaRecap = page.getByRole('region', { name: 'Léa Martin' });
  const march10 = leaRecap.getByRole('listitem').filter({ hasText: 'mercredi 10 mars 2027' });
  await expect(march10).toContainText('Nouvelles réservations : Repas classique');
  await expect(march10).toContainText('Anciennes réservations supprimées : Repas sans viande');
  await expect(leaRecap.getByRole('listitem').filter({ hasText: 'mercredi 17 mars 2027' })).toContainText(
    'Nouvelles réservations : Après-midi',
  );
  await expect(page.getByRole('region', { name: 'Hugo Martin' })).toContainText(
    '6 nouvelles réservations · aucune réservation supprimée',
  );
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByRole('heading', { name: 'Vos demandes sont validées' })).toBeVisible();
  const reference = async (name: string) => {
    const line = await page
      .getByText(new RegExp(`${name} – Référence de votre demande : DEM-\\d{4}-\\d{6}`))
      .innerText();
    return line.match(/DEM-\d{4}-\d{6}/)![0];
  };
  const lea = await reference('Léa Martin');
  const hugo = await reference('Hugo Martin');
  expect(lea).not.toBe(hugo);
  await expectAccessible(page);

  // both children's plannings, on their own pages, and both requests in « Mes demandes »
  const pages = {
    [lea]: await page.getByRole('link', { name: 'Voir le planning de Léa' }).getAttribute('href'),
    [hugo]: await page.getByRole('link', { name: 'Voir le planning de Hugo' }).getAttribute('href'),
  };
  for (const [ref, childPage] of Object.entries(pages)) {
    for (const date of ['2027-03-10', '2027-03-17']) {
      await page.goto(`${childPage}?vue=semaine&date=${date}`);
      await expect(
        page.getByText('Accueil de loisirs du mercredi : Matin, Après-midi, Repas classique').first(),
      ).toBeAttached();
    }
    await page.goto('/mes-demandes');
    await expect(page.getByRole('link', { name: ref })).toBeVisible();
  }

  // one acknowledgment for the two requests
  const agentContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const agent = await agentContext.newPage();
  await signIn(agent, ACCOUNTS.staff);
  await expect(async () => {
    await agent.goto('/admin/emails');
    await expect(agent.getByText(`Accusé de réception de vos demandes ${lea}, ${hugo}`).first()).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: 15_000 });
  // one row in the outbox for the two requests
  const outbox = agent.getByRole('region', { name: "Boîte d'envoi" });
  await expect(outbox.getByText(`Accusé de réception de vos demandes ${lea}, ${hugo}`)).toHaveCount(1);
  await expect(outbox.getByText(new RegExp(`Accusé de réception .*(${lea}|${hugo})`))).toHaveCount(1);
  await expect(agent.getByText(`Accusé de réception de votre demande ${lea}`)).toHaveCount(0);
  await expect(agent.getByText(`Accusé de réception de votre demande ${hugo}`)).toHaveCount(0);
  await agentContext.close();
});
