import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { mainNav, waitForH1 } from '../support/browser.ts';
import { getJson, noViolations, phoneSessions, step } from '../support/helpers.ts';
import { resultsDir } from '../support/server.ts';

// Issue 16 at 375×812: the especialista opens «Monitoreo» from the bottom bar and lands on
// their UGEL, taps a school's row and sees it by coach (UGEL → institución → acompañante),
// goes back up by the trail, and downloads the CSV of the table on screen: its total line has exactly the figures
// the screen's total row shows. The figures on screen are the API's (suppressed ones «< 5»).

const signedIn = phoneSessions();
const out = path.join(resultsDir, 'monitoring');

interface Row {
  name: string;
  drill: string | null;
  suppressed: boolean;
}

const table = (page: Page): Locator =>
  page.locator('table', { has: page.locator('caption') }).first();

/** The cells of the table's total row, as the screen shows them. */
async function totalCells(page: Page): Promise<string[]> {
  const row = table(page).locator('tbody tr[data-total]');
  return row.locator('td').allInnerTexts();
}

/** «1,234 de 1,500» → [1234, 1500]; «87.5 %» → [87.5]; «< 5» → ['< 5']. */
function numbers(cell: string): (number | string)[] {
  if (cell.trim() === '< 5') return ['< 5'];
  if (cell.trim() === '—') return [];
  return [...cell.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replaceAll(',', '')));
}

