import { addDays, attendanceIdOf, limaToday } from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { LIMA_TODAY } from '../db/time.ts';
import { DEMO_COACH_DNI, demoSchoolYear } from './demo-coaching.ts';
import { prng, type Row, schoolDay, uuid } from './demo-coaching-plan.ts';

// A school year of collective activities for the demo coach's caseload (docs/ACTIVITIES.md):
// one GIA a month from April (as many as the catalogue's GIA target), two talleres of five
// days, and — where the intervention works with families (its catalogue has the kind) — the
// family meetings. Past ones are done with realistic attendance; later ones are planned.
// Written through SQL into the sync tables, so the change_log triggers stamp every row.

interface Member {
  teacher_id: string;
  school_id: string;
  region_id: string;
  ugel_id: string;
  intervention_code: string;
}

const THEMES = {
  gia: [
    'Preguntas que promueven el razonamiento',
    'Retroalimentación descriptiva en matemática',
    'Lectura en voz alta y comprensión',
    'Trabajo en grupos en aulas multigrado',
    'Evaluación formativa con evidencias',
    'Uso del material concreto',
    'Planificación de unidades de aprendizaje',
    'Análisis de producciones de los estudiantes',
  ],
  taller: ['Planificación curricular por competencias', 'Evaluación formativa y retroalimentación'],
  reunion_familias: ['Cómo acompañar la lectura en casa', 'Alimentación y asistencia escolar'],
} as const;

const AGREEMENTS = [
  'Aplicar una pregunta abierta por sesión y registrar las respuestas de los estudiantes.',
  'Compartir en el próximo GIA una evidencia de aprendizaje del aula.',
  'Planificar en pares la próxima unidad.',
];

export async function seedDemoActivities(db: Kysely<DB>, now = new Date()): Promise<number> {
  const today = limaToday(now);
  const { year, until } = demoSchoolYear(today);
  const { rows: members } = await sql<Member & { coach_id: string }>`
    SELECT DISTINCT ON (c.teacher_id) co.id AS coach_id, c.teacher_id, s.id AS school_id,
           s.region_id, s.ugel_id, c.intervention_code
      FROM person co
      JOIN caseload c ON c.coach_id = co.id AND c.valid_from <= ${LIMA_TODAY}
       AND (c.valid_to IS NULL OR c.valid_to >= ${LIMA_TODAY})
      JOIN teacher_post tp ON tp.person_id = c.teacher_id
      JOIN school s ON s.id = tp.school_id
     WHERE co.dni = ${DEMO_COACH_DNI}
     ORDER BY c.teacher_id, tp.school_year DESC, c.valid_from DESC`.execute(db);
  const first = members[0];
  if (!first) return 0;
  const code = first.intervention_code;
  const { rows: rules } = await sql<{ kind: string; per_year: number }>`
    SELECT activity_kind AS kind, max(per_year)::int AS per_year FROM target_rule
     WHERE intervention_code = ${code} AND school_year = ${year} GROUP BY activity_kind`.execute(
    db,
  );
  const perYear = new Map(rules.map((r) => [r.kind, r.per_year]));
  const r = prng(year * 7 + members.length);
  const activities: Row[] = [];
  const attendance: Row[] = [];
  const schools = [...new Map(members.map((m) => [m.school_id, m])).values()];

  const add = (
    type: 'gia' | 'taller' | 'reunion_familias',
    start: string,
    days: number,
    n: number,
  ) => {
    const venue = schools[n % schools.length] as Member;
    const invited =
      type === 'reunion_familias'
        ? members.filter((m) => m.school_id === venue.school_id)
        : members;
    const end = addDays(start, days - 1);
    const done = end <= until;
    const id = uuid(r);
    const themes = THEMES[type];
    activities.push({
      id,
      version: 1,
      teacher_id: null,
      school_id: venue.school_id,
      region_id: venue.region_id,
      ugel_id: venue.ugel_id,
      school_year: year,
      organiser_ids: [first.coach_id],
      intervention_code: code,
      type,
      scope: type === 'gia' ? (schools.length > 1 ? 'interinstitucional' : 'institucional') : null,
      place: type === 'taller' ? 'Auditorio de la UGEL' : null,
      start_date: start,
      end_date: end,
      start_time: type === 'taller' ? '08:30' : '15:00',
      end_time: type === 'taller' ? '13:00' : '17:00',
      theme: themes[n % themes.length],
      desempenos: [],
      agenda: [
        { moment: 'Inicio', description: 'Recojo de saberes y propósito de la reunión' },
        { moment: 'Desarrollo', description: 'Análisis de casos de las visitas' },
        { moment: 'Cierre', description: 'Acuerdos y compromisos' },
      ],
      topics: [],
      agreements: done ? [AGREEMENTS[n % AGREEMENTS.length]] : [],
      notes: done ? 'Participación activa; revisar acuerdos en la próxima visita.' : null,
      invitee_ids: invited.map((m) => m.teacher_id),
      family_counts:
        type === 'reunion_familias'
          ? done
            ? {
                mothers: 8 + Math.floor(r() * 10),
                fathers: 2 + Math.floor(r() * 6),
                relatives: Math.floor(r() * 4),
                community: Math.floor(r() * 3),
              }
            : { mothers: 0, fathers: 0, relatives: 0, community: 0 }
          : null,
      status: done ? 'done' : 'planned',
      created_by: first.coach_id,
      updated_by: first.coach_id,
    });
    if (!done) return;
    for (const m of invited) {
      const marks = Array.from({ length: days }, (_, i) => {
        const x = r();
        return {
          date: addDays(start, i),
          mark: x < 0.86 ? 'present' : x < 0.95 ? 'absent' : 'justified',
        };
      });
      attendance.push({
        id: attendanceIdOf(id, m.teacher_id),
        version: 1,
        teacher_id: m.teacher_id,
        school_id: m.school_id,
        region_id: m.region_id,
        ugel_id: m.ugel_id,
        school_year: year,
        activity_id: id,
        days: marks,
        hours: marks.filter((d) => d.mark === 'present').length * (type === 'taller' ? 4.5 : 2),
        arrived_at: null,
        created_by: first.coach_id,
        updated_by: first.coach_id,
      });
    }
  };

  const gias = perYear.get('gia') ?? 0;
  for (let i = 0; i < gias; i++) add('gia', schoolDay(year, 4 + i, 12), 1, i);
  if ((perYear.get('taller') ?? 0) > 0) {
    add('taller', schoolDay(year, 5, 18), 5, 0);
    add('taller', schoolDay(year, 8, 17), 5, 1);
  }
  const families = perYear.get('reunion_familias') ?? 0;
  for (let i = 0; i < families; i++) add('reunion_familias', schoolDay(year, 5 + i, 22), 1, i);

  for (const [table, list] of [
    ['activity', activities],
    ['activity_attendance', attendance],
  ] as const) {
    if (list.length === 0) continue;
    const columns = Object.keys(list[0] as Row).join(', ');
    await sql`INSERT INTO ${sql.table(table)} (${sql.raw(columns)})
      SELECT ${sql.raw(columns)}
        FROM jsonb_populate_recordset(NULL::${sql.table(table)}, ${JSON.stringify(list)}::jsonb)`.execute(
      db,
    );
  }
  return activities.length;
}
