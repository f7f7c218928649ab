// The Guichet famille's back office, as an agent lives it, and who may enter it.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, expectAccessible, latestLiveMail, linkFromMailDir, signIn } from './support';

const PAGES: [string, string][] = [
  ['/admin', 'Tableau de bord'],
  ['/admin/presences', 'Listes de présence'],
  ['/admin/commandes', 'Commandes de repas'],
  ['/admin/bilans', 'Bilans de présence'],
  ['/admin/familles', 'Familles'],
  ['/admin/demandes', 'Demandes'],
  ['/admin/listes-attente', "Listes d'attente"],
  ['/admin/calendrier', 'Calendrier et paramètres'],
  ['/admin/structures', 'Structures'],
  ['/admin/emails', 'E-mails'],
  ['/admin/journal', 'Journal'],
  ['/admin/comptes', 'Comptes'],
];
const EXPORTS = [
  '/admin/presences/export?date=2026-12-02',
  '/admin/commandes/export?from=2026-11-30&to=2026-12-06',
  '/admin/bilans/export?rapport=absences&from=2026-11-01&to=2026-11-28',
  '/admin/bilans/caf/export?from=2026-09&to=2026-11',
  // « Rapport CAF » is reached from « Bilans de présence », not from the menu
  '/admin/bilans/caf',
];

async function status(page: Page, url: string): Promise<{ status: number; location: string }> {
  const response = await page.request.get(url, { maxRedirects: 0 });
  return { status: response.status(), location: response.headers()['location'] ?? '' };
}

// Using the administrator's reset link ends every open session of the administrator: the tests that keep one open
// run one after the other in one worker (the rest of the file still runs in parallel).
test.describe('the administrator account', () => {
  test.describe.configure({ mode: 'default' });

  test('who gets what: anonymous visitors go to Connexion, parents get 403, agents and admins enter', async ({
    page,
    browser,
  }) => {
    for (const url of [...PAGES.map(([u]) => u), ...EXPORTS]) {
      const anonymous = await status(page, url);
      expect([anonymous.status, anonymous.location], url).toEqual([307, expect.stringContaining('/connexion')]);
    }
    await signIn(page, ACCOUNTS.parent);
    for (const url of [...PAGES.map(([u]) => u), ...EXPORTS]) expect((await status(page, url)).status, url).toBe(403);
    for (const account of [ACCOUNTS.staff, ACCOUNTS.admin]) {
      const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
      const agent = await context.newPage();
      await signIn(agent, account);
      for (const url of [...PAGES.map(([u]) => u), ...EXPORTS])
        expect((await status(agent, url)).status, `${url} as ${account.email}`).toBe(200);
      await context.close();
    }
  });

  test('an agent reading all the back office never sees the live link of an admin reset', async ({ page, browser }) => {
    test.setTimeout(120_000);
    const subject = 'Portail Famille : choisissez un nouveau mot de passe';
    // anyone may ask « Mot de passe oublié ? » for the administrator's address
    await page.goto('/mot-de-passe-oublie');
    await page.getByLabel('Adresse e-mail').fill(ACCOUNTS.admin.email);
    await page.getByRole('button', { name: 'Recevoir un lien' }).click();
    await expect(page.getByText('Si un compte existe pour cette adresse', { exact: false })).toBeVisible();
    // the live e-mail, as the administrator receives it
    const mail = await latestLiveMail(ACCOUNTS.admin.email, subject);
    const token = /\/reinitialisation\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;

    const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    const agent = await context.newPage();
    await signIn(agent, ACCOUNTS.staff);
    // every page of the menu (the outbox and the mailbox are on « E-mails »)
    const menu = agent.getByRole('navigation', { name: 'Navigation principale' }).locator('a[href^="/admin"]');
    await expect(menu.last()).toBeAttached();
    const pages = await menu.evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(pages).toEqual(expect.arrayContaining(['/admin', '/admin/emails', '/admin/journal', '/admin/comptes']));
    for (const url of pages) {
      const response = await agent.goto(url);
      expect(response?.status(), url).toBe(200);
      expect(await response!.text(), url).not.toContain(token);
      expect(await agent.content(), url).not.toContain(token);
    }

    // the administrator's e-mail is in the mailbox, with its link masked
    let message = '';
    await expect(async () => {
      await agent.goto('/admin/emails');
      const link = agent
        .getByRole('row', { name: /admin@example\.fr/ })
        .getByRole('link', { name: subject })
        .first();
      message = (await link.getAttribute('href', { timeout: 1000 }))!;
    }).toPass({ timeout: 15_000 });
    await agent.goto(message);
    await expect(agent.locator('pre')).toContainText('copiez cette adresse dans votre navigateur : « lien masqué »');
    expect(await agent.locator('iframe').getAttribute('srcdoc')).toContain('href="#lien-masque"');
    expect(await agent.content()).not.toContain(token);

    // and so is every other message of the mailbox
    await agent.goto('/admin/emails');
    expect(await agent.content()).not.toContain(token);
    const messages = await agent
      .locator('a[href^="/admin/emails/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(messages).toContain(message);
    for (const url of new Set(messages)) {
      const response = await agent.request.get(url);
      expect(response.status(), url).toBe(200);
      expect(await response.text(), url).not.toContain(token);
    }
    await context.close();

    // and the token looked for is the live one: its page offers to choose a password (not used here, so the
    // administrator's sessions of the other journeys stay open)
    await page.goto(`/reinitialisation/${token}`);
    await expect(page.getByRole('heading', { name: 'Choisir un nouveau mot de passe' })).toBeVisible();
    await expect(page.getByLabel('Confirmez le mot de passe')).toBeVisible();
  });
});

test('an agent finds every page of the back office from the menu, each accessible', async ({ page }) => {
  await signIn(page, ACCOUNTS.staff);
  for (const [url, title] of PAGES) {
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: title, exact: true })
      .click();
    await expect(page).toHaveURL(new RegExp(`${url}$`));
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expectAccessible(page);
  }
});

