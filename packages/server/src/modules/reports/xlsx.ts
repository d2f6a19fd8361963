import { PassThrough, Readable } from 'node:stream';
import { type Columns, SMALL } from './csv.ts';
import type { SuppressedTable } from './reports.ts';

// The XLSX downloads: the same rows, total and «< 5» as the CSV (csv.ts gives the columns),
// written row by row by excelts' streaming writer (no workbook held in memory) into the answer.

export function xlsxStream<R extends { suppressed: boolean; name: string }>(
  columns: Columns<R>,
  t: SuppressedTable<R>,
  sheetName: string,
): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const write = async () => {
    const { WorkbookWriter } = await import('@cj-tech-master/excelts');
    const workbook = new WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
    const sheet = workbook.addWorksheet(sheetName);
    sheet.addRow(columns.map((c) => c.header)).commit();
    const cells = (r: R) =>
      columns.map((c, i) => {
        if (r.suppressed && i > 0) return SMALL;
        const v = c.value(r);
        return v === null || v === undefined ? null : (v as string | number);
      });
    for (const r of t.rows) sheet.addRow(cells(r)).commit();
    sheet.addRow(cells({ ...t.total, name: `Total ${t.total.name}` })).commit();
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error) => out.destroy(error as Error));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
