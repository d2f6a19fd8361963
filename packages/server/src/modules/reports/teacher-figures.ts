import type { ReportBy, ReportFilters } from '@acompana/core';
import { type RawBuilder, sql } from 'kysely';
import {
  activeFilters,
  type FilterKey,
  filterCondition,
  SCOPE_COLUMN,
  scopeOn,
} from './cell-figures.ts';
import type { ResolvedReport } from './scope.ts';

// The figures of the teachers the cells leave out (report_complex), read per teacher from
// report_teacher_month: first per (row, teacher, intervention), then per row (figures.ts adds
// them to the cells'). The same rules the cells are summed with (cells.ts); the slow test
// answers every report both ways.

/** The filters' columns as this module's per-teacher rows name them. */
const FILTER_COLUMN: Record<FilterKey, string> = {
  intervention: 'intervention_code',
  level: 'lvl',
  area: 'ar',
  characteristic: 'ch',
};

const condition = (active: [FilterKey, string][], mask: number) =>
  filterCondition(active, mask, 't', FILTER_COLUMN);

/** The per-teacher part: the teachers in `ids` (an array expression) only. */
export function teacherFigures(
  report: ResolvedReport,
  filters: ReportFilters,
  by: ReportBy | null,
  options: { continuity: boolean },
  ids: RawBuilder<unknown>,
): RawBuilder<unknown> {
  const active = activeFilters(filters);
  const full = (1 << active.length) - 1;
  const F = condition(active, full);
  const key = by ? sql`${sql.ref(`r.${SCOPE_COLUMN[by]}`)}::text` : sql`NULL::text`;
  const inMonth = sql`r.month = ${report.month}`;
  const relaxedFlags = [];
  const relaxedCounts = [];
  for (let mask = 0; mask < full; mask++) {
    const G = condition(active, mask);
    const [m, c] = [`rx_${mask}_m`, `rx_${mask}_c`];
    relaxedFlags.push(
      sql`bool_or(t.in_m AND ${G}) AS ${sql.ref(m)}`,
      sql`bool_or(${G}) AS ${sql.ref(c)}`,
    );
    relaxedCounts.push(
      sql`count(*) FILTER (WHERE ${sql.ref(`u.${m}`)}) AS ${sql.ref(m)}`,
      sql`count(*) FILTER (WHERE ${sql.ref(`u.${c}`)}) AS ${sql.ref(c)}`,
    );
  }
  // Three plain aggregations, no DISTINCT or ordered aggregate (each of those sorted its input
  // again; the national answer took 17 s): per (row, teacher, intervention) — the primary key
  // holds one row per month, so "the coach of month M" is a max over that month —, then per
  // (row, teacher) a flag for each count of teachers, then per row the counts of flags.
  return sql`
    WITH per_teacher AS (
      SELECT ${key} AS key, r.teacher_id, r.intervention_code,
             max(r.level) AS lvl, max(r.area) AS ar, max(r.characteristic) AS ch,
             bool_or(${inMonth}) AS in_m,
             bool_or(${inMonth} AND r.has_coach) AS coached_m,
             min(r.coach_id::text) <> max(r.coach_id::text) AS changed,
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
             max(r.coach_id::text) FILTER (WHERE ${inMonth} AND r.has_coach) AS coach_now
        FROM report_teacher_month r
       WHERE r.school_year = ${report.year} AND r.month <= ${report.month} AND ${scopeOn(report, 'r')}
         AND r.teacher_id = ANY(${ids})
       GROUP BY 1, 2, 3
    ),
    per_person AS (
      SELECT t.key, t.teacher_id,
             bool_or(t.in_m AND ${F}) AS in_month, bool_or(${F}) AS in_year,
             bool_or(t.coached_m AND ${F}) AS coached,
             bool_or(t.due AND ${F}) AS due, bool_or(t.visited_due AND ${F}) AS visited_due,
             bool_or(t.changed AND ${F}) AS changed,
             bool_or(t.coached_m AND p.coach_id IS NOT NULL AND ${F}) AS previous_coached,
             bool_or(t.coached_m AND p.coach_id = t.coach_now AND ${F}) AS same_coach,
             sum(t.vm) FILTER (WHERE ${F}) AS vm, sum(t.pm) FILTER (WHERE ${F}) AS pm,
             sum(t.tm) FILTER (WHERE ${F}) AS tm,
             sum(t.gm) FILTER (WHERE ${F}) AS gm, sum(t.rm) FILTER (WHERE ${F}) AS rm,
             sum(t.tam) FILTER (WHERE ${F}) AS tam, sum(t.fm) FILTER (WHERE ${F}) AS fm,
             sum(t.vc) FILTER (WHERE ${F}) AS vc, sum(t.gc) FILTER (WHERE ${F}) AS gc,
             sum(t.rc) FILTER (WHERE ${F}) AS rc, sum(t.tac) FILTER (WHERE ${F}) AS tac,
             sum(t.fc) FILTER (WHERE ${F}) AS fc,
             sum(t.vt) FILTER (WHERE ${F}) AS vt, sum(t.gt) FILTER (WHERE ${F}) AS gt,
             sum(t.rt) FILTER (WHERE ${F}) AS rt, sum(t.tat) FILTER (WHERE ${F}) AS tat,
             sum(t.ft) FILTER (WHERE ${F}) AS ft
             ${relaxedFlags.length ? sql`, ${sql.join(relaxedFlags)}` : sql``}
        FROM per_teacher t
        -- The teacher's last coach of the previous school year (continuity: coverage only;
        -- compliance skips it), read backwards along the primary key.
        LEFT JOIN LATERAL (
          SELECT p.coach_id::text AS coach_id FROM report_teacher_month p
           WHERE ${options.continuity ? sql`true` : sql`false`}
             AND p.school_year = ${report.year - 1} AND p.teacher_id = t.teacher_id
             AND p.intervention_code = t.intervention_code AND p.has_coach
           ORDER BY p.month DESC LIMIT 1
        ) p ON true
       GROUP BY t.key, t.teacher_id
    )
    SELECT u.key,
           count(*) FILTER (WHERE u.in_month) AS teachers_month,
           count(*) FILTER (WHERE u.in_year) AS teachers_cum,
           count(*) FILTER (WHERE u.coached) AS with_coach,
           sum(u.vm) AS visits_done, sum(u.pm) AS visits_planned,
           sum(u.tm) AS visit_target_month,
           count(*) FILTER (WHERE u.due) AS due,
           count(*) FILTER (WHERE u.visited_due) AS visited_due,
           sum(u.gm) AS gia, sum(u.rm) AS ria, sum(u.tam) AS taller, sum(u.fm) AS familias,
           sum(u.vc) AS cum_visits, sum(u.gc) AS cum_gia, sum(u.rc) AS cum_ria,
           sum(u.tac) AS cum_taller, sum(u.fc) AS cum_familias,
           sum(u.vt) AS target_visits, sum(u.gt) AS target_gia, sum(u.rt) AS target_ria,
           sum(u.tat) AS target_taller, sum(u.ft) AS target_familias,
           count(*) FILTER (WHERE u.changed) AS coach_changes,
           count(*) FILTER (WHERE u.previous_coached) AS previous_coached,
           count(*) FILTER (WHERE u.same_coach) AS same_coach
           ${relaxedCounts.length ? sql`, ${sql.join(relaxedCounts)}` : sql``}
      FROM per_person u
     GROUP BY u.key`;
}