test("an agent opens « Listes d'attente » from the menu, filters it, and comes back from the dashboard", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.staff);
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: "Listes d'attente", exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: "Listes d'attente" })).toBeVisible();
  // other journeys may have put children on a list meanwhile: the filters and the count are what is sure
  await page.getByLabel('Service').selectOption({ label: 'Restauration scolaire' });
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(/service=cantine/);
  await expect(page.getByRole('status').filter({ hasText: /en attente/ })).toBeVisible();
  await page.goto('/admin');
  await page.getByRole('link', { name: /en liste d'attente dans les 4 prochaines semaines$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Listes d'attente" })).toBeVisible();
});

test('an agent books on behalf of a family past the deadline, with a reason, and the parent sees it', async ({
  page,
  browser,
}) => {
  await signIn(page, ACCOUNTS.staff);
  await page.goto('/admin/familles');
  await page.getByLabel("Nom de famille, e-mail d'un parent ou prénom d'un enfant").fill('mehdi.dumont.5@example.fr');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await page
    .getByRole('link', { name: /Dumont/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /Famille Dumont/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: /Anna/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /Anna Dumont/ })).toBeVisible();
  await page.getByRole('button', { name: 'Gérer les réservations' }).first().click();
  await expect(page.getByText("le délai de réservation ne s'applique pas", { exact: false })).toBeVisible();
  await page.getByRole('link', { name: /Suivant/ }).click();
  await expect(page.getByRole('heading', { name: 'Décembre 2026' })).toBeVisible();
  // 10 December is 11 days away: past the deadline for a parent, open to the agent
  const meal = page.getByRole('radiogroup', { name: 'Repas – jeudi 10 décembre 2026' });
  const late = meal.getByRole('radio', { name: 'Repas sans viande' });
  await expect(late).toBeEnabled();
  await late.check();
  await expect(meal.getByRole('radio', { name: 'Repas classique' })).not.toBeChecked();
  await expect(page.getByText('Enregistré.')).toBeAttached();
  await expectAccessible(page);
  await page.getByRole('button', { name: "Aller à l'étape 2" }).click();
  await expect(page.getByRole('heading', { name: 'Étape 2 : Le récapitulatif' })).toBeVisible();
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /motif/i })).toBeVisible();
  await page.getByLabel('Motif').fill('Demande de la maman au guichet, le 29 novembre');
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByRole('heading', { name: 'Demande validée' })).toBeVisible();
  const reference = (await page
    .getByText(/DEM-\d{4}-\d{6}/)
    .first()
    .textContent())!.match(/DEM-\d{4}-\d{6}/)![0];
  await expectAccessible(page);

  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const parent = await context.newPage();
  await signIn(parent, { email: 'mehdi.dumont.5@example.fr', password: 'Demo-2026!' });
  await parent
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Mes demandes' })
    .click();
  // a table row on a wide screen, a card on a phone (the other one is not displayed)
  const row = parent.locator('tr, li').filter({ hasText: reference }).filter({ visible: true });
  await expect(row).toContainText('par le Guichet famille');
  await row.getByRole('link', { name: reference }).click();
  await expect(parent.getByRole('row', { name: /jeudi 10 décembre 2026/ })).toContainText('Repas sans viande');
  await expectAccessible(parent);
  await context.close();

  // the Journal names the agent, with the reason
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Journal', exact: true })
    .click();
  await page.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Réservations modifiées' });
  await page.getByRole('button', { name: 'Filtrer' }).click();
  const entry = page.getByRole('row').filter({ hasText: reference });
  await expect(entry).toContainText('Camille Agent');
  await expect(entry).toContainText('Demande de la maman au guichet, le 29 novembre');
});

