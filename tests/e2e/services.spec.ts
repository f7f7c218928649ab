// S'inscrire (seed, cas n°2) and the two other services of the seed, as a parent lives them.
import { expect, test } from '@playwright/test';
import { ACCOUNTS, expectAccessible, signIn, throughIntroduction } from './support';

test.describe.configure({ mode: 'serial' });

test("Hugo's enrolment at the Wednesday centre, then his first booking", async ({ page }) => {
  await signIn(page, ACCOUNTS.parent);
  await page.getByRole('link', { name: "S'inscrire : Hugo, Accueil de loisirs du mercredi" }).click();
  await expect(page.getByRole('heading', { name: "S'inscrire" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Commencer' }).click();
  await expect(page.getByRole('heading', { name: 'Étape 1 : Ma demande' })).toBeVisible();
  await expect(page.getByText("L'accueil de loisirs proposé correspond à votre secteur d'habitation.")).toBeVisible();
  await expect(
    page.getByText(
      'Si votre enfant doit fréquenter un autre accueil de loisirs de la ville, veuillez prendre contact avec le Guichet famille.',
    ),
  ).toBeVisible();
  // going on without selecting the site is refused with a French message
  await page.getByRole('button', { name: "Aller à l'étape 2" }).click();
  await expect(page.getByRole('alert', { name: 'Il y a un problème' })).toContainText('Sélectionnez le lieu proposé.');
  await page.getByRole('radio', { name: /Accueil de loisirs Les Tilleuls/ }).check();
  await expectAccessible(page);
  await page.getByRole('button', { name: "Aller à l'étape 2" }).click();
  await expect(page.getByRole('heading', { name: 'Étape 2 : Le récapitulatif' })).toBeVisible();
  await expect(page.getByText('Accueil de loisirs Les Tilleuls')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(
    page.getByText("Votre enfant est désormais inscrit à l'accueil de loisirs du mercredi.", { exact: false }),
  ).toBeVisible();
  await expect(page.getByText(/Référence de votre demande : DEM-\d{4}-\d{6}/)).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('main').getByRole('link', { name: 'Gérer mes réservations' }).click();
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.getByRole('link', { name: /Mois suivant/ }).click();
  await page.getByRole('checkbox', { name: 'Matin – mercredi 13 janvier 2027' }).check();
  await page.getByRole('checkbox', { name: 'Après-midi – mercredi 13 janvier 2027' }).check();
  await page
    .getByRole('radiogroup', { name: 'Repas – mercredi 13 janvier 2027' })
    .getByRole('radio', { name: 'Repas sans viande' })
    .check();
  await page.getByRole('button', { name: "Aller à l'étape 2" }).click();
  await expect(page.getByText('3 nouvelles réservations · aucune réservation supprimée')).toBeVisible();
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByRole('heading', { name: 'Votre demande est validée' })).toBeVisible();
  await page.getByRole('link', { name: 'Voir le planning de Hugo' }).click();
  await page.getByRole('link', { name: /Mois suivant/ }).click();
  await expect(page.getByRole('heading', { name: /décembre 2026/i })).toBeVisible();
  await page.getByRole('link', { name: /Mois suivant/ }).click();
  await expect(page.getByRole('heading', { name: /janvier 2027/i })).toBeVisible();
  // the child's calendar names the service and the units in words
  await expect(
    page.getByText('Accueil de loisirs du mercredi : Matin, Après-midi, Repas sans viande').first(),
  ).toBeAttached();
  await expectAccessible(page);
});

test('a canteen periodicity for the rest of the year', async ({ page }) => {
  await signIn(page, ACCOUNTS.parent);
  await page.getByRole('link', { name: 'Gérer mes réservations : Léa, Restauration scolaire' }).click();
  await throughIntroduction(page);
  // the canteen books meals only, one a day: its help speaks of no half-day
  await expect(page.getByRole('checkbox', { name: 'Matin – lundi 14 décembre 2026' })).toHaveCount(0);
  await expect(page.getByRole('radiogroup', { name: 'Repas – lundi 14 décembre 2026' }).getByRole('radio')).toHaveCount(
    3,
  );
  await expect(page.getByText(/demi-journée/)).toHaveCount(0);
  await page.getByText('Appliquer une périodicité', { exact: true }).click();
  await page.getByLabel('Pour 1 semaine').check();
  // several weekdays: « une semaine type », and no word of half-days at the canteen
  await expect(page.getByText('Choisissez le repas de chaque jour pour une semaine type.')).toBeVisible();
  await expect(page.getByText(/demi-journée/)).toHaveCount(0);
  const meal = (day: string) => page.getByRole('radiogroup', { name: `Repas – ${day}, semaine 1` });
  for (const day of ['lundi', 'mardi', 'vendredi'])
    await meal(day).getByRole('radio', { name: 'Repas classique' }).check();
  await meal('jeudi').getByRole('radio', { name: 'Repas sans viande' }).check();
  await expect(page.getByLabel('Du', { exact: true })).toHaveValue('14/12/2026');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Appliquer la périodicité' }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Périodicité appliquée du lundi 14 décembre 2026 au vendredi 2 juillet 2027' }),
  ).toBeVisible();
  await expect(
    page
      .getByRole('radiogroup', { name: 'Repas – jeudi 17 décembre 2026' })
      .getByRole('radio', { name: 'Repas sans viande' }),
  ).toBeChecked();
  await page.getByRole('button', { name: "Aller à l'étape 2" }).click();
  await expect(
    page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /jeudi 1 juillet 2027/ }) }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByRole('heading', { name: 'Votre demande est validée' })).toBeVisible();
});

