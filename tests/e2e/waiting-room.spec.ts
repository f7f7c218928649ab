// The waiting room « Salle d'attente », on a portal of its own that admits one active parent at a time
// (playwright.config.ts: WAITING_ROOM_LIMIT=1): a second parent waits, first in line, on a light page that refreshes
// itself, and gets in once the first signs out. Staff reach the back office past the queue and open a second slot.
import { expect, test } from '@playwright/test';
import { ACCOUNTS, expectAccessible, signIn } from './support';

test("a second parent waits in « Salle d'attente », then gets in when the first signs out", async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();

  await signIn(first, ACCOUNTS.parent);
  await expect(first.getByRole('heading', { name: 'Mon espace' })).toBeVisible();

  const response = await second.goto('/connexion');
  expect(response?.status()).toBe(200);
  expect(response?.headers()['x-salle-attente']).toBe('1');
  expect(response?.headers()['cache-control']).toBe('no-store');
  expect(Number(response?.headers()['refresh'])).toBe(5);
  await expect(second).toHaveTitle("Salle d'attente · Portail Famille");
  await expect(second.getByRole('heading', { level: 1, name: "Salle d'attente" })).toBeVisible();
  await expect(second.getByRole('status')).toContainText('Vous êtes 1er dans la file');
  await expect(second.getByText('Cette page se met à jour toute seule.')).toBeVisible();
  // every WCAG 2.1 A/AA rule, « meta-refresh » included: the page refreshes through the HTTP Refresh header. The check
  // runs on the same page served without that header: on a loaded machine it could outlast the 5 s and be cut short
  await second.route('**/connexion', async (route) => {
    const answer = await route.fetch();
    const { refresh: _refresh, ...headers } = answer.headers();
    await route.fulfill({ response: answer, headers });
  });
  await second.reload();
  await expect(second.getByRole('status')).toContainText('Vous êtes 1er dans la file');
  await expectAccessible(second);
  await second.unrouteAll();
  await second.reload(); // as served again: it refreshes itself, and the place is kept
  await expect(second.getByRole('status')).toContainText('Vous êtes 1er dans la file');
  // the first parent goes on meanwhile: their slot is theirs
  await first.reload();
  await expect(first.getByRole('heading', { name: 'Mon espace' })).toBeVisible();

  await first.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(first).toHaveURL(/\/connexion/);
  // nobody touches the second browser: its page refreshes by itself within 5 s and shows Connexion
  await expect(second.getByRole('heading', { name: 'Connexion' })).toBeVisible({ timeout: 25_000 });
  await expect(second).toHaveURL(/\/connexion/);

  // staff are never held: the back office, and Connexion on its way there, while the one slot is taken
  const agent = await (await browser.newContext()).newPage();
  await agent.goto('/admin');
  await expect(agent).toHaveURL(/\/connexion\?callbackUrl=/);
  await agent.getByLabel('Identifiant').fill(ACCOUNTS.staff.email);
  await agent.getByLabel('Mot de passe').fill(ACCOUNTS.staff.password);
  await agent.getByRole('button', { name: 'Se connecter' }).click();
  const section = agent.getByRole('region', { name: "Salle d'attente" });
  await expect(section).toContainText('1 sur 1');
  await expect(section).toContainText('Laissez vide pour revenir à la valeur par défaut du serveur : 1 parent.');
  // a second slot: the first parent, waiting since signing out, gets in at once
  await section.getByLabel('Nombre maximal de parents actifs').fill('2');
  await section.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(section.getByRole('status')).toHaveText('Limite enregistrée.');
  await first.goto('/connexion');
  await expect(first.getByRole('heading', { name: 'Connexion' })).toBeVisible();
});
