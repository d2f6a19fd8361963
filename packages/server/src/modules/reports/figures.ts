import type { ReportBy, ReportFilters } from '@acompana/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { PREPARE_SQL } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import {
  activeFilters,
  CELL_FILTER_COLUMN,
  cellKind,
  filterCondition,
  mergeByKey,
  nameOf,
  SCOPE_COLUMN,
  scopeOn,
} from './cell-figures.ts';
import type { ResolvedReport } from './scope.ts';
import { teacherFigures, teacherMonthFigures } from './teacher-figures.ts';

// The figures behind compliance and coverage. Most teachers are read from the cells (cells.ts,
// hundreds per answer); the teachers the cells leave out (report_complex) are read per teacher
// from report_teacher_month by the same rules — first per (row, teacher, intervention), then per
// row — and both are added up. Filters are applied in FILTER clauses, not in WHERE, so the same
// query also gives each row's teacher counts with every combination of the filters lifted —
// what suppression needs against differences.

export interface Figures {
  key: string | null;
  /** The row's name (a breakdown's rows), read with the figures. */
  name?: string | null;
  teachersMonth: number;
  teachersCum: number;
  withCoach: number;
  visitsDone: number;
  visitsPlanned: number;
  visitTargetMonth: number;
  due: number;
  visitedDue: number;
  gia: number;
  ria: number;
  taller: number;
  familias: number;
  cumVisits: number;
  cumGia: number;
  cumRia: number;
  cumTaller: number;
  cumFamilias: number;
  targetVisits: number;
  targetGia: number;
  targetRia: number;
  targetTaller: number;
  targetFamilias: number;
  coachChanges: number;
  previousCoached: number;
  sameCoach: number;
  /** [teachersMonth, teachersCum] with each proper subset of the active filters lifted. */
  relaxed: number[][];
}

const int = (v: unknown) => Number(v ?? 0);

/** The columns every part of `reportFigures`' statement answers, in this order. */
function columnsOf(full: number): string[] {
  const rx = [];
  for (let mask = 0; mask < full; mask++) rx.push(`rx_${mask}_m`, `rx_${mask}_c`);
  return [...FIGURE_COLUMNS, ...rx];
}
const FIGURE_COLUMNS = [
  'teachers_month',
  'teachers_cum',
  'with_coach',
  'visits_done',
  'visits_planned',
  'visit_target_month',
  'due',
  'visited_due',
  'gia',
  'ria',
  'taller',
  'familias',
  'cum_visits',
  'cum_gia',
  'cum_ria',
  'cum_taller',
  'cum_familias',
  'target_visits',
  'target_gia',
  'target_ria',
  'target_taller',
  'target_familias',
  'coach_changes',
  'previous_coached',
  'same_coach',
];

/** One part of the statement: `query`'s answer in the common columns (absent ones null). */
function part(
  name: string,
  query: RawBuilder<unknown>,
  has: string[],
  full: number,
  by: ReportBy | null = null,
) {
  const cols = columnsOf(full).map((c) =>
    has.includes(c)
      ? sql`${sql.ref(`z.${c}`)}::bigint AS ${sql.ref(c)}`
      : sql`NULL::bigint AS ${sql.ref(c)}`,
  );
  const named = by ? nameOf(by, sql`z.key`) : sql`NULL::text`;
  return sql`SELECT ${name}::text AS part, z.key::text AS key, ${named} AS name, ${sql.join(cols)}
               FROM (${query}) z`;
}

export interface ReportFigures {
  total: Figures | undefined;
  rows: Figures[];
  months: MonthFigures[];
}

/**
 * The figures of a report in one statement (one round trip): the scope's total, each child row
 * (`by`) and, with `months`, the month series — from the cells, plus the teachers the cells leave
 * out read per teacher. `continuity` (coverage) also reads each teacher's last coach of the
 * previous year.
 */
