import type {
  ComplianceReport,
  ComplianceRow,
  CoverageReport,
  ProgressReport,
  ReportBy,
  ReportScopeLevel,
} from '@acompana/core';

// The report answers the monitoring screens read are core's (docs/REPORTS.md). Aggregates
// only: a cell counting fewer than 5 teachers comes `suppressed` with every number null, and
// the screens show it as «< 5».

export type {
  ComplianceReport,
  ComplianceRow,
  CoverageReport,
  CoverageRow,
  MyProgress,
  ProgressReport,
  ProgressRow,
  ProgressTotal,
} from '@acompana/core';

export const REPORTS = ['compliance', 'coverage', 'progress'] as const;
export type ReportKind = (typeof REPORTS)[number];

export type ReportLevel = ReportScopeLevel;
export type { ReportBy };

export type DoneTarget = ComplianceRow['gia'];
export type MonthPoint = ComplianceReport['byMonth'][number];
export type MyProgressTeacher = import('@acompana/core').MyProgress['teachers'][number];
/** What every row of every report has: who it is, where it drills, whether it is hidden. */
export type RowBase = Pick<ComplianceRow, 'id' | 'name' | 'level' | 'drill' | 'suppressed'>;

export type AnyReport = ComplianceReport | CoverageReport | ProgressReport;
