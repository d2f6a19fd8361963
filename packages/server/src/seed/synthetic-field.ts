import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { attendanceIdSql, pick, rnd, type SynthParams, textArray, uid } from './synthetic-sql.ts';
import { analyze } from './synthetic-territory.ts';

// The synthetic country's field records, set-based, from syn_ty (teacher × school year, made
// by synthetic-territory.ts): coaching plans (some with a "no planificar" month), visits spread
// April–December after the catalogue's target (done, cancelled, or still planned after today),
// a complete rubric per done visit whose levels drift upward with the months of coaching and
// spread with the teacher, a commitment per done visit, stage decisions in July and November,
// and the coach's GIA/RIA, talleres and family meetings with the attendance of their teachers.
// The change_log triggers stay on: they are statement-level (one INSERT … SELECT per statement,
// docs/SYNC.md), so devices can pull the synthetic records like any other.

type Tx = Kysely<DB>;

/** The published classroom rubric (migration 0005) and its desempeños with a level offset
 *  (teachers manage respect and behaviour earlier than evaluation and reasoning). */
export const RUBRIC_VERSION_ID = '0a5e0000-0000-4000-8000-000000000102';
export const DESEMPENOS: [code: string, offset: number][] = [
  ['involucra', 0.1],
  ['razonamiento', -0.3],
  ['evalua', -0.45],
  ['respeto', 0.5],
  ['comportamiento', 0.3],
];
const CODES = textArray(DESEMPENOS.map(([c]) => c));

const key = (...parts: unknown[]) =>
  sql`(${sql.join(
    parts.map((p) => (typeof p === 'string' ? sql.lit(p) : sql`(${p})::text`)),
    sql` || ':' || `,
  )})`;

/** The mean level a teacher shows after `months` of coaching (spread by ability). */
function meanLevel(months: RawBuilder<unknown>, offset: number): RawBuilder<number> {
  return sql<number>`(1.55 + 0.6 * ability + 0.045 * (${months}) + ${sql.lit(offset)})`;
}

const lima = (date: RawBuilder<unknown>, time: string) =>
  sql`((${date})::timestamp + ${sql.lit(time)}::interval) AT TIME ZONE 'America/Lima'`;

