import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import {
  GIVEN_NAMES,
  INTERVENTIONS,
  pick,
  REGIONS,
  rnd,
  SURNAMES,
  type SynthParams,
  textArray,
  uid,
} from './synthetic-sql.ts';

// The synthetic country's master data, set-based: regions and UGEL, schools in the five
// interventions (enrolled), SPI networks, teachers with a post per year, coaches cut from the
// UGEL's teachers in caseload-sized chunks, caseloads per school year (a few with a change of
// coach), and the known test accounts. Intermediate tables are TEMP … ON COMMIT DROP: the whole
// load is one transaction (synthetic.ts).

type Tx = Kysely<DB>;

/** Teachers per intervention, summing exactly to the total. */
export function quotas(teachers: number): Map<string, number> {
  const out = new Map<string, number>();
  let left = teachers;
  INTERVENTIONS.forEach(([code, share], i) => {
    const q = i === INTERVENTIONS.length - 1 ? left : Math.round(teachers * share);
    out.set(code, q);
    left -= q;
  });
  return out;
}

const key = (...parts: unknown[]) =>
  sql`(${sql.join(
    parts.map((p) => (typeof p === 'string' ? sql.lit(p) : sql`(${p})::text`)),
    sql` || ':' || `,
  )})`;

/** Temp tables have no statistics until analysed (autovacuum never sees them): without them
 *  the planner guesses joins of millions of rows badly. */
export async function analyze(tx: Tx, ...tables: string[]): Promise<void> {
  for (const t of tables) await sql`ANALYZE ${sql.table(t)}`.execute(tx);
}

export async function loadTerritory(tx: Tx, p: SynthParams): Promise<void> {
  const scale = Math.min(1, p.teachers / 60000);
  const regions = sql.join(
    REGIONS.map(
      ([code, name, urban, rural, ugels]) =>
        sql`(${sql.lit(code)}, ${sql.lit(name)}, ${sql.lit(urban)}::float8, ${sql.lit(rural)}::float8, ${sql.lit(Math.max(1, Math.round(ugels * scale)))}::int)`,
    ),
  );
  await sql`CREATE TEMP TABLE syn_region ON COMMIT DROP AS
    SELECT ${uid(p, key('region', sql`code`))} AS id, code, name, urban, rural, ugels
      FROM (VALUES ${regions}) r(code, name, urban, rural, ugels)`.execute(tx);
  await sql`INSERT INTO region (id, code, name) SELECT id, code, name FROM syn_region`.execute(tx);

  // UGEL with cumulative weight ranges, urban and rural, to place schools by a hashed draw.
  await sql`CREATE TEMP TABLE syn_ugel ON COMMIT DROP AS
    SELECT u.*,
           (sum(wu) OVER w - wu) / sum(wu) OVER () AS lo_u, sum(wu) OVER w / sum(wu) OVER () AS hi_u,
           (sum(wr) OVER w - wr) / sum(wr) OVER () AS lo_r, sum(wr) OVER w / sum(wr) OVER () AS hi_r
      FROM (SELECT ${uid(p, key('ugel', sql`r.code`, sql`k`))} AS id, r.id AS region_id,
                   r.code || lpad(k::text, 4, '0') AS code,
                   'UGEL ' || lpad(k::text, 2, '0') || ' ' || r.name AS name,
                   r.urban / r.ugels AS wu, r.rural / r.ugels AS wr
              FROM syn_region r CROSS JOIN LATERAL generate_series(1, r.ugels) k) u
    WINDOW w AS (ORDER BY code)`.execute(tx);
  await analyze(tx, 'syn_ugel');
  await sql`INSERT INTO ugel (id, region_id, code, name)
    SELECT id, region_id, code, name FROM syn_ugel ORDER BY code`.execute(tx);

  await loadSchools(tx, p);
  await loadPeople(tx, p);
}

