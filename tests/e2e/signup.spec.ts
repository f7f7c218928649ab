// « Créer mon espace famille », as a new family and the Guichet famille live it: the sign-up from Connexion, the one
// answer « Vérifiez votre boîte e-mail », the confirmation link read in the local mailbox, the first sign-in on a space
// « en attente de validation » that enrols nothing, the agent's validation, then the parent's first démarche.
// Desktop project only (playwright.config.ts): it creates a family of its own, which no other journey reads.
import { expect, test } from '@playwright/test';
import { ACCOUNTS, expectAccessible, linkFromMailDir, signIn } from './support';

const PASSWORD = 'une-phrase-de-passe';

test('a new family signs up, confirms its address, waits for the Guichet famille, then enrols', async ({
  page,
  browser,
}) => {
  const email = `nadia.benali.${process.env.E2E_RUN_ID}@example.fr`;

  await page.goto('/connexion');
  await page.getByRole('link', { name: 'Créer mon espace famille' }).click();
  await expect(page.getByRole('heading', { name: 'Créer mon espace famille' })).toBeVisible();
  await expectAccessible(page);

  // a mistake first: the summary names it, and what was typed stays
  const you = page.getByRole('group', { name: 'Vous' });
  await you.getByLabel('Prénom', { exact: true }).fill('Nadia');
  await you.getByLabel('Nom', { exact: true }).fill('Benali');
  await you.getByLabel('Téléphone').fill('06 12 34 56 78');
  const account = page.getByRole('group', { name: 'Votre compte' });
  await account.getByLabel('Adresse e-mail').fill(email);
  await account.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
  await account.getByLabel('Confirmez le mot de passe').fill(PASSWORD);
  const home = page.getByRole('group', { name: 'Votre adresse' });
  await home.getByLabel('Numéro et rue').fill('4 rue des Lilas');
  await home.getByLabel('Code postal').fill('910');
  await home.getByLabel('Commune').fill('Belleval');
  const child = page.getByRole('group', { name: 'Enfant 1' });
  await child.getByLabel('Prénom', { exact: true }).fill('Inès');
  await child.getByLabel('Nom', { exact: true }).fill('Benali');
  await child.getByLabel('Date de naissance').fill('2019-05-12');
  await page.getByRole('button', { name: 'Créer mon espace famille' }).click();
  const summary = page.getByRole('alert', { name: "Votre espace n'a pas été créé" });
  await expect(summary).toContainText('Indiquez le code postal : 5 chiffres, par exemple 91000.');
  await expect(summary).toBeFocused();
  await expect(you.getByLabel('Prénom', { exact: true })).toHaveValue('Nadia');
  await expect(child.getByLabel('Date de naissance')).toHaveValue('2019-05-12');
  await expectAccessible(page);

  await home.getByLabel('Code postal').fill('91000');
  await account.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
  await account.getByLabel('Confirmez le mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Ajouter un enfant' }).click();
  const second = page.getByRole('group', { name: 'Enfant 2' });
  await expect(second.getByLabel('Prénom', { exact: true })).toBeFocused();
  await second.getByLabel('Prénom', { exact: true }).fill('Adam');
  await second.getByLabel('Nom', { exact: true }).fill('Benali');
  await second.getByLabel('Date de naissance').fill('2021-09-03');
  await page.getByRole('button', { name: 'Créer mon espace famille' }).click();
  await expect(page.getByRole('heading', { name: 'Vérifiez votre boîte e-mail' })).toBeVisible();
  await expectAccessible(page);

  // before the link, the right password opens nothing
  await page.goto('/connexion');
  await page.getByLabel('Identifiant').fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert', { name: 'Il y a un problème' })).toContainText(
    "Votre adresse e-mail n'est pas encore confirmée",
  );

  const link = await linkFromMailDir(
    email,
    'Confirmez votre adresse e-mail – Portail Famille',
    '/confirmer-mon-adresse',
  );
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Confirmer mon adresse e-mail' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Confirmer mon adresse e-mail' }).click();
  await expect(page.getByRole('heading', { name: 'Adresse e-mail confirmée' })).toBeVisible();
  // the link served once
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Lien de confirmation non valable' })).toBeVisible();

  await signIn(page, { email, password: PASSWORD });
  await expect(page.getByRole('heading', { name: 'Mon espace' })).toBeVisible();
  await expect(
    page.getByText('Votre espace famille est en attente de validation par le Guichet famille'),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Inès Benali' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: /^S'inscrire/ })).toHaveCount(0);
  await expectAccessible(page);
  // the menu's « S'inscrire » and an introduction's address lead back to Mon espace
  await page.getByRole('link', { name: "S'inscrire", exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Mon espace' })).toBeVisible();
  await page.goto('/demarches/inscription/mercredi/0');
  await expect(
    page.getByText('Votre espace famille est en attente de validation par le Guichet famille'),
  ).toBeVisible();

  // the Guichet famille validates the family
  const office = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const agent = await office.newPage();
  await signIn(agent, ACCOUNTS.staff);
  await agent.goto('/admin');
  await agent.getByRole('link', { name: 'Familles en attente de validation' }).click();
  await expect(agent.getByRole('heading', { name: 'Familles en attente de validation' })).toBeVisible();
  await expectAccessible(agent);
  await agent.getByRole('link', { name: 'Voir le dossier de la famille Benali' }).click();
  await expect(agent.getByRole('heading', { name: "Validation de l'espace famille" })).toBeVisible();
  await expectAccessible(agent);
  await agent.getByRole('button', { name: 'Valider la famille' }).click();
  await expect(agent.getByRole('alert', { name: 'Il y a un problème' })).toContainText(
    'Choisissez le secteur de la famille.',
  );
  await agent.getByLabel('Secteur').selectOption({ index: 1 });
  await agent.getByRole('button', { name: 'Valider la famille' }).click();
  await expect(agent.getByText('La famille est validée : elle peut inscrire ses enfants.')).toBeVisible();
  await office.close();

  // the parent may now start a démarche
  await page.goto('/');
  await expect(page.getByText('Votre espace famille est en attente de validation')).toHaveCount(0);
  await page.getByRole('link', { name: "S'inscrire : Inès, Accueil de loisirs du mercredi" }).click();
  await page.getByRole('button', { name: 'Commencer' }).click();
  await expect(page.getByRole('heading', { name: 'Étape 1 : Ma demande' })).toBeVisible();
});
