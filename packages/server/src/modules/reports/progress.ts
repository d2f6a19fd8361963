import {
  type Actor,
  type Cell,
  type ProgressReport,
  type ProgressRow,
  type ProgressTotal,
  type ReportBy,
  type ReportFilters,
  type ReportQuery,
  type ReportScopeLevel,
  suppress,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import { PREPARE_SQL } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { audit } from '../audit/events.ts';
import { desempenoNames } from '../instruments/queries.ts';
import { type Answer, answerKey, type ReportAnswers } from './answers.ts';
import {
  activeFilters,
  CELL_FILTER_COLUMN,
  cellKind,
  complexTeachers,
  type FilterKey,
  filterCondition,
  nameOf,
  SCOPE_COLUMN,
  scopeOn,
} from './cell-figures.ts';
import type { ReadModelsState } from './maintain.ts';
import { type ProgressFigures as Figures, teacherProgress } from './progress-teachers.ts';
import { page, type ReportDbs, type SuppressedTable, withNames } from './reports.ts';
import { type ResolvedReport, resolveReport } from './scope.ts';

// GET /reports/progress (docs/REPORTS.md, "Progreso"): how teachers' practice moves, aggregated
// only. Rubric levels and stages are formative: never per teacher and never per coach — the
// scope and the breakdown stop at the school (resolveReport without coach). A row describes the
// teachers with at least one rubric level this year up to the month; fewer than 5 (or a
// difference of 1–4 when a filter is lifted, or the complement among siblings) and the row
// says nothing. Within a published row, a month of a desempeño with fewer than 5 levels is
// left out, and the stages and the movement are published only when 5 or more teachers have one.

const MIN = 5;
/** The cells that hold a scope whole (progress has no coach cells). */
const WHOLE_KIND: Record<ReportScopeLevel, 'r' | 'u' | 's'> = {
  nation: 'r',
  region: 'r',
  ugel: 'u',
  network: 's',
  school: 's',
  coach: 's',
};
const condition = (filters: [FilterKey, string][], mask: number, alias = 'm') =>
  filterCondition(filters, mask, alias, CELL_FILTER_COLUMN);

/** A progress answer: the rows' counts and movement, and the whole scope's figures — the only
 *  place levels and stages are shown (a row's are on the page it drills to). */
export interface ProgressAnswer {
  rows: Map<string | null, Figures>;
  total: Figures;
}

/** The figures per row key and of the whole scope: the cells' (most teachers) and, per teacher,
 *  those they leave out. */
export async function progressFigures(
  db: Kysely<DB>,
  report: ResolvedReport,
  filters: ReportFilters,
  by: ReportBy | null,
  complex: boolean,
): Promise<ProgressAnswer> {
  const { rows, whole } = await cellProgress(db, report, filters, by);
  const parts = [...rows.values(), whole];
  if (complex) {
    const ids = await complexTeachers(db, report.year);
    for (const [key, f] of await teacherProgress(db, report, filters, by, ids)) {
      parts.push(f);
      const into = rows.get(key);
      rows.set(key, into ? { ...sumOf([into, f]), key } : f);
    }
  }
  // Every teacher is in exactly one row, so the scope's counts are the rows' sums.
  const total = sumOf(parts);
  // A row keeps counts and movement only: levels and stages are the whole scope's.
  for (const f of rows.values()) {
    f.levels = new Map();
    f.stages = new Map();
  }
  return { rows: by ? rows : new Map(), total };
}

/** Progress from the cells in one statement: each row's counts and movement as of the month;
 *  the whole scope's levels of the months up to it and its stages. */
async function cellProgress(
  db: Kysely<DB>,
  report: ResolvedReport,
  filters: ReportFilters,
  by: ReportBy | null,
): Promise<{ rows: Map<string | null, Figures>; whole: Figures }> {
  const f = activeFilters(filters);
  const full = (1 << f.length) - 1;
  const F = condition(f, full, 'c');
  const counts = [sql`sum(c.teachers) FILTER (WHERE ${F})`];
  for (const m of ['up', 'same', 'down'])
    counts.push(sql`sum(${sql.ref(`c.${m}`)}) FILTER (WHERE ${F})`);
  for (let mask = 0; mask < full; mask++)
    counts.push(sql`sum(c.teachers) FILTER (WHERE ${condition(f, mask, 'c')})`);
  const key = by ? sql`${sql.ref(`c.${SCOPE_COLUMN[by]}`)}::text` : sql`NULL::text`;
  const where = sql`c.school_year = ${report.year} AND c.kind = ${cellKind(report, by)}
    AND ${scopeOn(report, 'c')}`;
  // Levels and stages are the whole scope's: read from the coarsest cells holding it whole (a
  // UGEL's own cells, not its schools').
  const whole = sql`c.school_year = ${report.year} AND c.kind = ${WHOLE_KIND[report.scope.level]}
    AND ${scopeOn(report, 'c')}`;
  // Prepared per connection, as reportFigures' statement (figures.ts).
  const { rows } = await sql<{
    part: string;
    key: string | null;
    code: string | null;
    month: number | null;
    n: number[];
    name: string | null;
  }>`${PREPARE_SQL}
    SELECT u.*, ${by ? sql`CASE WHEN u.part = 'c' THEN ${nameOf(by, sql`u.key`)} END` : sql`NULL::text`} AS name
      FROM (
    SELECT 'c' AS part, ${key} AS key, NULL::text AS code, NULL::int AS month,
           ARRAY[${sql.join(counts)}]::int[] AS n
      FROM report_progress_cell c WHERE ${where} AND c.month = ${report.month} GROUP BY 2
    UNION ALL
    SELECT 'l', NULL, c.desempeno, c.month, ARRAY[sum(c.n1), sum(c.n2), sum(c.n3), sum(c.n4)]::int[]
      FROM report_level_cell c WHERE ${whole} AND c.month <= ${report.month} AND ${F}
     GROUP BY 3, 4
    UNION ALL
    SELECT 's', NULL, c.stage, NULL, ARRAY[sum(c.teachers)]::int[]
      FROM report_stage_cell c WHERE ${whole} AND c.month = ${report.month} AND ${F}
     GROUP BY 3) u`.execute(db);
  const out = new Map<string | null, Figures>();
  const scope = noFigures();
  for (const r of rows) {
    const n = r.n.map((v) => Number(v ?? 0));
    if (r.part !== 'c') continue;
    const pairs: number[][] = [];
    for (let mask = 0; mask < full; mask++) pairs.push([n[4 + mask] ?? 0, n[4 + mask] ?? 0]);
    out.set(r.key, {
      key: r.key,
      name: r.name,
      teachers: n[0] ?? 0,
      relaxed: pairs,
      levels: new Map(),
      stages: new Map(),
      movement: { up: n[1] ?? 0, same: n[2] ?? 0, down: n[3] ?? 0 },
    });
  }
  for (const r of rows) {
    if (r.code === null) continue;
    if (r.part === 'l') {
      const months = scope.levels.get(r.code) ?? new Map<number, number[]>();
      months.set(Number(r.month), r.n.map(Number));
      scope.levels.set(r.code, months);
    } else if (r.part === 's') scope.stages.set(r.code, Number(r.n[0] ?? 0));
  }
  return { rows: out, whole: scope };
}

/** Figures of nobody (a sum's start). */
const noFigures = (): Figures => ({
  key: null,
  teachers: 0,
  relaxed: [],
  levels: new Map(),
  stages: new Map(),
  movement: { up: 0, same: 0, down: 0 },
});

/** The figures of all rows together (every count is of distinct teachers, one row each). */
function sumOf(rows: Iterable<Figures>): Figures {
  const total = noFigures();
  for (const f of rows) {
    total.teachers += f.teachers;
    f.relaxed.forEach((pair, i) => {
      const sum = total.relaxed[i] ?? [0, 0];
      total.relaxed[i] = [(sum[0] ?? 0) + (pair[0] ?? 0), (sum[1] ?? 0) + (pair[1] ?? 0)];
    });
    for (const [desempeno, months] of f.levels) {
      const into = total.levels.get(desempeno) ?? new Map<number, number[]>();
      for (const [month, counts] of months) {
        const sum = into.get(month) ?? [0, 0, 0, 0];
        into.set(
          month,
          sum.map((n, i) => n + (counts[i] ?? 0)),
        );
      }
      total.levels.set(desempeno, into);
    }
    for (const [stage, n] of f.stages) total.stages.set(stage, (total.stages.get(stage) ?? 0) + n);
    total.movement.up += f.movement.up;
    total.movement.same += f.movement.same;
    total.movement.down += f.movement.down;
  }
  return total;
}

/** Shares as fractions (0–1, three decimals); the screen writes them as percentages. */
const share = (counts: number[], n: number) => counts.map((c) => Math.round((1000 * c) / n) / 1000);

interface Head {
  id: string;
  name: string;
  level: ReportScopeLevel;
  drill: string | null;
}

/** A row: its teachers and their movement (published when 5 or more moved or stayed). */
function progressRow(head: Head, f: Figures | undefined, hidden: boolean): ProgressRow {
  if (hidden || !f)
    return {
      ...head,
      suppressed: hidden,
      teachers: hidden ? null : 0,
      movement: { up: null, same: null, down: null },
    };
  const moved = f.movement.up + f.movement.same + f.movement.down;
  return {
    ...head,
    suppressed: false,
    teachers: f.teachers,
    movement: moved >= MIN ? f.movement : { up: null, same: null, down: null },
  };
}

/** The whole scope: the row's figures and the levels per desempeño and month and the stages. */
function progressTotal(
  head: Head,
  f: Figures,
  hidden: boolean,
  names: Map<string, string>,
): ProgressTotal {
  const row = progressRow(head, f, hidden);
  if (hidden) return { ...row, desempenos: [], stages: [] };
  const desempenos = [...f.levels]
    .sort(([a], [b]) => a.localeCompare(b, 'es', { numeric: true }))
    .map(([code, months]) => ({
      code,
      name: names.get(code) ?? code,
      months: [...months]
        .sort(([a], [b]) => a - b)
        .map(([month, counts]) => ({ month, n: counts.reduce((s, c) => s + c, 0), counts }))
        .filter((m) => m.n >= MIN)
        .map(({ month, n, counts }) => ({ month, n, share: share(counts, n) })),
    }))
    .filter((d) => d.months.length > 0);
  const staged = [...f.stages.values()].reduce((s, n) => s + n, 0);
  return {
    ...row,
    desempenos,
    stages:
      staged >= MIN
        ? [...f.stages]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([stage, teachers]) => ({ stage, teachers }))
        : [],
  };
}