export async function reportFigures(
  db: Kysely<DB>,
  report: ResolvedReport,
  filters: ReportFilters,
  by: ReportBy | null,
  options: { continuity: boolean; months?: boolean; complex: boolean },
): Promise<ReportFigures> {
  const full = (1 << activeFilters(filters).length) - 1;
  const all = columnsOf(full);
  const monthCols = [
    'teachers_month',
    'teachers_cum',
    'due',
    'visited_due',
    'visits_done',
    'visit_target_month',
  ];
  for (let mask = 0; mask < full; mask++) monthCols.push(`rx_${mask}_m`, `rx_${mask}_c`);
  // An array expression, not `ANY (subquery)`: the planner reads it once (an InitPlan) and
  // looks the few teachers up by the primary key.
  const ids = sql`(SELECT ids FROM cx)::uuid[]`;
  // The per-teacher parts only when some teacher is left out of the cells (readModelsState):
  // planning them costs the database more than answering the cells.
  const { complex } = options;
  const parts = [part('total', cellFigures(report, filters, null, options), all, full)];
  if (complex)
    parts.push(part('total', teacherFigures(report, filters, null, options, ids), all, full));
  if (by) {
    parts.push(part('row', cellFigures(report, filters, by, options), all, full, by));
    if (complex)
      parts.push(part('row', teacherFigures(report, filters, by, options, ids), all, full, by));
  }
  if (options.months) {
    parts.push(part('month', cellMonthFigures(report, filters), monthCols, full));
    if (complex)
      parts.push(part('month', teacherMonthFigures(report, filters, ids), monthCols, full));
  }
  // Prepared per connection (db/database.ts): its text depends on the question's shape only
  // (scope level, breakdown, filters given), and planning it cost PostgreSQL as much as
  // answering it. Its parameters name places, which no plan depends on.
  const { rows } = await sql<Record<string, unknown>>`${PREPARE_SQL}
    WITH cx AS (SELECT coalesce(array_agg(teacher_id), '{}') AS ids FROM report_complex
                 WHERE school_year = ${report.year})
    ${sql.join(parts, sql` UNION ALL `)}`.execute(db);
  const of = (name: string) => rows.filter((r) => r.part === name);
  return {
    total: mergeByKey(
      [],
      of('total').map((r) => toFigures(r, full)),
    )[0],
    rows: mergeByKey(
      [],
      of('row').map((r) => toFigures(r, full)),
    ),
    months: mergeByKey(
      [],
      of('month').map((r) => toFigures(r, full)),
    ),
  };
}

/** The scope's total figures (Mi avance). */
export async function totalFigures(
  db: Kysely<DB>,
  report: ResolvedReport,
  filters: ReportFilters,
  complex: boolean,
): Promise<Figures | undefined> {
  return (await reportFigures(db, report, filters, null, { continuity: false, complex })).total;
}

const sumIf = (column: string, F: RawBuilder<unknown>, as: string) =>
  sql`sum(${sql.ref(`c.${column}`)}) FILTER (WHERE ${F}) AS ${sql.ref(as)}`;

/** The cells' part (report_complex left out). */
function cellFigures(
  report: ResolvedReport,
  filters: ReportFilters,
  by: ReportBy | null,
  options: { continuity: boolean },
): RawBuilder<unknown> {
  const active = activeFilters(filters);
  const full = (1 << active.length) - 1;
  const on = (mask: number) => filterCondition(active, mask, 'c', CELL_FILTER_COLUMN);
  const F = on(full);
  const key = by ? sql`${sql.ref(`c.${SCOPE_COLUMN[by]}`)}::text` : sql`NULL::text`;
  const relaxed = [];
  for (let mask = 0; mask < full; mask++)
    relaxed.push(
      sumIf('teachers_m', on(mask), `rx_${mask}_m`),
      sumIf('teachers_cum', on(mask), `rx_${mask}_c`),
    );
  const continuity = options.continuity
    ? [sumIf('previous_coached', F, 'previous_coached'), sumIf('same_coach', F, 'same_coach')]
    : [sql`0 AS previous_coached`, sql`0 AS same_coach`];
  const columns: [string, string][] = [
    ['teachers_m', 'teachers_month'],
    ['teachers_cum', 'teachers_cum'],
    ['with_coach', 'with_coach'],
    ['visits_m', 'visits_done'],
    ['planned_m', 'visits_planned'],
    ['target_m', 'visit_target_month'],
    ['due', 'due'],
    ['visited_due', 'visited_due'],
    ['gia_m', 'gia'],
    ['ria_m', 'ria'],
    ['taller_m', 'taller'],
    ['familias_m', 'familias'],
    ['visits', 'cum_visits'],
    ['gia', 'cum_gia'],
    ['ria', 'cum_ria'],
    ['taller', 'cum_taller'],
    ['familias', 'cum_familias'],
    ['visit_target', 'target_visits'],
    ['gia_target', 'target_gia'],
    ['ria_target', 'target_ria'],
    ['taller_target', 'target_taller'],
    ['familias_target', 'target_familias'],
    ['changed', 'coach_changes'],
  ];
  return sql`
    SELECT ${key} AS key, ${sql.join([...columns.map(([c, as]) => sumIf(c, F, as)), ...continuity, ...relaxed])}
      FROM report_cell c
     WHERE c.school_year = ${report.year} AND c.kind = ${cellKind(report, by)}
       AND c.month = ${report.month} AND ${scopeOn(report, 'c')}
     GROUP BY 1`;
}

