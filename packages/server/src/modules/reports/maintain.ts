import { SCHOOL_TIME_ZONE } from '@acompana/core';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  addContributions,
  rebuildCells,
  refreshComplex,
  takeContributions,
  unitOf,
} from './cells.ts';
import { analyzeChanged } from './statistics.ts';

// The monitoring read models (migration 0015, docs/REPORTS.md) computed from the field tables,
// set-based. ONE set of statements serves both the full rebuild (`npx acompana reports rebuild`,
// keys = null) and the incremental refresh of the teachers a sync push touched (keys = their
// ids and school years): the same SQL on PGlite and PostgreSQL, only the key filter differs.

type Db = Kysely<DB>;

/** The (teacher, school year) keys to recompute; null: everything. `tables`: only these read
 *  models (a push that wrote no record they derive from leaves the others alone). */
export interface RefreshKeys {
  teacherIds: string[];
  years: number[];
  tables?: readonly ReadModel[];
}

export type ReadModel = 'report_teacher_month' | 'report_teacher_level' | 'report_teacher_stage';

/** The field-record kinds each read model is computed from (caseloads, posts and the catalogue
 *  are not field records: their writers refresh or the rebuild does). */
const SOURCES: Record<ReadModel, readonly string[]> = {
  report_teacher_month: ['visit', 'coaching_plan', 'activity', 'activity_attendance'],
  report_teacher_level: ['instrument_response', 'visit'],
  report_teacher_stage: ['stage_record'],
};

const zone = sql.lit(SCHOOL_TIME_ZONE);
const LIMA_YEAR = sql`extract(year FROM (now() AT TIME ZONE ${zone}))::int`;

/** `AND <column> = ANY(keys)` for a teacher column and a year expression, or nothing. A year
 *  column goes in bare (smallint against the int[] keys): a cast (`school_year::int`) is an
 *  expression without statistics, estimated at 0.5 % of the rows, and with it every refresh
 *  statement was planned for one row and nested loops over thousands (4 s for 200 teachers). */
function keyFilter(keys: RefreshKeys | null, teacher: string, year: RawBuilder<unknown>) {
  if (!keys) return sql``;
  return sql`AND ${sql.ref(teacher)} = ANY(${keys.teacherIds}::uuid[])
             AND ${year} = ANY(${keys.years}::int[])`;
}

/** `AND <date column>` within the key years, one range per year: the planner has statistics for
 *  the column, none for `extract(year …)`, which it estimated at 0.5 % of the rows — and so read
 *  every done activity of the year and probed its attendance for the keyed teachers (2.3 s of a
 *  3 s refresh of 1,000 teachers at national scale) instead of starting from their attendance. */
function yearRanges(keys: RefreshKeys | null, column: string) {
  if (!keys) return sql``;
  const ranges = [...new Set(keys.years)].map(
    (y) => sql`(${sql.ref(column)} >= make_date(${y}::int, 1, 1)
               AND ${sql.ref(column)} < make_date(${y + 1}::int, 1, 1))`,
  );
  return sql`AND (${sql.join(ranges, sql` OR `)})`;
}

function deleteOld(table: string, keys: RefreshKeys | null) {
  if (!keys) return sql`TRUNCATE ${sql.table(table)}`;
  return sql`DELETE FROM ${sql.table(table)}
              WHERE teacher_id = ANY(${keys.teacherIds}::uuid[])
                AND school_year = ANY(${keys.years}::int[])`;
}

/** report_teacher_month: the months each teacher has a coach, their dimensions, counts and
 *  targets (rules: core/src/reports/compliance.ts; the property test keeps both in step). */
