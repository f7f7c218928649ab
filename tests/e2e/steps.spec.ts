// Étape 1 and Étape 2 on a phone, as a parent taps them: the greyed days past the deadline fold into one line, the
// meal is one choice, the sticky bar counts the changes, and a two-week template to the end of the year takes at most
// 9 taps from Étape 1 to the reference. A demo family of its own (the Guerin family: Lucas, at the Wednesday centre),
// so that no other journey's planning is touched; nothing here depends on Lucas's bookings.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, signIn, throughIntroduction } from './support';

test.describe.configure({ mode: 'serial' });

const GUERIN = { email: 'julien.guerin.62@example.fr', password: 'Demo-2026!' } as const;

async function openStep1(page: Page) {
  await signIn(page, GUERIN);
  await page.getByRole('link', { name: /^Gérer mes réservations : Lucas, Accueil de loisirs du mercredi$/ }).click();
  await throughIntroduction(page);
  await expect(page).toHaveTitle(
    'Étape 1 : Ma demande – Accueil de loisirs du mercredi – Lucas Guerin · Portail Famille',
  );
}

test('Étape 1 opens on the modifiable days, with one choice of meal and the changes counted', async ({ page }) => {
  await openStep1(page);
  await expect(page.getByRole('heading', { name: 'Décembre 2026' })).toBeVisible();
  // the legend is open on its first view, with only the words the page uses
  const legend = page.getByRole('region', { name: 'Légende' });
  await expect(legend.getByText('En vert : les nouvelles réservations')).toBeVisible();
  await expect(legend.getByText(/^Jours grisés/)).toBeVisible();
  // 2 and 9 December are past the deadline: one line, unfolded on demand
  const fold = page.getByRole('button', { name: '2 jours non modifiables (hors délai) – afficher' });
  await expect(fold).toBeVisible();
  await expect(page.getByRole('group', { name: /mercredi 9 décembre 2026/ })).toBeHidden();
  await fold.click();
  await expect(page.getByRole('group', { name: /mercredi 9 décembre 2026.*hors délai/ })).toBeVisible();
  await page.getByRole('button', { name: '2 jours non modifiables (hors délai) – masquer' }).click();
  await expect(page.getByRole('group', { name: /mercredi 9 décembre 2026/ })).toBeHidden();
  // the holidays after the first modifiable day stay in place
  await expect(page.getByRole('group', { name: /mercredi 23 décembre 2026.*vacances scolaires/ })).toBeVisible();

  const meal = page.getByRole('radiogroup', { name: 'Repas – mercredi 16 décembre 2026' });
  for (const name of ['Sans repas', 'Repas classique', 'Repas sans viande'])
    await expect(meal.getByRole('radio', { name, exact: true })).toBeVisible();
  await expect(meal.getByRole('radio', { checked: true })).toHaveCount(1);

  // one box changed, then changed back: the sticky bar counts 1, then nothing
  const count = page.locator('#nombre-modifications');
  await expect(count).toHaveText('');
  const afternoon = page.getByRole('checkbox', { name: 'Après-midi – mercredi 16 décembre 2026' });
  const wasChecked = await afternoon.isChecked();
  await afternoon.setChecked(!wasChecked);
  await expect(count).toHaveText('1 modification');
  await expect(afternoon).toHaveAccessibleDescription(wasChecked ? /suppression/ : /ajout/);
  await expect(page.getByRole('button', { name: "Aller à l'étape 2" })).toBeInViewport();
  await expect(page.getByText('Modification enregistrée.')).toBeAttached();
  await afternoon.setChecked(wasChecked);
  await expect(count).toHaveText('');
  await expect(page.getByText('Modification enregistrée.')).toBeAttached();
  await expectAccessible(page);
  // the device remembers the legend was seen: folded from now on, one tap away
  await page.reload();
  await expect(legend.getByText('En vert : les nouvelles réservations')).toBeHidden();
  await legend.getByText('Légende', { exact: true }).click();
  await expect(legend.getByText('En vert : les nouvelles réservations')).toBeVisible();
  await page.getByRole('button', { name: 'Annuler la démarche' }).click();
  await expect(page.getByText("La démarche a été annulée : aucune réservation n'a été modifiée.")).toBeVisible();
});

test('a two-week template to the end of the school year takes at most 9 taps from Étape 1', async ({ page }) => {
  await openStep1(page);
  let taps = 0;
  const tap = async (target: Locator) => {
    taps += 1;
    await target.click();
  };

  await tap(page.getByText('Appliquer une périodicité', { exact: true }));
  // preset to the end of the school year, said in words
  await expect(
    page.getByText(/^Jusqu'à la fin de l'année scolaire : du .+ au vendredi 2 juillet 2027\.$/),
  ).toBeVisible();
  await expect(page.getByText('le repas choisi pour un mercredi type', { exact: false })).toBeVisible();
  await tap(page.getByLabel('Pour 2 semaines'));
  await expect(page.getByText('le repas choisi pour 2 mercredis types', { exact: false })).toBeVisible();
  await tap(page.getByRole('checkbox', { name: 'Matin – mercredi, semaine 1' }));
  await tap(
    page
      .getByRole('radiogroup', { name: 'Repas – mercredi, semaine 1' })
      .getByRole('radio', { name: 'Repas classique' }),
  );
  await tap(page.getByRole('checkbox', { name: 'Matin – mercredi, semaine 2' }));
  await tap(page.getByRole('checkbox', { name: 'Après-midi – mercredi, semaine 2' }));
  await tap(page.getByRole('button', { name: 'Appliquer la périodicité' }));

  // the form folds; focus lands on a plain summary, with « Aller à l'étape 2 » in reach
  const summary = page
    .getByRole('status')
    .filter({ hasText: /Périodicité appliquée du .+ au vendredi 2 juillet 2027/ });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText(/\d+ réservations? ajoutées?/);
  await expect(page.getByRole('button', { name: 'Appliquer la périodicité' })).toBeHidden();
  const next = page.getByRole('button', { name: "Aller à l'étape 2" });
  await expect(next).toBeInViewport();
  await expect(page.locator('#nombre-modifications')).toHaveText(/^\d+ modifications?$/);

  await tap(next);
  await expect(page.getByRole('heading', { name: 'Étape 2 : Le récapitulatif' })).toBeVisible();
  await expect(page).toHaveTitle(
    'Étape 2 : Le récapitulatif – Accueil de loisirs du mercredi – Lucas Guerin · Portail Famille',
  );
  // one card per date, saying what Lucas will have that day; « Valider » stays in reach
  const firstDay = page.getByRole('list', { name: 'Les changements, date par date' }).getByRole('listitem').first();
  await expect(firstDay.getByRole('heading')).toHaveText(/^mercredi \d+ \S+ 20\d\d$/);
  await expect(firstDay).toContainText(/Lucas (aura : Matin|n'aura rien ce jour-là)/);
  const validate = page.getByRole('button', { name: 'Valider' });
  await expect(validate).toBeInViewport();
  await expectAccessible(page);
  await tap(validate);

  await expect(page.getByRole('heading', { name: 'Votre demande est validée' })).toBeVisible();
  await expect(page.getByText(/Référence de votre demande : DEM-\d{4}-\d{6}/)).toBeVisible();
  expect(taps).toBeLessThanOrEqual(9);
});
