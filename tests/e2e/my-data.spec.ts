// « Mes données » (RGPD), desktop only: the Moreau family's parent (a demo family of its own: the journey closes its
// account) downloads the family's data as JSON and finds Nina in it, asks to close the account with its confirmation,
// an agent confirms the closure from the dashboard's count and the list, and the parent can no longer sign in.
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn, submitLogin } from './support';

const MOREAU = { email: 'famille.moreau@example.fr', password: 'Demo-2026!' };
const AGENT = { email: 'agent@example.fr', password: 'Agent-2026!' };

test('a parent downloads the family’s data, asks to close the account; an agent closes it; the parent can no longer sign in', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000); // four axe checks and two people on a shared 2-core machine
  await signIn(page, MOREAU);
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Mes données', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mes données' })).toBeVisible();
  await expect(page).toHaveTitle('Mes données · Portail Famille');
  await expectAccessible(page);

  // « Télécharger (JSON) »: one file, with Nina in it
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger (JSON)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('mes-donnees-2026-11-29.json');
  const data = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as {
    family: { name: string };
    children: { firstName: string; lastName: string }[];
    reservations: { child: string }[];
  };
  expect(data.family.name).toBe('Moreau');
  expect(data.children).toEqual([expect.objectContaining({ firstName: 'Nina', lastName: 'Moreau' })]);
  expect(data.reservations.every((r) => r.child === 'Nina Moreau')).toBe(true);
  expect(JSON.stringify(data)).not.toMatch(/Martin|Bernard/);

  // « Demander la fermeture de mon compte », then its confirmation
  await page.getByRole('link', { name: 'Demander la fermeture de mon compte' }).click();
  await expect(page.getByRole('heading', { name: 'Confirmer la demande de fermeture' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Oui, demander la fermeture' }).click();
  await expect(
    page.getByText(/^Votre demande de fermeture de compte est enregistrée depuis le dimanche 29 novembre 2026/),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Demander la fermeture de mon compte' })).toHaveCount(0);

  // the agent: the dashboard counts it, the list shows it, « Oui, fermer le compte » closes it
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const agent = await context.newPage();
  await signIn(agent, AGENT);
  await agent.goto('/admin');
  await agent.getByRole('link', { name: 'Demandes de fermeture de compte' }).click();
  await expect(agent.getByRole('heading', { level: 1, name: 'Fermetures de compte' })).toBeVisible();
  const row = agent.getByRole('row', { name: /Moreau/ });
  await expect(row).toContainText('Nina Moreau');
  await expectAccessible(agent);
  await row.getByRole('link', { name: 'Fermer le compte de la famille Moreau' }).click();
  await expect(agent.getByRole('heading', { name: 'Fermer le compte de la famille Moreau' })).toBeVisible();
  await agent.getByRole('button', { name: 'Oui, fermer le compte' }).click();
  await expect(agent.getByRole('status')).toHaveText(
    /Le compte de cette famille a été fermé le dimanche 29 novembre 2026/,
  );
  await expect(agent.getByRole('heading', { level: 1 })).toContainText(/Anonyme F\d+/);
  await expectAccessible(agent);
  await context.close();

  // the parent: signed out at the next page, and the identifier no longer opens anything
  await page.reload();
  await expect(page).toHaveURL(/\/connexion/);
  await submitLogin(page, MOREAU);
  await expect(page.getByText('Identifiant ou mot de passe incorrect.')).toBeVisible();
  await expect(page).toHaveURL(/\/connexion/);
});