export async function loadField(tx: Tx, p: SynthParams): Promise<void> {
  const first = sql.lit(p.years[0] as number);
  const today = sql`${p.today}::date`;
  await sql`CREATE TEMP TABLE syn_plan ON COMMIT DROP AS
    SELECT ty.*,
           CASE WHEN tr.id IS NULL THEN 8 WHEN tr.per_year = 0 AND ty.intervention = 'JEC' THEN 4
                ELSE tr.per_year END AS n_visits,
           ${rnd(p, key('ability', sql`ty.i`))} + ${rnd(p, key('ability2', sql`ty.i`))} - 1 AS ability,
           0.72 + 0.25 * ${rnd(p, key('compliance', sql`ty.ugel_id`, sql`ty.year`))} AS compliance,
           CASE WHEN ${rnd(p, key('skip', sql`ty.i`, sql`ty.year`))} < 0.06
                THEN 5 + ${pick(p, key('skip-month', sql`ty.i`, sql`ty.year`), 7)} END AS skipped_month,
           (${CODES})[1 + ${pick(p, key('focus', sql`ty.i`, sql`ty.year`), 5)}] AS focus1,
           (${CODES})[1 + (${pick(p, key('focus', sql`ty.i`, sql`ty.year`), 5)} + 1
              + ${pick(p, key('focus2', sql`ty.i`, sql`ty.year`), 4)}) % 5] AS focus2,
           (ty.year - ${first}) * 10 AS months_before
      FROM syn_ty ty
      LEFT JOIN target_rule tr ON tr.intervention_code = ty.intervention
       AND tr.school_year = ty.year AND tr.activity_kind = 'visita'
       AND tr.level = CASE ty.level WHEN 'A2' THEN 'inicial' WHEN 'F0' THEN 'secundaria' ELSE 'primaria' END
       AND ty.grades[1] BETWEEN tr.grade_from AND tr.grade_to`.execute(tx);
  await analyze(tx, 'syn_plan');

  await sql`CREATE TEMP TABLE syn_visit ON COMMIT DROP AS
    WITH v AS (
      SELECT pl.i, pl.teacher_id, pl.school_id, pl.region_id, pl.ugel_id, pl.year, pl.intervention,
             pl.ability, pl.focus1, pl.focus2, pl.months_before, k,
             CASE WHEN pl.change_date IS NOT NULL THEN pl.next_coach_id END AS next_coach_id,
             pl.change_date, pl.coach_id, pl.compliance, pl.skipped_month,
             make_date(pl.year, 4 + (k * 9) / pl.n_visits,
                       2 + ${pick(p, key('day', sql`pl.i`, sql`pl.year`, sql`k`), 26)}) AS planned_date
        FROM syn_plan pl CROSS JOIN LATERAL generate_series(0, pl.n_visits - 1) k
    )
    SELECT v.*, ${uid(p, key('visit', sql`v.i`, sql`v.year`, sql`v.k`))} AS id,
           CASE WHEN v.change_date IS NOT NULL AND v.planned_date >= v.change_date
                THEN v.next_coach_id ELSE v.coach_id END AS by_coach,
           CASE WHEN v.planned_date > ${today} THEN 'planned'
                WHEN ${rnd(p, key('done', sql`v.i`, sql`v.year`, sql`v.k`))} < v.compliance THEN 'done'
                ELSE 'cancelled' END AS status,
           extract(month FROM v.planned_date)::int AS month
      FROM v WHERE v.skipped_month IS DISTINCT FROM extract(month FROM v.planned_date)::int`.execute(
    tx,
  );
  await analyze(tx, 'syn_visit');

  const started = lima(sql`v.planned_date`, '08:00');
  await sql`INSERT INTO visit (id, version, teacher_id, school_id, region_id, ugel_id, school_year,
      intervention_code, kind, status, planned_date, started_at, ended_at, cancel_reason, goals, focus,
      teacher_confirmed_at, dialogue, created_by, updated_by, created_at, updated_at)
    SELECT v.id, 1, v.teacher_id, v.school_id, v.region_id, v.ugel_id, v.year, v.intervention,
           CASE WHEN v.k = 0 THEN 'diagnostic' ELSE 'regular' END, v.status, v.planned_date,
           CASE WHEN v.status = 'done' THEN ${started} END,
           CASE WHEN v.status = 'done' THEN ${started} + interval '90 minutes' END,
           CASE WHEN v.status = 'cancelled' THEN (ARRAY['teacher_absent', 'school_closed', 'strike',
             'weather', 'coach_unavailable'])[1 + ${pick(p, key('cancel', sql`v.id`), 5)}] END,
           ARRAY['Observar la sesión completa y recoger evidencias de los desempeños en foco.'],
           ARRAY[v.focus1, v.focus2],
           CASE WHEN v.status <> 'cancelled' THEN ${started} - interval '2 days' END,
           CASE WHEN v.status = 'done' THEN jsonb_build_object(
             'apertura', 'Conversamos sobre cómo se sintió durante la sesión.',
             'reflexion', 'Analizamos juntos las evidencias recogidas en el cuaderno de campo.',
             'alternativas', 'Exploramos otras formas de plantear las preguntas a los estudiantes.',
             'compromisos', 'Acordamos un compromiso para la próxima sesión.',
             'reflectionLevel', (ARRAY['tecnica', 'practica', 'critica'])[1 + least(2,
               floor(${rnd(p, key('reflection', sql`v.id`))} * (1.5 + v.ability + v.months_before / 20.0))::int)])
           END,
           v.by_coach, v.by_coach, ${started} - interval '7 days', ${started} + interval '2 hours'
      FROM syn_visit v ORDER BY v.id`.execute(tx);

  const scores = sql.join(
    DESEMPENOS.map(
      ([code, offset]) =>
        sql`${sql.lit(code)}, jsonb_build_object('level', least(4, greatest(1, round(
          ${meanLevel(sql`v.months_before + v.month - 3`, offset)}
          + (${rnd(p, key('level', sql`v.id`, code))} - 0.5) * 1.4)))::int,
          'evidence', 'Evidencia registrada en el cuaderno de campo.')`,
    ),
  );
  await sql`INSERT INTO instrument_response (id, version, teacher_id, school_id, region_id, ugel_id,
      school_year, visit_id, instrument_version_id, status, answers, created_by, updated_by,
      created_at, updated_at)
    SELECT ${uid(p, key('response', sql`v.id`))}, 1, v.teacher_id, v.school_id, v.region_id,
           v.ugel_id, v.year, v.id, ${RUBRIC_VERSION_ID}::uuid, 'complete',
           jsonb_build_object('scores', jsonb_build_object(${scores})), v.by_coach, v.by_coach,
           ${started} + interval '2 hours', ${started} + interval '2 hours'
      FROM syn_visit v WHERE v.status = 'done' ORDER BY v.id`.execute(tx);

  await sql`INSERT INTO commitment (id, version, teacher_id, school_id, region_id, ugel_id,
      school_year, visit_id, owner, desempeno, text, due_date, status, created_by, updated_by,
      created_at, updated_at)
    SELECT ${uid(p, key('commitment', sql`v.id`))}, 1, v.teacher_id, v.school_id, v.region_id,
           v.ugel_id, v.year, v.id, 'teacher', v.focus1,
           (ARRAY['Planificar preguntas abiertas para el inicio de la sesión.',
                  'Monitorear a cada grupo y dar retroalimentación descriptiva.',
                  'Acordar con los estudiantes las normas de convivencia del aula.',
                  'Usar el tiempo de la sesión en actividades de aprendizaje.'])[1 + ${pick(p, key('ctext', sql`v.id`), 4)}],
           v.planned_date + 30,
           CASE WHEN v.planned_date + 30 > ${today} THEN 'pending'
                ELSE (ARRAY['cumplido', 'cumplido', 'cumplido', 'en_proceso', 'en_proceso', 'no_cumplido'])[
                  1 + ${pick(p, key('cstatus', sql`v.id`), 6)}] END,
           v.by_coach, v.by_coach, ${started} + interval '2 hours', ${started} + interval '2 hours'
      FROM syn_visit v WHERE v.status = 'done' ORDER BY v.id`.execute(tx);

  await sql`INSERT INTO coaching_plan (id, version, teacher_id, school_id, region_id, ugel_id,
      school_year, intervention_code, focus, strategies, planned_modelling, target_stage,
      from_month, to_month, visit_dates, skipped_months, created_by, updated_by, created_at, updated_at)
    SELECT ${uid(p, key('plan', sql`pl.i`, sql`pl.year`))}, 1, pl.teacher_id, pl.school_id,
           pl.region_id, pl.ugel_id, pl.year, pl.intervention, ARRAY[pl.focus1, pl.focus2],
           ARRAY['Modelado de sesiones y análisis de evidencias con el docente.'],
           jsonb_build_array(jsonb_build_object('kind', 'demonstration_lesson', 'month', 5)),
           'enfocado', 4, 12,
           coalesce(d.dates, '{}'),
           CASE WHEN pl.skipped_month IS NULL THEN '[]'::jsonb
                ELSE jsonb_build_array(jsonb_build_object('month', pl.skipped_month,
                       'reason', 'Docente con licencia; se retoma el mes siguiente.')) END,
           pl.coach_id, pl.coach_id, ${lima(sql`make_date(pl.year, 3, 20)`, '10:00')},
           ${lima(sql`make_date(pl.year, 3, 20)`, '10:00')}
      FROM syn_plan pl
      LEFT JOIN (SELECT i, year, array_agg(planned_date ORDER BY planned_date) AS dates
                   FROM syn_visit GROUP BY i, year) d ON d.i = pl.i AND d.year = pl.year
     ORDER BY pl.i, pl.year`.execute(tx);

  await loadStages(tx, p);
  await loadActivities(tx, p);
}

