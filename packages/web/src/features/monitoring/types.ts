// The report answers the monitoring screens read (docs/REPORTS.md). Aggregates only: a cell
// counting fewer than 5 teachers comes `suppressed` with every number null, and the screens
// show it as «< 5».

export const REPORTS = ['compliance', 'coverage', 'progress'] as const;
export type ReportKind = (typeof REPORTS)[number];

export const SCOPE_LEVELS = ['nation', 'region', 'ugel', 'network', 'school', 'coach'] as const;
export type ReportLevel = (typeof SCOPE_LEVELS)[number];

export interface ReportScope {
  level: ReportLevel;
  id: string | null;
  name: string;
}

export interface DoneTarget {
  done: number | null;
  target: number | null;
}

export interface RowBase {
  id: string;
  name: string;
  level: ReportLevel;
  /** The scope one level down ("ugel:<uuid>"), null when there is nothing below. */
  drill: string | null;
  suppressed: boolean;
}

export interface ComplianceRow extends RowBase {
  teachers: number | null;
  withCoach: number | null;
  visits: DoneTarget & { planned: number | null };
  gia: DoneTarget;
  ria: DoneTarget;
  taller: DoneTarget;
  familias: DoneTarget;
  monthCoveragePct: number | null;
  cumulative: {
    visits: DoneTarget;
    gia: DoneTarget;
    ria: DoneTarget;
    taller: DoneTarget;
    familias: DoneTarget;
  };
}

export interface MonthPoint {
  month: number;
  teachers: number | null;
  withVisitPct: number | null;
  visitsDone: number | null;
  visitsTarget: number | null;
}

export interface CoverageRow extends RowBase {
  teachers: number | null;
  withCoach: number | null;
  withCoachPct: number | null;
  coachChanges: number | null;
  continuityPct: number | null;
}

export interface ProgressRow extends RowBase {
  teachers: number | null;
  desempenos: {
    code: string;
    name?: string;
    months: { month: number; n: number | null; share: (number | null)[] | null }[];
  }[];
  stages: { stage: string; teachers: number | null }[];
  movement: { up: number | null; same: number | null; down: number | null } | null;
}

interface Envelope<R> {
  year: number;
  scope: ReportScope;
  by: ReportLevel | null;
  asOf: string;
  total: R;
  rows: R[];
  nextCursor?: string | null;
}

export interface ComplianceReport extends Envelope<ComplianceRow> {
  report: 'compliance';
  month: number;
  byMonth: MonthPoint[];
}

export interface CoverageReport extends Envelope<CoverageRow> {
  report: 'coverage';
  month?: number;
}

export interface ProgressReport extends Envelope<ProgressRow> {
  report: 'progress';
  month?: number;
}

export type AnyReport = ComplianceReport | CoverageReport | ProgressReport;

export interface MyProgressTeacher {
  id: string;
  name: string;
  school: string | null;
  visitsDone: number;
  visitsTarget: number | null;
  visitedThisMonth: boolean;
  skippedThisMonth: boolean;
  gia: number;
  taller: number;
  familias: number;
}

export interface MyProgress {
  year: number;
  month: number;
  asOf: string;
  total: ComplianceRow;
  teachers: MyProgressTeacher[];
}