function toFigures(r: Record<string, unknown>, full: number): Figures {
  const pairs: number[][] = [];
  for (let mask = 0; mask < full; mask++)
    pairs.push([int(r[`rx_${mask}_m`]), int(r[`rx_${mask}_c`])]);
  return {
    key: (r.key as string | null) ?? null,
    name: (r.name as string | null) ?? null,
    teachersMonth: int(r.teachers_month),
    teachersCum: int(r.teachers_cum),
    withCoach: int(r.with_coach),
    visitsDone: int(r.visits_done),
    visitsPlanned: int(r.visits_planned),
    visitTargetMonth: int(r.visit_target_month),
    due: int(r.due),
    visitedDue: int(r.visited_due),
    gia: int(r.gia),
    ria: int(r.ria),
    taller: int(r.taller),
    familias: int(r.familias),
    cumVisits: int(r.cum_visits),
    cumGia: int(r.cum_gia),
    cumRia: int(r.cum_ria),
    cumTaller: int(r.cum_taller),
    cumFamilias: int(r.cum_familias),
    targetVisits: int(r.target_visits),
    targetGia: int(r.target_gia),
    targetRia: int(r.target_ria),
    targetTaller: int(r.target_taller),
    targetFamilias: int(r.target_familias),
    coachChanges: int(r.coach_changes),
    previousCoached: int(r.previous_coached),
    sameCoach: int(r.same_coach),
    relaxed: pairs,
  };
}

export type MonthFigures = Pick<
  Figures,
  | 'key'
  | 'teachersMonth'
  | 'teachersCum'
  | 'due'
  | 'visitedDue'
  | 'visitsDone'
  | 'visitTargetMonth'
  | 'relaxed'
>;

/** The month series (compliance's byMonth) from the cells: each month's cells as of it. */
function cellMonthFigures(report: ResolvedReport, filters: ReportFilters): RawBuilder<unknown> {
  const active = activeFilters(filters);
  const full = (1 << active.length) - 1;
  const on = (mask: number) => filterCondition(active, mask, 'c', CELL_FILTER_COLUMN);
  const F = on(full);
  const relaxed = [];
  for (let mask = 0; mask < full; mask++)
    relaxed.push(
      sumIf('teachers_m', on(mask), `rx_${mask}_m`),
      sumIf('teachers_m', on(mask), `rx_${mask}_c`),
    );
  // A month with no teacher row in the scope (whatever the filters) is not a point.
  return sql`
    SELECT c.month::text AS key, ${sumIf('teachers_m', F, 'teachers_month')},
           ${sumIf('teachers_m', F, 'teachers_cum')}, ${sumIf('due', F, 'due')},
           ${sumIf('visited_due', F, 'visited_due')}, ${sumIf('visits_m', F, 'visits_done')},
           ${sumIf('target_m', F, 'visit_target_month')}
           ${relaxed.length ? sql`, ${sql.join(relaxed)}` : sql``}
      FROM report_cell c
     WHERE c.school_year = ${report.year} AND c.kind = ${cellKind(report, null)}
       AND ${scopeOn(report, 'c')}
     GROUP BY c.month HAVING sum(c.teachers_m) > 0`;
}