async function loadSchools(tx: Tx, p: SynthParams): Promise<void> {
  const q = quotas(p.teachers);
  const rows = sql.join(
    INTERVENTIONS.map(
      ([code, , min, max, rural, caseload]) =>
        sql`(${sql.lit(code)}, ${sql.lit(q.get(code) ?? 0)}::int, ${sql.lit(min)}::int, ${sql.lit(max)}::int, ${sql.lit(rural)}::boolean, ${sql.lit(caseload)}::int)`,
    ),
  );
  // Candidate schools with a hashed size; the running sum of sizes stops at the quota.
  await sql`CREATE TEMP TABLE syn_school ON COMMIT DROP AS
    WITH cand AS (
      SELECT i.code AS intervention, i.quota, i.rural, i.caseload, k,
             i.min_size + floor(${rnd(p, key('size', sql`i.code`, sql`k`))} * (i.max_size - i.min_size + 1))::int AS size0
        FROM (VALUES ${rows}) i(code, quota, min_size, max_size, rural, caseload)
        CROSS JOIN LATERAL generate_series(0, ceil(i.quota::numeric / i.min_size)::int) k
    ), cum AS (
      SELECT *, sum(size0) OVER (PARTITION BY intervention ORDER BY k) - size0 AS start,
             ${rnd(p, key('ugel', sql`intervention`, sql`k`))} AS u_draw
        FROM cand
    ), placed AS (
      SELECT c.intervention, c.k, c.rural, c.caseload, least(c.size0, c.quota - c.start)::int AS size,
             u.id AS ugel_id, u.region_id, u.code AS ugel_code,
             ${pick(p, key('level', sql`c.intervention`, sql`c.k`), 3)} AS draw
        FROM cum c
        JOIN syn_ugel u ON c.u_draw >= CASE WHEN c.rural THEN u.lo_r ELSE u.lo_u END
         AND c.u_draw < CASE WHEN c.rural THEN u.hi_r ELSE u.hi_u END
       WHERE c.start < c.quota
    )
    SELECT pl.*, row_number() OVER (ORDER BY pl.intervention, pl.k) AS gn,
           ${uid(p, key('school', sql`pl.intervention`, sql`pl.k`))} AS id,
           CASE WHEN pl.intervention IN ('SPSR', 'JEC') THEN 'F0'
                WHEN pl.intervention = 'SPI' AND pl.draw = 0 THEN 'A2' ELSE 'B0' END AS level,
           CASE WHEN pl.size = 1 THEN 'unidocente'
                WHEN pl.intervention IN ('MULTIGRADO', 'SPI') THEN 'polidocente_multigrado'
                ELSE 'polidocente_completo' END AS characteristic,
           CASE WHEN pl.intervention = 'SPI'
                THEN floor((row_number() OVER (PARTITION BY pl.ugel_id, pl.intervention ORDER BY pl.k) - 1) / 6)::int
           END AS network_k
      FROM placed pl`.execute(tx);
  await analyze(tx, 'syn_school');

  await sql`INSERT INTO network (id, region_id, ugel_id, code, name)
    SELECT DISTINCT ${uid(p, key('network', sql`ugel_code`, sql`network_k`))}, region_id, ugel_id,
           'RED-' || ugel_code || '-' || lpad(network_k::text, 3, '0'),
           'Red educativa rural ' || (network_k + 1) || ' de la ' || ugel_code
      FROM syn_school WHERE network_k IS NOT NULL`.execute(tx);

  await sql`INSERT INTO school (id, region_id, ugel_id, network_id, codigo_modular, anexo, name,
      level, codlocal, characteristic, area, ubigeo, management, language, active, students, teachers)
    SELECT s.id, s.region_id, s.ugel_id,
           CASE WHEN s.network_k IS NOT NULL THEN ${uid(p, key('network', sql`s.ugel_code`, sql`s.network_k`))} END,
           lpad((1000000 + s.gn)::text, 7, '0'), 0,
           CASE s.level WHEN 'A2' THEN 'IEI N.° ' ELSE 'IE N.° ' END || (10000 + s.gn),
           s.level, lpad((500000 + s.gn)::text, 6, '0'), s.characteristic,
           CASE WHEN s.rural THEN 'rural' ELSE 'urbana' END,
           substr(s.ugel_code, 1, 2) || '0101', 'Pública de gestión directa',
           CASE WHEN s.intervention = 'SPI' THEN 'Quechua' END, true, s.size * 24, s.size
      FROM syn_school s ORDER BY s.gn`.execute(tx);

  await sql`INSERT INTO enrollment (id, school_id, intervention_code, region_id, ugel_id, cohort_start_year, status)
    SELECT ${uid(p, key('enrollment', sql`s.id`))}, s.id, s.intervention, s.region_id, s.ugel_id,
           ${sql.lit(p.years[0])} - ${pick(p, key('cohort', sql`s.id`), 3)}, 'activa'
      FROM syn_school s ORDER BY s.gn`.execute(tx);
}