async function loadStages(tx: Tx, p: SynthParams): Promise<void> {
  // The stage core's ladder would suggest from the teacher's mean level at that month.
  await sql`INSERT INTO stage_record (id, version, teacher_id, school_id, region_id, ugel_id,
      school_year, intervention_code, suggested, stage, note, decided_at, created_by, updated_by,
      created_at, updated_at)
    SELECT ${uid(p, key('stage', sql`s.i`, sql`s.year`, sql`s.month`))}, 1, s.teacher_id, s.school_id,
           s.region_id, s.ugel_id, s.year, s.intervention, s.stage, s.stage, '', s.at, s.by_coach,
           s.by_coach, s.at, s.at
      FROM (SELECT q.*, CASE WHEN q.lvl < 1.9 THEN 'principiante' WHEN q.lvl < 2.5 THEN 'supervisada'
                             WHEN q.lvl < 3.1 THEN 'enfocado' ELSE 'independiente' END AS stage
              FROM (SELECT pl.*, m AS month, ${lima(sql`make_date(pl.year, m, 20)`, '17:00')} AS at,
                           CASE WHEN pl.change_date IS NOT NULL AND make_date(pl.year, m, 20) >= pl.change_date
                                THEN pl.next_coach_id ELSE pl.coach_id END AS by_coach,
                           ${meanLevel(sql`pl.months_before + m - 3`, 0)} AS lvl
                      FROM syn_plan pl CROSS JOIN unnest(ARRAY[7, 11]) m
                     WHERE pl.n_visits > 0 AND make_date(pl.year, m, 20) <= ${p.today}::date) q) s
     ORDER BY 1`.execute(tx);
}

