import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { connectBrowser, phoneContext, waitForH1 } from '../support/browser.ts';
import { noViolations } from '../support/helpers.ts';
import { resultsDir } from '../support/server.ts';

// The component gallery (issue 17.4) at 320 and 375 px: axe finds nothing, and screenshots of
// the whole kit (and of the open sheet) are kept in e2e/test-results/gallery/ as CI artifacts.

const out = path.join(resultsDir, 'gallery');
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  browser = await connectBrowser();
  mkdirSync(out, { recursive: true });
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

afterAll(async () => {
  await browser?.close();
});

describe('galería de componentes', () => {
  for (const width of [320, 375]) {
    test(`a ${width} px: todos los componentes, sin violaciones de axe`, async () => {
      context = await phoneContext(browser);
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 812 });
      await page.goto('/galeria');
      await waitForH1(page, 'Galería de componentes');
      // Every part of the kit is on the page.
      for (const section of [
        'Botones',
        'Insignias y chips',
        'Tarjetas y cifras',
        'Listas',
        'Vacío, cargando y avisos',
        'Campos',
        'Grupos de campos',
        'Segmentos, pestañas e interruptor',
        'Hoja y aviso breve',
        'Barra superior y navegación',
      ]) {
        await page.getByRole('heading', { level: 2, name: section, exact: true }).waitFor();
      }
      expect(await page.getByRole('radiogroup').count()).toBe(3);
      expect(await page.getByRole('tab').count()).toBe(3);
      expect(await page.getByRole('switch').count()).toBe(2);
      // An off switch must not look on: its track's colour differs from the on one's.
      const trackColours = await page.evaluate<
        string[]
      >(`[...document.querySelectorAll('[role=switch]')]
        .sort((a, b) => (a.getAttribute('aria-checked') === 'true' ? -1 : 1))
        .map((s) => getComputedStyle(s.querySelector('.switch__track')).backgroundColor)`);
      expect(trackColours).toHaveLength(2);
      expect(trackColours[0]).not.toBe(trackColours[1]);
      // Nothing wider than the phone.
      expect(
        await page.evaluate<number>('document.documentElement.scrollWidth'),
      ).toBeLessThanOrEqual(width);
      // Every control is a thumb-sized target (≥ 48 × 48 px): a checkbox or radio through the
      // label that wraps it.
      const small = await page.evaluate<string[]>(`[...document.querySelectorAll(
          'main button, main a[href], main input, main select, main textarea, main summary, main [role=tab]'
        )]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => (el.matches('input[type=checkbox], input[type=radio]') ? el.closest('label') : el))
        .filter((el) => {
          const box = el.getBoundingClientRect();
          return box.height < 47.5 || box.width < 47.5;
        })
        .map((el) => el.outerHTML.slice(0, 120))`);
      expect(small).toEqual([]);
      await noViolations(page, `la galería a ${width} px`);
      await page.screenshot({ path: path.join(out, `galeria-${width}.png`), fullPage: true });

      // A rubric level is one tap; arrows move along the levels.
      const levels = page.getByRole('radiogroup').nth(1);
      await levels.getByRole('radio', { name: 'II: Proceso', exact: true }).click();
      expect(await levels.getByRole('radio', { checked: true }).getAttribute('aria-label')).toBe(
        'II: Proceso',
      );
      await page.keyboard.press('ArrowRight');
      expect(await levels.getByRole('radio', { checked: true }).getAttribute('aria-label')).toBe(
        'III: Logrado',
      );

      // Moving on with the keyboard, the focused control shows the focus ring (3 px).
      await page.keyboard.press('Tab');
      const ring = await page.evaluate<string[]>(`(() => {
        const style = getComputedStyle(document.activeElement);
        return [style.outlineStyle, style.outlineWidth];
      })()`);
      expect(ring).toEqual(['solid', '3px']);

      // The sheet takes the full width of the phone, and passes axe while open.
      await page.getByRole('button', { name: 'Abrir hoja' }).click();
      const sheet = page.getByRole('alertdialog', { name: 'Tienes cambios sin enviar' });
      await sheet.waitFor();
      const box = await sheet.boundingBox();
      expect(box?.width).toBe(width);
      await noViolations(page, `la hoja abierta a ${width} px`);
      await page.screenshot({ path: path.join(out, `galeria-${width}-hoja.png`) });
      await page.keyboard.press('Escape');
      await sheet.waitFor({ state: 'hidden' });

      // The toast is announced in the polite status region.
      await page.getByRole('button', { name: 'Mostrar aviso breve' }).click();
      await page.getByRole('status').filter({ hasText: 'Reflexión guardada' }).waitFor();
    });
  }
});