function insertTeacherMonths(keys: RefreshKeys | null) {
  return sql`
    WITH coached AS (
      -- Every month a caseload row overlaps; of two rows in one month, the later one's coach.
      SELECT DISTINCT ON (y.year, m.month, c.teacher_id, c.intervention_code)
             y.year AS school_year, m.month, c.teacher_id, c.intervention_code, c.coach_id,
             c.ugel_id, c.region_id
        FROM caseload c
        CROSS JOIN LATERAL generate_series(
          extract(year FROM c.valid_from)::int,
          coalesce(extract(year FROM c.valid_to)::int,
                   greatest(extract(year FROM c.valid_from)::int, ${LIMA_YEAR}))) AS y(year)
        CROSS JOIN generate_series(1, 12) AS m(month)
       WHERE c.valid_from < (make_date(y.year, m.month, 1) + interval '1 month')::date
         AND (c.valid_to IS NULL OR c.valid_to >= make_date(y.year, m.month, 1))
         ${keyFilter(keys, 'c.teacher_id', sql`y.year`)}
       ORDER BY y.year, m.month, c.teacher_id, c.intervention_code, c.valid_from DESC, c.id
    ),
    uncoached AS (
      -- School months of a post in an enrolled school with no coach of that intervention.
      SELECT DISTINCT tp.school_year::int AS school_year, m.month, tp.person_id AS teacher_id,
             e.intervention_code, NULL::uuid AS coach_id, tp.ugel_id, tp.region_id
        FROM teacher_post tp
        JOIN enrollment e ON e.school_id = tp.school_id AND e.status IN ('activa', 'permanece')
         AND e.cohort_start_year <= tp.school_year
        CROSS JOIN generate_series(3, 12) AS m(month)
       WHERE NOT EXISTS (
               SELECT 1 FROM coached c
                WHERE c.teacher_id = tp.person_id AND c.school_year = tp.school_year
                  AND c.intervention_code = e.intervention_code AND c.month = m.month)
         ${keyFilter(keys, 'tp.person_id', sql.ref('tp.school_year'))}
    ),
    months AS (
      SELECT * FROM coached UNION ALL SELECT * FROM uncoached
    ),
    post AS (
      SELECT DISTINCT ON (tp.person_id, tp.school_year)
             tp.person_id, tp.school_year::int AS school_year, tp.school_id, tp.grades,
             coalesce(tp.level, s.level) AS level_code, s.network_id, s.ugel_id, s.region_id,
             s.area, s.characteristic
        FROM teacher_post tp JOIN school s ON s.id = tp.school_id
       WHERE true ${keyFilter(keys, 'tp.person_id', sql.ref('tp.school_year'))}
       ORDER BY tp.person_id, tp.school_year, tp.school_id
    ),
    base AS (
      SELECT m.*, p.school_id, p.network_id,
             coalesce(p.ugel_id, m.ugel_id) AS t_ugel_id,
             coalesce(p.region_id, m.region_id) AS t_region_id,
             CASE WHEN p.level_code IS NULL THEN NULL WHEN p.level_code = 'B0' THEN 'primaria'
                  WHEN p.level_code = 'F0' THEN 'secundaria' ELSE 'inicial' END AS level,
             p.area, p.characteristic, coalesce(p.grades, '{}') AS grades,
             count(*) FILTER (WHERE m.month >= 3 AND m.coach_id IS NOT NULL)
               OVER (PARTITION BY m.school_year, m.teacher_id, m.intervention_code) AS served
        FROM months m
        LEFT JOIN post p ON p.person_id = m.teacher_id AND p.school_year = m.school_year
    ),
    targets AS (
      -- The most demanding rule whose grade range overlaps the teacher's grades (all when none).
      SELECT b.school_year, b.teacher_id, b.intervention_code,
             coalesce(max(r.per_year) FILTER (WHERE r.activity_kind = 'visita'), 0) AS visita,
             coalesce(max(r.min_per_month) FILTER (WHERE r.activity_kind = 'visita'), 0) AS visita_month,
             coalesce(max(r.per_year) FILTER (WHERE r.activity_kind = 'gia'), 0) AS gia,
             coalesce(max(r.per_year) FILTER (WHERE r.activity_kind = 'ria'), 0) AS ria,
             coalesce(max(r.per_year) FILTER (WHERE r.activity_kind = 'taller'), 0) AS taller,
             coalesce(max(r.per_year) FILTER (WHERE r.activity_kind = 'reunion_familias'), 0) AS familias,
             max(b.served) AS served
        FROM base b
        LEFT JOIN target_rule r
          ON r.intervention_code = b.intervention_code AND r.school_year = b.school_year
         AND r.level = b.level
         AND (cardinality(b.grades) = 0
              OR EXISTS (SELECT 1 FROM unnest(b.grades) g WHERE g BETWEEN r.grade_from AND r.grade_to))
       GROUP BY 1, 2, 3
    ),
    -- Each per-month tally computed once over the keyed teachers (MATERIALIZED): inlined, the
    -- planner re-aggregated the whole keyed set for every row of base when it counted base's join
    -- with targets (CTE to CTE, no statistics) as one row — 4 s for 200 teachers on PGlite.
    visits AS MATERIALIZED (
      SELECT v.teacher_id, v.school_year::int AS school_year, v.intervention_code,
             extract(month FROM v.planned_date)::int AS month,
             count(*) FILTER (WHERE v.status = 'done') AS done,
             count(*) FILTER (WHERE v.status <> 'cancelled') AS planned
        FROM visit v
       WHERE true ${keyFilter(keys, 'v.teacher_id', sql.ref('v.school_year'))}
       GROUP BY 1, 2, 3, 4
    ),
    attended AS MATERIALIZED (
      -- Done activities with the teacher present at least one day (core tallyAttendance).
      SELECT aa.teacher_id, extract(year FROM a.start_date)::int AS school_year, a.intervention_code,
             extract(month FROM a.start_date)::int AS month,
             count(*) FILTER (WHERE a.type = 'gia') AS gia,
             count(*) FILTER (WHERE a.type = 'ria') AS ria,
             count(*) FILTER (WHERE a.type = 'taller') AS taller,
             coalesce(sum(p.days) FILTER (WHERE a.type = 'taller'), 0) AS taller_days,
             count(*) FILTER (WHERE a.type = 'reunion_familias') AS familias
        FROM activity_attendance aa
        JOIN activity a ON a.id = aa.activity_id AND a.status = 'done'
        CROSS JOIN LATERAL (
          SELECT count(*) AS days FROM jsonb_array_elements(aa.days) d
           WHERE d->>'mark' = 'present') p
       WHERE p.days > 0
         ${keys ? sql`AND aa.teacher_id = ANY(${keys.teacherIds}::uuid[])` : sql``}
         ${yearRanges(keys, 'a.start_date')}
       GROUP BY 1, 2, 3, 4
    ),
    skipped AS MATERIALIZED (
      SELECT DISTINCT cp.teacher_id, cp.school_year::int AS school_year, cp.intervention_code,
             (e->>'month')::int AS month
        FROM coaching_plan cp
        CROSS JOIN LATERAL jsonb_array_elements(cp.skipped_months) e
       WHERE jsonb_typeof(e->'month') = 'number' AND (e->>'month') ~ '^[0-9]{1,2}$'
         ${keyFilter(keys, 'cp.teacher_id', sql.ref('cp.school_year'))}
    )
    INSERT INTO report_teacher_month (
      school_year, month, teacher_id, intervention_code, coach_id, has_coach, school_id, network_id,
      ugel_id, region_id, level, area, characteristic, visits_done, visits_planned, gia, ria,
      taller, taller_days, familias, skipped, visit_target_month, visit_target, gia_target,
      ria_target, taller_target, familias_target)
    SELECT b.school_year, b.month, b.teacher_id, b.intervention_code, b.coach_id,
           b.coach_id IS NOT NULL, b.school_id,
           b.network_id, b.t_ugel_id, b.t_region_id, b.level, b.area, b.characteristic,
           coalesce(v.done, 0), coalesce(v.planned, 0), coalesce(a.gia, 0), coalesce(a.ria, 0),
           coalesce(a.taller, 0), coalesce(a.taller_days, 0), coalesce(a.familias, 0),
           s.month IS NOT NULL,
           CASE WHEN s.month IS NULL AND b.coach_id IS NOT NULL THEN t.visita_month ELSE 0 END,
           -- Mid-year joiners: pro-rated by the school months (March–December) with a coach.
           ceil(t.visita * least(t.served, 10) / 10.0), ceil(t.gia * least(t.served, 10) / 10.0),
           ceil(t.ria * least(t.served, 10) / 10.0), ceil(t.taller * least(t.served, 10) / 10.0),
           ceil(t.familias * least(t.served, 10) / 10.0)
      FROM base b
      JOIN targets t USING (school_year, teacher_id, intervention_code)
      LEFT JOIN visits v USING (school_year, teacher_id, intervention_code, month)
      LEFT JOIN attended a USING (school_year, teacher_id, intervention_code, month)
      LEFT JOIN skipped s USING (school_year, teacher_id, intervention_code, month)`;
}

