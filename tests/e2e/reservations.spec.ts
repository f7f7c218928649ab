// The seed's Wednesday journeys (cas n°1 and "Modification des réservations"), as a parent lives them,
// on a fixed clock (Sunday 29 November 2026): December is past the deadline, January is open.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ACCOUNTS, expectAccessible, signIn, tabTo, throughIntroduction } from './support';

test.describe.configure({ mode: 'serial' });

async function openStep1(page: Page) {
  await signIn(page, ACCOUNTS.parent);
  await page.getByRole('link', { name: 'Léa Martin' }).click();
  await expect(page.getByRole('heading', { name: 'Planning de Léa Martin' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Gérer mes réservations : Accueil de loisirs du mercredi' }).click();
  await throughIntroduction(page);
  // the seed's steps stay one tap away, whether the introduction was read before or not
  await page.getByRole('link', { name: 'Revoir les étapes de la démarche' }).click();
  await expect(page.getByRole('heading', { name: 'Gérer mes réservations' })).toBeVisible();
  await expect(
    page.getByText('Lisez attentivement les différentes étapes de la démarche puis cliquez sur « Commencer ».'),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Commencer' }).click();
  await expect(page.getByRole('heading', { name: 'Étape 1 : Ma demande' })).toBeVisible();
}

/** A card of « Le récapitulatif »: the list item whose heading is the date. */
function dayCard(page: Page, date: RegExp) {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: date }) });
}

