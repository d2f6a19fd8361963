import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../support/accounts.ts';
import {
  connectBrowser,
  loginFields,
  loginThroughUi,
  logoutThroughUi,
  pathname,
  phoneContext,
  submitLogin,
  waitForPath,
} from '../support/browser.ts';

// Every role signs in on a phone, lands on its own home, and signs out again.

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

describe('inicio de sesión', () => {
  for (const account of DEMO_ACCOUNTS) {
    test(`${account.role} (${account.dni}) entra, ve "${account.home}" y cierra sesión`, async () => {
      context = await phoneContext(browser);
      const page = await context.newPage();

      await loginThroughUi(page, account);
      expect(await page.locator('h1').allInnerTexts()).toEqual([account.home]);

      const me = await context.request.get('/api/v1/me');
      expect(me.status()).toBe(200);
      const body = await me.json();
      expect(body.person.dni).toBe(account.dni);
      expect(body.roles.map((r: { role: string }) => r.role)).toContain(account.role);

      await logoutThroughUi(page);
      await waitForPath(page, '/login');
      await loginFields(page).dni.waitFor();

      const after = await context.request.get('/api/v1/me');
      expect(after.status()).toBe(401);
    });
  }

  test('una contraseña equivocada muestra un error en español y se queda en el ingreso', async () => {
    context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto('/login');
    await submitLogin(page, '30000001', 'no-es-la-contrasena');

    const alert = page.getByRole('alert').filter({ hasText: /\S/ });
    await alert.first().waitFor();
    expect(await alert.allInnerTexts()).toEqual([
      expect.stringContaining('El DNI o la contraseña no son correctos.'),
    ]);
    expect(pathname(page)).toBe('/login');
    await expect(loginFields(page).dni.inputValue()).resolves.toBe('30000001');

    const me = await context.request.get('/api/v1/me');
    expect(me.status()).toBe(401);
  });

  test('un DNI incompleto se explica en su campo sin consultar al servidor', async () => {
    context = await phoneContext(browser);
    const page = await context.newPage();
    const logins: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/v1/auth/login') logins.push(request.url());
    });
    await page.goto('/login');
    // The form's schema downloads with the first submit (docs/BUDGETS.md), then checks it.
    await submitLogin(page, '1234', 'acompana');

    await page.getByText('El DNI debe tener exactamente 8 dígitos.', { exact: true }).waitFor();
    await expect(page.locator('input[name="dni"]:focus').count()).resolves.toBe(1);
    expect(logins).toEqual([]);
    expect(pathname(page)).toBe('/login');
  });
});