test("an agent exports next week's meal order, and the CSV holds the page's counts", async ({ page }) => {
  await signIn(page, ACCOUNTS.staff);
  await page.goto('/admin/commandes');
  await expect(page.getByRole('heading', { level: 1, name: 'Commandes de repas' })).toBeVisible();
  const totalRow = page.getByRole('row', { name: /Total général/ });
  const cells = await totalRow.getByRole('cell').allTextContents();
  const [classique, sansViande, total] = cells.map((c) => Number(c.replace(/\s/g, '')));
  expect(total).toBeGreaterThan(0);
  expect(classique! + sansViande!).toBe(total);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Exporter en CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('commandes-repas-2026-11-30-2026-12-06.csv');
  const csv = readFileSync((await file.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff); // BOM, for French Excel
  const lines = csv
    .slice(1)
    .trim()
    .split(/\r\n/)
    .map((l) => l.split(';'));
  expect(lines[0]).toEqual(['Date', 'Site', 'Repas classique', 'Repas sans viande', 'Total']);
  const grand = lines.find((l) => l[0] === 'Total général')!;
  expect(grand.slice(2).map(Number)).toEqual([classique, sansViande, total]);
  const days = lines.slice(1).filter((l) => /^\d{2}\/\d{2}\/\d{4}$/.test(l[0]!));
  expect(days.reduce((sum, l) => sum + Number(l[4]), 0)).toBe(total);
});

test('a parent resets a forgotten password with the link of the e-mail', async ({ page }) => {
  const email = 'pierre.morel.4@example.fr';
  await page.goto('/connexion');
  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  await expect(page.getByRole('heading', { name: 'Mot de passe oublié ?' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByRole('button', { name: 'Recevoir un lien' }).click();
  await expect(
    page.getByText('Si un compte existe pour cette adresse, un e-mail vient de vous être envoyé', { exact: false }),
  ).toBeVisible();

  // the e-mail's live link, as the parent receives it (the local demo writes it to MAIL_DEV_DIR; the mailbox masks it)
  const subject = 'Portail Famille : choisissez un nouveau mot de passe';
  const link = await linkFromMailDir(email, subject, '/reinitialisation');

  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Choisir un nouveau mot de passe' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Mot de passe', { exact: true }).fill('Nouveau-mot-2026');
  await page.getByLabel('Confirmez le mot de passe').fill('Nouveau-mot-2026');
  await page.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
  await expect(page.getByText('Votre nouveau mot de passe est enregistré', { exact: false })).toBeVisible();
  // the link served once
  await page.goto(link);
  await expect(page.getByText("Ce lien n'est plus valable", { exact: false })).toBeVisible();
  await signIn(page, { email, password: 'Nouveau-mot-2026' });
  await expect(page.getByRole('heading', { name: 'Mon espace' })).toBeVisible();
});

test('an agent adds a closure day, sees which families it affects, then confirms', async ({ page }) => {
  await signIn(page, ACCOUNTS.staff);
  await page.goto('/admin/calendrier');
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Ajouter la fermeture' }) });
  await form.getByLabel(/^Date/).fill('2027-03-10');
  await form.getByRole('combobox', { name: /^Site/ }).selectOption({ label: 'Accueil de loisirs Jean Moulin' });
  await form.getByRole('combobox', { name: /^Service/ }).selectOption({ label: 'Accueil de loisirs du mercredi' });
  await form.getByLabel('Motif (envoyé aux familles)').fill('Travaux dans le bâtiment');
  await page.getByRole('button', { name: 'Ajouter la fermeture' }).click();
  // named exactly: « Ouverture des réservations 2026-2027 » is a region of the page too
  const preview = page.getByRole('region', { name: 'Les réservations annulées par cette fermeture' });
  await expect(preview).toBeVisible();
  await expect(preview.getByRole('row').nth(1)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Confirmer la fermeture et annuler ces réservations' }).click();
  await expect(
    page.getByText(/Fermeture enregistrée\. \d+ réservations? annulées?, \d+ familles? prévenues? par e-mail\./),
  ).toBeVisible();
  await expectAccessible(page);
});

test("an agent finds tomorrow's attendance list of a centre and can print it", async ({ page }) => {
  await signIn(page, ACCOUNTS.staff);
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Listes de présence' })
    .click();
  await page.getByRole('combobox', { name: /^Site/ }).selectOption({ label: 'Accueil de loisirs Les Tilleuls' });
  await page.getByLabel(/^Date/).fill('2026-12-02');
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page.getByRole('table').filter({ hasText: 'Léa' })).toContainText('Martin');
  await expect(page.getByRole('table').filter({ hasText: 'Léa' })).toContainText('06 12 34 56 78');
  await expect(page.getByRole('button', { name: 'Imprimer' })).toBeVisible();
  await expectAccessible(page);

  // printed for every centre: only the lists, each site from the top of a new page
  await page.getByRole('combobox', { name: /^Site/ }).selectOption({ label: 'Tous les sites' });
  await page.getByRole('button', { name: 'Afficher' }).click();
  const lists = page.locator('section[aria-labelledby^="site-"]');
  await expect(lists.nth(1)).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Afficher' })).toBeHidden();
  const breaks = await lists.evaluateAll((sections) => sections.map((s) => getComputedStyle(s).breakBefore));
  expect(breaks.length).toBeGreaterThan(1);
  expect(breaks).toEqual(['auto', ...breaks.slice(1).map(() => 'page')]);
});

test('a family new at the desk: the agent creates it and invites the parent, who chooses a password and finds the child', async ({
  page,
  browser,
}) => {
  const email = `ines.nouvelle.${test.info().project.name}@example.fr`;
  await signIn(page, ACCOUNTS.staff);
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Familles', exact: true })
    .click();
  await page.getByRole('link', { name: 'Créer une famille' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Créer une famille' })).toBeVisible();
  await expectAccessible(page);
  const family = page.getByRole('group', { name: 'Famille' });
  await family.getByLabel('Nom', { exact: true }).fill('Nouvelle');
  await family.getByRole('combobox', { name: 'Secteur' }).selectOption({ label: 'Secteur Nord' });
  const parent = page.getByRole('group', { name: 'Premier parent' });
  await parent.getByLabel('Prénom').fill('Inès');
  await parent.getByLabel('Nom', { exact: true }).fill('Nouvelle');
  await parent.getByLabel('Adresse e-mail').fill(email);
  const child = page.getByRole('group', { name: 'Enfant 1 (facultatif)' });
  await child.getByLabel('Prénom').fill('Tom');
  await child.getByLabel('Nom', { exact: true }).fill('Nouvelle');
  await child.getByLabel('Date de naissance').fill('2019-05-14');
  await child.getByRole('combobox', { name: 'École' }).selectOption({ label: 'École Victor Hugo' });
  await page.getByRole('button', { name: 'Créer une famille' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Famille Nouvelle' })).toBeVisible();
  const row = page.getByRole('row', { name: /Inès Nouvelle/ });
  await expect(row).toContainText('Compte créé, pas encore invité');
  await row.getByRole('button', { name: `Inviter Inès Nouvelle (${email})` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Invitation envoyée' })).toBeVisible();
  await expect(row).toContainText("Invitation envoyée, valable jusqu'au");
  await expectAccessible(page);

  // the invitation arrives; the parent chooses a password and signs in
  const subject = 'Votre compte sur le Portail Famille : choisissez votre mot de passe';
  const link = await linkFromMailDir(email, subject, '/activation');
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const newcomer = await context.newPage();
  await newcomer.goto(link);
  await expect(newcomer.getByRole('heading', { name: 'Activer mon compte' })).toBeVisible();
  await expectAccessible(newcomer);
  await newcomer.getByLabel('Mot de passe', { exact: true }).fill('Une phrase facile 2027');
  await newcomer.getByLabel('Confirmez le mot de passe').fill('Une phrase facile 2027');
  await newcomer.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
  await expect(newcomer.getByText('Votre mot de passe est enregistré', { exact: false })).toBeVisible();
  await signIn(newcomer, { email, password: 'Une phrase facile 2027' });
  await expect(newcomer.getByRole('heading', { name: 'Mon espace' })).toBeVisible();
  await expect(newcomer.getByRole('heading', { name: 'Tom Nouvelle' })).toBeVisible();
  await expect(newcomer.getByRole('link', { name: "S'inscrire : Tom, Accueil de loisirs du mercredi" })).toBeVisible();
  await expectAccessible(newcomer);
  await context.close();

  // the agent's page follows, and the Journal says who did what, in French
  await page.reload();
  await expect(page.getByRole('row', { name: /Inès Nouvelle/ })).toContainText('Actif');
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Journal', exact: true })
    .click();
  const journal = page.getByRole('table');
  await expect(journal.getByRole('row').filter({ hasText: 'Famille créée' }).first()).toContainText('agent');
  await expect(journal.getByRole('row').filter({ hasText: 'Invitation envoyée' }).first()).toBeVisible();
  await expect(
    journal.getByRole('row').filter({ hasText: 'Compte activé (mot de passe choisi)' }).first(),
  ).toBeVisible();
  await expectAccessible(page);
});
