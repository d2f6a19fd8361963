import { z } from 'zod';

// The result of an import, shared by the API (OpenAPI), the CLI and the web screen.

export const IMPORT_KINDS = ['schools', 'teachers', 'coaches'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** At most this many problems are listed; the totals always count all of them. */
export const MAX_LISTED_ISSUES = 1000;

export const importIssueSchema = z.object({
  /** File line for CSV (the header is line 1), sheet row for XLSX. */
  line: z.number().int(),
  /** The column at fault, as written in the file's header; absent for whole-row problems. */
  field: z.string().optional(),
  /** A complete Spanish sentence: "Línea 7, COD_MOD: el código modular …". */
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

export const importReportSchema = z.object({
  kind: z.enum(IMPORT_KINDS),
  file: z.string(),
  format: z.enum(['csv', 'xlsx']),
  /** Detected text encoding of a CSV: utf-8, latin1 (Windows-1252), ibm850, utf-16le/be. */
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  dryRun: z.boolean(),
  /** True only when the changes were saved. */
  applied: z.boolean(),
  /** Data rows read (blank rows are not counted). */
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Rows deliberately not imported (e.g. CETPRO or EBA services in a padrón). */
  skipped: z.number().int(),
  skippedReasons: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  invalidRows: z.number().int(),
  /** Total problems found, listed or not. */
  invalidIssues: z.number().int(),
  /** The first problems by line, at most MAX_LISTED_ISSUES. */
  invalid: z.array(importIssueSchema),
  regionsCreated: z.number().int(),
  ugelsCreated: z.number().int(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

const flag = z
  .enum(['true', 'false'], { error: 'Usa true o false.' })
  .default('false')
  .transform((v) => v === 'true');

export const importQuerySchema = z.object({ dryRun: flag, skipInvalid: flag });
export type ImportQuery = z.infer<typeof importQuerySchema>;

/** "Línea 7, COD_MOD: …" or, for a whole row, "Línea 7: …". `unit` is Línea (CSV) or Fila (XLSX). */
export function issueText(unit: string, line: number, field: string | undefined, text: string) {
  return field ? `${unit} ${line}, ${field}: ${text}` : `${unit} ${line}: ${text}`;
}

export interface FieldProblem {
  field?: string;
  text: string;
}

/**
 * Collects row problems, keeping the first MAX_LISTED_ISSUES by line even when they are found
 * out of order (checks that need the database run a batch later than the pure ones).
 */
export class IssueCollector {
  readonly listed: ImportIssue[] = [];
  rows = 0;
  total = 0;

  constructor(
    readonly unit: string,
    readonly cap = MAX_LISTED_ISSUES,
  ) {}

  addRow(line: number, problems: readonly FieldProblem[]): void {
    this.rows += 1;
    for (const p of problems) this.add(line, p);
  }

  private add(line: number, p: FieldProblem): void {
    this.total += 1;
    const last = this.listed[this.listed.length - 1];
    if (this.listed.length >= this.cap && last && last.line <= line) return;
    const issue: ImportIssue = { line, message: issueText(this.unit, line, p.field, p.text) };
    if (p.field) issue.field = p.field;
    // Usually appended in order; otherwise inserted after the last issue of a line ≤ this one.
    let at = this.listed.length;
    while (at > 0 && (this.listed[at - 1]?.line ?? 0) > line) at -= 1;
    this.listed.splice(at, 0, issue);
    if (this.listed.length > this.cap) this.listed.pop();
  }
}

const KIND_NAMES: Record<ImportKind, string> = {
  schools: 'instituciones educativas',
  teachers: 'docentes',
  coaches: 'acompañantes',
};

export function importKindName(kind: ImportKind): string {
  return KIND_NAMES[kind];
}

/** The message of IMPORT_INVALID_ROWS. */
export function invalidRowsMessage(report: ImportReport): string {
  const rows =
    report.invalidRows === 1 ? '1 fila inválida' : `${report.invalidRows} filas inválidas`;
  return `El archivo tiene ${rows}; no se importó nada. Corrige el archivo o impórtalo omitiendo las filas inválidas.`;
}