async function loadActivities(tx: Tx, p: SynthParams): Promise<void> {
  const years = sql.join(p.years.map((y) => sql.lit(y)));
  const today = sql`${p.today}::date`;
  // The catalogue says which collective activities an intervention has (target_rule); a kind
  // whose target is 0 (RIA in SPSR: "según plan") gets four a year.
  await sql`CREATE TEMP TABLE syn_activity ON COMMIT DROP AS
    WITH kinds AS (
      SELECT intervention_code, school_year, activity_kind, max(per_year) AS per_year
        FROM target_rule WHERE activity_kind IN ('gia', 'ria', 'taller', 'reunion_familias')
       GROUP BY 1, 2, 3
    ), a AS (
      SELECT c.j, c.id AS coach_id, c.venue_id, c.region_id, c.ugel_id, c.intervention, y AS year,
             k.activity_kind AS type, n,
             make_date(y, 4 + (n * 9) / greatest(k.per_year, 4)::int,
                       5 + ${pick(p, key('aday', sql`c.j`, sql`y`, sql`k.activity_kind`, sql`n`), 20)}) AS start_date
        FROM syn_coach c CROSS JOIN unnest(ARRAY[${years}]::int[]) y
        JOIN kinds k ON k.intervention_code = c.intervention AND k.school_year = y
        CROSS JOIN LATERAL generate_series(0, greatest(k.per_year, 4) - 1) n
    )
    SELECT a.*, ${uid(p, key('activity', sql`a.j`, sql`a.year`, sql`a.type`, sql`a.n`))} AS id,
           a.start_date + CASE WHEN a.type = 'taller' THEN 2 ELSE 0 END AS end_date,
           CASE WHEN a.start_date + CASE WHEN a.type = 'taller' THEN 2 ELSE 0 END > ${today} THEN 'planned'
                WHEN ${rnd(p, key('adone', sql`a.j`, sql`a.year`, sql`a.type`, sql`a.n`))} < 0.94 THEN 'done'
                ELSE 'cancelled' END AS status,
           ch.invitees
      FROM a JOIN (SELECT j, array_agg(id ORDER BY i) AS invitees FROM syn_teacher GROUP BY j) ch
        ON ch.j = a.j`.execute(tx);
  await analyze(tx, 'syn_activity');

  await sql`INSERT INTO activity (id, version, school_id, region_id, ugel_id, school_year,
      organiser_ids, intervention_code, type, scope, place, start_date, end_date, start_time,
      end_time, theme, desempenos, agenda, topics, agreements, invitee_ids, family_counts, status,
      created_by, updated_by, created_at, updated_at)
    SELECT a.id, 1, a.venue_id, a.region_id, a.ugel_id, a.year, ARRAY[a.coach_id], a.intervention,
           a.type,
           CASE WHEN a.type IN ('gia', 'ria') THEN CASE WHEN a.intervention IN ('SP_URBANO', 'JEC')
                THEN 'institucional' ELSE 'interinstitucional' END END,
           'Aula de innovación de la institución educativa', a.start_date, a.end_date, '08:00', '12:00',
           CASE a.type WHEN 'gia' THEN 'Retroalimentación descriptiva en el aula'
                WHEN 'ria' THEN 'Evaluación formativa en secundaria'
                WHEN 'taller' THEN 'Planificación curricular y evaluación formativa'
                ELSE 'Aprendizajes de nuestros hijos en casa y en la comunidad' END,
           ARRAY[(${CODES})[1 + ${pick(p, key('ades', sql`a.id`), 5)}]],
           '[{"moment": "Inicio", "description": "Bienvenida y propósito."}]'::jsonb, '{}',
           CASE WHEN a.status = 'done' THEN ARRAY['Aplicar lo trabajado en la próxima sesión.']
                ELSE '{}' END,
           a.invitees,
           CASE WHEN a.type = 'reunion_familias' AND a.status = 'done' THEN jsonb_build_object(
             'mothers', 8 + ${pick(p, key('mothers', sql`a.id`), 15)},
             'fathers', 3 + ${pick(p, key('fathers', sql`a.id`), 10)},
             'relatives', ${pick(p, key('relatives', sql`a.id`), 5)},
             'community', ${pick(p, key('community', sql`a.id`), 4)}) END,
           a.status, a.coach_id, a.coach_id, ${lima(sql`a.start_date - 10`, '09:00')},
           ${lima(sql`a.end_date`, '13:00')}
      FROM syn_activity a ORDER BY a.id`.execute(tx);

  const mark = sql`(ARRAY['present', 'present', 'present', 'present', 'present', 'present',
    'present', 'present', 'present', 'present', 'present', 'present', 'absent', 'absent',
    'justified'])[1 + ${pick(p, key('mark', sql`a.id`, sql`t.id`, sql`d`), 15)}]`;
  await sql`INSERT INTO activity_attendance (id, version, teacher_id, school_id, region_id, ugel_id,
      school_year, activity_id, days, hours, created_by, updated_by, created_at, updated_at)
    SELECT x.id, 1, x.teacher_id, x.school_id, x.region_id, x.ugel_id, x.year, x.activity_id, x.days,
           4 * (SELECT count(*) FROM jsonb_array_elements(x.days) e WHERE e->>'mark' = 'present'),
           x.coach_id, x.coach_id, x.at, x.at
      FROM (SELECT ${attendanceIdSql(sql`a.id`, sql`t.id`)} AS id, t.id AS teacher_id, t.school_id,
                   t.region_id, t.ugel_id, a.year, a.id AS activity_id, a.coach_id,
                   ${lima(sql`a.end_date`, '13:00')} AS at,
                   (SELECT jsonb_agg(jsonb_build_object('date', to_char(d, 'YYYY-MM-DD'), 'mark', ${mark})
                                     ORDER BY d)
                      FROM generate_series(a.start_date, a.end_date, interval '1 day') d) AS days
              FROM syn_activity a JOIN syn_teacher t ON t.j = a.j
             WHERE a.status = 'done') x
     ORDER BY x.id`.execute(tx);
}
