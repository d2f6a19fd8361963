import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { mainNav, waitForH1 } from '../support/browser.ts';
import { getJson as api, noViolations, phoneSessions, step } from '../support/helpers.ts';

// Issue 15, own activity types on a 375×812 phone: equipo MINEDU adds «Círculo de lectura…»
// to the demo coach's intervention in Catálogo; the coach, signed in afterwards, finds it in
// «Nueva actividad» with the network off and saves an activity of that type, named by it.

const TEACHER_DNI = '30000001';
const signedIn = phoneSessions();

/** Offline, the activity page's chunk comes from the service worker: wait until it controls. */
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

test('el equipo MINEDU agrega un tipo de actividad y el acompañante lo usa sin conexión', async () => {
  const name = `Círculo de lectura docente ${Date.now()}`;
  const theme = 'Lectura compartida en voz alta';
  const minedu = await signedIn('minedu');
  const request = minedu.context().request;
  const teacher = (await api(request, `/api/v1/teachers?q=${TEACHER_DNI}`)).items[0];
  const detail = await api(request, `/api/v1/teachers/${teacher.id}`);
  const code = detail.caseloads.find((c: { current: boolean }) => c.current).intervention;
  await minedu.goto(`/catalogo?intervencion=${code}`);
  await minedu.getByRole('heading', { name: 'Tipos de actividad' }).waitFor();
  await minedu.getByLabel('Nuevo tipo de actividad').fill(name);
  await minedu.getByRole('button', { name: 'Agregar tipo' }).click();
  await minedu.getByRole('status').filter({ hasText: 'Tipo de actividad agregado.' }).waitFor();
  await minedu.getByRole('heading', { name }).waitFor();
  await noViolations(minedu, 'los tipos de actividad en el catálogo');
  if (process.env.SHOTS_DIR) {
    await minedu.getByRole('heading', { name: 'Tipos de actividad' }).scrollIntoViewIfNeeded();
    await minedu.screenshot({ path: `${process.env.SHOTS_DIR}/catalog-types.png` });
  }

  const coach = await signedIn('acompanante');
  await step(coach, 'service worker', () => controlledByServiceWorker(coach));
  await coach.getByRole('heading', { name: 'Agenda del día' }).waitFor();
  await mainNav(coach).getByRole('link', { name: 'Actividades', exact: true }).click();
  await waitForH1(coach, 'Actividades');
  await coach.getByRole('link', { name: 'Nueva actividad' }).click();
  await waitForH1(coach, 'Nueva actividad');
  const type = coach.getByLabel('Tipo de actividad');
  // The first sync stored the interventions with their own types.
  await expect
    .poll(() => type.locator('option', { hasText: name }).count(), { timeout: 30_000 })
    .toBe(1);
  await coach.context().setOffline(true);
  await type.selectOption({ label: name });
  await coach.getByLabel('Tema', { exact: true }).fill(theme);
  const venue = coach.getByLabel('Institución educativa sede');
  if ((await venue.inputValue()) === '') await venue.selectOption({ index: 1 });
  await coach.getByRole('button', { name: 'Guardar actividad' }).click();
  await step(coach, 'guardar la actividad', () =>
    coach.getByRole('heading', { level: 1, name: `${name}: ${theme}` }).waitFor(),
  );
  await coach.context().setOffline(false);
});
