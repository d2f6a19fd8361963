import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  connectBrowser,
  openFromMore,
  phoneContext,
  waitForH1,
  waitForPath,
} from '../support/browser.ts';
import { noViolations, phoneSessions, step } from '../support/helpers.ts';

// Issue 14 (people half) on a 375×812 phone: the especialista registers a new coach from
// «Personas», prints the activation sheet of the coach's group (the PDF holds the code), and
// the coach activates their account with that code on their own phone and chooses a password.

const COACH = { dni: '48999001', names: 'Yolanda', paternal: 'Quispe', maternal: 'Huarcaya' };
const signedIn = phoneSessions();
let browser: Browser | undefined;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The text-showing operators of a PDF (jsPDF compresses its content streams with Flate). */
function pdfTexts(bytes: Buffer): string {
  const raw = bytes.toString('latin1');
  const out: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    const body = Buffer.from(m[1] ?? '', 'latin1');
    try {
      out.push(inflateSync(body).toString('latin1'));
    } catch {
      out.push(body.toString('latin1'));
    }
  }
  return out.join('\n');
}

describe('personas y hojas de activación', () => {
  test('la especialista registra un acompañante, imprime su hoja y el acompañante se activa', async () => {
    const esp = await signedIn('especialista');
    await openFromMore(esp, 'Personas');
    await waitForH1(esp, 'Personas');
    await esp.locator('.list a').first().waitFor();
    await noViolations(esp, 'Personas');
    await esp.screenshot({ path: 'test-results/people/personas.png', fullPage: false });

    await esp.getByRole('link', { name: 'Registrar acompañante' }).click();
    await waitForH1(esp, 'Registrar acompañante');
    await esp.getByLabel('DNI', { exact: true }).fill(COACH.dni);
    await esp.getByLabel('Nombres', { exact: true }).fill(COACH.names);
    await esp.getByLabel('Apellido paterno', { exact: true }).fill(COACH.paternal);
    await esp.getByLabel('Apellido materno (opcional)').fill(COACH.maternal);
    await step(esp, 'las intervenciones', () =>
      esp.locator('select[name="interventionCode"] option[value="MULTIGRADO"]').waitFor({
        state: 'attached',
      }),
    );
    await esp.getByLabel('Intervención', { exact: true }).selectOption('MULTIGRADO');
    await noViolations(esp, 'Registrar acompañante');
    await esp.screenshot({ path: 'test-results/people/registrar.png', fullPage: true });
    await esp.getByRole('button', { name: 'Registrar acompañante' }).click();
    const fullName = `${COACH.names} ${COACH.paternal} ${COACH.maternal}`;
    await waitForH1(esp, fullName);
    await esp.getByText('Acompañante pedagógico').first().waitFor();
    await noViolations(esp, 'ficha de la persona');
    await esp.screenshot({ path: 'test-results/people/persona.png', fullPage: true });

    await esp.getByRole('link', { name: 'Hoja de activación de su grupo' }).click();
    await waitForH1(esp, 'Hoja de códigos de activación');
    await esp.getByText('1 persona recibirá un código nuevo.').waitFor();
    await noViolations(esp, 'hoja de activación');
    const [download] = await Promise.all([
      esp.waitForEvent('download'),
      esp.getByRole('button', { name: 'Emitir códigos e imprimir' }).click(),
    ]);
    // Chromium runs behind a remote connection: the file is copied here to be read.
    const file = join(tmpdir(), `hoja-${Date.now()}.pdf`);
    await download.saveAs(file);
    const texts = pdfTexts(await readFile(file));
    expect(texts).toContain(COACH.dni);
    const codes = [...texts.matchAll(/\(([A-HJKMNP-Z2-9]{8})\) Tj/g)].map((m) => m[1]);
    expect(codes).toHaveLength(1);
    await esp.getByText(/Hoja lista con 1 código/).waitFor();
    expect(await esp.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await esp.screenshot({ path: 'test-results/people/hoja.png', fullPage: true });

    // The coach, on their own phone, not signed in: «Activar cuenta» with the printed code.
    if (!browser) throw new Error('no browser');
    const phone = await (await phoneContext(browser)).newPage();
    await phone.goto('/activar');
    await waitForH1(phone, 'Activar cuenta');
    await phone.getByLabel('DNI', { exact: true }).fill(COACH.dni);
    await phone.getByLabel('Código de activación', { exact: true }).fill(codes[0] ?? '');
    await phone.getByLabel('Elige tu contraseña').fill('cuatro llamas cruzan el puente');
    await phone.getByRole('button', { name: 'Activar e ingresar' }).click();
    await waitForPath(phone, '/');
    await waitForH1(phone, 'Mi día');
    await phone.context().close();
    // Many steps, each an argon2 hash or a page load: more than the default minute on a busy
    // 2-core machine (140 s measured at load average 24).
  }, 300_000);
});
