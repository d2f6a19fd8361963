import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS, type DemoAccount } from '../support/accounts.ts';
import {
  connectBrowser,
  loginThroughUi,
  mainNav,
  openFromMore,
  phoneContext,
  waitForH1,
} from '../support/browser.ts';

// Rosters in the browser: the especialista finds the demo UGEL's schools, coaches, caseloads
// and warnings; the coach sees only their caseload; the docente only themself. Expected sets
// come from the API (the demo data may change), and each new screen passes axe (WCAG 2.1 AA).

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  browser = await connectBrowser();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

afterAll(async () => {
  await browser?.close();
});

function account(role: DemoAccount['role']): DemoAccount {
  const found = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!found) throw new Error(`no demo account for ${role}`);
  return found;
}

async function signedIn(role: DemoAccount['role']): Promise<Page> {
  context = await phoneContext(browser);
  const page = await context.newPage();
  await loginThroughUi(page, account(role));
  return page;
}

// biome-ignore lint/suspicious/noExplicitAny: the specs read API JSON and assert on its shape
async function api(request: APIRequestContext, path: string): Promise<any> {
  const res = await request.get(path);
  expect(res.status(), path).toBe(200);
  return res.json();
}

async function noViolations(page: Page, where: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const lines = results.violations.flatMap((v) =>
    v.nodes.map((node) => `${v.id}: ${v.help} — ${node.target.join(' ')}`),
  );
  if (lines.length) console.error(`Violaciones en ${where}:\n${lines.join('\n')}`);
  expect(lines).toEqual([]);
}

/** The results list of a roster screen (a List of rows, each a link named by its title). */
const results = (page: Page) => page.getByRole('list', { name: 'Resultados' });

/** The titles (who) of the rows in the results list. */
async function rowTitles(page: Page): Promise<string[]> {
  const titles = results(page).getByRole('listitem').locator('.list-item__title');
  return (await titles.allInnerTexts()).map((t) => t.trim());
}

