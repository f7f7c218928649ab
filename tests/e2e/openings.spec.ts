// The moment of the rush: an agent moves the opening of the summer holidays' bookings in « Calendrier et
// paramètres », and a parent who enrols Hugo at the holiday centre finds the summer days greyed with that sentence on
// Étape 1. Hugo's holiday centre is no other journey's, so the journeys running beside this one are not disturbed.
import { expect, test } from '@playwright/test';
import { ACCOUNTS, expectAccessible, signIn, throughIntroduction } from './support';

const SENTENCE = "Réservations pour les vacances d'été ouvertes le mardi 11 mai à 8 h 30";

test('an agent sets the opening of the summer bookings, and a parent sees the summer greyed until then', async ({
  page,
  browser,
}) => {
  await signIn(page, ACCOUNTS.staff);
  await page.goto('/admin/calendrier');
  await expect(page.getByRole('heading', { name: 'Ouverture des réservations 2026-2027' })).toBeVisible();
  const summer = page.getByRole('group', { name: "Accueil de loisirs des vacances – Vacances d'été" });
  // the demo's opening, after the demo clock
  await expect(summer.getByLabel("Jour de l'ouverture")).toHaveValue('2027-05-04');
  await expect(summer.getByLabel('Heure (Paris)')).toHaveValue('08:00');
  await summer.getByLabel("Jour de l'ouverture").fill('2027-05-11');
  await summer.getByLabel('Heure (Paris)').fill('08:30');
  await summer.getByRole('button', { name: /^Enregistrer/ }).click();
  await expect(summer.getByRole('status')).toHaveText('Modification enregistrée.');
  await expectAccessible(page);

  const family = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const parent = await family.newPage();
  await signIn(parent, ACCOUNTS.parent);
  await parent.getByRole('link', { name: "S'inscrire : Hugo, Accueil de loisirs des vacances" }).click();
  await parent.getByRole('button', { name: 'Commencer' }).click();
  await parent
    .getByRole('radio', { name: /Accueil de loisirs/ })
    .first()
    .check();
  await parent.getByRole('button', { name: "Aller à l'étape 2" }).click();
  await parent.getByRole('button', { name: 'Valider' }).click();
  await expect(
    parent.getByText("Votre enfant est désormais inscrit à l'accueil de loisirs des vacances.", { exact: false }),
  ).toBeVisible();
  await parent.getByRole('main').getByRole('link', { name: 'Gérer mes réservations' }).click();
  await throughIntroduction(parent);
  await expect(parent.getByRole('heading', { name: /Vacances de Noël/ })).toBeVisible();
  // no sentence while the holidays shown are open to bookings
  await expect(parent.getByText(SENTENCE)).toHaveCount(0);
  for (const next of ["Vacances d'hiver", 'Vacances de printemps', "Pont de l'Ascension", "Vacances d'été"]) {
    await parent.getByRole('link', { name: /Vacances suivantes/ }).click();
    await expect(parent.getByRole('heading', { name: new RegExp(next) })).toBeVisible();
  }
  await expect(parent.getByText(SENTENCE, { exact: true })).toBeVisible();
  // the greyed days the view opens with fold into one line that says why; unfolded, every summer day says it too
  await parent
    .getByRole('button', {
      name: /jours non modifiables \(réservations pour les vacances d'été ouvertes le mardi 11 mai/,
    })
    .click();
  await expect(parent.getByRole('group', { name: /lundi 5 juillet 2027/ })).toContainText(
    "grisé : réservations pour les vacances d'été ouvertes le mardi 11 mai à 8 h 30",
  );
  await expect(parent.getByRole('checkbox', { name: 'Matin – lundi 5 juillet 2027' })).toBeDisabled();
  await expectAccessible(parent);
  await family.close();
});