const cellOf = (f: Figures): Cell => ({
  id: f.key ?? 'none',
  counts: [f.teachers, f.teachers],
  relaxed: f.relaxed,
});

/** The question, resolved and allowed (or an AppError), audited, with the read models' state. */
async function ask(
  dbs: ReportDbs,
  actor: Actor,
  query: ReportQuery,
): Promise<[ResolvedReport, ReadModelsState]> {
  // Formative data: no coach scope and no breakdown by coach (REPORT_BY_INVALID).
  const [report, state] = await resolveReport(dbs.read, actor, 'report_progress', query, false);
  await audit(dbs.write, actor, {
    action: 'report.progress.read',
    resourceKind: 'report',
    resourceId:
      report.scope.level === 'nation' ? 'nation' : `${report.scope.level}:${report.scope.id}`,
    detail: { year: report.year, month: report.month, by: report.by },
  });
  return [report, state];
}

/** Every row of the answer (all pages) and the total, suppressed: the page and the CSV. */
async function table(
  db: Kysely<DB>,
  report: ResolvedReport,
  query: ReportQuery,
  { asOf, complex }: ReadModelsState,
): Promise<SuppressedTable<ProgressRow, ProgressTotal>> {
  const filters = {
    intervention: query.intervention,
    level: query.level,
    area: query.area,
    characteristic: query.characteristic,
  };
  const [answer, desempenos] = await Promise.all([
    progressFigures(db, report, filters, report.by, complex),
    desempenoNames(db),
  ]);
  const total = answer.total;
  // Rows with no teacher under the filters tell nothing and are left out (as in compliance).
  const present = [...answer.rows.values()].filter((f: Figures) => f.teachers > 0);
  const hidden = suppress(present.map(cellOf), cellOf(total));
  const by = report.by;
  const names = by ? await withNames(db, by, present) : new Map<string, string>();
  const rows = present
    .map((f) => {
      const id = f.key ?? 'none';
      const head: Head = {
        id,
        name: f.key ? (names.get(f.key) ?? id) : by === 'network' ? 'Sin red' : 'Sin asignar',
        level: by as ReportScopeLevel,
        drill: by && f.key ? `${by}:${f.key}` : null,
      };
      return progressRow(head, f, hidden.rows.has(id));
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'es') || a.id.localeCompare(b.id));
  const totalHead: Head = {
    id: report.scope.id ?? 'nation',
    name: report.scope.name,
    level: report.scope.level,
    drill: null,
  };
  return {
    report,
    total: progressTotal(totalHead, total, hidden.total, desempenos),
    rows,
    asOf,
  };
}

/** The CSV's and the XLSX's table: every row. */
export async function progressTable(dbs: ReportDbs, actor: Actor, query: ReportQuery) {
  const [report, state] = await ask(dbs, actor, query);
  return table(dbs.read, report, query, state);
}

function progressBody(
  t: SuppressedTable<ProgressRow, ProgressTotal>,
  query: ReportQuery,
): ProgressReport {
  const { items, nextCursor } = page(t.rows, query);
  return {
    report: 'progress',
    year: t.report.year,
    month: t.report.month,
    scope: { level: t.report.scope.level, id: t.report.scope.id, name: t.report.scope.name },
    by: t.report.by,
    asOf: t.asOf,
    nextCursor,
    total: t.total,
    rows: items,
  };
}

/** GET /reports/progress: the answer kept for the question and the read models' state, or
 *  made (answers.ts). */
export async function progressAnswer(
  dbs: ReportDbs,
  actor: Actor,
  query: ReportQuery,
  answers: ReportAnswers,
): Promise<[string, Answer]> {
  const [report, state] = await ask(dbs, actor, query);
  const key = answerKey('progress', report, query, state);
  const build = async () => progressBody(await table(dbs.read, report, query, state), query);
  return [key, await answers.get(key, build)];
}
