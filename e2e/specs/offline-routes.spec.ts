import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { findRawCodes } from '@acompana/core';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { waitForFirstSync } from '../support/browser.ts';
import { getJson as api, phoneSessions, step } from '../support/helpers.ts';
import { readStore } from '../support/instruments.ts';
import { resultsDir } from '../support/server.ts';

// Issue 12.1 on a 375×812 phone: the coach and the teacher each sign in, sync once, go offline
// (context.setOffline) and open EVERY field route with a full page load served by the service
// worker. A route fails on any error state: "No se pudo conectar…", the error boundary, a
// visible role=alert or error notice, a page that never stops loading, or no heading. Issue
// 12.15 rides along: the visible text of every page holds no raw code (core's findRawCodes,
// the rule the catalogue test applies to every text) and no double period. Every problem of every route is listed
// at once; screenshots in test-results/offline-routes/.

const out = path.join(resultsDir, 'offline-routes');
const signedIn = phoneSessions();

interface StoredFieldRecord {
  kind: string;
  id: string;
  data: { teacherId?: string; schoolId?: string };
}

async function controlledByServiceWorker(page: Page): Promise<void> {
  await page.evaluate('navigator.serviceWorker.ready');
  if (!(await page.evaluate('Boolean(navigator.serviceWorker.controller)'))) {
    await page.reload();
    await expect
      .poll(() => page.evaluate('Boolean(navigator.serviceWorker.controller)'), {
        timeout: 30_000,
      })
      .toBe(true);
  }
}

/** Opens `url` offline and returns what is wrong with it (nothing: an empty list). */
async function problemsOf(page: Page, name: string, url: string): Promise<string[]> {
  const where = `${name} (${url})`;
  const problems: string[] = [];
  await page.goto(url);
  try {
    await page.locator('h1').first().waitFor({ timeout: 20_000 });
  } catch {
    problems.push(`${where}: sin encabezado h1`);
  }
  // Loading placeholders must give way to the device's data.
  const loading = '.skeleton, .status--loading, [aria-busy="true"]';
  await expect
    .poll(() => page.locator(loading).count(), { timeout: 20_000 })
    .toBe(0)
    .catch(() => problems.push(`${where}: sigue cargando sin conexión`));
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
  const alerts = (await page.locator('[role="alert"], .notice--error').allInnerTexts())
    .map((text) => text.trim())
    .filter(Boolean);
  if (alerts.length) problems.push(`${where}: error ${JSON.stringify(alerts)}`);
  const body = await page.locator('body').innerText();
  for (const sentence of ['No se pudo conectar', 'No se pudo cargar esta sección']) {
    if (body.includes(sentence)) problems.push(`${where}: «${sentence}…»`);
  }
  const h1 = await page.locator('h1').allInnerTexts();
  if (h1.some((text) => /no encontrada/i.test(text))) problems.push(`${where}: ${h1.join(' ')}`);
  // No double period where two sentences were joined ("…guardado..").
  const doubled = body.match(/[^.\s]\.\.(?!\.)/g);
  if (doubled) problems.push(`${where}: punto doble ${JSON.stringify(doubled)}`);
  const codes = findRawCodes(body);
  if (codes.length) problems.push(`${where}: códigos internos ${JSON.stringify(codes)}`);
  return problems;
}

async function visitAll(page: Page, role: string, routes: Record<string, string>) {
  const problems: string[] = [];
  for (const [name, url] of Object.entries(routes)) {
    problems.push(...(await problemsOf(page, `${role}-${name}`, url)));
  }
  return problems;
}

/** Online once: the service worker controls the page and the first sync has finished. */
async function ready(page: Page): Promise<string> {
  await step(page, 'service worker', () => controlledByServiceWorker(page));
  await step(page, 'primera sincronización', () => waitForFirstSync(page));
  return (await api(page.context().request, '/api/v1/me')).person.id as string;
}

describe('cada ruta de campo se abre sin conexión, sin errores ni códigos internos', () => {
  mkdirSync(out, { recursive: true });

  test('el acompañante', async () => {
    const coach = await signedIn('acompanante');
    const me = await ready(coach);
    const records = await readStore<StoredFieldRecord>(coach, me, 'records');
    const visit = records.find((r) => r.kind === 'visit');
    const response = records.find((r) => r.kind === 'instrument_response');
    // The school of a visit on the device: a school of the coach's caseload, as the offline
    // list of Instituciones shows them.
    const school = visit?.data.schoolId;
    if (!visit?.data.teacherId || !response || !school)
      throw new Error('the demo coach has no visit, record or school on the device');
    const teacher = visit.data.teacherId;
    // The app shell, lazy chunks and reference data of these screens were stored by the visit
    // above and the first sync; nothing else is opened online first.
    await coach.context().setOffline(true);
    const problems = await visitAll(coach, 'acompanante', {
      inicio: '/',
      docentes: '/docentes',
      docente: `/docentes/${teacher}`,
      instituciones: '/instituciones',
      institucion: `/instituciones/${school}`,
      catalogo: '/catalogo',
      sincronizacion: '/sincronizacion',
      visitas: '/visitas',
      visita: `/visitas/${visit.id}`,
      'programar-visita': '/visitas/nueva',
      diagnostico: `/docentes/${teacher}/diagnostico`,
      plan: `/docentes/${teacher}/plan`,
      progreso: `/docentes/${teacher}/progreso`,
      modelado: `/docentes/${teacher}/modelado`,
      'llenar-instrumento': '/instrumentos/llenar',
      registro: `/instrumentos/registros/${response.id}`,
    });
    await coach.context().setOffline(false);
    expect(problems).toEqual([]);
  }, 300_000);

  test('la docente', async () => {
    const teacher = await signedIn('docente');
    const me = await ready(teacher);
    const records = await readStore<StoredFieldRecord>(teacher, me, 'records');
    const visit = records.find((r) => r.kind === 'visit');
    if (!visit) throw new Error('the demo teacher has no visit on the device');
    await teacher.context().setOffline(true);
    const problems = await visitAll(teacher, 'docente', {
      inicio: '/',
      ficha: `/docentes/${me}`,
      sincronizacion: '/sincronizacion',
      visitas: '/visitas',
      visita: `/visitas/${visit.id}`,
      diagnostico: `/docentes/${me}/diagnostico`,
      plan: `/docentes/${me}/plan`,
      progreso: `/docentes/${me}/progreso`,
      modelado: `/docentes/${me}/modelado`,
    });
    await teacher.context().setOffline(false);
    expect(problems).toEqual([]);
  }, 300_000);
});
