import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../support/accounts.ts';
import {
  connectBrowser,
  describePage,
  loginThroughUi,
  phoneContext,
  syncFromChip,
  waitForH1,
} from '../support/browser.ts';
import { readStore, type StoredOutboxEntry } from '../support/instruments.ts';

// Issue 6 in a phone-sized Chromium: a coach records field work with no connection, reloads
// the page offline (the service worker serves the app, the local store keeps the work), comes
// back online, syncs, and the server has it; meanwhile the outbox holds one entry per record
// (coalescing). Plus axe on the new screens.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const coach = DEMO_ACCOUNTS.find((a) => a.role === 'acompanante');
if (!coach) throw new Error('demo coach missing');

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

/** The caseload (reference data) reached the local store: the teacher list has options. */
// Polled through locators and page.evaluate: a string given to waitForFunction needs eval,
// which the app's Content-Security-Policy (rightly) refuses once it has to poll.
async function caseloadLoaded(page: Page): Promise<void> {
  await expect
    .poll(() => page.locator('#visit-teacher option').count(), { timeout: 30_000 })
    .toBeGreaterThan(1);
}

async function controlledByServiceWorker(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate('Boolean(navigator.serviceWorker.controller)'), { timeout: 30_000 })
    .toBe(true);
}

async function violations(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const lines = results.violations.flatMap((v) =>
    v.nodes.map((node) => `${v.id}: ${v.help} — ${node.target.join(' ')} (${where})`),
  );
  if (lines.length) console.error(lines.join('\n'));
  return lines;
}

/** Waits until the service worker controls the page (precache done, app shell cached). */
const consoleLines: string[] = [];

async function waitForServiceWorker(page: Page): Promise<void> {
  // Expressions as strings: this suite is typed for Node, they run in the page.
  const state = await page.evaluate(
    "Promise.race([navigator.serviceWorker.ready.then(() => 'ready'), new Promise((r) => setTimeout(() => r('no service worker after 20 s'), 20000))])",
  );
  if (state !== 'ready') {
    const registrations = await page.evaluate(
      'navigator.serviceWorker.getRegistrations().then((r) => r.map((x) => [x.scope, Boolean(x.installing), Boolean(x.waiting), Boolean(x.active)]))',
    );
    const sw = await page.request.get('/sw.js');
    throw new Error(
      `sin service worker: ${String(state)}; registros ${JSON.stringify(registrations)}; /sw.js ${sw.status()} ${sw.headers()['content-type']}; consola ${JSON.stringify(consoleLines)}`,
    );
  }
  if (!(await page.evaluate('Boolean(navigator.serviceWorker.controller)'))) {
    await page.reload();
    await controlledByServiceWorker(page);
  }
}

interface MeBody {
  person: { id: string };
}

interface PulledChange {
  kind: string;
  id: string;
  data: Record<string, unknown> | null;
}

async function pullAll(page: Page): Promise<PulledChange[]> {
  const out: PulledChange[] = [];
  let cursor = '';
  let scope = '';
  // Like a device: send back the cursor and the scope fingerprint, or every page is a re-seed.
  for (;;) {
    const query = new URLSearchParams({ limit: '500' });
    if (cursor) query.set('cursor', cursor);
    if (scope) query.set('scope', scope);
    const res = await page.request.get(`/api/v1/sync/pull?${query}`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as {
      changes: PulledChange[];
      cursor: string;
      more: boolean;
      scope: string;
    };
    out.push(...body.changes);
    cursor = body.cursor;
    scope = body.scope;
    if (!body.more) return out;
  }
}

/** Runs one step; a failure says which step and what the page showed. */
async function step<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new Error(`Paso «${name}» falló; ${await describePage(page)}\n${error}`);
  }
}

