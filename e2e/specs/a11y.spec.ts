import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../support/accounts.ts';
import {
  connectBrowser,
  loginFields,
  loginThroughUi,
  phoneContext,
  submitLogin,
} from '../support/browser.ts';

// WCAG 2.1 A/AA (axe-core) on the login page and on every role's home, on a phone.

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

/** Runs axe and returns one readable line per violation and node (empty when clean). */
async function violations(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const lines = results.violations.flatMap((v) =>
    v.nodes.map(
      (node) =>
        `[${v.impact ?? 'sin impacto'}] ${v.id}: ${v.help} — ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''} (${v.helpUrl})`,
    ),
  );
  if (lines.length) {
    console.error(`Violaciones de accesibilidad en ${where} (${page.url()}):\n${lines.join('\n')}`);
  }
  return lines;
}

describe('accesibilidad (WCAG 2.1 AA)', () => {
  test('página de ingreso', async () => {
    context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto('/login');
    await loginFields(page).submit.waitFor();
    expect(await violations(page, 'la página de ingreso')).toEqual([]);
  });

  test('página de ingreso mostrando un error', async () => {
    context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto('/login');
    await submitLogin(page, '40000001', 'no-es-la-contrasena');
    await page.getByRole('alert').filter({ hasText: /\S/ }).first().waitFor();
    expect(await violations(page, 'la página de ingreso con error')).toEqual([]);
  });

  for (const account of DEMO_ACCOUNTS) {
    test(`inicio de ${account.role} ("${account.home}")`, async () => {
      context = await phoneContext(browser);
      const page = await context.newPage();
      await loginThroughUi(page, account);
      // Let the home's data arrive so axe checks the real content, not a loading state.
      await page.waitForLoadState('networkidle');
      expect(await violations(page, `el inicio de ${account.role}`)).toEqual([]);
    });
  }
});
