import type { ReportBy, ReportFilters, ReportScopeLevel } from '@acompana/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ResolvedReport } from './scope.ts';

// The figures behind compliance and coverage: one GROUP BY over report_teacher_month (never the
// field tables), first per (row, teacher, intervention), then per row. Filters are applied in
// FILTER clauses, not in WHERE, so the same query also gives each row's teacher counts with
// every combination of the filters lifted — what suppression needs against differences.

const SCOPE_COLUMN: Record<Exclude<ReportScopeLevel, 'nation'>, string> = {
  region: 'region_id',
  ugel: 'ugel_id',
  network: 'network_id',
  school: 'school_id',
  coach: 'coach_id',
};

type FilterKey = keyof ReportFilters;
const FILTER_COLUMN: Record<FilterKey, string> = {
  intervention: 'intervention_code',
  level: 'lvl',
  area: 'ar',
  characteristic: 'ch',
};

export interface Figures {
  key: string | null;
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

function activeFilters(filters: ReportFilters): [FilterKey, string][] {
  return (Object.keys(FILTER_COLUMN) as FilterKey[])
    .filter((k) => filters[k] !== undefined)
    .map((k) => [k, String(filters[k])]);
}

function condition(active: [FilterKey, string][], mask: number): RawBuilder<unknown> {
  const parts = active
    .filter((_, i) => mask & (1 << i))
    .map(([k, v]) => sql`${sql.ref(`t.${FILTER_COLUMN[k]}`)} = ${v}`);
  return parts.length ? sql.join(parts, sql` AND `) : sql`true`;
}

export function scopeCondition(report: ResolvedReport): RawBuilder<unknown> {
  const { level, id } = report.scope;
  if (level === 'nation') return sql`true`;
  return sql`${sql.ref(`r.${SCOPE_COLUMN[level]}`)} = ${id}::uuid`;
}

const int = (v: unknown) => Number(v ?? 0);

/** The figures of each child row (`by`), or of the scope's total when `by` is null; `month`
 *  overrides the report's month (the byMonth series). */
export async function figures(
  db: Kysely<DB>,
  report: ResolvedReport,
  filters: ReportFilters,
  by: ReportBy | null,
  options: { perMonth?: boolean } = {},
): Promise<Figures[]> {
  const active = activeFilters(filters);
  const full = (1 << active.length) - 1;
  const F = condition(active, full);
  const key = options.perMonth
    ? sql`r.month::text`
    : by
      ? sql`${sql.ref(`r.${SCOPE_COLUMN[by]}`)}::text`
      : sql`NULL::text`;
  // perMonth: each month is its own row and "month M" is that month.
  const inMonth = options.perMonth ? sql`true` : sql`r.month = ${report.month}`;
  const upTo = options.perMonth ? 12 : report.month;
  const relaxed = [];
  for (let mask = 0; mask < full; mask++) {
    const G = condition(active, mask);
    relaxed.push(
      sql`count(DISTINCT t.teacher_id) FILTER (WHERE t.in_m AND ${G}) AS ${sql.ref(`rx_${mask}_m`)}`,
      sql`count(DISTINCT t.teacher_id) FILTER (WHERE ${G}) AS ${sql.ref(`rx_${mask}_c`)}`,
    );
  }
  const { rows } = await sql<Record<string, unknown>>`
    WITH per_teacher AS (
      SELECT ${key} AS key, r.teacher_id, r.intervention_code,
             max(r.level) AS lvl, max(r.area) AS ar, max(r.characteristic) AS ch,
             bool_or(${inMonth}) AS in_m,
             bool_or(${inMonth} AND r.has_coach) AS coached_m,
             count(DISTINCT r.coach_id) > 1 AS changed,
             coalesce(sum(r.visits_done) FILTER (WHERE ${inMonth}), 0) AS vm,
             coalesce(sum(r.visits_planned) FILTER (WHERE ${inMonth}), 0) AS pm,
             coalesce(sum(r.visit_target_month) FILTER (WHERE ${inMonth}), 0) AS tm,
             bool_or(${inMonth} AND r.visit_target_month > 0) AS due,
             bool_or(${inMonth} AND r.visit_target_month > 0 AND r.visits_done > 0) AS visited_due,
             coalesce(sum(r.gia) FILTER (WHERE ${inMonth}), 0) AS gm,
             coalesce(sum(r.ria) FILTER (WHERE ${inMonth}), 0) AS rm,
             coalesce(sum(r.taller) FILTER (WHERE ${inMonth}), 0) AS tam,
             coalesce(sum(r.familias) FILTER (WHERE ${inMonth}), 0) AS fm,
             sum(r.visits_done) AS vc, sum(r.gia) AS gc, sum(r.ria) AS rc, sum(r.taller) AS tac,
             sum(r.familias) AS fc,
             coalesce(max(r.visit_target) FILTER (WHERE r.has_coach), 0) AS vt,
             coalesce(max(r.gia_target) FILTER (WHERE r.has_coach), 0) AS gt,
             coalesce(max(r.ria_target) FILTER (WHERE r.has_coach), 0) AS rt,
             coalesce(max(r.taller_target) FILTER (WHERE r.has_coach), 0) AS tat,
             coalesce(max(r.familias_target) FILTER (WHERE r.has_coach), 0) AS ft,
             (array_agg(r.coach_id ORDER BY r.month DESC) FILTER (WHERE ${inMonth} AND r.has_coach))[1] AS coach_now
        FROM report_teacher_month r
       WHERE r.school_year = ${report.year} AND r.month <= ${upTo} AND ${scopeCondition(report)}
       GROUP BY 1, 2, 3
    ),
    previous AS (
      -- Each teacher's last coach of the previous school year (continuity). The month series
      -- does not show continuity: it skips this scan of the previous year.
      SELECT DISTINCT ON (p.teacher_id, p.intervention_code) p.teacher_id, p.intervention_code,
             p.coach_id
        FROM report_teacher_month p
       WHERE ${options.perMonth ? sql`false` : sql`true`}
         AND p.school_year = ${report.year - 1} AND p.has_coach
         AND p.teacher_id IN (SELECT teacher_id FROM per_teacher)
       ORDER BY p.teacher_id, p.intervention_code, p.month DESC
    )
    SELECT t.key,
           count(DISTINCT t.teacher_id) FILTER (WHERE t.in_m AND ${F}) AS teachers_month,
           count(DISTINCT t.teacher_id) FILTER (WHERE ${F}) AS teachers_cum,
           count(DISTINCT t.teacher_id) FILTER (WHERE t.coached_m AND ${F}) AS with_coach,
           sum(t.vm) FILTER (WHERE ${F}) AS visits_done, sum(t.pm) FILTER (WHERE ${F}) AS visits_planned,
           sum(t.tm) FILTER (WHERE ${F}) AS visit_target_month,
           count(DISTINCT t.teacher_id) FILTER (WHERE t.due AND ${F}) AS due,
           count(DISTINCT t.teacher_id) FILTER (WHERE t.visited_due AND ${F}) AS visited_due,
           sum(t.gm) FILTER (WHERE ${F}) AS gia, sum(t.rm) FILTER (WHERE ${F}) AS ria,
           sum(t.tam) FILTER (WHERE ${F}) AS taller, sum(t.fm) FILTER (WHERE ${F}) AS familias,
           sum(t.vc) FILTER (WHERE ${F}) AS cum_visits, sum(t.gc) FILTER (WHERE ${F}) AS cum_gia,
           sum(t.rc) FILTER (WHERE ${F}) AS cum_ria, sum(t.tac) FILTER (WHERE ${F}) AS cum_taller,
           sum(t.fc) FILTER (WHERE ${F}) AS cum_familias,
           sum(t.vt) FILTER (WHERE ${F}) AS target_visits, sum(t.gt) FILTER (WHERE ${F}) AS target_gia,
           sum(t.rt) FILTER (WHERE ${F}) AS target_ria, sum(t.tat) FILTER (WHERE ${F}) AS target_taller,
           sum(t.ft) FILTER (WHERE ${F}) AS target_familias,
           count(DISTINCT t.teacher_id) FILTER (WHERE t.changed AND ${F}) AS coach_changes,
           count(DISTINCT t.teacher_id) FILTER (WHERE t.coached_m AND p.coach_id IS NOT NULL AND ${F}) AS previous_coached,
           count(DISTINCT t.teacher_id) FILTER (WHERE t.coached_m AND p.coach_id = t.coach_now AND ${F}) AS same_coach
           ${relaxed.length ? sql`, ${sql.join(relaxed)}` : sql``}
      FROM per_teacher t
      LEFT JOIN previous p ON p.teacher_id = t.teacher_id AND p.intervention_code = t.intervention_code
     GROUP BY t.key`.execute(db);
  return rows.map((r) => {
    const pairs: number[][] = [];
    for (let mask = 0; mask < full; mask++)
      pairs.push([int(r[`rx_${mask}_m`]), int(r[`rx_${mask}_c`])]);
    return {
      key: (r.key as string | null) ?? null,
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
  });
}
