import { Workbook } from '@cj-tech-master/excelts';
import { beforeAll, describe, expect, it } from 'vitest';
import { testTargets } from '../../test/databases.ts';
import { rosterHarness } from '../shared/testing.ts';
import { addReportFixture, type ReportFixture } from './testing.ts';

// The XLSX downloads hold exactly the CSV's cells: the same header, rows, total and «< 5»
// (numbers as numbers), for each report, on PGlite and PostgreSQL.

/** The CSV's lines as cells (the fixture's values hold no commas or quotes). */
const csvCells = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((line) => line.split(','));

describe.each(testTargets())('XLSX downloads on $engine', (target) => {
  const h = rosterHarness(target);
  let f: ReportFixture;
  const tag = target.engine === 'pglite' ? '05' : '06';
  const download = (path: string) =>
    h.client.request(`/api/v1/reports/${path}`, { headers: { cookie: h.cookies.minedu } });

  beforeAll(async () => {
    f = await addReportFixture(h.db, tag);
  });

  for (const report of ['compliance', 'coverage', 'progress'] as const) {
    it(`${report}.xlsx has the CSV's cells`, async () => {
      const query = `scope=ugel:${f.ugelId}&month=5`;
      const res = await download(`${report}.xlsx?${query}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(res.headers.get('content-disposition')).toMatch(/\.xlsx"$/);
      const workbook = new Workbook();
      await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()));
      const sheet = workbook.worksheets[0];
      if (!sheet) throw new Error('sin hoja');
      const rows: string[][] = [];
      sheet.eachRow((row) => {
        const values = (row.values as unknown[]).slice(1);
        rows.push(values.map((v) => (v === null || v === undefined ? '' : String(v))));
      });
      const csv = csvCells(await (await download(`${report}.csv?${query}`)).text());
      // A sheet row does not store its trailing empty cells.
      const trimmed = (line: string[]) => {
        let n = line.length;
        while (n > 0 && line[n - 1] === '') n--;
        return line.slice(0, n);
      };
      expect(rows).toEqual(csv.map(trimmed));
      expect(rows.length).toBeGreaterThanOrEqual(2);
      expect(rows.at(-1)?.[0]).toBe(`Total UGEL reportes ${tag}`);
      // School C's lone teacher: suppressed in the activity reports (progress has no levels here).
      if (report !== 'progress') expect(rows.flat()).toContain('< 5');
    });
  }
});