/** The month series per teacher, for the teachers in `ids` only. The primary key holds one row
 *  per (teacher, intervention, month), so this goes straight to per (month, teacher) flags. */
export function teacherMonthFigures(
  report: ResolvedReport,
  filters: ReportFilters,
  ids: RawBuilder<unknown>,
): RawBuilder<unknown> {
  const active = activeFilters(filters);
  const full = (1 << active.length) - 1;
  const F = condition(active, full);
  const flags = [];
  const counts = [];
  for (let mask = 0; mask < full; mask++) {
    const name = `rx_${mask}`;
    flags.push(sql`bool_or(${condition(active, mask)}) AS ${sql.ref(name)}`);
    counts.push(
      sql`count(*) FILTER (WHERE ${sql.ref(`u.${name}`)}) AS ${sql.ref(`${name}_m`)}`,
      sql`count(*) FILTER (WHERE ${sql.ref(`u.${name}`)}) AS ${sql.ref(`${name}_c`)}`,
    );
  }
  // The filters name the columns of `figures`' first stage (t.lvl, t.ar, t.ch).
  return sql`
    WITH t AS (
      SELECT r.month, r.teacher_id, r.intervention_code, r.level AS lvl, r.area AS ar,
             r.characteristic AS ch, r.visits_done, r.visit_target_month
        FROM report_teacher_month r
       WHERE r.school_year = ${report.year} AND ${scopeOn(report, 'r')}
         AND r.teacher_id = ANY(${ids})
    ),
    per_person AS (
      SELECT t.month, t.teacher_id, bool_or(${F}) AS counted,
             bool_or(t.visit_target_month > 0 AND ${F}) AS due,
             bool_or(t.visit_target_month > 0 AND t.visits_done > 0 AND ${F}) AS visited_due,
             sum(t.visits_done) FILTER (WHERE ${F}) AS vm,
             sum(t.visit_target_month) FILTER (WHERE ${F}) AS tm
             ${flags.length ? sql`, ${sql.join(flags)}` : sql``}
        FROM t GROUP BY 1, 2
    )
    SELECT u.month::text AS key, count(*) FILTER (WHERE u.counted) AS teachers_month,
           count(*) FILTER (WHERE u.counted) AS teachers_cum,
           count(*) FILTER (WHERE u.due) AS due, count(*) FILTER (WHERE u.visited_due) AS visited_due,
           sum(u.vm) AS visits_done, sum(u.tm) AS visit_target_month
           ${counts.length ? sql`, ${sql.join(counts)}` : sql``}
      FROM per_person u GROUP BY u.month`;
}
