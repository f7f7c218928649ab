// What every page owes its users beyond its own content (issue 11): the footer a French public site owes (RGAA) and
// its public pages, the town's identity (logo, favicon, installable manifest), a phone header of at most 96 px, tap
// targets of at least 44 × 44 px on the parent pages, a focus ring of at least 3:1 on every background, « Mes
// demandes » as cards on a phone, « S'inscrire » from the menu, and the back office's names (buttons, landmarks).
import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, expectAccessible, signIn } from './support';

const NO_CHANGE_FAMILY = { email: 'antoine.blanc.187@example.fr', password: 'Demo-2026!' };

test.describe('the footer and the public pages', () => {
  test('every page has a footer with the accessibility status and links to the RGAA pages, open without signing in', async ({
    page,
  }) => {
    await page.goto('/connexion');
    const footer = page.getByRole('contentinfo');
    await expect(footer).toBeVisible();
    await expect(footer).toContainText('Accessibilité : partiellement conforme');
    for (const name of ['Mentions légales', 'Données personnelles', 'Contacter le Guichet famille'])
      await expect(footer.getByRole('link', { name })).toBeVisible();

    await footer.getByRole('link', { name: 'Accessibilité : partiellement conforme' }).click();
    await expect(page).toHaveURL(/\/accessibilite$/);
    await expect(page.getByRole('heading', { level: 1, name: "Déclaration d'accessibilité" })).toBeVisible();
    await expect(page).toHaveTitle("Déclaration d'accessibilité · Portail Famille");
    for (const section of [
      'État de conformité',
      'Résultats des tests',
      'Contenus non accessibles',
      'Établissement de cette déclaration',
      "Retour d'information et contact",
      'Voies de recours',
    ])
      await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
    await expect(page.getByText('partiellement conforme avec le référentiel général')).toBeVisible();
    await expect(page.getByText("Il n'a pas encore été confirmé par un audit externe", { exact: false })).toBeVisible();
    await expectAccessible(page);

    for (const [name, title] of [
      ['Mentions légales', 'Mentions légales'],
      ['Données personnelles', 'Données personnelles'],
      ['Contacter le Guichet famille', 'Contacter le Guichet famille'],
    ] as const) {
      await page.getByRole('contentinfo').getByRole('link', { name }).click();
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expect(page).toHaveTitle(`${title} · Portail Famille`);
      await expectAccessible(page);
    }
    await expect(page.getByRole('link', { name: '01 23 45 67 89' })).toHaveAttribute('href', 'tel:+33123456789');
  });

  test('the footer is on the parent pages and the back office too', async ({ browser, page }) => {
    await signIn(page, NO_CHANGE_FAMILY);
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Données personnelles' })).toBeVisible();
    await page.getByRole('contentinfo').getByRole('link', { name: 'Mentions légales' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mentions légales' })).toBeVisible();

    const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    const agent = await context.newPage();
    await signIn(agent, ACCOUNTS.staff);
    await expect(agent.getByRole('contentinfo')).toContainText('Accessibilité : partiellement conforme');
    await context.close();
  });
});

test.describe("the town's identity", () => {
  test('a favicon, the logo and an installable manifest whose icons load without a session', async ({ page }) => {
    await page.goto('/connexion');
    const banner = page.getByRole('banner');
    await expect(banner.locator('img[src="/logo-mark.svg"]')).toBeVisible();
    const icon = await page.locator('link[rel="icon"]').first().getAttribute('href');
    expect(icon).toMatch(/^\/icon\.svg/);
    expect((await page.request.get(icon!)).headers()['content-type']).toContain('image/svg+xml');
    const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
    expect((await page.request.get(apple!)).headers()['content-type']).toContain('image/png');
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(manifestHref).toBe('/manifest.webmanifest');

    // a fresh request context: no cookie at all
    const anonymous = await page.context().request.storageState();
    expect(anonymous.cookies.filter((c) => c.name.includes('session-token'))).toEqual([]);
    const manifest = await page.request.get('/manifest.webmanifest');
    expect(manifest.status()).toBe(200);
    const body = (await manifest.json()) as {
      name: string;
      display: string;
      start_url: string;
      icons: { src: string; sizes: string; purpose?: string }[];
    };
    expect(body.display).toBe('standalone');
    expect(body.start_url).toBe('/');
    expect(body.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const path of [...body.icons.map((i) => i.src), '/logo-email.png', '/logo.svg']) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(200);
    }
  });
});

test('the phone header is at most 96 px tall, with 44 px tap targets', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, NO_CHANGE_FAMILY);
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  const header = await page.getByRole('banner').boundingBox();
  expect(header!.height).toBeLessThanOrEqual(96);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
});

