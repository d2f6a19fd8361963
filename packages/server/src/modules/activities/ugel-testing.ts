import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { ORIGIN, type TestClient } from '../../test/http.ts';
import { YEAR } from '../shared/testing.ts';

// Helpers of ugel.test.ts: the UGEL-wide taller's requests and the demo's coaches.

export const put = (client: TestClient, cookie: string, id: string, body: unknown) =>
  client.request(`/api/v1/ugel-activities/${id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', origin: ORIGIN, cookie },
    body: JSON.stringify(body),
  });

/** Current caseload teachers of `coachId` with a post this year in `ugelId`. */
export async function teachersOf(db: Kysely<DB>, coachId: string, ugelId: string) {
  const { rows } = await sql<{ teacher_id: string; school_id: string; code: string }>`
    SELECT DISTINCT c.teacher_id, tp.school_id, c.intervention_code AS code
      FROM caseload c JOIN teacher_post tp ON tp.person_id = c.teacher_id
     WHERE c.coach_id = ${coachId} AND c.valid_to IS NULL AND tp.ugel_id = ${ugelId}
       AND tp.school_year = ${YEAR}
     ORDER BY c.teacher_id`.execute(db);
  return rows;
}

/** Another coach of the UGEL than the demo coach (with a login for the test). */
export async function secondCoach(db: Kysely<DB>, ugelId: string, demoCoach: string) {
  const { rows } = await sql<{ coach_id: string }>`
    SELECT c.coach_id FROM caseload c JOIN teacher_post tp ON tp.person_id = c.teacher_id
     WHERE tp.ugel_id = ${ugelId} AND tp.school_year = ${YEAR} AND c.valid_to IS NULL
       AND c.coach_id <> ${demoCoach}
     GROUP BY c.coach_id ORDER BY count(*) DESC, c.coach_id LIMIT 1`.execute(db);
  const coach = rows[0]?.coach_id;
  if (!coach) throw new Error('the demo UGEL has a single coach');
  return coach;
}

export const dniOf = async (db: Kysely<DB>, id: string) =>
  (await db.selectFrom('person').select('dni').where('id', '=', id).executeTakeFirstOrThrow()).dni;

export function taller(schoolId: string, code: string, invitees: string[], extra = {}) {
  return {
    interventionCode: code,
    type: 'taller',
    scope: null,
    schoolId,
    place: 'Auditorio de la UGEL',
    startDate: `${YEAR}-08-10`,
    endDate: `${YEAR}-08-12`,
    startTime: '08:00',
    endTime: '13:00',
    theme: 'Evaluación formativa en el aula',
    desempenos: [],
    agenda: [{ moment: 'Inicio', description: 'Presentación' }],
    topics: [],
    agreements: ['Aplicar la retroalimentación descriptiva'],
    notes: null,
    inviteeIds: invitees,
    familyCounts: null,
    status: 'planned',
    ...extra,
  };
}

export const present = (activityId: string, teacherId: string, date = `${YEAR}-08-10`) => ({
  activityId,
  teacherId,
  days: [{ date, mark: 'present' }],
  hours: 5,
  arrivedAt: '08:05',
});
