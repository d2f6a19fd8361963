import {
  type Actor,
  type Cell,
  type ProgressReport,
  type ProgressRow,
  type ReportBy,
  type ReportFilters,
  type ReportQuery,
  type ReportScopeLevel,
  suppress,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { audit } from '../audit/events.ts';
import { desempenoNames } from '../instruments/queries.ts';
import {
  activeFilters,
  type FilterKey,
  filterCondition,
  SCOPE_COLUMN,
  scopeCondition,
} from './figures.ts';
import { readModelsAsOf } from './maintain.ts';
import { namesOf, page, type ReportDbs, type SuppressedTable } from './reports.ts';
import { type ResolvedReport, resolveReport } from './scope.ts';

// GET /reports/progress (docs/REPORTS.md, "Progreso"): how teachers' practice moves, aggregated
// only. Rubric levels and stages are formative: never per teacher and never per coach — the
// scope and the breakdown stop at the school (resolveReport without coach). A row describes the
// teachers with at least one rubric level this year up to the month; fewer than 5 (or a
// difference of 1–4 when a filter is lifted, or the complement among siblings) and the row
// says nothing. Within a published row, a month of a desempeño with fewer than 5 levels is
// left out, and the stages and the movement are published only when 5 or more teachers have one.

/** The filters' columns in report_teacher_month. */
const FILTER_COLUMN: Record<FilterKey, string> = {
  intervention: 'intervention_code',
  level: 'level',
  area: 'area',
  characteristic: 'characteristic',
};
const MIN = 5;
const int = (v: unknown) => Number(v ?? 0);
const condition = (filters: [FilterKey, string][], mask: number) =>
  filterCondition(filters, mask, 'm', FILTER_COLUMN);

/** The teachers of the scope with a rubric level this year up to the month: one row each, with
 *  the row key and their dimensions of their last month in the read model. */
function members(report: ResolvedReport, by: ReportBy | null) {
  const key = by ? sql`${sql.ref(`r.${SCOPE_COLUMN[by]}`)}::text` : sql`NULL::text`;
  return sql`
    SELECT DISTINCT ON (r.teacher_id) r.teacher_id, ${key} AS key, r.intervention_code,
           r.level, r.area, r.characteristic
      FROM report_teacher_month r
     WHERE r.school_year = ${report.year} AND r.month <= ${report.month}
       AND ${scopeCondition(report)}
       AND EXISTS (SELECT 1 FROM report_teacher_level l
                    WHERE l.school_year = r.school_year AND l.teacher_id = r.teacher_id
                      AND l.month <= ${report.month})
     ORDER BY r.teacher_id, r.month DESC, r.intervention_code`;
}

interface Figures {
  key: string | null;
  teachers: number;
  relaxed: number[][];
  levels: Map<string, Map<number, number[]>>;
  stages: Map<string, number>;
  movement: { up: number; same: number; down: number };
}

async function progressFigures(
  db: Kysely<DB>,
  report: ResolvedReport,
  filters: ReportFilters,
  by: ReportBy | null,
): Promise<Map<string | null, Figures>> {
  const f = activeFilters(filters);
  const full = (1 << f.length) - 1;
  const F = condition(f, full);
  const relaxed = [];
  for (let mask = 0; mask < full; mask++)
    relaxed.push(sql`count(*) FILTER (WHERE ${condition(f, mask)}) AS ${sql.ref(`rx_${mask}`)}`);
  const m = members(report, by);
  const [counts, levels, stages, movement] = await Promise.all([
    sql<Record<string, unknown>>`
      SELECT m.key, count(*) FILTER (WHERE ${F}) AS teachers
             ${relaxed.length ? sql`, ${sql.join(relaxed)}` : sql``}
        FROM (${m}) m GROUP BY m.key`.execute(db),
    sql<{ key: string | null; desempeno: string; month: number; level: number; n: unknown }>`
      SELECT m.key, l.desempeno, l.month, l.level, count(*) AS n
        FROM (${m}) m
        JOIN report_teacher_level l ON l.school_year = ${report.year}
         AND l.teacher_id = m.teacher_id AND l.month <= ${report.month}
       WHERE ${F}
       GROUP BY 1, 2, 3, 4`.execute(db),
    sql<{ key: string | null; stage: string; n: unknown }>`
      SELECT m.key, s.stage, count(*) AS n
        FROM (${m}) m
        JOIN LATERAL (
          SELECT st.stage FROM report_teacher_stage st
           WHERE st.school_year = ${report.year} AND st.teacher_id = m.teacher_id
             AND st.month <= ${report.month}
           ORDER BY st.month DESC LIMIT 1) s ON true
       WHERE ${F}
       GROUP BY 1, 2`.execute(db),
    // Movement: each teacher's mean level of their first month with levels (the diagnosis)
    // against their last month up to the report's; one observed month only is no movement.
    sql<{ key: string | null; up: unknown; same: unknown; down: unknown }>`
      WITH per AS (
        SELECT m.key, m.teacher_id, l.month, avg(l.level) AS mean
          FROM (${m}) m
          JOIN report_teacher_level l ON l.school_year = ${report.year}
           AND l.teacher_id = m.teacher_id AND l.month <= ${report.month}
         WHERE ${F}
         GROUP BY 1, 2, 3
      ), ends AS (
        SELECT key, teacher_id,
               (array_agg(mean ORDER BY month))[1] AS first,
               (array_agg(mean ORDER BY month DESC))[1] AS last,
               count(*) AS months
          FROM per GROUP BY 1, 2
      )
      SELECT key, count(*) FILTER (WHERE months > 1 AND last > first) AS up,
             count(*) FILTER (WHERE months > 1 AND last = first) AS same,
             count(*) FILTER (WHERE months > 1 AND last < first) AS down
        FROM ends GROUP BY key`.execute(db),
  ]);
  const out = new Map<string | null, Figures>();
  for (const r of counts.rows) {
    const pairs: number[][] = [];
    for (let mask = 0; mask < full; mask++) {
      const n = int(r[`rx_${mask}`]);
      pairs.push([n, n]);
    }
    const key = (r.key as string | null) ?? null;
    out.set(key, {
      key,
      teachers: int(r.teachers),
      relaxed: pairs,
      levels: new Map(),
      stages: new Map(),
      movement: { up: 0, same: 0, down: 0 },
    });
  }
  for (const r of levels.rows) {
    const fig = out.get(r.key ?? null);
    if (!fig) continue;
    const months = fig.levels.get(r.desempeno) ?? new Map<number, number[]>();
    const counts4 = months.get(r.month) ?? [0, 0, 0, 0];
    counts4[r.level - 1] = int(r.n);
    months.set(r.month, counts4);
    fig.levels.set(r.desempeno, months);
  }
  for (const r of stages.rows) out.get(r.key ?? null)?.stages.set(r.stage, int(r.n));
  for (const r of movement.rows) {
    const fig = out.get(r.key ?? null);
    if (fig) fig.movement = { up: int(r.up), same: int(r.same), down: int(r.down) };
  }
  return out;
}

/** The figures of all rows together (every count is of distinct teachers, one row each). */
function sumOf(rows: Map<string | null, Figures>): Map<string | null, Figures> {
  const total: Figures = {
    key: null,
    teachers: 0,
    relaxed: [],
    levels: new Map(),
    stages: new Map(),
    movement: { up: 0, same: 0, down: 0 },
  };
  for (const f of rows.values()) {
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
  return new Map([[null, total]]);
}

/** Shares as fractions (0–1, three decimals); the screen writes them as percentages. */
const share = (counts: number[], n: number) => counts.map((c) => Math.round((1000 * c) / n) / 1000);

interface Head {
  id: string;
  name: string;
  level: ReportScopeLevel;
  drill: string | null;
}

function progressRow(
  head: Head,
  f: Figures | undefined,
  hidden: boolean,
  names: Map<string, string>,
): ProgressRow {
  if (hidden || !f) {
    return {
      ...head,
      suppressed: hidden,
      teachers: hidden ? null : 0,
      desempenos: [],
      stages: [],
      movement: { up: null, same: null, down: null },
    };
  }
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
  const moved = f.movement.up + f.movement.same + f.movement.down;
  return {
    ...head,
    suppressed: false,
    teachers: f.teachers,
    desempenos,
    stages:
      staged >= MIN
        ? [...f.stages]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([stage, teachers]) => ({ stage, teachers }))
        : [],
    movement: moved >= MIN ? f.movement : { up: null, same: null, down: null },
  };
}

const cellOf = (f: Figures): Cell => ({
  id: f.key ?? 'none',
  counts: [f.teachers, f.teachers],
  relaxed: f.relaxed,
});

/** Every row of the answer (all pages) and the total, suppressed: the page and the CSV. */
export async function progressTable(
  dbs: ReportDbs,
  actor: Actor,
  query: ReportQuery,
): Promise<SuppressedTable<ProgressRow>> {
  // Formative data: no coach scope and no breakdown by coach (REPORT_BY_INVALID).
  const report = await resolveReport(dbs.read, actor, 'report_progress', query, false);
  await audit(dbs.write, actor, {
    action: 'report.progress.read',
    resourceKind: 'report',
    resourceId:
      report.scope.level === 'nation' ? 'nation' : `${report.scope.level}:${report.scope.id}`,
    detail: { year: report.year, month: report.month, by: report.by },
  });
  const filters = {
    intervention: query.intervention,
    level: query.level,
    area: query.area,
    characteristic: query.characteristic,
  };
  // Each teacher of the scope is in exactly one row (members: their last month's key), so the
  // scope's figures are the rows' sums: one pass over the read models instead of two.
  const [children, desempenos] = await Promise.all([
    progressFigures(dbs.read, report, filters, report.by),
    desempenoNames(dbs.read),
  ]);
  const totals = report.by ? sumOf(children) : children;
  const total = totals.get(null);
  // Rows with no teacher under the filters tell nothing and are left out (as in compliance).
  const present = [...children.values()].filter((f: Figures) => f.teachers > 0);
  const hidden = suppress(
    present.map(cellOf),
    total ? cellOf(total) : { id: 'total', counts: [0, 0] },
  );
  const by = report.by;
  const names = by
    ? await namesOf(
        dbs.read,
        by,
        present.flatMap((f) => (f.key ? [f.key] : [])),
      )
    : new Map();
  const rows = present
    .map((f) => {
      const id = f.key ?? 'none';
      const head: Head = {
        id,
        name: f.key ? (names.get(f.key) ?? id) : by === 'network' ? 'Sin red' : 'Sin asignar',
        level: by as ReportScopeLevel,
        drill: by && f.key ? `${by}:${f.key}` : null,
      };
      return progressRow(head, f, hidden.rows.has(id), desempenos);
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'es') || a.id.localeCompare(b.id));
  const totalHead: Head = {
    id: report.scope.id ?? 'nation',
    name: report.scope.name,
    level: report.scope.level,
    drill: null,
  };
  return { report, total: progressRow(totalHead, total, hidden.total, desempenos), rows };
}

export async function progressReport(
  dbs: ReportDbs,
  actor: Actor,
  query: ReportQuery,
): Promise<ProgressReport> {
  const t = await progressTable(dbs, actor, query);
  const { items, nextCursor } = page(t.rows, query);
  return {
    report: 'progress',
    year: t.report.year,
    month: t.report.month,
    scope: { level: t.report.scope.level, id: t.report.scope.id, name: t.report.scope.name },
    by: t.report.by,
    asOf: await readModelsAsOf(dbs.read),
    nextCursor,
    total: t.total,
    rows: items,
  };
}
