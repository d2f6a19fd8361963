import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEMO_ACCOUNTS, type DemoAccount } from './accounts.ts';
import { connectBrowser, describePage, loginThroughUi, phoneContext } from './browser.ts';

// Steps the specs share: the demo account of a role, a JSON GET that must answer 200, an axe
// check (WCAG 2.1 AA) that names the screen, and a named step that reports what the page showed.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export function account(role: DemoAccount['role']): DemoAccount {
  const found = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!found) throw new Error(`no demo account for ${role}`);
  return found;
}

/** For a spec file: phone-sized pages signed in as a demo role, on one Chromium connection;
 *  every context is closed after the file. */
export function phoneSessions(): (role: DemoAccount['role']) => Promise<Page> {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await connectBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });
  return async (role) => {
    if (!browser) throw new Error('phoneSessions: the browser is not connected yet');
    const context = await phoneContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    await loginThroughUi(page, account(role));
    return page;
  };
}

// biome-ignore lint/suspicious/noExplicitAny: the specs read API JSON and assert on its shape
export async function getJson(request: APIRequestContext, path: string): Promise<any> {
  const res = await request.get(path);
  expect(res.status(), path).toBe(200);
  return res.json();
}

export async function axeViolations(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const lines = results.violations.flatMap((v) =>
    v.nodes.map((node) => `${v.id}: ${v.help} — ${node.target.join(' ')}`),
  );
  if (lines.length) console.error(`Violaciones en ${where}:\n${lines.join('\n')}`);
  return lines;
}

export async function noViolations(page: Page, where: string): Promise<void> {
  expect(await axeViolations(page, where)).toEqual([]);
}

/** Runs one step; a failure says which step and what the page showed. */
export async function step<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new Error(`Paso «${name}» falló; ${await describePage(page)}\n${error}`);
  }
}