/** Taps the row of `name` (its first cell's link) and waits for the next level. */
async function drill(page: Page, row: Row): Promise<void> {
  await table(page).getByRole('link', { name: row.name, exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('scope') === row.drill);
  await page.getByRole('navigation', { name: 'Niveles' }).waitFor();
}

/** A row that drills, preferably one whose figures are shown. */
function drillable(rows: Row[]): Row {
  const row = rows.find((r) => r.drill && !r.suppressed) ?? rows.find((r) => r.drill);
  if (!row) throw new Error(`ninguna fila con nivel inferior: ${JSON.stringify(rows)}`);
  return row;
}

describe('monitoreo', () => {
  test('la especialista baja de la UGEL a una institución y a un acompañante, y descarga el CSV', async () => {
    mkdirSync(out, { recursive: true });
    const page = await signedIn('especialista');
    const request = page.context().request;

    await step(page, 'Monitoreo en la barra', () =>
      mainNav(page).getByRole('link', { name: 'Monitoreo', exact: true }).click(),
    );
    await waitForH1(page, 'Monitoreo');
    const ugel = await getJson(request, '/api/v1/reports/compliance');
    expect(ugel.scope.level).toBe('ugel');
    await step(page, 'la tabla de la UGEL', () =>
      table(page).locator('tbody tr').first().waitFor(),
    );
    const names = await table(page).locator('tbody th').allInnerTexts();
    expect(names).toEqual([...ugel.rows.map((r: Row) => r.name), 'Total']);
    await noViolations(page, 'Monitoreo de la UGEL');
    await page.screenshot({ path: path.join(out, '1-ugel.png'), fullPage: true });

    // UGEL → institución, whose rows are its coaches (compliance is activity data: the
    // especialista may see it per coach; a coach's row is the bottom, it drills no further).
    const school = drillable(ugel.rows);
    await step(page, `bajar a ${school.name}`, () => drill(page, school));
    const atSchool = await getJson(request, `/api/v1/reports/compliance?scope=${school.drill}`);
    expect(atSchool.by).toBe('coach');
    await step(page, 'las filas por acompañante', async () => {
      await table(page).locator('caption', { hasText: 'por acompañante' }).waitFor();
      expect(await table(page).locator('tbody th').allInnerTexts()).toEqual([
        ...atSchool.rows.map((r: Row) => r.name),
        'Total',
      ]);
    });
    expect(await table(page).locator('tbody th a').count()).toBe(0);
    const trail = page.getByRole('navigation', { name: 'Niveles' }).getByRole('link');
    expect(await trail.allInnerTexts()).toEqual([ugel.scope.name, atSchool.scope.name]);
    await page.getByText(/^Datos al /).waitFor();
    await noViolations(page, 'Monitoreo de una institución');
    await page.screenshot({
      path: path.join(out, '2-institucion-acompanantes.png'),
      fullPage: true,
    });

    // Back up to the UGEL by the trail; the CSV has the totals the screen shows.
    await step(page, 'subir a la UGEL', async () => {
      await trail.first().click();
      await page.waitForURL((url) => !url.searchParams.has('scope'));
      await table(page).locator('tbody tr[data-total]').waitFor();
    });
    // Other spec files record field work on the same server meanwhile, and the refresher
    // brings it into the reports within seconds: the screen is read again after the download,
    // and the pair is taken again (up to three times) until the figures held still around it.
    const downloadCsv = async () => {
      const before = (await totalCells(page)).map(numbers);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Descargar CSV' }).click(),
      ]);
      await page.reload();
      await table(page).locator('tbody tr[data-total]').waitFor();
      const after = (await totalCells(page)).map(numbers);
      return { download, screen: before, still: JSON.stringify(before) === JSON.stringify(after) };
    };
    let taken = await downloadCsv();
    for (let n = 1; n < 3 && !taken.still; n++) taken = await downloadCsv();
    const { download, screen } = taken;
    expect(download.suggestedFilename()).toMatch(/^cumplimiento-\d{4}-ugel-.+\.csv$/);
    const file = path.join(out, download.suggestedFilename());
    await download.saveAs(file);
    const lines = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines.length).toBe(ugel.rows.length + 2); // header, rows, total
    const header = (lines[0] ?? '').split(',');
    const last = (lines.at(-1) ?? '').split(',');
    const csv = (column: string): number | string | null => {
      const value = last[header.indexOf(column)] ?? '';
      if (value === '< 5') return value;
      return value === '' ? null : Number(value);
    };
    // How the screen writes a figure: «< 5», nothing known «—», a share rounded to 0.1,
    // «hechas de meta» (just «hechas» without a target).
    const one = (v: number | string | null) =>
      v === null ? [] : typeof v === 'string' ? [v] : [Math.round(v * 10) / 10];
    const pair = (done: string, target: string) => {
      const d = csv(done);
      const t = csv(target);
      if (d === null || typeof d === 'string') return one(d);
      return t === null ? [d] : [d, t];
    };
    expect(last[0]).toBe(`Total ${ugel.scope.name}`);
    // The screen's columns: Docentes, % con visita en el mes, visitas del mes, visitas
    // acumuladas, GIA, RIA, días de taller, reuniones con familias.
    expect(screen).toEqual([
      one(csv('Docentes')),
      one(csv('% docentes visitados en el mes')),
      pair('Visitas del mes', 'Meta de visitas del mes'),
      pair('Visitas acumuladas', 'Meta anual de visitas'),
      pair('GIA acumulados', 'Meta GIA'),
      pair('RIA acumuladas', 'Meta RIA'),
      pair('Talleres acumulados', 'Meta talleres'),
      pair('Reuniones con familias acumuladas', 'Meta reuniones con familias'),
    ]);

    // The XLSX of the same table (its cells equal the CSV's: server test reports/xlsx.test.ts).
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Descargar XLSX' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/^cumplimiento-\d{4}-ugel-.+\.xlsx$/);
    const xlsxFile = path.join(out, xlsx.suggestedFilename());
    await xlsx.saveAs(xlsxFile);
    // A ZIP container (an .xlsx), not an error page.
    expect(readFileSync(xlsxFile).subarray(0, 2).toString('latin1')).toBe('PK');

    // «Progreso»: levels per desempeño, aggregated; the same teachers as the API's total.
    const progress = await getJson(request, '/api/v1/reports/progress');
    expect(progress.by).not.toBe('coach');
    await step(page, 'la pestaña Progreso', async () => {
      await page.getByRole('tab', { name: 'Progreso' }).click();
      await page.getByRole('heading', { name: /^Niveles por desempeño/ }).waitFor();
    });
    const levels = page.locator('#progreso-niveles-tabla').locator('xpath=ancestor::table');
    expect(await levels.locator('tbody th').allInnerTexts()).toEqual(
      progress.total.suppressed
        ? []
        : progress.total.desempenos.map((d: { name: string }) => d.name),
    );
    await noViolations(page, 'Monitoreo: progreso');
    await page.screenshot({ path: path.join(out, '3-progreso.png'), fullPage: true });
  }, 240_000);
});