async function loadPeople(tx: Tx, p: SynthParams): Promise<void> {
  // Teachers from the schools' sizes; coaches are chunks of a UGEL's teachers of one
  // intervention (dense_rank keeps a UGEL's chunks contiguous: the neighbour chunk is j ± 1).
  await sql`CREATE TEMP TABLE syn_teacher ON COMMIT DROP AS
    WITH t AS (
      SELECT s.id AS school_id, s.gn, s.region_id, s.ugel_id, s.ugel_code, s.intervention, s.level,
             s.size, s.caseload, s.network_k, idx,
             row_number() OVER (ORDER BY s.gn, idx) - 1 AS i,
             (row_number() OVER (PARTITION BY s.ugel_id, s.intervention ORDER BY s.gn, idx) - 1)
               / s.caseload AS chunk
        FROM syn_school s CROSS JOIN LATERAL generate_series(0, s.size - 1) idx
    )
    SELECT t.*, ${uid(p, key('teacher', sql`t.i`))} AS id,
           dense_rank() OVER (ORDER BY t.ugel_code, t.intervention, t.chunk) - 1 AS j,
           max(t.chunk) OVER (PARTITION BY t.ugel_id, t.intervention) + 1 AS nchunks,
           CASE WHEN t.level = 'A2' THEN '{3,4,5}'::smallint[]
                WHEN t.level = 'F0' THEN '{1,2,3,4,5}'::smallint[]
                WHEN t.intervention = 'SP_URBANO' THEN ARRAY[1 + t.idx % 6]::smallint[]
                WHEN t.size = 1 THEN '{1,2,3,4,5,6}'::smallint[]
                WHEN t.size = 2 THEN (ARRAY['{1,2,3}', '{4,5,6}'])[1 + t.idx % 2]::smallint[]
                ELSE (ARRAY['{1,2}', '{3,4}', '{5,6}'])[1 + t.idx % 3]::smallint[] END AS grades,
           CASE WHEN t.level = 'F0' THEN (ARRAY['Comunicación', 'Matemática', 'Ciencia y Tecnología',
             'Ciencias Sociales', 'Desarrollo Personal, Ciudadanía y Cívica'])[1 + t.idx % 5] END AS subject
      FROM t`.execute(tx);
  await sql`CREATE TEMP TABLE syn_coach ON COMMIT DROP AS
    SELECT DISTINCT ON (j) j, ${uid(p, key('coach', sql`j`))} AS id, region_id, ugel_id, ugel_code,
           intervention, chunk, nchunks, school_id AS venue_id,
           CASE intervention WHEN 'SPI' THEN (ARRAY['comunicacion_lengua_originaria', 'castellano_l2',
                  'matematica'])[1 + j % 3]
                WHEN 'SPSR' THEN (ARRAY['comunicacion', 'matematica'])[1 + j % 2] END AS specialty
      FROM syn_teacher ORDER BY j, gn, idx`.execute(tx);
  await sql`CREATE UNIQUE INDEX ON syn_coach (j)`.execute(tx);
  await sql`CREATE INDEX ON syn_teacher (j)`.execute(tx);
  await analyze(tx, 'syn_teacher', 'syn_coach');

  const given = textArray(GIVEN_NAMES);
  const surnames = textArray(SURNAMES);
  const name = (n: number, col: string) =>
    sql`(${n === 0 ? given : surnames})[1 + ${pick(p, key(col, sql`dni`), n === 0 ? GIVEN_NAMES.length : SURNAMES.length)}]`;
  await sql`INSERT INTO person (id, dni, given_names, paternal_surname, maternal_surname)
    SELECT id, dni, ${name(0, 'given')}, ${name(1, 'paternal')}, ${name(1, 'maternal')}
      FROM (SELECT id, (70000000 + i)::text AS dni FROM syn_teacher
            UNION ALL SELECT id, (80000000 + j)::text FROM syn_coach) x
     ORDER BY dni`.execute(tx);

  const years = sql.join(p.years.map((y) => sql.lit(y)));
  await sql`INSERT INTO teacher_post (id, person_id, school_id, region_id, ugel_id, school_year,
      level, grades, subject, acting_director)
    SELECT ${uid(p, key('post', sql`t.i`, sql`y`))}, t.id, t.school_id, t.region_id, t.ugel_id, y,
           t.level, t.grades, t.subject, t.size = 1
      FROM syn_teacher t CROSS JOIN unnest(ARRAY[${years}]::smallint[]) y
     ORDER BY t.i, y`.execute(tx);

  const first = `${p.years[0]}-03-01`;
  await sql`INSERT INTO role_assignment (id, person_id, role, scope_level, scope_id, valid_from)
    SELECT ${uid(p, key('role', sql`id`))}, id, 'acompanante', 'ugel', ugel_id, ${first}::date
      FROM syn_coach ORDER BY j`.execute(tx);
  await sql`INSERT INTO coach_profile (person_id, kind, specialty, intervention_code)
    SELECT id, CASE intervention WHEN 'SPI' THEN 'aspi' WHEN 'SPSR' THEN 'ap_secundaria'
                 WHEN 'JEC' THEN 'coordinador_jec' ELSE 'acompanante_pedagogico' END,
           specialty, intervention
      FROM syn_coach ORDER BY j`.execute(tx);
  await sql`INSERT INTO network_team (id, network_id, coach_id, school_year, specialty)
    SELECT DISTINCT ${uid(p, key('team', sql`s.network_id`, sql`c.id`, sql`y`))}, s.network_id, c.id, y,
           c.specialty
      FROM syn_teacher t JOIN syn_coach c ON c.j = t.j JOIN school s ON s.id = t.school_id
      CROSS JOIN unnest(ARRAY[${years}]::smallint[]) y
     WHERE s.network_id IS NOT NULL`.execute(tx);
  await loadCaseloads(tx, p);
}

