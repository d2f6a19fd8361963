import { type RawBuilder, sql } from 'kysely';

// The rows of the monitoring cells (migration 0020, docs/REPORTS.md "Cells") for a set of
// teachers or for everyone: what each teacher contributes to the cells of their school (and
// coach), for every month a report may be "as of". cells.ts stores them, whole or as
// differences.

/** The teachers (and school years) whose contributions to the cells to compute; null: all. */
export interface CellUnit {
  teacherIds: string[];
  years: number[];
}

export const DIMS = [
  'school_id',
  'network_id',
  'ugel_id',
  'region_id',
  'intervention_code',
  'level',
  'area',
  'characteristic',
] as const;
const dims = (alias: string) => sql.join(DIMS.map((d) => sql.ref(`${alias}.${d}`)));

/** `AND alias.teacher_id/school_year within the unit`, or nothing. On every table a unit's
 *  statement reads, not only the first: joined to the unit's members alone, the teachers'
 *  levels were read whole (4.8 million rows at national scale) and hashed in every worker. */
export function unitFilter(unit: CellUnit | null, alias: string) {
  if (!unit) return sql``;
  return sql`AND ${sql.ref(`${alias}.teacher_id`)} = ANY(${unit.teacherIds}::uuid[])
             AND ${sql.ref(`${alias}.school_year`)} = ANY(${unit.years}::int[])`;
}

/** The simple teachers' month rows (report_complex left out), of the unit's teachers. */
export function simpleRows(unit: CellUnit | null) {
  return sql`
    SELECT r.* FROM report_teacher_month r
     WHERE r.school_id IS NOT NULL ${unitFilter(unit, 'r')}
       AND NOT EXISTS (SELECT 1 FROM report_complex x
                        WHERE x.school_year = r.school_year AND x.teacher_id = r.teacher_id)`;
}

/**
 * Turns per-(cell, month) rows — `current` columns (that month's figures) and `delta` columns
 * (what changes from that month on) — into one row per cell and month "as of", from the cell's
 * first month to December: current as they are, deltas summed up to the month. (The months
 * from a constant series: the planner counts 12 of them, not the 1,000 it assumes of a series
 * with a column bound, which priced these statements into JIT compilation — 300 ms of 520.)
 */
function asOf(monthly: RawBuilder<unknown>, key: string[], current: string[], delta: string[]) {
  const keyCols = sql.join(
    key.map((c) => sql`(array_agg(${sql.ref(`mo.${c}`)}))[1] AS ${sql.ref(c)}`),
  );
  const cur = current.map((c) => sql`coalesce(${sql.ref(`mo.${c}`)}, 0) AS ${sql.ref(c)}`);
  const cum = delta.map(
    (c) =>
      sql`sum(coalesce(${sql.ref(`mo.${c}`)}, 0)) OVER (PARTITION BY g.ckey ORDER BY a.m) AS ${sql.ref(c)}`,
  );
  return sql`
    WITH mo AS (${monthly}),
    g AS (SELECT mo.ckey, min(mo.month) AS from_m, ${keyCols} FROM mo GROUP BY mo.ckey)
    SELECT ${sql.join(key.map((c) => sql.ref(`g.${c}`)))}, a.m::smallint AS month,
           ${sql.join([...cur, ...cum])}
      FROM g JOIN generate_series(1, 12) AS a(m) ON a.m >= g.from_m
      LEFT JOIN mo ON mo.ckey = g.ckey AND mo.month = a.m`;
}

export const CELL_CURRENT = [
  'teachers_m',
  'with_coach',
  'due',
  'visited_due',
  'previous_coached',
  'same_coach',
  'visits_m',
  'planned_m',
  'target_m',
  'gia_m',
  'ria_m',
  'taller_m',
  'familias_m',
];
export const CELL_DELTA = [
  'teachers_cum',
  'changed',
  'visits',
  'gia',
  'ria',
  'taller',
  'familias',
  'visit_target',
  'gia_target',
  'ria_target',
  'taller_target',
  'familias_target',
];
const TARGETS = ['visit', 'gia', 'ria', 'taller', 'familias'];

/** Compliance and coverage cells of kinds 's' and 'c' for the unit (the figures of figures.ts'
 *  per-teacher query, per teacher summed: each simple teacher is one row of a school cell). */
