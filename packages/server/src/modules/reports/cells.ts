import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

// The monitoring cells (migration 0020, docs/REPORTS.md "Cells"): the per-teacher read models
// summed per school (and coach) for every month a report may be "as of", and rolled up per UGEL
// and region, so that an answer reads hundreds of cells. Teachers whose year does not fit one
// school cell (report_complex) are left out here and read per teacher by the queries. The same
// statements rebuild everything (unit = null) or the schools a refresh touched.

type Db = Kysely<DB>;

/** (school year, school) pairs whose cells to recompute; null: all of them. */
export interface CellUnit {
  years: number[];
  schools: string[];
}

const DIMS = [
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
const dimList = sql.raw(DIMS.join(', '));

function unitFilter(unit: CellUnit | null, alias: string) {
  if (!unit) return sql``;
  return sql`AND (${sql.ref(`${alias}.school_year`)}, ${sql.ref(`${alias}.school_id`)}) IN (
    SELECT u.y::smallint, u.s FROM unnest(${unit.years}::int[], ${unit.schools}::uuid[]) AS u(y, s))`;
}

/** The simple teachers' month rows of the unit (report_complex left out). */
function simpleRows(unit: CellUnit | null) {
  return sql`
    SELECT r.* FROM report_teacher_month r
     WHERE r.school_id IS NOT NULL ${unitFilter(unit, 'r')}
       AND NOT EXISTS (SELECT 1 FROM report_complex x
                        WHERE x.school_year = r.school_year AND x.teacher_id = r.teacher_id)`;
}

/** report_complex of the keys (null: all): see the migration for who is in it. */
export async function refreshComplex(
  db: Db,
  keys: { teacherIds: string[]; years: number[] } | null,
): Promise<void> {
  const filter = (alias: string) =>
    keys
      ? sql`AND ${sql.ref(`${alias}.teacher_id`)} = ANY(${keys.teacherIds}::uuid[])
            AND ${sql.ref(`${alias}.school_year`)} = ANY(${keys.years}::int[])`
      : sql``;
  if (keys) await sql`DELETE FROM report_complex x WHERE true ${filter('x')}`.execute(db);
  else await sql`TRUNCATE report_complex`.execute(db);
  await sql`
    INSERT INTO report_complex (school_year, teacher_id)
    SELECT r.school_year, r.teacher_id
      FROM report_teacher_month r
      LEFT JOIN (SELECT l.school_year, l.teacher_id, min(l.month) AS first_level
                   FROM report_teacher_level l WHERE true ${filter('l')} GROUP BY 1, 2) l
        ON l.school_year = r.school_year AND l.teacher_id = r.teacher_id
     WHERE true ${filter('r')}
     GROUP BY r.school_year, r.teacher_id
    HAVING bool_or(r.school_id IS NULL) OR min(r.intervention_code) <> max(r.intervention_code)
        OR min(r.month) > min(l.first_level)`.execute(db);
}

/**
 * Turns per-(cell, month) rows — `current` columns (that month's figures) and `delta` columns
 * (what changes from that month on) — into one row per cell and month "as of", from the cell's
 * first month to December: current as they are, deltas summed up to the month.
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
      FROM g CROSS JOIN LATERAL generate_series(g.from_m, 12) AS a(m)
      LEFT JOIN mo ON mo.ckey = g.ckey AND mo.month = a.m`;
}

const CELL_CURRENT = [
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
const CELL_DELTA = [
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
function insertCells(unit: CellUnit | null) {
  const key = ['school_year', 'kind', 'coach_id', ...DIMS];
  const first = sql`CASE k.kind WHEN 's' THEN x.first_m ELSE x.c_first_m END`;
  const firstCoached = sql`CASE k.kind WHEN 's' THEN x.first_coached ELSE x.c_first_m END`;
  const monthly = sql`
    WITH src AS (${simpleRows(unit)}),
    firsts AS (
      SELECT school_year, teacher_id, min(month) AS first_m,
             min(month) FILTER (WHERE has_coach) AS first_coached
        FROM src GROUP BY 1, 2),
    first_coach AS (
      SELECT s.school_year, s.teacher_id, s.coach_id FROM src s JOIN firsts f
          ON f.school_year = s.school_year AND f.teacher_id = s.teacher_id
       WHERE s.month = f.first_coached),
    -- The first month with a second coach (figures.ts: min(coach) <> max(coach) up to then).
    changes AS (
      SELECT s.school_year, s.teacher_id, min(s.month) AS change_m FROM src s JOIN first_coach c
          ON c.school_year = s.school_year AND c.teacher_id = s.teacher_id
       WHERE s.coach_id <> c.coach_id GROUP BY 1, 2),
    c_firsts AS (
      SELECT school_year, teacher_id, coach_id, min(month) AS c_first_m FROM src GROUP BY 1, 2, 3),
    -- Each teacher's last coach of the previous school year (coverage's continuity).
    prev AS (
      SELECT DISTINCT ON (p.school_year, p.teacher_id, p.intervention_code)
             p.school_year + 1 AS school_year, p.teacher_id, p.intervention_code, p.coach_id
        FROM report_teacher_month p
       WHERE p.has_coach AND EXISTS (SELECT 1 FROM firsts f
               WHERE f.school_year = p.school_year + 1 AND f.teacher_id = p.teacher_id)
       ORDER BY p.school_year, p.teacher_id, p.intervention_code, p.month DESC),
    x AS (
      SELECT s.*, f.first_m, f.first_coached, ch.change_m, cf.c_first_m, pv.coach_id AS prev_coach
        FROM src s
        JOIN firsts f ON f.school_year = s.school_year AND f.teacher_id = s.teacher_id
        LEFT JOIN changes ch ON ch.school_year = s.school_year AND ch.teacher_id = s.teacher_id
        JOIN c_firsts cf ON cf.school_year = s.school_year AND cf.teacher_id = s.teacher_id
         AND cf.coach_id IS NOT DISTINCT FROM s.coach_id
        LEFT JOIN prev pv ON pv.school_year = s.school_year AND pv.teacher_id = s.teacher_id
         AND pv.intervention_code = s.intervention_code)
    SELECT concat(x.school_year, '|', k.kind, '|', CASE WHEN k.kind = 'c' THEN x.coach_id END, '|',
                  x.school_id, '|', x.intervention_code, '|', x.level) AS ckey,
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
  const cols = [...key, 'month', ...CELL_CURRENT, ...CELL_DELTA];
  return sql`INSERT INTO report_cell (${sql.raw(cols.join(', '))})
    ${asOf(monthly, key, CELL_CURRENT, CELL_DELTA)}`;
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

const key = (alias: string) =>
  sql`concat(${sql.ref(`${alias}.school_year`)}, '|', ${sql.ref(`${alias}.school_id`)}, '|',
             ${sql.ref(`${alias}.intervention_code`)}, '|', ${sql.ref(`${alias}.level`)})`;

function insertProgressCells(unit: CellUnit | null) {
  const cellKey = ['school_year', 'kind', ...DIMS];
  const delta = ['teachers', 'up', 'same', 'down'];
  const d = (c: string) =>
    sql`count(*) FILTER (WHERE c.class = ${c}) - count(*) FILTER (WHERE c.before = ${c}) AS ${sql.ref(c)}`;
  const monthly = sql`
    WITH ${progressSources(unit)}
    SELECT ${key('m')} AS ckey, m.school_year, 's'::text AS kind, ${dims('m')}, c.month,
           count(*) FILTER (WHERE c.is_first) AS teachers, ${d('up')}, ${d('same')}, ${d('down')}
      FROM classes c JOIN members m ON m.school_year = c.school_year AND m.teacher_id = c.teacher_id
     GROUP BY 1, 2, 3, ${dims('m')}, c.month`;
  return sql`INSERT INTO report_progress_cell (${sql.raw([...cellKey, 'month', ...delta].join(', '))})
    ${asOf(monthly, cellKey, [], delta)}`;
}

function insertStageCells(unit: CellUnit | null) {
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
       ORDER BY st.school_year, st.teacher_id, greatest(st.month, fl.first_level), st.month DESC),
    steps AS (
      SELECT e.school_year, e.teacher_id, e.month, e.stage, 1 AS n FROM eff e
      UNION ALL
      SELECT p.school_year, p.teacher_id, p.next_month, p.stage, -1 FROM (
        SELECT e.*, lead(e.month) OVER (PARTITION BY e.school_year, e.teacher_id ORDER BY e.month)
                 AS next_month FROM eff e) p
       WHERE p.next_month IS NOT NULL)
    SELECT concat(${key('m')}, '|', s.stage) AS ckey, m.school_year, 's'::text AS kind, ${dims('m')},
           s.stage, s.month, sum(s.n) AS teachers
      FROM steps s JOIN members m ON m.school_year = s.school_year AND m.teacher_id = s.teacher_id
     GROUP BY 1, 2, 3, ${dims('m')}, s.stage, s.month`;
  return sql`INSERT INTO report_stage_cell (${sql.raw([...cellKey, 'month', 'teachers'].join(', '))})
    SELECT * FROM (${asOf(monthly, cellKey, [], ['teachers'])}) a WHERE a.teachers > 0`;
}

function insertLevelCells(unit: CellUnit | null) {
  const n = (level: number) => sql`count(*) FILTER (WHERE l.level = ${level})`;
  return sql`
    INSERT INTO report_level_cell (school_year, kind, ${dimList}, desempeno, month, n1, n2, n3, n4)
    WITH members AS (
      SELECT DISTINCT ON (r.school_year, r.teacher_id) r.school_year, r.teacher_id, ${dims('r')}
        FROM (${simpleRows(unit)}) r ORDER BY r.school_year, r.teacher_id)
    SELECT m.school_year, 's', ${dims('m')}, l.desempeno, l.month, ${n(1)}, ${n(2)}, ${n(3)}, ${n(4)}
      FROM members m JOIN report_teacher_level l
        ON l.school_year = m.school_year AND l.teacher_id = m.teacher_id
     GROUP BY m.school_year, ${dims('m')}, l.desempeno, l.month`;
}

type CellTable = 'report_cell' | 'report_progress_cell' | 'report_stage_cell' | 'report_level_cell';
/** Each cell table's extra key columns and its summed columns. */
const ROLLUP: Record<CellTable, { key: string[]; sums: string[] }> = {
  report_cell: { key: ['month'], sums: [...CELL_CURRENT, ...CELL_DELTA] },
  report_progress_cell: { key: ['month'], sums: ['teachers', 'up', 'same', 'down'] },
  report_stage_cell: { key: ['month', 'stage'], sums: ['teachers'] },
  report_level_cell: { key: ['desempeno', 'month'], sums: ['n1', 'n2', 'n3', 'n4'] },
};

/** Kind 'u' (per UGEL) or 'r' (per region) of `table`, from its school cells. */
function rollup(table: CellTable, kind: 'u' | 'r', years: number[] | null, ids: string[] | null) {
  const { key, sums } = ROLLUP[table];
  const area = kind === 'u' ? 'ugel_id' : 'region_id';
  const kept = ['ugel_id', 'region_id', 'intervention_code', 'level', 'area', 'characteristic'];
  const group = kind === 'u' ? kept : kept.filter((c) => c !== 'ugel_id');
  const select = kept.map((c) => (group.includes(c) ? c : `NULL::uuid AS ${c}`));
  const filter =
    years && ids
      ? sql`AND (school_year, ${sql.ref(area)}) IN (
          SELECT u.y::smallint, u.id FROM unnest(${years}::int[], ${ids}::uuid[]) AS u(y, id))`
      : sql``;
  const cols = ['school_year', 'kind', ...kept, ...key, ...sums];
  return {
    remove: sql`DELETE FROM ${sql.table(table)} WHERE kind = ${kind} ${filter}`,
    insert: sql`INSERT INTO ${sql.table(table)} (${sql.raw(cols.join(', '))})
      SELECT school_year, ${kind}, ${sql.raw(select.join(', '))}, ${sql.raw(key.join(', '))},
             ${sql.raw(sums.map((s) => `sum(${s})`).join(', '))}
        FROM ${sql.table(table)} WHERE kind = 's' ${filter}
       GROUP BY school_year, ${sql.raw([...group, ...key].join(', '))}`,
  };
}

const TABLES = Object.keys(ROLLUP) as CellTable[];

/** Recomputes the cells of `unit` (null: all), after report_complex is current. */
export async function refreshCells(db: Db, unit: CellUnit | null): Promise<void> {
  if (unit && unit.schools.length === 0) return;
  for (const table of TABLES) {
    if (!unit) await sql`TRUNCATE ${sql.table(table)}`.execute(db);
    else
      await sql`DELETE FROM ${sql.table(table)} c WHERE c.kind IN ('s', 'c')
                  ${unitFilter(unit, 'c')}`.execute(db);
  }
  await insertCells(unit).execute(db);
  await insertProgressCells(unit).execute(db);
  await insertStageCells(unit).execute(db);
  await insertLevelCells(unit).execute(db);
  // The UGELs and regions of the unit's schools, rolled up again from their school cells.
  let areas: { years: number[]; ugels: string[]; regionYears: number[]; regions: string[] } | null =
    null;
  if (unit) {
    const { rows } = await sql<{ y: number; ugel_id: string; region_id: string }>`
      SELECT DISTINCT u.y, s.ugel_id, s.region_id
        FROM unnest(${unit.years}::int[], ${unit.schools}::uuid[]) AS u(y, id)
        JOIN school s ON s.id = u.id`.execute(db);
    const regions = [...new Map(rows.map((r) => [`${r.y}|${r.region_id}`, r])).values()];
    areas = {
      years: rows.map((r) => r.y),
      ugels: rows.map((r) => r.ugel_id),
      regionYears: regions.map((r) => r.y),
      regions: regions.map((r) => r.region_id),
    };
  }
  for (const table of TABLES) {
    const u = rollup(table, 'u', areas?.years ?? null, areas?.ugels ?? null);
    const r = rollup(table, 'r', areas?.regionYears ?? null, areas?.regions ?? null);
    if (unit) {
      await u.remove.execute(db);
      await r.remove.execute(db);
    }
    await u.insert.execute(db);
    await r.insert.execute(db);
  }
}

/** The (school year, school) pairs of these teachers' month rows (a refresh's unit). */
export async function unitOf(
  db: Db,
  keys: { teacherIds: string[]; years: number[] },
): Promise<CellUnit> {
  // The next school year too: its continuity reads this one's last coach.
  const years = [...new Set(keys.years.flatMap((y) => [y, y + 1]))];
  const { rows } = await sql<{ y: number; s: string }>`
    SELECT DISTINCT school_year::int AS y, school_id::text AS s FROM report_teacher_month
     WHERE teacher_id = ANY(${keys.teacherIds}::uuid[]) AND school_year = ANY(${years}::int[])
       AND school_id IS NOT NULL`.execute(db);
  return { years: rows.map((r) => r.y), schools: rows.map((r) => r.s) };
}