async function loadCaseloads(tx: Tx, p: SynthParams): Promise<void> {
  const current = p.years[p.years.length - 1] as number;
  const years = sql.join(p.years.map((y) => sql.lit(y)));
  // One row per teacher and school year (the year's opening confirms it); about 4 % of
  // teacher-years change coach mid-year to the UGEL's neighbouring chunk (with the reason).
  await sql`CREATE TEMP TABLE syn_ty ON COMMIT DROP AS
    SELECT t.i, t.id AS teacher_id, t.school_id, t.region_id, t.ugel_id, t.intervention, t.level,
           t.grades, t.j, y::smallint AS year, c.id AS coach_id,
           CASE WHEN t.nchunks > 1 AND ${rnd(p, key('change', sql`t.i`, sql`y`))} < 0.04
                 AND make_date(y, 5 + ${pick(p, key('change-month', sql`t.i`, sql`y`), 6)}, 15) <= ${p.today}::date
                THEN make_date(y, 5 + ${pick(p, key('change-month', sql`t.i`, sql`y`), 6)}, 15) END AS change_date,
           n.id AS next_coach_id,
           CASE WHEN y = ${sql.lit(current)} THEN NULL ELSE make_date(y, 12, 31) END AS year_end
      FROM syn_teacher t JOIN syn_coach c ON c.j = t.j
      JOIN syn_coach n ON n.j = t.j - t.chunk + (t.chunk + 1) % t.nchunks
     CROSS JOIN unnest(ARRAY[${years}]::int[]) y`.execute(tx);
  await analyze(tx, 'syn_ty');
  await sql`INSERT INTO caseload (id, coach_id, teacher_id, intervention_code, region_id, ugel_id,
      valid_from, valid_to, specialty, reason, end_reason)
    SELECT ${uid(p, key('caseload', sql`ty.i`, sql`ty.year`))}, ty.coach_id, ty.teacher_id,
           ty.intervention, ty.region_id, ty.ugel_id, make_date(ty.year, 3, 1),
           coalesce(ty.change_date - 1, ty.year_end), c.specialty, 'Asignación del año escolar',
           CASE WHEN ty.change_date IS NOT NULL THEN 'Reasignación por la UGEL'
                WHEN ty.year_end IS NOT NULL THEN 'Fin del año escolar' END
      FROM syn_ty ty JOIN syn_coach c ON c.id = ty.coach_id
    UNION ALL
    SELECT ${uid(p, key('caseload-change', sql`ty.i`, sql`ty.year`))}, ty.next_coach_id, ty.teacher_id,
           ty.intervention, ty.region_id, ty.ugel_id, ty.change_date, ty.year_end, c.specialty,
           'Cambio de acompañante: reasignación por la UGEL',
           CASE WHEN ty.year_end IS NOT NULL THEN 'Fin del año escolar' END
      FROM syn_ty ty JOIN syn_coach c ON c.id = ty.next_coach_id
     WHERE ty.change_date IS NOT NULL`.execute(tx);
}
