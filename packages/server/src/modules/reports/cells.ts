import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

// The monitoring cells (migration 0020, docs/REPORTS.md "Cells"): the per-teacher read models
// summed per school (and coach) for every month a report may be "as of", and rolled up per UGEL
// and region, so that an answer reads hundreds of cells. Teachers whose year does not fit one
// school cell (report_complex) are left out here and read per teacher by the queries. The same
// statements rebuild everything (unit = null) or the schools a refresh touched.

type Db = Kysely<DB>;

/** The teachers (and school years) whose contributions to the cells to compute; null: all. */
export interface CellUnit {
  teacherIds: string[];
  years: number[];
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

function unitFilter(unit: CellUnit | null, alias: string) {
  if (!unit) return sql``;
  return sql`AND ${sql.ref(`${alias}.teacher_id`)} = ANY(${unit.teacherIds}::uuid[])
             AND ${sql.ref(`${alias}.school_year`)} = ANY(${unit.years}::int[])`;
}

/** The simple teachers' month rows (report_complex left out), of the unit's teachers. */
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
function cellRows(unit: CellUnit | null): Built {
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

function progressRows(unit: CellUnit | null): Built {
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

function stageRows(unit: CellUnit | null): Built {
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
    SELECT concat(${cellKeyText('m')}, '|', s.stage) AS ckey, m.school_year, 's'::text AS kind, ${dims('m')},
           s.stage, s.month, sum(s.n) AS teachers
      FROM steps s JOIN members m ON m.school_year = s.school_year AND m.teacher_id = s.teacher_id
     GROUP BY 1, 2, 3, ${dims('m')}, s.stage, s.month`;
  return {
    cols: [...cellKey, 'month', 'teachers'],
    select: sql`SELECT * FROM (${asOf(monthly, cellKey, [], ['teachers'])}) a WHERE a.teachers > 0`,
  };
}

function levelRows(unit: CellUnit | null): Built {
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
     GROUP BY m.school_year, ${dims('m')}, l.desempeno, l.month`,
  };
}

interface Built {
  cols: string[];
  select: RawBuilder<unknown>;
}

type CellTable = 'report_cell' | 'report_progress_cell' | 'report_stage_cell' | 'report_level_cell';
/** Each cell table: its rows for a unit, its key columns beyond the place and filters, its
 *  summed columns, and the column that is 0 when no teacher is left in the cell. */
const TABLE: Record<
  CellTable,
  { rows: (u: CellUnit | null) => Built; key: string[]; sums: string[]; count: string }
> = {
  report_cell: {
    rows: cellRows,
    key: ['month', 'coach_id'],
    sums: [...CELL_CURRENT, ...CELL_DELTA],
    count: 'teachers_cum',
  },
  report_progress_cell: {
    rows: progressRows,
    key: ['month'],
    sums: ['teachers', 'up', 'same', 'down'],
    count: 'teachers',
  },
  report_stage_cell: {
    rows: stageRows,
    key: ['month', 'stage'],
    sums: ['teachers'],
    count: 'teachers',
  },
  report_level_cell: {
    rows: levelRows,
    key: ['desempeno', 'month'],
    sums: ['n1', 'n2', 'n3', 'n4'],
    count: 'n1 + n2 + n3 + n4',
  },
};
const TABLES = Object.keys(TABLE) as CellTable[];

/** Leaves out sums that change nothing (most of a refreshed teacher's months are as before). */
const changes = (sums: string[]) =>
  sql.raw(`HAVING ${sums.map((c) => `sum(${c}) <> 0`).join(' OR ')}`);

/** The columns of `table`'s unique key (migration 0020), in order. */
const uniqueOf = (table: CellTable) => ['school_year', 'kind', ...DIMS, ...TABLE[table].key];

/** Rows of `from` summed into kind 'u' (per UGEL) or 'r' (per region): the school and network
 *  (and coach) left out, the other columns kept. `from` is kind 's' rows. */
function rolledUp(table: CellTable, kind: 'u' | 'r', from: RawBuilder<unknown>) {
  const { sums } = TABLE[table];
  const blank = new Set([
    'school_id',
    'network_id',
    'coach_id',
    ...(kind === 'r' ? ['ugel_id'] : []),
  ]);
  const keyCols = uniqueOf(table);
  const select = keyCols.map((c) =>
    c === 'kind' ? `'${kind}'::text AS kind` : blank.has(c) ? `NULL::uuid AS ${c}` : c,
  );
  const group = keyCols.filter((c) => c !== 'kind' && !blank.has(c));
  return {
    cols: [...keyCols, ...sums],
    select: sql`SELECT ${sql.raw(select.join(', '))}, ${sql.raw(sums.map((c) => `sum(${c}) AS ${c}`).join(', '))}
                  FROM (${from}) f WHERE f.kind = 's' GROUP BY ${sql.raw(group.join(', '))}
                  ${changes(sums)}`,
  };
}

const insert = (table: CellTable, b: Built) =>
  sql`INSERT INTO ${sql.table(table)} (${sql.raw(b.cols.join(', '))}) ${b.select}`;

/** The full rebuild of every cell, after report_complex is current. */
export async function rebuildCells(db: Db): Promise<void> {
  for (const table of TABLES) {
    await sql`TRUNCATE ${sql.table(table)}`.execute(db);
    await insert(table, TABLE[table].rows(null)).execute(db);
    const from = sql`SELECT * FROM ${sql.table(table)}`;
    await insert(table, rolledUp(table, 'u', from)).execute(db);
    await insert(table, rolledUp(table, 'r', from)).execute(db);
  }
}

const deltaTable = (table: CellTable) => sql.table(`delta_${table}`);

/**
 * Incremental maintenance, teacher by teacher: cells are sums over teachers, so what a refresh
 * changes is the old contribution of its teachers (taken off here, before their read-model rows
 * change) and their new one (`addContributions`, after). Cost follows the teachers a refresh
 * names, not the size of their schools, UGELs or regions.
 */
export async function takeContributions(db: Db, unit: CellUnit): Promise<void> {
  for (const table of TABLES) {
    await sql`CREATE TEMP TABLE IF NOT EXISTS ${deltaTable(table)}
                (LIKE ${sql.table(table)}) ON COMMIT DROP`.execute(db);
    await sql`TRUNCATE ${deltaTable(table)}`.execute(db);
    const b = TABLE[table].rows(unit);
    const negated = b.cols.map((c) => (TABLE[table].sums.includes(c) ? `-${c}` : c));
    await sql`INSERT INTO ${deltaTable(table)} (${sql.raw(b.cols.join(', '))})
                SELECT ${sql.raw(negated.join(', '))} FROM (${b.select}) z`.execute(db);
  }
}

/** Adds the teachers' new contribution and applies the difference to the cells of every kind. */
export async function addContributions(db: Db, unit: CellUnit): Promise<void> {
  for (const table of TABLES) {
    const { sums, count } = TABLE[table];
    const b = TABLE[table].rows(unit);
    await sql`INSERT INTO ${deltaTable(table)} (${sql.raw(b.cols.join(', '))}) ${b.select}`.execute(
      db,
    );
    const delta = sql`SELECT * FROM ${deltaTable(table)}`;
    const keyCols = uniqueOf(table);
    const base: Built = {
      cols: [...keyCols, ...sums],
      select: sql`SELECT ${sql.raw(keyCols.join(', '))}, ${sql.raw(sums.map((c) => `sum(${c})`).join(', '))}
                    FROM (${delta}) d GROUP BY ${sql.raw(keyCols.join(', '))} ${changes(sums)}`,
    };
    for (const b of [base, rolledUp(table, 'u', delta), rolledUp(table, 'r', delta)]) {
      const { rows } = await sql<{ at: string; zero: boolean }>`
        ${insert(table, b)}
        ON CONFLICT (${sql.raw(keyCols.join(', '))}) DO UPDATE SET
          ${sql.raw(sums.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', '))}
        RETURNING ctid::text AS at, (${sql.raw(count)}) = 0 AS zero`.execute(db);
      // A cell no teacher is left in is removed, as a rebuild would not have it.
      const gone = rows.filter((r) => r.zero).map((r) => r.at);
      if (gone.length > 0)
        await sql`DELETE FROM ${sql.table(table)} WHERE ctid = ANY(${gone}::tid[])`.execute(db);
    }
  }
}

/** A refresh's unit: its teachers, in its school years and the next ones (whose continuity
 *  reads this year's last coach). */
export function unitOf(keys: { teacherIds: string[]; years: number[] }): CellUnit {
  return {
    teacherIds: keys.teacherIds,
    years: [...new Set(keys.years.flatMap((y) => [y, y + 1]))],
  };
}