describe('trabajo de campo sin conexión', () => {
  test('registrar una visita sin conexión, recargar, volver a conectarse y sincronizar', async () => {
    context = await phoneContext(browser);
    const page = await context.newPage();
    page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));
    await loginThroughUi(page, coach);
    const personId = ((await (await page.request.get('/api/v1/me')).json()) as MeBody).person.id;
    await step(page, 'service worker', () => waitForServiceWorker(page));

    // Online once: the caseload is downloaded for the offline form.
    await page.getByRole('link', { name: 'Visitas', exact: true }).click();
    await waitForH1(page, 'Visitas');
    await page.getByRole('link', { name: 'Programar visita' }).click();
    await waitForH1(page, 'Programar visita');
    const teacher = page.getByLabel('Docente', { exact: true });
    await step(page, 'grupo de docentes descargado', () => caseloadLoaded(page));

    await context.setOffline(true);
    const goal = `Leer en voz alta ${Date.now()}`;
    await teacher.selectOption({ index: 1 });
    await page.getByLabel('Propósitos de la visita').fill(`${goal}\nEscribir su nombre`);
    await page.getByRole('button', { name: 'Guardar' }).click();
    await step(page, 'guardar la visita sin conexión', () =>
      page.getByRole('heading', { level: 1, name: /^Visita del / }).waitFor(),
    );
    const visitPath = new URL(page.url()).pathname;
    const visitId = visitPath.split('/').pop() ?? '';
    // The first save loaded zod's Spanish messages, offline, from the service worker's copy.
    const spanish = await page.evaluate(`(async () => {
      const entry = performance.getEntriesByType('resource')
        .find((r) => /zod-locale-[^/]*\\.js$/.test(r.name));
      if (!entry) return 'no cargado';
      return (await (await fetch(entry.name)).text()).includes('Entrada inválida');
    })()`);
    expect(spanish).toBe(true);

    await page.getByRole('button', { name: 'Marcar como realizada' }).click();
    await step(page, 'marcar realizada', () => page.getByText('Realizada').first().waitFor());
    for (const text of ['Leer un cuento cada día', 'Preguntar por lo que entendieron']) {
      await page.getByLabel('Compromiso', { exact: true }).fill(text);
      await page.getByRole('button', { name: 'Agregar compromiso' }).last().click();
      await page.getByText(text, { exact: false }).first().waitFor();
    }

    // Reload with no connection: the service worker serves the app, the store the work.
    await page.reload();
    try {
      await page.getByRole('heading', { level: 1, name: /^Visita del / }).waitFor();
    } catch (error) {
      throw new Error(`La visita no se abrió sin conexión; ${await describePage(page)}\n${error}`);
    }
    expect(new URL(page.url()).pathname).toBe(visitPath);
    // The coach sees the goals in their editable field: a textarea's value, not text in the page
    // (React DOM also copied it into the element's text; Preact sets only the value).
    await expect
      .poll(() => page.getByLabel('Propósitos de la visita').inputValue(), { timeout: 15_000 })
      .toBe(`${goal}\nEscribir su nombre`);
    await page.getByText('Leer un cuento cada día').waitFor();
    await page.getByText('Preguntar por lo que entendieron').waitFor();
    // The badges come from the outbox, read after the records themselves: wait for all three.
    await expect
      .poll(() => page.getByText('sin enviar', { exact: true }).count(), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(3);
    // The top bar says what waits on the phone while offline, not only that it is offline.
    await page
      .getByRole('button', { name: /^Sincronización, sin conexión: \d+ sin enviar$/ })
      .waitFor();
    // Coalescing (issue 13.1): four saves of three records wait as one entry per record.
    const outbox = (await readStore<StoredOutboxEntry>(page, personId, 'outbox')).filter(
      (e) => e.entityId === visitId || e.payload?.visitId === visitId,
    );
    expect(outbox.map((e) => e.kind).sort()).toEqual(['commitment', 'commitment', 'visit']);
    expect(outbox.find((e) => e.kind === 'visit')?.payload).toMatchObject({ status: 'done' });

    // Back online: sync and check the server.
    await context.setOffline(false);
    await step(page, 'sincronizar', () => syncFromChip(page));
    await expect
      .poll(() => page.getByText('sin enviar', { exact: true }).count(), { timeout: 15_000 })
      .toBe(0);

    const changes = await pullAll(page);
    const visit = changes.find((c) => c.kind === 'visit' && c.id === visitId);
    expect(visit?.data).toMatchObject({ status: 'done', goals: [goal, 'Escribir su nombre'] });
    const commitments = changes.filter(
      (c) => c.kind === 'commitment' && c.data?.visitId === visitId,
    );
    expect(commitments.map((c) => c.data?.text).sort()).toEqual([
      'Leer un cuento cada día',
      'Preguntar por lo que entendieron',
    ]);
  }, 150_000);

  test('las pantallas de campo pasan axe', async () => {
    context = await phoneContext(browser);
    const page = await context.newPage();
    await loginThroughUi(page, coach);
    await page.getByRole('link', { name: 'Visitas', exact: true }).click();
    await waitForH1(page, 'Visitas');
    expect(await violations(page, 'Visitas')).toEqual([]);
    await page.getByRole('link', { name: 'Programar visita' }).click();
    await waitForH1(page, 'Programar visita');
    await caseloadLoaded(page);
    expect(await violations(page, 'Programar visita')).toEqual([]);
    await page.getByLabel('Docente', { exact: true }).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('heading', { level: 1, name: /^Visita del / }).waitFor();
    expect(await violations(page, 'una visita')).toEqual([]);
    await page.goto('/sincronizacion');
    await waitForH1(page, 'Sincronización');
    expect(await violations(page, 'Sincronización')).toEqual([]);
  });
});