/**
 * The tap targets of the page smaller than 44 × 44 px: links, buttons, selects, and checkboxes and radios through
 * their label or tile (the largest box around them that a tap hits). Visually hidden ones (sr-only) are skipped.
 */
async function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const MIN = 44;
    const out: string[] = [];
    const seen = new Set<Element>();
    const nodes = document.querySelectorAll<HTMLElement>(
      'a[href], button, select, summary, input[type=checkbox], input[type=radio], [role=button], [role=link]',
    );
    for (const el of nodes) {
      if (!el.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true })) continue;
      const own = el.getBoundingClientRect();
      if (own.width <= 1 || own.height <= 1) continue; // sr-only (the skip link until it is focused)
      let box = own;
      if (el instanceof HTMLInputElement) {
        // a checkbox's tap target is its label, or the tile (label) around it
        for (const label of [el.closest('label'), ...Array.from(el.labels ?? [])]) {
          if (!label) continue;
          const r = label.getBoundingClientRect();
          if (r.width * r.height > box.width * box.height) box = r;
        }
      }
      const target = el.closest('label') ?? el;
      if (seen.has(target)) continue;
      seen.add(target);
      if (box.width + 0.5 < MIN || box.height + 0.5 < MIN) {
        const name = (el.getAttribute('aria-label') ?? el.innerText ?? el.getAttribute('value') ?? '')
          .replace(/\s+/g, ' ')
          .trim()
          .slice(0, 60);
        const labelled = el instanceof HTMLInputElement ? (el.labels?.[0]?.innerText ?? '').trim().slice(0, 60) : '';
        out.push(
          `${el.tagName.toLowerCase()}${el instanceof HTMLInputElement ? `[${el.type}]` : ''} « ${name || labelled} » ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
      }
    }
    return out;
  });
}

test('on the parent pages every tap target is at least 44 × 44 px', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 360, height: 740 });
  const offenders: string[] = [];
  const measure = async (what: string) => {
    for (const small of await smallTapTargets(page)) offenders.push(`${what}: ${small}`);
  };
  await signIn(page, NO_CHANGE_FAMILY);
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  await measure('Mon espace');

  const childHref = await page.locator('main a[href^="/enfants/"]').first().getAttribute('href');
  await page.goto(childHref!);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await measure('page of the child');

  await page.goto('/');
  // the second child's Wednesdays (the first one's are the reflow journey's)
  await page
    .getByRole('link', { name: /^Gérer mes réservations : .+, Accueil de loisirs du mercredi$/ })
    .last()
    .click();
  const start = page.getByRole('button', { name: 'Commencer' });
  const step1 = page.getByRole('heading', { name: 'Étape 1 : Ma demande' });
  await expect(start.or(step1).first()).toBeVisible();
  if (await start.isVisible()) await start.click();
  await expect(step1).toBeVisible();
  await measure('Étape 1');

  // one change, to reach the recap; the démarche is cancelled at the end, nothing is validated
  // a change the day rules accept: a half-day added, else a meal removed
  const date = '\\p{L}+ \\d+ \\p{L}+ \\d{4}';
  const addHalfDay = page.getByRole('checkbox', {
    name: new RegExp(`^(Matin|Après-midi) – ${date}$`, 'u'),
    checked: false,
    disabled: false,
  });
  // the meal is a radio group (« Sans repas », « Repas classique », « Repas sans viande »)
  const removeMeal = page.getByRole('radio', { name: 'Sans repas', checked: false, disabled: false });
  await ((await addHalfDay.count()) > 0 ? addHalfDay : removeMeal).first().click();
  await page.getByRole('button', { name: "Aller à l'étape 2" }).click();
  await expect(page.getByRole('heading', { name: 'Étape 2 : Le récapitulatif' })).toBeVisible();
  await measure('Étape 2');
  await page.getByRole('button', { name: 'Annuler la démarche' }).click();

  await page.goto('/mes-demandes');
  await expect(page.getByRole('heading', { level: 1, name: 'Mes demandes' })).toBeVisible();
  await measure('Mes demandes');

  await page.goto('/demarches/inscription');
  await expect(page.getByRole('heading', { level: 1, name: "S'inscrire" })).toBeVisible();
  await measure("S'inscrire");

  expect(offenders, `tap targets under 44 × 44 px at 360 px wide:\n${offenders.join('\n')}`).toEqual([]);
});

/** WCAG relative luminance contrast of two 'rgb(…)' / 'rgba(…)' colours. */
function contrast(a: number[], b: number[]): number {
  const lum = ([r, g, bl]: number[]) => {
    const c = [r!, g!, bl!].map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

interface FocusRing {
  name: string;
  outline: number[] | null;
  shadow: number[] | null;
  background: number[];
}

/** The focused element's rings (outline and box-shadow colours) and the opaque background they are drawn on. */
async function focusRing(page: Page): Promise<FocusRing | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const rgb = (value: string) => {
      const m = value.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
      if (!m || (m[4] !== undefined && Number(m[4]) === 0)) return null;
      return [Number(m[1]), Number(m[2]), Number(m[3])];
    };
    const style = getComputedStyle(el);
    const inset = style.outlineOffset.startsWith('-');
    // an outer ring is drawn on the parent's background; an inner one on the element's own (or its parent's)
    let node: Element | null = inset ? el : el.parentElement;
    let background: number[] | null = null;
    while (node && !background) {
      background = rgb(getComputedStyle(node).backgroundColor);
      node = node.parentElement;
    }
    return {
      name: (el.getAttribute('aria-label') ?? el.innerText ?? '').trim().slice(0, 40) || el.tagName,
      outline: style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2 ? null : rgb(style.outlineColor),
      shadow: rgb(style.boxShadow),
      background: background ?? [255, 255, 255],
    };
  });
}

test('the focus indicator has at least 3:1 contrast against every background it appears on', async ({ page }) => {
  const failures: string[] = [];
  let seen = 0;
  const backgrounds = new Set<string>();
  const tabThrough = async (where: string, presses: number) => {
    for (let i = 0; i < presses; i += 1) {
      await page.keyboard.press('Tab');
      const ring = await focusRing(page);
      if (!ring) continue;
      seen += 1;
      backgrounds.add(ring.background.join(','));
      const ratios = [ring.outline, ring.shadow]
        .filter((c): c is number[] => c !== null)
        .map((c) => contrast(c, ring.background));
      const best = Math.max(0, ...ratios);
      if (best < 3)
        failures.push(`${where} « ${ring.name} »: ${best.toFixed(2)}:1 on rgb(${ring.background.join(',')})`);
    }
  };
  await page.goto('/connexion');
  await tabThrough('Connexion', 12);
  await signIn(page, NO_CHANGE_FAMILY);
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  await tabThrough('Mon espace', 25);
  expect(failures).toEqual([]);
  expect(seen).toBeGreaterThan(10);
  // white, the brand header (its two blues) and the grey page at least
  expect(backgrounds.size).toBeGreaterThanOrEqual(3);
});

test.describe('Mes demandes', () => {
  test('on a phone, a list of cards: reference, date, child, service, what changed and status; on a wide screen, a table', async ({
    page,
  }) => {
    // a request of its own first: one canteen meal of the Blanc family's second child removed
    await signIn(page, NO_CHANGE_FAMILY);
    await page
      .getByRole('link', { name: /^Gérer mes réservations : .+, Restauration scolaire$/ })
      .last()
      .click();
    const start = page.getByRole('button', { name: 'Commencer' });
    const step1 = page.getByRole('heading', { name: 'Étape 1 : Ma demande' });
    await expect(start.or(step1).first()).toBeVisible();
    if (await start.isVisible()) await start.click();
    await expect(step1).toBeVisible();
    // the canteen's meal is a radio group: « Sans repas » on a booked day removes its meal
    await page.getByRole('radio', { name: 'Sans repas', checked: false, disabled: false }).first().click();
    await page.getByRole('button', { name: "Aller à l'étape 2" }).click();
    await page.getByRole('button', { name: 'Valider' }).click();
    await expect(page.getByText(/DEM-\d{4}-\d{6}/).first()).toBeVisible();

    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Mes demandes' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mes demandes' })).toBeVisible();
    const width = page.viewportSize()!.width;
    if (width < 640) {
      const cards = page.getByRole('list', { name: 'Vos demandes, de la plus récente à la plus ancienne' });
      await expect(cards).toBeVisible();
      await expect(page.getByRole('table')).toBeHidden();
      const first = cards.getByRole('listitem').first();
      await expect(first.getByRole('link', { name: /^DEM-\d{4}-\d{6}$/ })).toBeVisible();
      await expect(first).toContainText('Traitée');
      await expect(first).toContainText('Restauration scolaire');
      await expect(first).toContainText(/Réservation – 1 réservation retirée · le \d+ \p{L}+ \d{4}/u);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    } else {
      await expect(
        page.getByRole('table', { name: 'Vos demandes, de la plus récente à la plus ancienne' }),
      ).toBeVisible();
      await expect(page.getByRole('columnheader', { name: 'Ce qui change' })).toBeVisible();
      await expect(page.getByRole('row').nth(1)).toContainText(/1 réservation retirée · le \d+ \p{L}+ \d{4}/u);
    }
    // each reference link exists once for assistive technologies
    const references = await page.getByRole('link', { name: /^DEM-\d{4}-\d{6}$/ }).allTextContents();
    expect(new Set(references).size).toBe(references.length);
    await expectAccessible(page);
  });
});

test("« S'inscrire » from the menu starts by choosing the child, then the service", async ({ page }) => {
  await signIn(page, ACCOUNTS.parent);
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: "S'inscrire" })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: "S'inscrire" })).toBeVisible();
  await expect(
    page.getByText("Sélectionnez l'enfant pour lequel vous souhaitez effectuer une inscription."),
  ).toBeVisible();
  await expectAccessible(page);

  // Léa is already enrolled at the canteen and the Wednesday centre: said, not offered
  await page.getByRole('link', { name: 'Léa Martin' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'À quel service ?' })).toBeVisible();
  await expect(page).toHaveTitle("S'inscrire – Léa Martin · Portail Famille");
  await expect(page.getByRole('link', { name: 'Accueil de loisirs du mercredi' })).toHaveCount(0);
  await expect(page.getByText(/Léa y est déjà inscrit\(e\)/).first()).toBeVisible();

  await page.getByRole('link', { name: 'Choisir un autre enfant' }).click();
  await page.getByRole('link', { name: 'Hugo Martin' }).click();
  // the canteen: services.spec.ts enrols Hugo at the Wednesday centre meanwhile, no journey at the canteen
  await page.getByRole('link', { name: 'Restauration scolaire' }).click();
  // the service's introduction, the child preset; nothing is started here (Hugo stays enrolled in nothing)
  await expect(page.getByRole('heading', { level: 1, name: "S'inscrire" })).toBeVisible();
  await expect(page.getByText('Hugo Martin', { exact: false }).first()).toBeVisible();
  await expect(page).toHaveTitle("S'inscrire – Restauration scolaire – Hugo Martin · Portail Famille");
  await expect(page.getByRole('button', { name: 'Commencer' })).toBeVisible();
});

test.describe('the back office', () => {
  test("a button's name starts with its visible text, and no two landmarks share a name", async ({ page }) => {
    await signIn(page, ACCOUNTS.admin);
    await page.goto('/admin/calendrier');
    await expect(page.getByRole('button', { name: /^Enregistrer l'année \d{4}-\d{4}$/ }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: /^Modifier l'année/ })).toHaveCount(0);

    for (const path of [
      '/admin',
      '/admin/calendrier',
      '/admin/structures',
      '/admin/comptes',
      '/admin/emails',
      '/admin/familles?q=Martin',
      '/admin/demandes',
    ]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const duplicates = await page.evaluate(() => {
        const nameOf = (el: Element) => {
          const label = el.getAttribute('aria-label');
          if (label) return label.trim();
          const ids = el.getAttribute('aria-labelledby');
          if (ids)
            return ids
              .split(/\s+/)
              .map((id) => document.getElementById(id)?.textContent ?? '')
              .join(' ')
              .trim();
          return '';
        };
        const landmarks = Array.from(
          document.querySelectorAll(
            'section, nav, main, aside, form, header, footer, [role=region], [role=navigation], [role=search]',
          ),
        ).filter((el) => el.checkVisibility());
        const seen = new Map<string, number>();
        for (const el of landmarks) {
          const name = nameOf(el);
          if (!name) continue; // an unnamed section or form is no landmark
          seen.set(name, (seen.get(name) ?? 0) + 1);
        }
        return [...seen].filter(([, n]) => n > 1).map(([name, n]) => `${name} ×${n}`);
      });
      expect(duplicates, `landmarks sharing a name on ${path}`).toEqual([]);
    }
  });
});
