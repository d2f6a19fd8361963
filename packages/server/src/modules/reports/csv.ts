import type { ComplianceRow, CoverageRow, ProgressRow } from '@acompana/core';
import type { SuppressedTable } from './reports.ts';

// The CSV downloads: exactly the rows and the total of the JSON answer, suppression included
// ("< 5"), written page by page to a stream (a BOM first, so Excel reads UTF-8).

export const SMALL = '< 5';
const PAGE = 200;

function field(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
const line = (values: unknown[]) => `${values.map(field).join(',')}\r\n`;

export type Columns<R> = { header: string; value: (r: R) => unknown }[];

export const COMPLIANCE: Columns<ComplianceRow> = [
  { header: 'Nombre', value: (r) => r.name },
  { header: 'Docentes', value: (r) => r.teachers },
  { header: 'Con acompañante', value: (r) => r.withCoach },
  { header: 'Visitas del mes', value: (r) => r.visits.done },
  { header: 'Visitas programadas del mes', value: (r) => r.visits.planned },
  { header: 'Meta de visitas del mes', value: (r) => r.visits.target },
  { header: '% docentes visitados en el mes', value: (r) => r.monthCoveragePct },
  { header: 'Visitas acumuladas', value: (r) => r.cumulative.visits.done },
  { header: 'Meta anual de visitas', value: (r) => r.cumulative.visits.target },
  { header: 'GIA acumulados', value: (r) => r.cumulative.gia.done },
  { header: 'Meta GIA', value: (r) => r.cumulative.gia.target },
  { header: 'RIA acumuladas', value: (r) => r.cumulative.ria.done },
  { header: 'Meta RIA', value: (r) => r.cumulative.ria.target },
  { header: 'Talleres acumulados', value: (r) => r.cumulative.taller.done },
  { header: 'Meta talleres', value: (r) => r.cumulative.taller.target },
  { header: 'Reuniones con familias acumuladas', value: (r) => r.cumulative.familias.done },
  { header: 'Meta reuniones con familias', value: (r) => r.cumulative.familias.target },
];

export const COVERAGE: Columns<CoverageRow> = [
  { header: 'Nombre', value: (r) => r.name },
  { header: 'Docentes', value: (r) => r.teachers },
  { header: 'Con acompañante', value: (r) => r.withCoach },
  { header: '% con acompañante', value: (r) => r.withCoachPct },
  { header: 'Cambios de acompañante', value: (r) => r.coachChanges },
  { header: '% continuidad', value: (r) => r.continuityPct },
];

/** Progreso: the table of rows the screen shows (levels per desempeño are in the JSON). */
export const PROGRESS: Columns<ProgressRow> = [
  { header: 'Nombre', value: (r) => r.name },
  { header: 'Docentes con niveles', value: (r) => r.teachers },
  { header: 'Suben', value: (r) => r.movement.up },
  { header: 'Se mantienen', value: (r) => r.movement.same },
  { header: 'Bajan', value: (r) => r.movement.down },
];

function render<R extends { suppressed: boolean; name: string }>(columns: Columns<R>, r: R) {
  return line(columns.map((c, i) => (r.suppressed && i > 0 ? SMALL : c.value(r))));
}

function toStream<R extends { suppressed: boolean; name: string }>(
  columns: Columns<R>,
  t: SuppressedTable<R>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let index = -1;
  return new ReadableStream({
    pull(controller) {
      if (index === -1) {
        controller.enqueue(encoder.encode(`\uFEFF${line(columns.map((c) => c.header))}`));
        index = 0;
        return;
      }
      if (index < t.rows.length) {
        const chunk = t.rows.slice(index, index + PAGE).map((r) => render(columns, r));
        index += PAGE;
        controller.enqueue(encoder.encode(chunk.join('')));
        return;
      }
      controller.enqueue(
        encoder.encode(render(columns, { ...t.total, name: `Total ${t.total.name}` })),
      );
      controller.close();
    },
  });
}

export const complianceCsv = (t: SuppressedTable<ComplianceRow>) => toStream(COMPLIANCE, t);
export const coverageCsv = (t: SuppressedTable<CoverageRow>) => toStream(COVERAGE, t);
export const progressCsv = (t: SuppressedTable<ProgressRow>) => toStream(PROGRESS, t);

/** cumplimiento-2026-ugel-<code>.csv (or .xlsx) */
export function csvFilename(
  report: 'cumplimiento' | 'cobertura' | 'progreso',
  t: SuppressedTable<unknown>,
  extension: 'csv' | 'xlsx' = 'csv',
) {
  const { level, code } = t.report.scope;
  const scope = level === 'nation' ? 'nacional' : `${level}-${code}`;
  return `${report}-${t.report.year}-${scope}.${extension}`.replace(/[^A-Za-z0-9._-]/g, '_');
}