test('a holiday booking is refused because the day filled meanwhile', async ({ page, browser }) => {
  await signIn(page, ACCOUNTS.parent);
  await page.getByRole('link', { name: "S'inscrire : Léa, Accueil de loisirs des vacances" }).click();
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.getByRole('radio', { name: /Accueil de loisirs Les Tilleuls/ }).check();
  await page.getByRole('button', { name: "Aller à l'étape 2" }).click();
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(
    page.getByText("Votre enfant est désormais inscrit à l'accueil de loisirs des vacances.", { exact: false }),
  ).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Gérer mes réservations' }).click();
  await page.getByRole('button', { name: 'Commencer' }).click();
  await expect(page.getByRole('heading', { name: /Vacances de Noël/ })).toBeVisible();
  await page.getByRole('link', { name: /Vacances suivantes/ }).click();
  await expect(page.getByRole('heading', { name: /Vacances d'hiver/ })).toBeVisible();
  const monday = page.getByRole('group', { name: /lundi 8 février 2027/ });
  const morning = monday
    .locator('label')
    .filter({ has: page.getByRole('checkbox', { name: 'Matin – lundi 8 février 2027' }) });
  // scarcity stands out in words (and a mark), and is said with the box
  await expect(morning.getByText("Plus qu'une place", { exact: true })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Matin – lundi 8 février 2027' })).toHaveAccessibleDescription(
    /Plus qu'une place/,
  );
  await expectAccessible(page);
  await page.getByRole('checkbox', { name: 'Matin – lundi 8 février 2027' }).check();
  await expect(page.getByText('Modification enregistrée.')).toBeAttached();
  await page.getByRole('button', { name: "Aller à l'étape 2" }).click();
  await expect(page.getByRole('heading', { name: 'Étape 2 : Le récapitulatif' })).toBeVisible();

  // meanwhile, a neighbour takes the last place
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const neighbour = await other.newPage();
  await signIn(neighbour, ACCOUNTS.neighbour);
  await neighbour
    .getByRole('link', { name: 'Gérer mes réservations : Chloé, Accueil de loisirs des vacances' })
    .click();
  await throughIntroduction(neighbour);
  await neighbour.getByRole('link', { name: /Vacances suivantes/ }).click();
  await neighbour.getByRole('checkbox', { name: 'Matin – lundi 8 février 2027' }).check();
  await expect(neighbour.getByText('Modification enregistrée.')).toBeAttached();
  await neighbour.getByRole('button', { name: "Aller à l'étape 2" }).click();
  await neighbour.getByRole('button', { name: 'Valider' }).click();
  await expect(neighbour.getByRole('heading', { name: 'Votre demande est validée' })).toBeVisible();
  await other.close();

  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByRole('alert', { name: 'Il y a un problème' })).toContainText(
    "Il n'y a plus de place : lundi 8 février 2027 (matin) est complet.",
  );
  await expectAccessible(page);
  await page.getByRole('link', { name: "Retour à l'étape 1" }).click();
  await page.getByRole('link', { name: /Vacances suivantes/ }).click();
  const full = page
    .getByRole('group', { name: /lundi 8 février 2027/ })
    .locator('label')
    .filter({ has: page.getByRole('checkbox', { name: 'Matin – lundi 8 février 2027' }) });
  await expect(full.getByText('Complet')).toBeVisible();
});
