import type { Request } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { waitForH1 } from '../support/browser.ts';
import { phoneSessions } from '../support/helpers.ts';

// Issue 12.2: a supervisor has no sync scope (the server answers 403 to /sync/pull), so their
// device never runs the sync engine and no screen of theirs speaks of sync: no chip in the top
// bar, no "No se pudo sincronizar". The coach, for contrast, syncs and shows the chip.

const signedIn = phoneSessions();
const SETTLE_MS = 4_000;

describe('roles sin ámbito de sincronización', () => {
  test('la directora no sincroniza ni ve nada de sincronización', async () => {
    const director = await signedIn('director');
    const syncRequests: string[] = [];
    director.on('request', (request: Request) => {
      if (request.url().includes('/api/v1/sync/')) syncRequests.push(request.url());
    });
    // A fresh start of the app (the offline runtime loads after the first screen).
    await director.reload();
    await waitForH1(director, 'Mi institución educativa');
    await director.waitForLoadState('networkidle');
    await director.waitForTimeout(SETTLE_MS);
    expect(syncRequests).toEqual([]);
    expect(await director.getByRole('button', { name: /^Sincronización/ }).count()).toBe(0);
    expect(await director.locator('body').innerText()).not.toMatch(/sincroniz/i);
    await director.goto('/mas');
    await waitForH1(director, 'Más');
    await director.waitForLoadState('networkidle');
    expect(await director.locator('body').innerText()).not.toMatch(/sincroniz/i);
    // Issue 12.15: nor by typing the sync page's address.
    await director.goto('/sincronizacion');
    await waitForH1(director, 'Página no encontrada');
    expect(await director.locator('main').innerText()).not.toMatch(/sincroniz/i);
    expect(syncRequests).toEqual([]);
  });

  test('el acompañante sí sincroniza', async () => {
    const coach = await signedIn('acompanante');
    await coach.getByRole('button', { name: /^Sincronización/ }).waitFor();
  });
});
