import {
  type FieldProblem,
  type ImportKind,
  type ImportReport,
  IssueCollector,
} from '@acompana/core';
import type { Table } from './table.ts';

// What an import found and did, row by row; becomes the report.

export class Tally {
  rows = 0;
  created = 0;
  updated = 0;
  unchanged = 0;
  skipped = 0;
  regionsCreated = 0;
  ugelsCreated = 0;
  readonly issues: IssueCollector;
  private readonly skippedReasons = new Map<string, number>();

  constructor(readonly unit: Table['unit']) {
    this.issues = new IssueCollector(unit);
  }

  invalid(line: number, problems: readonly FieldProblem[]): void {
    this.issues.addRow(line, problems);
  }

  skip(reason: string): void {
    this.skipped += 1;
    this.skippedReasons.set(reason, (this.skippedReasons.get(reason) ?? 0) + 1);
  }

  /** "línea 4" / "fila 4", for messages that point at another row. */
  where(line: number): string {
    return `${this.unit.toLowerCase()} ${line}`;
  }

  report(
    kind: ImportKind,
    file: string,
    table: Table,
    flags: { dryRun: boolean; applied: boolean },
  ): ImportReport {
    return {
      kind,
      file,
      format: table.format,
      encoding: table.encoding,
      delimiter: table.delimiter,
      dryRun: flags.dryRun,
      applied: flags.applied,
      rows: this.rows,
      created: this.created,
      updated: this.updated,
      unchanged: this.unchanged,
      skipped: this.skipped,
      skippedReasons: [...this.skippedReasons].map(([reason, count]) => ({ reason, count })),
      invalidRows: this.issues.rows,
      invalidIssues: this.issues.total,
      invalid: this.issues.listed,
      regionsCreated: this.regionsCreated,
      ugelsCreated: this.ugelsCreated,
    };
  }
}