export function cellRows(unit: CellUnit | null): Built {
  const key = ['school_year', 'kind', 'coach_id', ...DIMS];
  const first = sql`CASE k.kind WHEN 's' THEN x.first_m ELSE x.c_first_m END`;
  const firstCoached = sql`CASE k.kind WHEN 's' THEN x.first_coached ELSE x.c_first_m END`;
  const monthly = sql`
    -- Each teacher's landmarks by window functions over their own rows (one sort, no joins: the
    -- planner misjudged joins of these steps and re-ran them per row): the first month, the first
    -- month with a coach and that coach, the first month under each coach.
    WITH w1 AS (
      SELECT r.*, min(r.month) OVER t AS first_m,
             min(r.month) FILTER (WHERE r.has_coach) OVER t AS first_coached,
             min(r.month) OVER (PARTITION BY r.school_year, r.teacher_id, r.coach_id) AS c_first_m,
             first_value(r.coach_id) OVER (PARTITION BY r.school_year, r.teacher_id
                                           ORDER BY r.has_coach DESC, r.month) AS first_coach
        FROM (${simpleRows(unit)}) r
      WINDOW t AS (PARTITION BY r.school_year, r.teacher_id)),
    -- The first month with a second coach (figures.ts: min(coach) <> max(coach) up to then), and
    -- the teacher's last coach of the previous school year (coverage's continuity), read once per
    -- teacher backwards along the primary key.
    w2 AS (
      SELECT w1.*,
             min(w1.month) FILTER (WHERE w1.coach_id <> w1.first_coach)
               OVER (PARTITION BY w1.school_year, w1.teacher_id) AS change_m,
             CASE WHEN w1.month = w1.first_m THEN (
               SELECT p.coach_id::text FROM report_teacher_month p
                WHERE p.school_year = w1.school_year - 1 AND p.teacher_id = w1.teacher_id
                  AND p.intervention_code = w1.intervention_code AND p.has_coach
                ORDER BY p.month DESC LIMIT 1) END AS prev_first
        FROM w1),
    x AS (
      SELECT w2.*, max(w2.prev_first) OVER (PARTITION BY w2.school_year, w2.teacher_id)::uuid AS prev_coach
        FROM w2)
    SELECT concat_ws('|', ${cellKeyText('x')}, k.kind, coalesce(CASE WHEN k.kind = 'c' THEN x.coach_id END::text, '')) AS ckey,
           x.school_year, k.kind, CASE WHEN k.kind = 'c' THEN x.coach_id END AS coach_id,
           ${dims('x')}, x.month,
           count(*) AS teachers_m,
           count(*) FILTER (WHERE x.has_coach) AS with_coach,
           count(*) FILTER (WHERE x.visit_target_month > 0) AS due,
           count(*) FILTER (WHERE x.visit_target_month > 0 AND x.visits_done > 0) AS visited_due,
           count(*) FILTER (WHERE x.has_coach AND x.prev_coach IS NOT NULL) AS previous_coached,
           count(*) FILTER (WHERE x.has_coach AND x.prev_coach = x.coach_id) AS same_coach,
           sum(x.visits_done) AS visits_m, sum(x.visits_planned) AS planned_m,
           sum(x.visit_target_month) AS target_m, sum(x.gia) AS gia_m, sum(x.ria) AS ria_m,
           sum(x.taller) AS taller_m, sum(x.familias) AS familias_m,
           count(*) FILTER (WHERE x.month = ${first}) AS teachers_cum,
           count(*) FILTER (WHERE k.kind = 's' AND x.month = x.change_m) AS changed,
           sum(x.visits_done) AS visits, sum(x.gia) AS gia, sum(x.ria) AS ria,
           sum(x.taller) AS taller, sum(x.familias) AS familias,
           ${sql.join(
             TARGETS.map(
               (t) => sql`coalesce(sum(${sql.ref(`x.${t}_target`)}) FILTER (
                 WHERE x.has_coach AND x.month = ${firstCoached}), 0) AS ${sql.ref(`${t}_target`)}`,
             ),
           )}
      FROM x CROSS JOIN (VALUES ('s'), ('c')) AS k(kind)
     GROUP BY 1, 2, 3, 4, ${dims('x')}, x.month`;
  return {
    cols: [...key, 'month', ...CELL_CURRENT, ...CELL_DELTA],
    select: asOf(monthly, key, CELL_CURRENT, CELL_DELTA),
  };
}

/** Progress cells of kind 's' for the unit: levels per month, and as of each month the
 *  teachers with a level, their movement and their last stage (progress.ts' per-teacher
 *  queries, summed). A simple teacher is a member from their first month with a level. */
function progressSources(unit: CellUnit | null) {
  return sql`
    members AS (
      SELECT DISTINCT ON (r.school_year, r.teacher_id) r.school_year, r.teacher_id, ${dims('r')}
        FROM (${simpleRows(unit)}) r ORDER BY r.school_year, r.teacher_id),
    means AS (
      SELECT l.school_year, l.teacher_id, l.month, avg(l.level) AS mean
        FROM report_teacher_level l JOIN members m
          ON m.school_year = l.school_year AND m.teacher_id = l.teacher_id
       WHERE true ${unitFilter(unit, 'l')}
       GROUP BY 1, 2, 3),
    classes AS (
      SELECT c.*, lag(c.class) OVER (PARTITION BY c.school_year, c.teacher_id ORDER BY c.month) AS before
        FROM (SELECT e.school_year, e.teacher_id, e.month, e.month = e.first_month AS is_first,
                     CASE WHEN e.month = e.first_month THEN NULL WHEN e.mean > e.first_mean THEN 'up'
                          WHEN e.mean = e.first_mean THEN 'same' ELSE 'down' END AS class
                FROM (SELECT means.*,
                             first_value(month) OVER w AS first_month, first_value(mean) OVER w AS first_mean
                        FROM means WINDOW w AS (PARTITION BY school_year, teacher_id ORDER BY month)) e) c)`;
}

