// Connexion and roles, as a parent and an agent live them (seed: "Connectez-vous à votre espace personnel").
import { expect, test } from '@playwright/test';
import { ACCOUNTS, expectAccessible, signIn, submitLogin } from './support';

test('an anonymous visitor is sent to Connexion', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/connexion/);
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await expect(page.getByText('Connectez-vous à votre espace personnel')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Mot de passe oublié ?' })).toBeVisible();
  await expectAccessible(page);
});

test('a parent signs in, sees Léa and Hugo, and signs out', async ({ page }) => {
  await signIn(page, ACCOUNTS.parent);
  await expect(page.getByRole('heading', { name: 'Mon espace' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Léa Martin' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Hugo Martin' })).toBeVisible();
  const lea = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Léa Martin' }) });
  const hugo = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Hugo Martin' }) });
  // Hugo is enrolled in nothing in the demo (another journey may enrol him at the Wednesday centre meanwhile)
  await expect(hugo.getByRole('link', { name: "S'inscrire : Hugo, Restauration scolaire" })).toBeVisible();
  await expect(lea.getByRole('link', { name: 'Gérer mes réservations : Léa, Restauration scolaire' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(/\/connexion/);
});

test('a wrong password gets the French message, and the identifier is kept', async ({ page }) => {
  await submitLogin(page, { email: ACCOUNTS.parent.email, password: 'pas-le-bon' });
  await expect(page.getByRole('alert', { name: 'Il y a un problème' })).toContainText(
    'Identifiant ou mot de passe incorrect.',
  );
  await expect(page.getByLabel('Identifiant')).toHaveValue(ACCOUNTS.parent.email);
  await expectAccessible(page);
});

test('an empty form says what is missing, next to each field', async ({ page }) => {
  await page.goto('/connexion');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert', { name: 'Il y a un problème' })).toContainText('Saisissez votre identifiant.');
  await expect(page.getByRole('alert', { name: 'Il y a un problème' })).toContainText('Saisissez votre mot de passe.');
  await expect(page.getByLabel('Identifiant')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
});

test('too many wrong passwords get the retry message', async ({ page }, testInfo) => {
  const email = `inconnu.${testInfo.project.name}@example.fr`;
  for (let i = 0; i < 5; i += 1) {
    await submitLogin(page, { email, password: `essai-${i}` });
    await expect(page.getByRole('alert', { name: 'Il y a un problème' })).toContainText(
      'Identifiant ou mot de passe incorrect.',
    );
  }
  await submitLogin(page, { email, password: 'encore-un' });
  await expect(page.getByRole('alert', { name: 'Il y a un problème' })).toContainText(
    'Trop de tentatives de connexion. Par sécurité, réessayez dans 15 minutes.',
  );
  await expectAccessible(page);
});

test('a parent is refused /admin', async ({ page }) => {
  await signIn(page, ACCOUNTS.parent);
  await expect(page.getByRole('heading', { name: 'Mon espace' })).toBeVisible();
  const response = await page.goto('/admin');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Accès refusé' })).toBeVisible();
  await expect(page.getByText('Familles')).toHaveCount(0);
  await expectAccessible(page);
});

test('an agent reaches the back office and its first figures', async ({ page }) => {
  await signIn(page, ACCOUNTS.staff);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
  await expect(page.getByRole('main').getByText('Familles', { exact: true })).toBeVisible();
  await expect(page.getByText('Inscriptions 2026-2027')).toBeVisible();
  await expectAccessible(page);
});

test('an admin reaches the back office too', async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
});
