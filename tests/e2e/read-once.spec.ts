// The introduction of « Gérer mes réservations » is read once per account, then its steps fold behind « Revoir les
// étapes de la démarche » (a day of « À venir » opens Étape 1 directly); the child's page speaks in words and opens Étape 1 at a day's
// week. A demo family of its own (the Dumont family): the reading is remembered per account, and other journeys
// sign in as the Martins at the same time.
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support';

const DUMONT = { email: 'sophie.dumont.10@example.fr', password: 'Demo-2026!', child: 'Léo Dumont' } as const;

test.describe.configure({ mode: 'serial' });

test('the introduction is shown until read once, then its steps fold behind « Revoir les étapes de la démarche »', async ({
  page,
}) => {
  await signIn(page, DUMONT);
  await expect(page).toHaveTitle('Mon espace · Portail Famille');
  await page.getByRole('link', { name: 'Gérer mes réservations : Léo, Accueil de loisirs du mercredi' }).click();
  await expect(page.getByRole('heading', { name: 'Gérer mes réservations' })).toBeVisible();
  await expect(page).toHaveTitle(
    'Gérer mes réservations – Accueil de loisirs du mercredi – Léo Dumont · Portail Famille',
  );
  // the seed's steps; the deadline sentence is Étape 1's
  await expect(page.getByText('Lisez attentivement les différentes étapes de la démarche')).toBeVisible();
  await expect(page.getByText(/jusqu'à 15 jours avant le jour souhaité/)).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Commencer' }).click();
  await expect(page.getByRole('heading', { name: 'Étape 1 : Ma demande' })).toBeVisible();
  await expect(page.getByText(/jusqu'à 15 jours avant le jour souhaité/)).toBeVisible();

  // read once: « Gérer mes réservations » → « Commencer » stays the seed's path, the steps fold behind a link
  await page.goto('/');
  await page.getByRole('link', { name: 'Gérer mes réservations : Léo, Accueil de loisirs du mercredi' }).click();
  await expect(page.getByRole('heading', { name: 'Gérer mes réservations' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Les étapes de la démarche' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Revoir les étapes de la démarche' }).click();
  await expect(page.getByRole('heading', { name: 'Les étapes de la démarche' })).toBeVisible();
  await page.getByRole('button', { name: 'Commencer' }).click();
  await expect(page.getByRole('heading', { name: 'Étape 1 : Ma demande' })).toBeVisible();
  // and from Étape 1 the steps are one link away
  await page.getByRole('link', { name: 'Revoir les étapes de la démarche' }).click();
  await expect(page.getByRole('heading', { name: 'Les étapes de la démarche' })).toBeVisible();
  await page.getByRole('button', { name: 'Commencer' }).click();
  await expect(page.getByRole('heading', { name: 'Étape 1 : Ma demande' })).toBeVisible();
  await page.getByRole('button', { name: 'Annuler la démarche' }).click();
  await expect(page.getByText("La démarche a été annulée : aucune réservation n'a été modifiée.")).toBeVisible();
});

test("the child's page: its title, the services in words, the holidays and the deadline line", async ({ page }) => {
  await signIn(page, DUMONT);
  // seed: « en cliquant sur l'icône de votre enfant » — the icon and the name are one link
  await page.getByRole('link', { name: DUMONT.child }).click();
  await expect(page.getByRole('heading', { name: `Planning de ${DUMONT.child}` })).toBeVisible();
  await expect(page).toHaveTitle(`Planning de ${DUMONT.child} · Portail Famille`);
  await expect(
    page.getByText(/Accueil de loisirs du mercredi : modifiable à partir du mercredi 16 décembre 2026/),
  ).toBeVisible();
  await page.getByRole('link', { name: /Mois suivant/ }).click();
  await expect(page.getByRole('heading', { name: /décembre 2026/i })).toBeVisible();
  // school holidays and a public holiday are written; no code stands alone
  // (a phone reads the month as a list, a wider screen as a grid: the one shown)
  await expect(page.getByText('Vacances de Noël').filter({ visible: true }).first()).toBeVisible();
  await expect(page.getByText('Jour férié').filter({ visible: true }).first()).toBeVisible();
  await expect(page.getByText(/^(AM|RC|RSV|M)$/)).toHaveCount(0);
  await expectAccessible(page);

  // a booked day that can still be changed opens Étape 1 at its week
  await page.getByRole('link', { name: /Mois suivant/ }).click();
  await expect(page.getByRole('heading', { name: /janvier 2027/i })).toBeVisible();
  const modify = page
    .getByRole('button', { name: /^Modifier le .+ 2027 – / })
    .filter({ visible: true })
    .first();
  await modify.click();
  await expect(page.getByRole('heading', { name: 'Étape 1 : Ma demande' })).toBeVisible();
  await expect(page).toHaveURL(/\/etape-1\?vue=semaine&date=2027-01-\d\d/);
  await page.getByRole('button', { name: 'Annuler la démarche' }).click();
});
