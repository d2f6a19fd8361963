import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api/client.ts';
import { readReport, reportOfError } from './report.ts';

// The import screen reads the report tolerantly: it needs the figures and the invalid rows.

const report = {
  kind: 'teachers',
  file: 'docentes.csv',
  format: 'csv',
  dryRun: true,
  applied: false,
  rows: 12,
  created: 8,
  updated: 1,
  unchanged: 1,
  skipped: 0,
  invalidRows: 2,
  invalidIssues: 3,
  invalid: [
    { line: 4, field: 'DNI', message: 'Línea 4, DNI: el DNI debe tener 8 dígitos.' },
    { line: 9, message: 'Línea 9: fila vacía a medias.' },
  ],
};

describe('import report', () => {
  it('keeps the figures and the invalid rows with their lines', () => {
    const read = readReport(report);
    expect(read).toMatchObject({ kind: 'teachers', rows: 12, created: 8, invalidRows: 2 });
    expect(read?.invalid.map((i) => i.line)).toEqual([4, 9]);
    expect(read?.invalidIssues).toBe(3);
  });

  it('refuses what is not a report and derives missing counts', () => {
    expect(readReport({ kind: 'otros' })).toBeNull();
    expect(readReport({ kind: 'coaches' })).toMatchObject({ kind: 'coaches', rows: 0 });
    expect(readReport(null)).toBeNull();
    const minimal = readReport({ kind: 'schools', invalid: [{ line: 2, message: 'x' }] });
    expect(minimal).toMatchObject({ rows: 0, invalidRows: 1, invalidIssues: 1 });
  });

  it('finds the report in a 422 IMPORT_INVALID_ROWS', () => {
    const error = new ApiError(422, 'IMPORT_INVALID_ROWS', 'Filas inválidas', { report });
    expect(reportOfError(error)?.created).toBe(8);
    const flat = new ApiError(422, 'IMPORT_INVALID_ROWS', 'Filas inválidas', report);
    expect(reportOfError(flat)?.rows).toBe(12);
    expect(reportOfError(new ApiError(422, 'IMPORT_MISSING_COLUMNS', 'x', null))).toBeNull();
  });
});