async function validate(page: Page) {
  await page.getByRole('button', { name: "Aller à l'étape 2" }).click();
  await expect(page.getByRole('heading', { name: 'Étape 2 : Le récapitulatif' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByRole('heading', { name: 'Votre demande est validée' })).toBeVisible();
  const reference = (await page.getByText(/Référence de votre demande : DEM-\d{4}-\d{6}/).textContent())!.match(
    /DEM-\d{4}-\d{6}/,
  )![0];
  await expectAccessible(page);
  return reference;
}

test('greyed days cannot be ticked and say why', async ({ page }) => {
  await openStep1(page);
  // the legend says what each box means, in the seed's words
  const legend = page.getByRole('region', { name: 'Légende' });
  // open on its first view, folded after (this journey may have shown Étape 1 already): one tap away
  if ((await legend.locator('details').getAttribute('open')) === null)
    await legend.getByText('Légende', { exact: true }).click();
  await expect(legend.getByText(/^Jours grisés/)).toBeVisible();
  await expect(legend).toContainText('Jours grisés');
  await expect(legend).toContainText('Matin = accueil uniquement le matin');
  await expect(legend).toContainText('Rsviande = Repas sans viande');
  await expect(page.getByRole('heading', { name: 'Décembre 2026' })).toBeVisible();
  // the modifiable days come first: 2 and 9 December, past the deadline, fold into one line
  const late = page.getByRole('checkbox', { name: 'Matin – mercredi 9 décembre 2026' });
  await expect(late).toBeHidden();
  const fold = page.getByRole('button', { name: '2 jours non modifiables (hors délai) – afficher' });
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  await fold.click();
  await expect(page.getByRole('button', { name: '2 jours non modifiables (hors délai) – masquer' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(late).toBeDisabled();
  await expect(late).toBeChecked();
  await expect(page.getByRole('group', { name: /mercredi 9 décembre 2026.*hors délai/ })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Matin – mercredi 23 décembre 2026' })).toBeDisabled();
  await expect(page.getByRole('group', { name: /mercredi 23 décembre 2026.*vacances scolaires/ })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Matin – mercredi 16 décembre 2026' })).toBeEnabled();
  await expect(page.getByText('En vert : les nouvelles réservations')).toBeVisible();
  await expect(page.getByText('En orange : les anciennes réservations supprimées')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Annuler la démarche' }).click();
  await expect(page.getByText("La démarche a été annulée : aucune réservation n'a été modifiée.")).toBeVisible();
});

test('from Mon espace, one more Wednesday afternoon for Léa in four taps', async ({ page }) => {
  // not counted: the demo parent has read the introduction once (this file's journeys share the account)
  await signIn(page, ACCOUNTS.parent);
  await page.getByRole('link', { name: 'Gérer mes réservations : Léa, Accueil de loisirs du mercredi' }).click();
  await throughIntroduction(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Mon espace', level: 1 })).toBeVisible();

  let taps = 0;
  const tap = async (target: Locator) => {
    taps += 1;
    await target.click();
  };
  const upcoming = page.getByRole('list', { name: 'À venir – Léa' });
  // greyed days say why and are not controls; 6 January (a week 1) is booked « Matin, Repas classique »
  await expect(upcoming.getByText('Mercredi 9 décembre 2026 : Matin, Repas classique')).toBeVisible();
  await expect(upcoming.getByText('non modifiable : hors délai').first()).toBeVisible();
  await expect(upcoming.getByRole('button', { name: /Mercredi 9 décembre 2026/ })).toHaveCount(0);
  const day = upcoming.getByRole('button', { name: /^Mercredi 6 janvier 2027 : Matin, Repas classique/ });
  await expect(day).toContainText("modifiable jusqu'au mardi 22 décembre");
  await expectAccessible(page);

  await tap(day);
  await expect(page.getByRole('heading', { name: 'Étape 1 : Ma demande' })).toBeVisible();
  await expect(page).toHaveURL(/vue=semaine&date=2027-01-06/);
  // the week of that day: no greyed day to scroll past
  await expect(page.getByRole('checkbox', { disabled: true })).toHaveCount(0);
  const afternoon = page.getByRole('checkbox', { name: 'Après-midi – mercredi 6 janvier 2027' });
  await expect(afternoon).not.toBeChecked();
  await tap(afternoon);
  await expect(afternoon).toBeChecked();
  await expect(page.getByText('Modification enregistrée.')).toBeAttached();
  await tap(page.getByRole('button', { name: "Aller à l'étape 2" }));
  await expect(page.getByRole('heading', { name: 'Étape 2 : Le récapitulatif' })).toBeVisible();
  await tap(page.getByRole('button', { name: 'Valider' }));
  await expect(page.getByRole('heading', { name: 'Votre demande est validée' })).toBeVisible();
  await expect(page.getByText(/Référence de votre demande : DEM-\d{4}-\d{6}/)).toBeVisible();
  expect(taps).toBeLessThanOrEqual(4);

  // back on Mon espace, the day says what Léa now has
  await page.goto('/');
  await expect(
    page
      .getByRole('list', { name: 'À venir – Léa' })
      .getByRole('button', { name: /^Mercredi 6 janvier 2027 : Matin, Après-midi, Repas classique/ }),
  ).toBeVisible();
});

test('a day-by-day booking, acknowledged by e-mail in the local mailbox', async ({ page, browser }) => {
  await openStep1(page);
  await page.getByRole('link', { name: /Mois suivant/ }).click();
  await expect(page.getByRole('heading', { name: 'Janvier 2027' })).toBeVisible();
  await page.getByRole('link', { name: /Mois suivant/ }).click();
  await expect(page.getByRole('heading', { name: 'Février 2027' })).toBeVisible();
  // 3 February is a week 1 of the demo (Matin + Repas classique), the meal one choice among three: a meal left alone
  // is refused on the spot
  const meal = page.getByRole('radiogroup', { name: 'Repas – mercredi 3 février 2027' });
  await expect(meal.getByRole('radio')).toHaveCount(3);
  await expect(meal.getByRole('radio', { name: 'Repas classique' })).toBeChecked();
  await page.getByRole('checkbox', { name: 'Matin – mercredi 3 février 2027' }).uncheck();
  await expect(page.getByRole('alert', { name: 'Il y a un problème' })).toContainText(
    "Un repas ne peut être réservé qu'avec une demi-journée",
  );
  await page.getByRole('checkbox', { name: 'Matin – mercredi 3 février 2027' }).check();
  await expect(page.getByRole('alert', { name: 'Il y a un problème' })).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Après-midi – mercredi 3 février 2027' }).check();
  await expect(page.getByText('Modification enregistrée.')).toBeAttached();
  // the sticky bar counts the changes against the planning as it is now
  await expect(page.getByText('1 modification', { exact: true })).toBeVisible();
  await expect(
    page.getByRole('checkbox', { name: 'Après-midi – mercredi 3 février 2027' }),
  ).toHaveAccessibleDescription(/ajout/);
  await expectAccessible(page);
  // the draft lives on the server: a refresh loses nothing
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Matin – mercredi 3 février 2027' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Après-midi – mercredi 3 février 2027' })).toBeChecked();
  await expect(meal.getByRole('radio', { name: 'Repas classique' })).toBeChecked();

  await page.getByRole('button', { name: "Aller à l'étape 2" }).click();
  const card = dayCard(page, /mercredi 3 février 2027/);
  await expect(card.getByText('Nouvelles réservations : Après-midi', { exact: true })).toBeVisible();
  await expect(card).toContainText('Léa aura : Matin, Après-midi, Repas classique');
  await expect(page.getByText('1 nouvelle réservation · aucune réservation supprimée')).toBeVisible();
  await page.goBack();
  const reference = await validate(page);

  await page.getByRole('link', { name: 'Voir mes demandes' }).click();
  await expect(page.getByRole('heading', { name: 'Mes demandes' })).toBeVisible();
  await expect(page.getByRole('link', { name: reference })).toBeVisible();
  await expectAccessible(page);

  const agentContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const agent = await agentContext.newPage();
  await signIn(agent, ACCOUNTS.staff);
  await expect(async () => {
    await agent.goto('/admin/emails');
    await expect(agent.getByText(`Accusé de réception de votre demande ${reference}`).first()).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: 15_000 });
  await expectAccessible(agent);
  await agentContext.close();
});

test('a modification shows green and orange in the recap', async ({ page }) => {
  await openStep1(page);
  // 16 December is a week 2 of the demo (Matin + Après-midi + Repas sans viande): the meal changes
  const meal = page.getByRole('radiogroup', { name: 'Repas – mercredi 16 décembre 2026' });
  await expect(meal.getByRole('radio', { name: 'Repas sans viande' })).toBeChecked();
  await meal.getByRole('radio', { name: 'Repas classique' }).check();
  await expect(meal.getByRole('radio', { name: 'Repas sans viande' })).not.toBeChecked();
  await expect(page.getByText('Modification enregistrée.')).toBeAttached();
  await expect(meal.getByRole('radio', { name: 'Repas sans viande' })).toHaveAccessibleDescription(/suppression/);
  await expect(page.getByText('2 modifications', { exact: true })).toBeVisible();
  const day = page.getByRole('group', { name: /mercredi 16 décembre 2026/ });
  await expect(day.getByText('suppression')).toBeVisible();
  await expect(day.getByText('ajout')).toBeVisible();
  await page.getByRole('button', { name: "Aller à l'étape 2" }).click();
  const card = dayCard(page, /mercredi 16 décembre 2026/);
  await expect(card.getByText('Nouvelles réservations : Repas classique', { exact: true })).toBeVisible();
  await expect(card.getByText('Anciennes réservations supprimées : Repas sans viande', { exact: true })).toBeVisible();
  await expect(card).toContainText('Léa aura : Matin, Après-midi, Repas classique');
  await expect(page.getByText('1 nouvelle réservation · 1 réservation supprimée')).toBeVisible();
  await page.getByRole('link', { name: "Retour à l'étape 1" }).click();
  await expect(meal.getByRole('radio', { name: 'Repas classique' })).toBeChecked();
  await validate(page);
});

test('the whole journey with the keyboard alone', async ({ page }) => {
  await page.goto('/connexion');
  await tabTo(page, 'Identifiant');
  await page.keyboard.type(ACCOUNTS.parent.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(ACCOUNTS.parent.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Mon espace' })).toBeVisible();
  await tabTo(page, 'Léa Martin');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Planning de Léa Martin' })).toBeVisible();
  await tabTo(page, /^Gérer mes réservations\s*: Accueil de loisirs du mercredi$/);
  await page.keyboard.press('Enter');
  // the introduction until the account has read it once, then straight to Étape 1
  const step1 = page.getByRole('heading', { name: 'Étape 1 : Ma demande' });
  const start = page.getByRole('button', { name: 'Commencer' });
  await expect(step1.or(start)).toBeVisible();
  if (await start.isVisible()) {
    await tabTo(page, 'Commencer');
    await page.keyboard.press('Enter');
  }
  await expect(step1).toBeVisible();
  await tabTo(page, /Mois suivant/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Janvier 2027' })).toBeVisible();
  await tabTo(page, 'Après-midi – mercredi 20 janvier 2027');
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'Après-midi – mercredi 20 janvier 2027' })).toBeChecked();
  await expect(page.getByText('Modification enregistrée.')).toBeAttached();
  await tabTo(page, "Aller à l'étape 2");
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Étape 2 : Le récapitulatif' })).toBeVisible();
  await tabTo(page, 'Valider');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Votre demande est validée' })).toBeVisible();
});

test('a two-week periodicity until the end of the school year', async ({ page }) => {
  await openStep1(page);
  await page.getByText('Appliquer une périodicité', { exact: true }).click();
  await expect(page.getByText(/vient effacer les anciennes réservations/)).toBeVisible();
  await page.getByLabel('Pour 2 semaines').check();
  await expect(
    page.getByText('La semaine 1 est la semaine du lundi 14 décembre 2026 au dimanche 20 décembre 2026', {
      exact: false,
    }),
  ).toBeVisible();
  // the seed's words: « 2 mercredis types »
  await expect(page.getByText(/le repas choisi pour 2 mercredis types/)).toBeVisible();
  for (const unit of ['Matin', 'Après-midi']) {
    await page.getByRole('checkbox', { name: `${unit} – mercredi, semaine 1` }).check();
  }
  await page
    .getByRole('radiogroup', { name: 'Repas – mercredi, semaine 1' })
    .getByRole('radio', { name: 'Repas classique' })
    .check();
  await page.getByRole('checkbox', { name: 'Matin – mercredi, semaine 2' }).check();
  await expect(page.getByLabel('Du', { exact: true })).toHaveValue('16/12/2026');
  await expect(page.getByLabel('Au', { exact: true })).toHaveValue('02/07/2027');
  await expect(
    page.getByText("Jusqu'à la fin de l'année scolaire : du mercredi 16 décembre 2026 au vendredi 2 juillet 2027."),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Appliquer la périodicité' }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Périodicité appliquée du mercredi 16 décembre 2026 au vendredi 2 juillet 2027' }),
  ).toBeVisible();
  // the form folds and focus lands on its summary
  await expect(page.getByRole('status').filter({ hasText: /réservations? ajoutées?/ })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Appliquer la périodicité' })).toBeHidden();
  // week 1 (16 December) a full day with the meal; 13 January is a week 1 again, 6 January a week 2
  await expect(page.getByRole('checkbox', { name: 'Après-midi – mercredi 16 décembre 2026' })).toBeChecked();
  await page.getByRole('link', { name: /Mois suivant/ }).click();
  await expect(
    page
      .getByRole('radiogroup', { name: 'Repas – mercredi 13 janvier 2027' })
      .getByRole('radio', { name: 'Repas classique' }),
  ).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Matin – mercredi 6 janvier 2027' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Après-midi – mercredi 6 janvier 2027' })).not.toBeChecked();
  await page.getByRole('button', { name: "Aller à l'étape 2" }).click();
  await expect(dayCard(page, /mercredi 30 juin 2027/)).toBeVisible();
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByRole('heading', { name: 'Votre demande est validée' })).toBeVisible();
  await page.getByRole('link', { name: 'Voir le planning de Léa' }).click();
  await page.getByRole('link', { name: 'Semaine', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Planning de Léa Martin' })).toBeVisible();
  await expectAccessible(page);
});