/** report_teacher_level: per teacher × month × desempeño, the level of the month's last
 *  complete rubric response (dated as core levelHistory dates it). */
function insertLevels(keys: RefreshKeys | null) {
  return sql`
    INSERT INTO report_teacher_level (school_year, month, teacher_id, desempeno, level)
    SELECT DISTINCT ON (o.school_year, o.teacher_id, o.desempeno, o.month)
           o.school_year, o.month, o.teacher_id, o.desempeno, o.level
      FROM (
        SELECT r.school_year, r.teacher_id, r.id, d.date, extract(month FROM d.date)::int AS month,
               sc.key AS desempeno, (sc.value->>'level')::int AS level
          FROM instrument_response r
          JOIN instrument_version iv ON iv.id = r.instrument_version_id
          JOIN instrument i ON i.id = iv.instrument_id AND i.type = 'rubric'
          LEFT JOIN visit v ON v.id = r.visit_id
          CROSS JOIN LATERAL (
            SELECT coalesce(v.planned_date, (r.updated_at AT TIME ZONE ${zone})::date) AS date) d
          CROSS JOIN LATERAL jsonb_each(
            CASE WHEN jsonb_typeof(r.answers->'scores') = 'object' THEN r.answers->'scores'
                 ELSE '{}'::jsonb END) sc
         WHERE r.status = 'complete' AND jsonb_typeof(sc.value) = 'object'
           AND sc.value->'level' IN ('1'::jsonb, '2'::jsonb, '3'::jsonb, '4'::jsonb)
           ${keyFilter(keys, 'r.teacher_id', sql.ref('r.school_year'))}
      ) o
     ORDER BY o.school_year, o.teacher_id, o.desempeno, o.month, o.date DESC, o.id DESC`;
}