/** A cell's key as text: the year and every dimension (a school's place or area may change
 *  after an import, and two teachers of it must then not share a cell). */
const cellKeyText = (alias: string) =>
  sql`concat_ws('|', ${sql.ref(`${alias}.school_year`)}, ${sql.join(
    DIMS.map((d) => sql`coalesce(${sql.ref(`${alias}.${d}`)}::text, '')`),
    sql`, `,
  )})`;

export function progressRows(unit: CellUnit | null): Built {
  const cellKey = ['school_year', 'kind', ...DIMS];
  const delta = ['teachers', 'up', 'same', 'down'];
  const d = (c: string) =>
    sql`count(*) FILTER (WHERE c.class = ${c}) - count(*) FILTER (WHERE c.before = ${c}) AS ${sql.ref(c)}`;
  const monthly = sql`
    WITH ${progressSources(unit)}
    SELECT ${cellKeyText('m')} AS ckey, m.school_year, 's'::text AS kind, ${dims('m')}, c.month,
           count(*) FILTER (WHERE c.is_first) AS teachers, ${d('up')}, ${d('same')}, ${d('down')}
      FROM classes c JOIN members m ON m.school_year = c.school_year AND m.teacher_id = c.teacher_id
     GROUP BY 1, 2, 3, ${dims('m')}, c.month`;
  return { cols: [...cellKey, 'month', ...delta], select: asOf(monthly, cellKey, [], delta) };
}

export function stageRows(unit: CellUnit | null): Built {
  const cellKey = ['school_year', 'kind', ...DIMS, 'stage'];
  // A stage counts from the month the teacher is a member (their first level) on.
  const monthly = sql`
    WITH ${progressSources(unit)},
    fl AS (SELECT school_year, teacher_id, month AS first_level FROM classes WHERE is_first),
    eff AS (
      SELECT DISTINCT ON (st.school_year, st.teacher_id, greatest(st.month, fl.first_level))
             st.school_year, st.teacher_id, greatest(st.month, fl.first_level) AS month, st.stage
        FROM report_teacher_stage st JOIN fl
          ON fl.school_year = st.school_year AND fl.teacher_id = st.teacher_id
       WHERE true ${unitFilter(unit, 'st')}
       ORDER BY st.school_year, st.teacher_id, greatest(st.month, fl.first_level), st.month DESC),
    steps AS (
      SELECT e.school_year, e.teacher_id, e.month, e.stage, 1 AS n FROM eff e
      UNION ALL
      SELECT p.school_year, p.teacher_id, p.next_month, p.stage, -1 FROM (
        SELECT e.*, lead(e.month) OVER (PARTITION BY e.school_year, e.teacher_id ORDER BY e.month)
                 AS next_month FROM eff e) p
       WHERE p.next_month IS NOT NULL)
    SELECT concat(${cellKeyText('m')}, '|', s.stage) AS ckey, m.school_year, 's'::text AS kind, ${dims('m')},
           s.stage, s.month, sum(s.n) AS teachers
      FROM steps s JOIN members m ON m.school_year = s.school_year AND m.teacher_id = s.teacher_id
     GROUP BY 1, 2, 3, ${dims('m')}, s.stage, s.month`;
  return {
    cols: [...cellKey, 'month', 'teachers'],
    select: sql`SELECT * FROM (${asOf(monthly, cellKey, [], ['teachers'])}) a WHERE a.teachers > 0`,
  };
}

export function levelRows(unit: CellUnit | null): Built {
  const n = (level: number) => sql`count(*) FILTER (WHERE l.level = ${level})`;
  const cols = ['school_year', 'kind', ...DIMS, 'desempeno', 'month', 'n1', 'n2', 'n3', 'n4'];
  return {
    cols,
    select: sql`
    WITH members AS (
      SELECT DISTINCT ON (r.school_year, r.teacher_id) r.school_year, r.teacher_id, ${dims('r')}
        FROM (${simpleRows(unit)}) r ORDER BY r.school_year, r.teacher_id)
    SELECT m.school_year, 's'::text AS kind, ${dims('m')}, l.desempeno, l.month,
           ${n(1)} AS n1, ${n(2)} AS n2, ${n(3)} AS n3, ${n(4)} AS n4
      FROM members m JOIN report_teacher_level l
        ON l.school_year = m.school_year AND l.teacher_id = m.teacher_id
     WHERE true ${unitFilter(unit, 'l')}
     GROUP BY m.school_year, ${dims('m')}, l.desempeno, l.month`,
  };
}

export interface Built {
  cols: string[];
  select: RawBuilder<unknown>;
}
