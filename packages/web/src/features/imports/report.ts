import { IMPORT_KINDS, type ImportKind } from '@acompana/core';
import { ApiError, apiRequest } from '../../app/api/client.ts';

// The imports API (POST /api/v1/imports/schools|teachers|coaches, multipart field "file", query dryRun
// and skipInvalid) and a tolerant reading of its report: the screen needs only these fields.

export type { ImportKind };

export interface ImportIssueView {
  line: number;
  field?: string;
  message: string;
}

export interface ImportReportView {
  kind: ImportKind;
  dryRun: boolean;
  applied: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  invalidRows: number;
  /** All problems found; `invalid` lists the first ones. */
  invalidIssues: number;
  invalid: ImportIssueView[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export function readReport(value: unknown): ImportReportView | null {
  const kind = isRecord(value) ? IMPORT_KINDS.find((k) => k === value.kind) : undefined;
  if (!isRecord(value) || !kind) return null;
  const invalid = Array.isArray(value.invalid)
    ? value.invalid.flatMap((issue): ImportIssueView[] =>
        isRecord(issue) && typeof issue.message === 'string'
          ? [
              {
                line: num(issue.line),
                message: issue.message,
                ...(typeof issue.field === 'string' ? { field: issue.field } : {}),
              },
            ]
          : [],
      )
    : [];
  const invalidRows =
    typeof value.invalidRows === 'number'
      ? value.invalidRows
      : new Set(invalid.map((issue) => issue.line)).size;
  return {
    kind,
    dryRun: value.dryRun === true,
    applied: value.applied === true,
    rows: num(value.rows),
    created: num(value.created),
    updated: num(value.updated),
    unchanged: num(value.unchanged),
    skipped: num(value.skipped),
    invalidRows,
    invalidIssues: typeof value.invalidIssues === 'number' ? value.invalidIssues : invalid.length,
    invalid,
  };
}

const reportParser = {
  safeParse(value: unknown) {
    const report = readReport(value);
    return report
      ? { success: true as const, data: report }
      : { success: false as const, error: new Error('not an import report') };
  },
};

export function uploadImport(
  kind: ImportKind,
  file: File,
  options: { dryRun: boolean; skipInvalid: boolean },
): Promise<ImportReportView> {
  const body = new FormData();
  body.set('file', file);
  const query = `dryRun=${options.dryRun}&skipInvalid=${options.skipInvalid}`;
  return apiRequest(`/api/v1/imports/${kind}?${query}`, {
    method: 'POST',
    body,
    schema: reportParser,
  });
}

/** The report carried by a 422 IMPORT_INVALID_ROWS (in the error's details), if any. */
export function reportOfError(error: unknown): ImportReportView | null {
  if (!(error instanceof ApiError) || !error.details) return null;
  return readReport(error.details.report ?? error.details);
}