describe('padrones y grupos', () => {
  test('la especialista ve instituciones, acompañantes, grupos y avisos de su UGEL', async () => {
    const page = await signedIn('especialista');
    const request = page.context().request;

    // Avisos on the home, with the counts the API gives for the UGEL.
    const warnings = await api(request, '/api/v1/rosters/warnings?limit=10');
    await page.getByRole('heading', { level: 2, name: 'Avisos' }).waitFor();
    const withoutCoach = page.getByRole('heading', { level: 3, name: /Docentes sin acompañante/ });
    await withoutCoach.waitFor();
    expect(await withoutCoach.innerText()).toContain(String(warnings.withoutCoach.count));
    for (const item of warnings.withoutCoach.items) {
      await page
        .getByRole('link', { name: item.teacher.displayName, exact: true })
        .first()
        .waitFor();
    }
    const changes = page.getByRole('heading', { level: 3, name: /Cambios de acompañante/ });
    expect(await changes.innerText()).toContain(String(warnings.coachChanges.count));
    await noViolations(page, 'el inicio con avisos');

    // Schools of the UGEL, then one school's page.
    const schools = await api(request, '/api/v1/schools?limit=50');
    expect(schools.items.length).toBeGreaterThan(0);
    await mainNav(page).getByRole('link', { name: 'Instituciones', exact: true }).click();
    await waitForH1(page, 'Instituciones educativas');
    await results(page).getByRole('listitem').first().waitFor();
    expect(await rowTitles(page)).toEqual(
      expect.arrayContaining(
        schools.items.slice(0, 5).map((s: { name: string }) => expect.stringContaining(s.name)),
      ),
    );
    await noViolations(page, 'la lista de instituciones');
    const enrolled = schools.items.find(
      (s: { interventions: string[] }) => s.interventions.length > 0,
    );
    await page.getByRole('link', { name: enrolled.name, exact: true }).click();
    await waitForH1(page, enrolled.name);
    await page.getByRole('heading', { level: 2, name: 'Datos del padrón' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Intervenciones' }).waitFor();
    const detail = await api(request, `/api/v1/schools/${enrolled.id}`);
    for (const teacher of detail.teachers) {
      await page.getByRole('link', { name: teacher.displayName, exact: true }).waitFor();
    }
    await noViolations(page, 'la ficha de una institución');

    // Coaches, one above the maximum if the demo has one, and a coach's caseload.
    const coaches = await api(request, '/api/v1/coaches?limit=50');
    await page.goto('/acompanantes');
    await waitForH1(page, 'Acompañantes');
    await results(page).getByRole('listitem').first().waitFor();
    expect((await rowTitles(page)).length).toBe(coaches.items.length);
    const above = coaches.items.filter((c: { aboveRange: boolean }) => c.aboveRange);
    expect(
      await results(page).getByRole('listitem').filter({ hasText: 'Supera el máximo' }).count(),
    ).toBe(above.length);
    await noViolations(page, 'la lista de acompañantes');
    const coachId = (await api(request, '/api/v1/caseloads?limit=1')).items[0].coach.id;
    const coach = await api(request, `/api/v1/coaches/${coachId}`);
    await page.goto(`/acompanantes/${coachId}`);
    await waitForH1(page, coach.displayName);
    await page.getByRole('heading', { level: 2, name: 'Grupo actual' }).waitFor();
    for (const entry of coach.caseload) {
      await page
        .getByRole('link', { name: entry.teacher.displayName, exact: true })
        .first()
        .waitFor();
    }
    await noViolations(page, 'la ficha de un acompañante');
  });

  test('el acompañante ve exactamente a los docentes de su grupo actual', async () => {
    const page = await signedIn('acompanante');
    const request = page.context().request;
    const rows = (await api(request, '/api/v1/caseloads?status=current&limit=200')).items;
    const me = (await api(request, '/api/v1/me')).person.id;
    const mine = [
      ...new Set(
        rows
          .filter((r: { coach: { id: string } }) => r.coach.id === me)
          .map((r: { teacher: { displayName: string } }) => r.teacher.displayName),
      ),
    ].sort();
    expect(mine.length).toBeGreaterThan(0);

    await page.goto('/docentes');
    await waitForH1(page, 'Docentes');
    await results(page).getByRole('listitem').first().waitFor();
    expect((await rowTitles(page)).sort()).toEqual(mine);

    // A teacher outside the caseload is not there for the coach.
    const especialista = await browser.newContext({ baseURL: new URL(page.url()).origin });
    try {
      const login = await especialista.request.post('/api/v1/auth/login', {
        data: { dni: account('especialista').dni, password: account('especialista').password },
        headers: { origin: new URL(page.url()).origin },
      });
      expect(login.status()).toBe(200);
      const all = (await api(especialista.request, '/api/v1/teachers?limit=200')).items;
      const outsider = all.find((t: { displayName: string }) => !mine.includes(t.displayName));
      await page.goto(`/docentes/${outsider.id}`);
      await page.getByRole('alert').filter({ hasText: 'No se encontró lo que buscas.' }).waitFor();
      expect(await page.getByText(outsider.displayName).count()).toBe(0);
    } finally {
      await especialista.close();
    }
  });

  test('la docente solo se ve a sí misma, con su acompañante y su historia', async () => {
    const page = await signedIn('docente');
    const request = page.context().request;
    const me = (await api(request, '/api/v1/me')).person;
    const self = await api(request, `/api/v1/teachers/${me.id}`);

    await page.goto('/docentes');
    await waitForH1(page, 'Docentes');
    await results(page).getByRole('listitem').first().waitFor();
    expect(await rowTitles(page)).toEqual([self.displayName]);

    await page.getByRole('link', { name: self.displayName, exact: true }).click();
    await waitForH1(page, self.displayName);
    await page.getByRole('heading', { level: 2, name: 'Acompañamiento actual' }).waitFor();
    for (const c of self.caseloads.filter((x: { current: boolean }) => x.current)) {
      await page.getByRole('link', { name: c.coach.displayName, exact: true }).first().waitFor();
    }
    await noViolations(page, 'la ficha propia de la docente');
  });

  test('el equipo MINEDU edita las metas del año siguiente; los años pasados no se editan', async () => {
    const page = await signedIn('minedu');
    const request = page.context().request;
    const current = (await api(request, '/api/v1/interventions/SPI/targets')).currentYear as number;

    await page.goto(`/catalogo?intervencion=SPI&anio=${current - 1}`);
    await waitForH1(page, 'Catálogo del programa');
    await page.getByText('Las metas de años anteriores son historia').waitFor();
    expect(await page.getByRole('button', { name: /Guardar metas/ }).count()).toBe(0);

    await page.goto(`/catalogo?intervencion=SPI&anio=${current + 1}`);
    const save = page.getByRole('button', { name: `Guardar metas de ${current + 1}` });
    await save.waitFor();
    await noViolations(page, 'el catálogo editable');
    if ((await page.getByRole('spinbutton', { name: 'Al año' }).count()) === 0) {
      await page.getByRole('button', { name: 'Agregar meta' }).click();
    }
    const perYear = page.getByRole('spinbutton', { name: 'Al año' }).first();
    await perYear.fill('12');
    await save.click();
    await page
      .getByRole('status')
      .filter({ hasText: `Se guardaron las metas de ${current + 1}.` })
      .waitFor();
    const next = await api(request, `/api/v1/interventions/SPI/targets?year=${current + 1}`);
    expect(next.rules.some((r: { perYear: number }) => r.perYear === 12)).toBe(true);
    const thisYear = await api(request, `/api/v1/interventions/SPI/targets?year=${current}`);
    expect(thisYear.rules.some((r: { perYear: number }) => r.perYear === 12)).toBe(false);
  });

  test('la página de importación se ofrece a la especialista y es accesible', async () => {
    const page = await signedIn('especialista');
    await openFromMore(page, 'Importar');
    await waitForH1(page, 'Importar datos');
    await page.getByRole('button', { name: 'Revisar sin guardar' }).click();
    await page.getByText('Elige un archivo.').waitFor();
    await noViolations(page, 'la página de importación');
  });
});
