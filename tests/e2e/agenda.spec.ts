// « Ajouter à mon agenda »: the parent finds the family's private feed address, a calendar app (a request without
// any session) reads Léa's booked days in it, then « Régénérer le lien » makes the old address answer 404 at once.
// Léa's days read here are past their deadline (2 and 9 December 2026, hors délai at the demo clock): no other
// journey can change them.
import { expect, test, type APIRequestContext } from '@playwright/test';
import ICAL from 'ical.js';
import { expectAccessible, signIn } from './support';

async function feedEvents(request: APIRequestContext, url: string) {
  const response = await request.get(url);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    return { date: event.startDate.toString(), summary: event.summary, description: event.description };
  });
}

test('a parent subscribes to the family calendar, reads Léa’s days in it, then regenerates the link', async ({
  page,
  playwright,
}) => {
  test.setTimeout(120_000); // two axe checks and three feeds read on a shared 2-core machine
  // a calendar app: no cookie, no session
  const app = await playwright.request.newContext();
  await signIn(page, { email: 'famille.martin@example.fr', password: 'Demo-2026!' });
  await expect(page.getByRole('heading', { name: 'Mon espace' })).toBeVisible();

  // on Léa's page too
  await page.getByRole('link', { name: 'Léa Martin' }).click();
  await expect(page.getByRole('link', { name: 'Ajouter à mon agenda' })).toHaveAttribute('href', '/agenda');
  await page.goBack();

  await page.getByRole('link', { name: 'Ajouter à mon agenda' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ajouter à mon agenda' })).toBeVisible();
  const create = page.getByRole('button', { name: "Créer mon lien d'agenda" });
  if (await create.isVisible()) await create.click(); // the other project's run, or a rerun, may have made it
  const https = page.getByLabel('Adresse web du calendrier (https)');
  await expect(https).toHaveValue(/\/agenda\/[A-Za-z0-9_-]{43}\.ics$/);
  const url = await https.inputValue();
  const path = new URL(url).pathname;
  await expect(page.getByLabel("Lien d'abonnement (webcal)")).toHaveValue(`webcal://${new URL(url).host}${path}`);
  await expect(page.getByRole('link', { name: 'Ouvrir dans mon agenda' })).toHaveAttribute('href', /^webcal:\/\//);
  await expect(page.getByRole('heading', { name: 'Sur iPhone ou iPad' })).toBeVisible();
  await expectAccessible(page);

  const events = await feedEvents(app, url);
  expect(events).toEqual(
    expect.arrayContaining([
      {
        date: '2026-12-02',
        summary: 'Léa – Accueil de loisirs du mercredi',
        description: 'Matin, Après-midi, Repas sans viande',
      },
      { date: '2026-12-09', summary: 'Léa – Accueil de loisirs du mercredi', description: 'Matin, Repas classique' },
      { date: '2026-11-30', summary: 'Léa – Restauration scolaire', description: 'Repas classique' },
    ]),
  );
  expect(events.every((e) => e.summary.startsWith('Léa – ') || e.summary.startsWith('Hugo – '))).toBe(true);

  // « Régénérer le lien », confirmed: the old address stops at once
  await page.getByRole('button', { name: 'Régénérer le lien' }).click();
  await expect(page.getByRole('heading', { name: 'Confirmer la régénération du lien' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Oui, régénérer le lien' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Votre nouveau lien est prêt' })).toBeVisible({
    timeout: 30_000,
  });
  const renewed = await page.getByLabel('Adresse web du calendrier (https)').inputValue();
  expect(renewed).not.toBe(url);

  const old = await app.get(url);
  expect(old.status()).toBe(404);
  expect(await old.text()).toBe('Introuvable');
  expect(await feedEvents(app, renewed)).toEqual(expect.arrayContaining([events[0]]));
  await app.dispose();
});
