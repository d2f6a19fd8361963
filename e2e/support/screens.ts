import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { DemoAccount } from './accounts.ts';
import {
  baseURL,
  connectBrowser,
  loginThroughUi,
  mainNav,
  PHONE,
  STEP_TIMEOUT_MS,
} from './browser.ts';
import { account, getJson as api, axeViolations } from './helpers.ts';
import { resultsDir } from './server.ts';

// Every page each demo role can open, at 320, 375 and 768 px (issues 12.9 and 17): a
// screenshot of each in e2e/test-results/screens/<role>/ (CI artifacts, not committed), axe
// on each, no error notice, nothing wider than the screen, and the main navigation in place.
// Two spec files use it (field roles, supervisors) so they run in parallel.

export const WIDTHS = [320, 375, 768] as const;
const out = path.join(resultsDir, 'screens');
let browser: Browser;
const contexts: BrowserContext[] = [];

/** For a spec file: one Chromium connection, contexts closed after the file. */
export function screensSession(): void {
  beforeAll(async () => {
    browser = await connectBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });
}

/** A phone-like context at 1× pixel density: the same layout, a quarter of the pixels to
 *  encode for ~160 full-page screenshots. */
async function signedIn(role: DemoAccount['role']): Promise<Page> {
  const context = await browser.newContext({
    ...PHONE,
    deviceScaleFactor: 1,
    baseURL: baseURL(),
    locale: 'es-PE',
    timezoneId: 'America/Lima',
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  contexts.push(context);
  const page = await context.newPage();
  await loginThroughUi(page, account(role));
  return page;
}

type Pages = Record<string, string>;

/** The pages of a role, with real ids from the API for the detail pages. */
async function pagesOf(role: DemoAccount['role'], request: APIRequestContext): Promise<Pages> {
  const me = (await api(request, '/api/v1/me')).person.id as string;
  const common: Pages = { inicio: '/', mas: '/mas', 'mi-cuenta': '/mi-cuenta' };
  const firstId = async (list: string) => (await api(request, `${list}?limit=1`)).items[0]?.id;
  switch (role) {
    case 'acompanante': {
      const teacher = await firstId('/api/v1/teachers');
      return {
        ...common,
        docentes: '/docentes',
        docente: `/docentes/${teacher}`,
        plan: `/docentes/${teacher}/plan`,
        diagnostico: `/docentes/${teacher}/diagnostico`,
        progreso: `/docentes/${teacher}/progreso`,
        modelado: `/docentes/${teacher}/modelado`,
        visitas: '/visitas',
        'programar-visita': '/visitas/nueva',
        instituciones: '/instituciones',
        instrumentos: '/instrumentos',
        'llenar-instrumento': '/instrumentos/llenar',
        sincronizacion: '/sincronizacion',
        'mi-avance': '/mi-avance',
      };
    }
    case 'docente':
      return {
        ...common,
        visitas: '/visitas',
        progreso: `/docentes/${me}/progreso`,
        plan: `/docentes/${me}/plan`,
        modelado: `/docentes/${me}/modelado`,
        ficha: `/docentes/${me}`,
        instrumentos: '/instrumentos',
        sincronizacion: '/sincronizacion',
      };
    case 'director': {
      const school = await firstId('/api/v1/schools');
      return {
        ...common,
        docentes: '/docentes',
        instituciones: '/instituciones',
        institucion: `/instituciones/${school}`,
        'actividades-ie': `/instituciones/${school}/actividades`,
        acompanantes: '/acompanantes',
        instrumentos: '/instrumentos',
        catalogo: '/catalogo',
        monitoreo: '/monitoreo',
      };
    }
    case 'formador':
      return {
        ...common,
        acompanantes: '/acompanantes',
        instituciones: '/instituciones',
        instrumentos: '/instrumentos',
        catalogo: '/catalogo',
      };
    case 'especialista':
      return {
        ...common,
        instituciones: '/instituciones',
        docentes: '/docentes',
        acompanantes: '/acompanantes',
        acompanante: `/acompanantes/${await firstId('/api/v1/coaches')}`,
        asignaciones: '/asignaciones',
        importar: '/importar',
        instrumentos: '/instrumentos',
        catalogo: '/catalogo',
        monitoreo: '/monitoreo',
        'actividades-ugel': '/ugel/actividades',
      };
    case 'minedu':
      return {
        ...common,
        instituciones: '/instituciones',
        docentes: '/docentes',
        acompanantes: '/acompanantes',
        asignaciones: '/asignaciones',
        catalogo: '/catalogo',
        instrumentos: '/instrumentos',
        instrumento: `/instrumentos/${(await api(request, '/api/v1/instruments')).items[0]?.id}`,
        importar: '/importar',
        monitoreo: '/monitoreo',
      };
  }
}

/** Waits until the page shows its heading and has finished loading its data. */
async function settled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await expect
    .poll(() => page.locator('.skeleton, .status--loading').count(), { timeout: 20_000 })
    .toBe(0);
}

/** Opens every page of `role` at `width` and fails listing every problem found. */
export async function checkScreens(role: DemoAccount['role'], width: number): Promise<void> {
  const page = await signedIn(role);
  const pages = await pagesOf(role, page.context().request);
  const dir = path.join(out, role);
  mkdirSync(dir, { recursive: true });
  const problems: string[] = [];
  await page.setViewportSize({ width, height: 812 });
  for (const [name, url] of Object.entries(pages)) {
    await page.goto(url);
    await settled(page);
    const where = `${role} ${name} (${url}) a ${width} px`;
    await page.screenshot({ path: path.join(dir, `${width}-${name}.png`), fullPage: true });
    problems.push(...(await axeViolations(page, where)).map((line) => `${where}: ${line}`));
    const errors = await page.locator('.notice--error').allInnerTexts();
    if (errors.length) problems.push(`${where}: error notice ${JSON.stringify(errors)}`);
    const scroll = await page.evaluate<number>('document.documentElement.scrollWidth');
    if (scroll > width) problems.push(`${where}: ${scroll} px wide`);
    if (!(await mainNav(page).isVisible())) problems.push(`${where}: no main navigation`);
    // The bottom navigation's labels never run into each other (five share a phone's width).
    const overlaps = await page.evaluate<string[]>(`(() => {
      const labels = [...document.querySelectorAll('.bottom-nav__link > span')]
        .map((s) => s.getBoundingClientRect()).filter((r) => r.width > 0);
      return labels.slice(1).flatMap((r, i) => (labels[i].right > r.left + 0.5 ? ['label ' + (i + 1)] : []));
    })()`);
    if (overlaps.length) problems.push(`${where}: bottom navigation overlaps at ${overlaps}`);
  }
  expect(problems).toEqual([]);
}
