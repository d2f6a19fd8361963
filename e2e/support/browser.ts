import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import type { DemoAccount } from './accounts.ts';

// The browser side of the suite: one Chromium (launched by global-setup.ts) shared by all spec
// files, a fresh context per test, and the login/logout steps a person takes.

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    wsEndpoint: string;
  }
}

/** Action timeout: below the test timeout so a stuck step reports where it got stuck. */
export const STEP_TIMEOUT_MS = 15_000;

export const PHONE = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
} as const;

export function baseURL(): string {
  return inject('baseURL');
}

export function connectBrowser(): Promise<Browser> {
  return chromium.connect(inject('wsEndpoint'));
}

/** A fresh, cookie-less phone-sized context (its own storage, its own session). */
export async function phoneContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    ...PHONE,
    baseURL: baseURL(),
    locale: 'es-PE',
    timezoneId: 'America/Lima',
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  return context;
}

export function pathname(page: Page): string {
  return new URL(page.url()).pathname;
}

/** What the page shows right now, to make a failed wait actionable. */
export async function describePage(page: Page): Promise<string> {
  const h1 = await page
    .locator('h1')
    .allInnerTexts()
    .catch(() => []);
  const alerts = await page
    .getByRole('alert')
    .allInnerTexts()
    .catch(() => []);
  return `URL ${page.url()}; h1 ${JSON.stringify(h1)}; alertas ${JSON.stringify(alerts)}`;
}

/** Waits until the page is at `path` (a client-side redirect may take a moment). */
export async function waitForPath(page: Page, path: string): Promise<void> {
  try {
    await page.waitForURL((url) => url.pathname === path);
  } catch (error) {
    throw new Error(`Se esperaba la ruta ${path}; ${await describePage(page)}\n${error}`);
  }
}

/** Waits for a level-1 heading with exactly `text`, with diagnostics on failure. */
export async function waitForH1(page: Page, text: string): Promise<void> {
  try {
    await page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();
  } catch (error) {
    throw new Error(`Se esperaba el h1 "${text}"; ${await describePage(page)}\n${error}`);
  }
}

export function loginFields(page: Page) {
  return {
    dni: page.getByLabel('DNI', { exact: true }),
    password: page.getByLabel('Contraseña', { exact: true }),
    submit: page.getByRole('button', { name: 'Ingresar', exact: true }),
  };
}

/** The phone's bottom bar (or the desktop side navigation): "Navegación principal". */
export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Navegación principal' });
}

/** Opens a section that lives on the "Más" page (Instrumentos, Importar, Sincronización…). */
export async function openFromMore(page: Page, name: string): Promise<void> {
  await mainNav(page).getByRole('link', { name: 'Más', exact: true }).click();
  await waitForH1(page, 'Más');
  await page
    .getByRole('navigation', { name: 'Más secciones' })
    .getByRole('link', { name, exact: true })
    .click();
}

/** Opens the sync details from the chip in the top bar and syncs; waits for «Todo enviado». */
export async function syncFromChip(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Sincronización: / }).click();
  await page.getByRole('dialog', { name: 'Estado de la sincronización' }).waitFor();
  await page.getByRole('button', { name: 'Sincronizar ahora' }).click();
  await page.getByText('Todo enviado').waitFor({ timeout: 30_000 });
}

/** Waits until the device has completed a sync and holds nothing unsent (the chip: «Al día»). */
export async function waitForFirstSync(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sincronización: Al día' }).waitFor({ timeout: 30_000 });
}

/** Signs out from the "Más" page. */
export async function logoutThroughUi(page: Page): Promise<void> {
  await mainNav(page).getByRole('link', { name: 'Más', exact: true }).click();
  await waitForH1(page, 'Más');
  await page.getByRole('button', { name: 'Cerrar sesión', exact: true }).click();
}

/** Fills and submits the login form (the page must be on /login). */
export async function submitLogin(page: Page, dni: string, password: string): Promise<void> {
  const fields = loginFields(page);
  await fields.dni.fill(dni);
  await fields.password.fill(password);
  await fields.submit.click();
}

/** Opens /, follows the redirect to /login, signs in and waits for the role's home. */
export async function loginThroughUi(page: Page, account: DemoAccount): Promise<void> {
  await page.goto('/');
  await waitForPath(page, '/login');
  await submitLogin(page, account.dni, account.password);
  await waitForPath(page, '/');
  await waitForH1(page, account.home);
}
