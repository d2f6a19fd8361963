import { SCHOOL_TIME_ZONE } from '@acompana/core';
import { type RawBuilder, sql } from 'kysely';

// The monitoring read models (migration 0015, docs/REPORTS.md) computed from the field tables,
// set-based. ONE set of statements serves both the full rebuild (`npx acompana reports rebuild`,
// keys = null) and the incremental refresh of the teachers a sync push touched (keys = their
// ids and school years): the same SQL on PGlite and PostgreSQL, only the key filter differs.

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
export const SOURCES: Record<ReadModel, readonly string[]> = {
  report_teacher_month: ['visit', 'coaching_plan', 'activity', 'activity_attendance'],
  report_teacher_level: ['instrument_response', 'visit'],
  report_teacher_stage: ['stage_record'],
};

const zone = sql.lit(SCHOOL_TIME_ZONE);
const LIMA_YEAR = sql`extract(year FROM (now() AT TIME ZONE ${zone}))::int`;

/** `AND <column> = ANY(keys)` for a teacher column and a year expression (null: the teacher
 *  only, the years filtered otherwise), or nothing. A year
 *  column goes in bare (smallint against the int[] keys): a cast (`school_year::int`) is an
 *  expression without statistics, estimated at 0.5 % of the rows, and with it every refresh
 *  statement was planned for one row and nested loops over thousands (4 s for 200 teachers). */
function keyFilter(keys: RefreshKeys | null, teacher: string, year: RawBuilder<unknown> | null) {
  if (!keys) return sql``;
  const teachers = sql`AND ${sql.ref(teacher)} = ANY(${keys.teacherIds}::uuid[])`;
  return year ? sql`${teachers} AND ${year} = ANY(${keys.years}::int[])` : teachers;
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

export function deleteOld(table: string, keys: RefreshKeys | null) {
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
         ${keyFilter(keys, 'aa.teacher_id', null)} ${yearRanges(keys, 'a.start_date')}
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

/** Each read model's rows for the keys (null: all), to insert after deleteOld. */
export const INSERT_ROWS: Record<ReadModel, (keys: RefreshKeys | null) => RawBuilder<unknown>> = {
  report_teacher_month: insertTeacherMonths,
  report_teacher_level: insertLevels,
  report_teacher_stage: insertStages,
};
