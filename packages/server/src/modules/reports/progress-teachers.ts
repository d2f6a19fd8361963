import type { ReportBy, ReportFilters } from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  activeFilters,
  CELL_FILTER_COLUMN,
  type FilterKey,
  filterCondition,
  SCOPE_COLUMN,
  scopeOn,
} from './cell-figures.ts';
import type { ResolvedReport } from './scope.ts';

// Progress of the teachers the cells leave out (report_complex), read per teacher from the
// level, stage and teacher-month read models; progress.ts adds it to the cells'. The rules the
// progress cells are summed with (cells.ts); the slow test answers every shape both ways.

const int = (v: unknown) => Number(v ?? 0);
const condition = (filters: [FilterKey, string][], mask: number, alias = 'm') =>
  filterCondition(filters, mask, alias, CELL_FILTER_COLUMN);

export interface ProgressFigures {
  key: string | null;
  /** The row's name when read with the figures (the cells' rows). */
  name?: string | null;
  teachers: number;
  relaxed: number[][];
  levels: Map<string, Map<number, number[]>>;
  stages: Map<string, number>;
  movement: { up: number; same: number; down: number };
}

/** The teachers of the scope with a rubric level this year up to the month: one row each, with
 *  the row key and their dimensions of their last month in the read model. */
function members(report: ResolvedReport, by: ReportBy | null, teachers: string[]) {
  const key = by ? sql`${sql.ref(`r.${SCOPE_COLUMN[by]}`)}::text` : sql`NULL::text`;
  return sql`
    SELECT DISTINCT ON (r.teacher_id) r.teacher_id, ${key} AS key, r.intervention_code,
           r.level, r.area, r.characteristic
      FROM report_teacher_month r
     WHERE r.school_year = ${report.year} AND r.month <= ${report.month}
       AND ${scopeOn(report, 'r')} AND r.teacher_id = ANY(${teachers}::uuid[])
       AND EXISTS (SELECT 1 FROM report_teacher_level l
                    WHERE l.school_year = r.school_year AND l.teacher_id = r.teacher_id
                      AND l.month <= ${report.month})
     ORDER BY r.teacher_id, r.month DESC, r.intervention_code`;
}

/** Progress per teacher, for `teachers` only (those the cells leave out). */
export async function teacherProgress(
  db: Kysely<DB>,
  report: ResolvedReport,
  filters: ReportFilters,
  by: ReportBy | null,
  teachers: string[],
): Promise<Map<string | null, ProgressFigures>> {
  const f = activeFilters(filters);
  const full = (1 << f.length) - 1;
  const F = condition(f, full);
  const relaxed = [];
  for (let mask = 0; mask < full; mask++)
    relaxed.push(sql`count(*) FILTER (WHERE ${condition(f, mask)}) AS ${sql.ref(`rx_${mask}`)}`);
  const m = members(report, by, teachers);
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
  const out = new Map<string | null, ProgressFigures>();
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