/** report_teacher_stage: the last stage decided in each month. */
function insertStages(keys: RefreshKeys | null) {
  return sql`
    INSERT INTO report_teacher_stage (school_year, month, teacher_id, stage)
    SELECT DISTINCT ON (sr.school_year, sr.teacher_id, m.month)
           sr.school_year, m.month, sr.teacher_id, sr.stage
      FROM stage_record sr
      CROSS JOIN LATERAL (
        SELECT extract(month FROM (sr.decided_at AT TIME ZONE ${zone}))::int AS month) m
     WHERE true ${keyFilter(keys, 'sr.teacher_id', sql.ref('sr.school_year'))}
     ORDER BY sr.school_year, sr.teacher_id, m.month, sr.decided_at DESC, sr.id DESC`;
}

const LOCK = sql`hashtextextended('report_read_models', 0)`;

/**
 * One maintainer of the read models at a time (the refresher, caseload changes, the rebuild):
 * each takes its teachers' contribution off the cells and adds the new one, which two must not
 * interleave. A transaction that will maintain them takes this lock FIRST, before any other lock
 * (a caseload row, reports_state, the tables), so no two of them can wait on each other in a
 * cycle. Re-entrant within the transaction.
 */
export async function lockReadModels(db: Db): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${LOCK})`.execute(db);
}

/** A transaction that maintains the read models (caseload writes): the lock comes first. */
export function readModelTransaction<T>(
  db: Db,
  fn: (tx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await lockReadModels(tx);
    return fn(tx);
  });
}

/** Recomputes the read models of `keys` (null: all of them) in the caller's transaction. */
export async function refreshReadModels(db: Db, keys: RefreshKeys | null): Promise<void> {
  if (keys && (keys.teacherIds.length === 0 || keys.years.length === 0)) return;
  if (keys?.tables?.length === 0) return;
  // Each statement below takes a fresh snapshot after the lock (READ COMMITTED).
  await lockReadModels(db);
  // A refresh's statements read its teachers' rows only, yet their cost estimates (window
  // functions, 12 months per cell) pass PostgreSQL's JIT threshold: compiling took 160 of a
  // statement's 570 ms. The full rebuild, which reads everything, keeps JIT.
  if (keys) await sql`SET LOCAL jit = off`.execute(db);
  // The cells lose these teachers' contribution now and get the new one at the end — once they
  // exist: a database that came to migration 0020 with read models has them built by the
  // refresher's first run (refreshPending), not by adding differences to nothing.
  const built = await cellsBuilt(db);
  const unit = keys && built ? unitOf(keys) : null;
  if (unit) await takeContributions(db, unit);
  const tables = keys?.tables ?? (Object.keys(SOURCES) as ReadModel[]);
  // Rows each table gains (inserted less deleted): what its statistics have not seen.
  const added = new Map<string, number>();
  const count = (table: string, r: { numAffectedRows?: bigint }, sign: 1 | -1) =>
    added.set(table, (added.get(table) ?? 0) + sign * Number(r.numAffectedRows ?? 0));
  for (const table of tables) count(table, await deleteOld(table, keys).execute(db), -1);
  const insert = {
    report_teacher_month: insertTeacherMonths,
    report_teacher_level: insertLevels,
    report_teacher_stage: insertStages,
  };
  for (const table of tables) count(table, await insert[table](keys).execute(db), 1);
  // What follows reads the rows just written (statistics.ts).
  await analyzeChanged(db, added);
  await refreshComplex(db, keys);
  if (unit) await addContributions(db, unit);
  else if (!keys) await buildCells(db);
  await newVersion(db);
}

async function cellsBuilt(db: Db): Promise<boolean> {
  const { rows } = await sql<{ built: boolean }>`
    SELECT cells_built AS built FROM reports_state WHERE id = 1`.execute(db);
  return rows[0]?.built ?? false;
}

async function buildCells(db: Db): Promise<void> {
  await rebuildCells(db);
  await sql`UPDATE reports_state SET cells_built = true WHERE id = 1`.execute(db);
}

/**
 * The refresher (docs/REPORTS.md): applies every change_log row of the transactions that finished
 * since the last run — those older than the snapshot's xmin, so a transaction that commits late
 * is never skipped — recomputing the (teacher, school year) keys they name. Runs every few
 * seconds in the server; the sync push itself does no read-model work.
 */
export async function refreshPending(db: Db): Promise<void> {
  await db.transaction().execute(async (tx) => {
    // Busy (a caseload import, the rebuild): this tick is skipped, not queued on a connection.
    const { rows: lock } = await sql<{ ok: boolean }>`
      SELECT pg_try_advisory_xact_lock(${LOCK}) AS ok`.execute(tx);
    if (!lock[0]?.ok) return;
    if (!(await cellsBuilt(tx))) {
      await refreshComplex(tx, null);
      await buildCells(tx);
      await newVersion(tx);
    }
    const { rows } = await sql<{ done: string; xmin: string }>`
      SELECT done_xmin::text AS done, pg_snapshot_xmin(pg_current_snapshot())::text AS xmin
        FROM reports_state WHERE id = 1 FOR UPDATE`.execute(tx);
    const state = rows[0];
    if (!state || state.done === state.xmin) return;
    const keys = await sql<{
      teacher_ids: string[] | null;
      years: number[] | null;
      kinds: string[] | null;
    }>`
      SELECT array_agg(DISTINCT teacher_id) AS teacher_ids, array_agg(DISTINCT school_year::int) AS years,
             array_agg(DISTINCT kind) AS kinds
        FROM change_log WHERE txid >= ${state.done}::xid8 AND txid < ${state.xmin}::xid8`.execute(
      tx,
    );
    const k = keys.rows[0];
    const kinds = k?.kinds ?? [];
    const tables = (Object.keys(SOURCES) as ReadModel[]).filter((t) =>
      SOURCES[t].some((kind) => kinds.includes(kind)),
    );
    await refreshReadModels(tx, {
      teacherIds: k?.teacher_ids ?? [],
      years: k?.years ?? [],
      tables,
    });
    await sql`UPDATE reports_state SET done_xmin = ${state.xmin}::xid8, refreshed_at = now()
               WHERE id = 1`.execute(tx);
  });
}

/** The full rebuild: everything, in one transaction (pushes wait for it, then refresh). */
export async function rebuildReadModels(db: Db): Promise<{ teacherMonths: number }> {
  return db.transaction().execute(async (tx) => {
    await lockReadModels(tx);
    await sql`LOCK TABLE report_teacher_month, report_teacher_level, report_teacher_stage,
                report_complex, report_cell, report_progress_cell, report_stage_cell,
                report_level_cell IN EXCLUSIVE MODE`.execute(tx);
    const { rows: snap } = await sql<{ xmin: string }>`
      SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`.execute(tx);
    await refreshReadModels(tx, null);
    // Transactions still running now are applied by the refresher afterwards.
    await sql`UPDATE reports_state SET refreshed_at = now(), done_xmin = ${snap[0]?.xmin}::xid8
               WHERE id = 1`.execute(tx);
    const { rows } = await sql<{ n: string }>`
      SELECT count(*)::text AS n FROM report_teacher_month`.execute(tx);
    return { teacherMonths: Number(rows[0]?.n ?? 0) };
  });
}

export interface ReadModelsState {
  asOf: string;
  complex: boolean;
  /** Counted up by every change to the read models (kept answers are valid while it holds). */
  version: string;
}

/** When the read models last caught up (the reports' `asOf`), their version, and whether any
 *  teacher of `year` is left out of the cells (then the reports also read those teachers one by
 *  one). */
export async function readModelsState(db: Db, year: number): Promise<ReadModelsState> {
  const { rows } = await sql<{ at: string; complex: boolean; version: string }>`
    SELECT to_jsonb(refreshed_at) #>> '{}' AS at, version::text AS version,
           EXISTS (SELECT 1 FROM report_complex WHERE school_year = ${year}) AS complex
      FROM reports_state WHERE id = 1`.execute(db);
  return {
    asOf: new Date(rows[0]?.at ?? Date.now()).toISOString(),
    complex: rows[0]?.complex ?? true,
    version: rows[0]?.version ?? '',
  };
}

/** Counts a change to the read models, in its transaction (the lock is held). */
async function newVersion(db: Db): Promise<void> {
  await sql`UPDATE reports_state SET version = version + 1 WHERE id = 1`.execute(db);
}
