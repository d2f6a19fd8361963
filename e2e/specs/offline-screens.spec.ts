import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { waitForFirstSync } from '../support/browser.ts';
import { getJson as api, noViolations, phoneSessions, step } from '../support/helpers.ts';

// Issue 12.1 at 375×812: after one sync, the coach's and the teacher's screens that also read
// the server (Docentes, a teacher, "Mis docentes", Instituciones, a school, Catálogo,
// Sincronización) open with the network off, from the device's copy, with the quiet
// "datos del HH:MM" note and no error state ("No se pudo conectar con el servidor").

const signedIn = phoneSessions();

/** The device stored the screens' copy (the last parts written by the reference refresh). */
async function screensStored(page: Page, personId: string): Promise<void> {
  // An expression string: this suite is typed for Node, it runs in the page.
  const probe = `new Promise((resolve) => {
    const open = indexedDB.open('acompana-${personId}');
    open.onerror = () => resolve(0);
    open.onsuccess = () => {
      const db = open.result;
      try {
        const tx = db.transaction(['meta', 'reference']);
        const meta = tx.objectStore('meta').get('screens.targets');
        const schools = tx.objectStore('reference').index('kind').count('schoolDetail');
        tx.oncomplete = () => { db.close(); resolve((meta.result ? 1 : 0) + (schools.result > 0 ? 2 : 0)); };
        tx.onerror = () => { db.close(); resolve(0); };
      } catch { db.close(); resolve(0); }
    };
  })`;
  // 1: the catalogue is stored; 2: the schools are; 3: both.
  await expect.poll(() => page.evaluate(probe), { timeout: 90_000 }).toBe(3);
}

/** The service worker controls the page (installed on the first visit, it controls after a
 *  reload): from then on it serves the app offline. */
async function controlled(page: Page): Promise<void> {
  await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
  if (!(await page.evaluate('Boolean(navigator.serviceWorker.controller)'))) await page.reload();
  await expect
    .poll(() => page.evaluate('Boolean(navigator.serviceWorker.controller)'), { timeout: 30_000 })
    .toBe(true);
}

/** Opens `url` offline and fails on any error state; `note`: the screen shows its copy's time. */
async function openOffline(page: Page, name: string, url: string, note: boolean): Promise<void> {
  await step(page, `${name} sin conexión`, async () => {
    await page.goto(url);
    await page.locator('h1').first().waitFor();
    await expect
      .poll(() => page.locator('.skeleton, .status--loading').count(), { timeout: 20_000 })
      .toBe(0);
    expect(await page.locator('.notice--error, [role="alert"]').allInnerTexts()).toEqual([]);
    expect(await page.locator('body').innerText()).not.toContain('No se pudo conectar');
    if (note)
      await page
        .getByText(/Sin conexión · datos del \d{1,2}:\d{2}/)
        .first()
        .waitFor();
  });
  await noViolations(page, `${name} sin conexión`);
}

describe('pantallas de campo sin conexión', () => {
  test('el acompañante abre docentes, una docente, instituciones, catálogo y sincronización', {
    timeout: 240_000,
  }, async () => {
    const page = await signedIn('acompanante');
    const request = page.context().request;
    const me = (await api(request, '/api/v1/me')).person.id as string;
    const teacher = (await api(request, '/api/v1/teachers?limit=1')).items[0];
    const school = teacher.schools[0].id as string;
    const visits = (await api(request, `/api/v1/teachers/${teacher.id}/visits`)).visits.length;
    await controlled(page);
    await waitForFirstSync(page);
    await screensStored(page, me);

    await page.context().setOffline(true);
    await openOffline(page, 'inicio (Mis docentes)', '/', true);
    await page.getByRole('heading', { name: 'Mis docentes' }).waitFor();
    await page.getByRole('link', { name: teacher.displayName, exact: true }).first().waitFor();
    await openOffline(page, 'docentes', '/docentes', true);
    await page.getByRole('link', { name: teacher.displayName, exact: true }).first().waitFor();
    await openOffline(page, 'una docente', `/docentes/${teacher.id}`, true);
    await page.getByRole('heading', { level: 1, name: teacher.displayName }).waitFor();
    // Her visits from the device, said so, rather than a section that silently disappears.
    await page.getByText('Sin conexión: las visitas guardadas en este dispositivo.').waitFor();
    expect(
      await page.locator('section[aria-labelledby="visitas-docente"] a[href^="/visitas/"]').count(),
    ).toBe(visits);
    await openOffline(page, 'instituciones', '/instituciones', true);
    await openOffline(page, 'una institución', `/instituciones/${school}`, true);
    await openOffline(page, 'catálogo', '/catalogo', true);
    await openOffline(page, 'sincronización', '/sincronizacion', false);
    await page.context().setOffline(false);
  });

  test('la docente abre su ficha y sincronización', { timeout: 240_000 }, async () => {
    const page = await signedIn('docente');
    const me = (await api(page.context().request, '/api/v1/me')).person.id as string;
    await controlled(page);
    await waitForFirstSync(page);
    await screensStored(page, me);

    await page.context().setOffline(true);
    await openOffline(page, 'mi ficha', `/docentes/${me}`, true);
    await openOffline(page, 'sincronización', '/sincronizacion', false);
    await page.context().setOffline(false);
  });
});
