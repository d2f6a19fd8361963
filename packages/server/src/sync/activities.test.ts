import { randomUUID } from 'node:crypto';
import { attendanceIdOf } from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '../db/schema.ts';
import { addAccount, DNI, idOf, rosterHarness, YEAR } from '../modules/shared/testing.ts';
import { testTargets } from '../test/databases.ts';
import { Device, latest, pullAll, pullUntil, pushOk } from './testing.ts';

// Collective activities as sync kinds (issue 15, docs/ACTIVITIES.md), on both engines: two
// co-organising coaches writing offline on two phones both end with the merged activity and
// every attendance mark; each bad input of the issue gets its stable code and nothing else of
// the batch is lost; pull sends an activity to its organisers, invitees and their coaches only.

interface Caseload {
  coachId: string;
  interventionCode: string;
  schoolId: string;
  teacherIds: string[];
}

async function caseloadOf(db: Kysely<DB>, coachId: string): Promise<Caseload> {
  const { rows } = await sql<{ teacher_id: string; intervention_code: string; school_id: string }>`
    SELECT DISTINCT ON (c.teacher_id) c.teacher_id, c.intervention_code, tp.school_id
      FROM caseload c JOIN teacher_post tp ON tp.person_id = c.teacher_id
     WHERE c.coach_id = ${coachId} AND c.valid_to IS NULL
     ORDER BY c.teacher_id, tp.school_year DESC`.execute(db);
  const first = rows[0];
  if (!first) throw new Error(`coach ${coachId} has no caseload`);
  return {
    coachId,
    interventionCode: first.intervention_code,
    schoolId: first.school_id,
    teacherIds: rows.map((r) => r.teacher_id),
  };
}

function gia(organisers: string[], c: Caseload, invitees: string[], extra = {}) {
  return {
    organiserIds: organisers,
    interventionCode: c.interventionCode,
    type: 'gia',
    scope: 'interinstitucional',
    schoolId: c.schoolId,
    place: 'Aula de innovación',
    startDate: `${YEAR}-05-08`,
    endDate: `${YEAR}-05-08`,
    startTime: '15:00',
    endTime: '17:30',
    theme: 'Preguntas que promueven el razonamiento',
    desempenos: ['D3'],
    agenda: [{ moment: 'Inicio', description: 'Recojo de saberes' }],
    topics: ['Preguntas cerradas en matemática'],
    agreements: [],
    notes: null,
    inviteeIds: invitees,
    familyCounts: null,
    status: 'planned',
    ...extra,
  };
}

const attendance = (activityId: string, teacherId: string, dates: string[], mark = 'present') => ({
  activityId,
  teacherId,
  days: dates.map((date) => ({ date, mark })),
  // The schedule's 2.5 h a day present (a hand-set value may not pass it, ACTIVITY_HOURS_INVALID).
  hours: mark === 'present' ? 2.5 * dates.length : 0,
  arrivedAt: mark === 'present' ? '15:05' : null,
});

describe.each(testTargets())('collective activities on $engine', (target) => {
  const h = rosterHarness(target, async (db, far) => {
    // A second coach (another caseload) who co-organises.
    await addAccount(db, far.coachId, 'acompanante', { level: 'national', id: null });
  });
  const coachB = async () => {
    const { dni } = await h.db
      .selectFrom('person')
      .select('dni')
      .where('id', '=', h.far.coachId)
      .executeTakeFirstOrThrow();
    return h.client.login(dni);
  };

  it('merges two co-organisers’ offline work: no attendance mark lost, revisions kept', async () => {
    const a = await caseloadOf(h.db, await idOf(h.db, DNI.coach));
    const b = await caseloadOf(h.db, h.far.coachId);
    const cookieB = await coachB();
    expect(a.teacherIds.length).toBeGreaterThanOrEqual(6);
    const six = a.teacherIds.slice(0, 6);
    const id = randomUUID();
    const phoneA = new Device();
    const phoneB = new Device();
    // Each organiser invites from their own group: A his six here, B her teacher below.
    const created = gia([a.coachId, b.coachId], a, six);
    const [first] = await pushOk(h.client, h.cookies.coach, [
      phoneA.upsert('activity', id, created),
    ]);
    expect(first.status).toBe('applied');
    // Coach B's phone receives it (organiser), then both work offline.
    const seeded = await pullUntil(h.client, cookieB, (c) => !!latest(c, 'activity', id));
    expect(latest(seeded, 'activity', id)?.version).toBe(1);

    const offlineA = [
      ...six.map((t) =>
        phoneA.upsert(
          'activity_attendance',
          attendanceIdOf(id, t),
          attendance(id, t, [`${YEAR}-05-08`]),
        ),
      ),
      phoneA.upsert(
        'activity',
        id,
        { ...created, agreements: ['Aplicar preguntas abiertas'] },
        {
          changed: ['agreements'],
          baseVersion: 1,
        },
      ),
    ];
    const farTeacher = b.teacherIds[0] as string;
    const offlineB = [
      phoneB.upsert(
        'activity',
        id,
        {
          ...created,
          inviteeIds: [...six, farTeacher],
          notes: 'Buena participación.',
          agreements: ['Compartir evidencias'],
        },
        {
          changed: ['inviteeIds', 'notes', 'agreements'],
          baseVersion: 1,
          base: { inviteeIds: six, notes: null, agreements: [] },
        },
      ),
      phoneB.upsert(
        'activity_attendance',
        attendanceIdOf(id, farTeacher),
        attendance(id, farTeacher, [`${YEAR}-05-08`], 'justified'),
      ),
    ];
    const resultsA = await pushOk(h.client, h.cookies.coach, offlineA);
    expect(resultsA.map((r) => r.status)).toEqual(Array(7).fill('applied'));
    const resultsB = await pushOk(h.client, cookieB, offlineB);
    expect(resultsB.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(resultsB[0].conflict).toBe(true);

    for (const cookie of [h.cookies.coach, cookieB]) {
      const changes = await pullUntil(
        h.client,
        cookie,
        (c) => latest(c, 'activity', id)?.version === 3,
      );
      const activity = latest(changes, 'activity', id);
      expect(activity?.data).toMatchObject({
        notes: 'Buena participación.',
        agreements: ['Compartir evidencias'],
      });
    }
    // Every mark is on the server: six by A, one by B.
    const { rows } = await sql<{ teacher_id: string; days: { mark: string }[] }>`
      SELECT teacher_id, days FROM activity_attendance WHERE activity_id = ${id}`.execute(h.db);
    expect(rows).toHaveLength(7);
    expect(rows.filter((r) => r.days[0]?.mark === 'present')).toHaveLength(6);
    // A's agreement, overwritten by B's concurrent edit, is kept and flagged to A.
    const { rows: revisions } = await sql<{
      field: string;
      overwritten_value: unknown;
      flagged_for: string;
    }>`
      SELECT field, overwritten_value, flagged_for FROM record_revision
       WHERE kind = 'activity' AND entity_id = ${id}`.execute(h.db);
    expect(revisions).toEqual([
      {
        field: 'agreements',
        overwritten_value: ['Aplicar preguntas abiertas'],
        flagged_for: a.coachId,
      },
    ]);
    // Co-organising is no way into another group: A naming B as co-organiser of a new GIA
    // cannot invite B's teacher (her marks would reach A's acta); B invited her above.
    const [borrowed] = await pushOk(h.client, h.cookies.coach, [
      phoneA.upsert('activity', randomUUID(), gia([a.coachId, b.coachId], a, [farTeacher])),
    ]);
    expect(borrowed.error?.code).toBe('ACTIVITY_ATTENDEE_OUT_OF_REACH');
    expect(borrowed.error?.details?.teacherIds).toEqual([farTeacher]);
  });

  it('sends an activity to organisers, invitees and their coaches, never other teachers’ reflections', async () => {
    const a = await caseloadOf(h.db, await idOf(h.db, DNI.coach));
    const docente = await idOf(h.db, DNI.docente);
    const other = a.teacherIds.find((t) => t !== docente) as string;
    const id = randomUUID();
    const phone = new Device();
    await pushOk(h.client, h.cookies.coach, [
      phone.upsert('activity', id, gia([a.coachId], a, [docente, other], { status: 'done' })),
      phone.upsert(
        'activity_attendance',
        attendanceIdOf(id, docente),
        attendance(id, docente, [`${YEAR}-05-08`]),
      ),
      phone.upsert(
        'activity_attendance',
        attendanceIdOf(id, other),
        attendance(id, other, [`${YEAR}-05-08`]),
      ),
    ]);
    // The teacher adds their reflection, and cannot write one in another teacher's name.
    const teacherPhone = new Device();
    const reflectionId = randomUUID();
    const [mine] = await pushOk(h.client, h.cookies.docente, [
      teacherPhone.upsert('activity_reflection', reflectionId, {
        activityId: id,
        teacherId: docente,
        text: 'Voy a planificar preguntas abiertas para la sesión de fracciones.',
      }),
    ]);
    expect(mine.status).toBe('applied');
    const [forged] = await pushOk(h.client, h.cookies.docente, [
      teacherPhone.upsert('activity_reflection', randomUUID(), {
        activityId: id,
        teacherId: other,
        text: 'Texto en nombre de otra persona.',
      }),
    ]);
    expect(forged.error?.code).toBe('SYNC_FORBIDDEN');
    const seen = await pullUntil(
      h.client,
      h.cookies.docente,
      (c) => !!latest(c, 'activity_reflection', reflectionId),
    );
    expect(latest(seen, 'activity', id)?.data).toMatchObject({ status: 'done' });
    expect(latest(seen, 'activity_attendance', attendanceIdOf(id, docente))).toBeDefined();
    expect(latest(seen, 'activity_attendance', attendanceIdOf(id, other))).toBeUndefined();
    // The coach reads the reflection of their caseload teacher; the far coach (neither
    // organiser nor coach of an invitee) receives nothing of this activity.
    const coachSees = await pullUntil(
      h.client,
      h.cookies.coach,
      (c) => !!latest(c, 'activity_reflection', reflectionId),
    );
    expect(latest(coachSees, 'activity_reflection', reflectionId)).toBeDefined();
    const farSees = await pullAll(h.client, await coachB());
    expect(farSees.filter((c) => c.id === id || c.id === reflectionId)).toEqual([]);
    // Neither the director nor the UGEL specialist pulls field records.
    for (const role of ['director', 'especialista'] as const) {
      const { status } = await h.client.getJson('/api/v1/sync/pull', h.cookies[role]);
      expect(status).toBe(403);
    }
  });

  it('refuses each bad input with its code and applies the rest of the batch', async () => {
    const a = await caseloadOf(h.db, await idOf(h.db, DNI.coach));
    const b = await caseloadOf(h.db, h.far.coachId);
    const { rows } = await sql<{ kind: string }>`
      SELECT DISTINCT activity_kind AS kind FROM target_rule
       WHERE intervention_code = ${a.interventionCode} AND school_year = ${YEAR}`.execute(h.db);
    const used = new Set(rows.map((r) => r.kind));
    const unused = ['reunion_familias', 'ria', 'taller', 'gia'].find((k) => !used.has(k));
    expect(unused).toBeDefined();
    const phone = new Device();
    const t = a.teacherIds[0] as string;
    const tallerId = randomUUID();
    const taller = gia([a.coachId], a, [t], {
      type: 'taller',
      startDate: `${YEAR}-07-20`,
      endDate: `${YEAR}-07-22`,
    });
    const okId = randomUUID();
    const results = await pushOk(h.client, h.cookies.coach, [
      // An invitee outside the organisers' reach (the far coach's teacher).
      phone.upsert('activity', randomUUID(), gia([a.coachId], a, [t, b.teacherIds[0] as string])),
      // A type the intervention does not use.
      phone.upsert('activity', randomUUID(), gia([a.coachId], a, [t], { type: unused })),
      // Closed as done with no attendees.
      phone.upsert('activity', randomUUID(), gia([a.coachId], a, [], { status: 'done' })),
      // A taller day outside its dates.
      phone.upsert('activity', tallerId, taller),
      phone.upsert(
        'activity_attendance',
        attendanceIdOf(tallerId, t),
        attendance(tallerId, t, [`${YEAR}-07-20`, `${YEAR}-07-21`, `${YEAR}-07-23`]),
      ),
      // An activity the coach does not organise.
      phone.upsert('activity', randomUUID(), gia([h.far.coachId], a, [])),
      // And a good one, applied.
      phone.upsert('activity', okId, gia([a.coachId], a, [t])),
    ]);
    expect(results.map((r) => r.error?.code ?? r.status)).toEqual([
      'ACTIVITY_ATTENDEE_OUT_OF_REACH',
      'ACTIVITY_TYPE_NOT_USED',
      'ACTIVITY_CLOSED_EMPTY',
      'applied',
      'ACTIVITY_DAY_OUT_OF_RANGE',
      'SYNC_FORBIDDEN',
      'applied',
    ]);
    expect(results[0].error.message).toMatch(/docentes invitados/);
    expect(results[4].error.message).toMatch(/fuera de las fechas de la actividad/);
    // A co-organiser cannot be added by someone who does not organise it.
    const intruder = new Device();
    const [taken] = await pushOk(h.client, await coachB(), [
      intruder.upsert('activity', okId, gia([a.coachId, h.far.coachId], a, [t]), {
        changed: ['organiserIds'],
        baseVersion: 1,
      }),
    ]);
    expect(taken.error?.code).toBe('SYNC_FORBIDDEN');
    const { rows: stored } = await sql<{ organiser_ids: string[] }>`
      SELECT organiser_ids FROM activity WHERE id = ${okId}`.execute(h.db);
    expect(stored[0]?.organiser_ids).toEqual([a.coachId]);
  });

  it('refuses hand-set hours beyond the schedule and an arrival outside it, keeps a fair correction', async () => {
    const a = await caseloadOf(h.db, await idOf(h.db, DNI.coach));
    const t = a.teacherIds[0] as string;
    const phone = new Device();
    const id = randomUUID();
    const attId = attendanceIdOf(id, t);
    // 15:00 to 17:30, one day present: at most 2.5 h, arrival from 14:00 to 17:30.
    const day = [`${YEAR}-05-08`];
    const results = await pushOk(h.client, h.cookies.coach, [
      phone.upsert('activity', id, gia([a.coachId], a, [t])),
      phone.upsert('activity_attendance', attId, { ...attendance(id, t, day), hours: 3 }),
      phone.upsert('activity_attendance', attId, { ...attendance(id, t, day), arrivedAt: '18:10' }),
      phone.upsert('activity_attendance', attId, {
        ...attendance(id, t, day),
        hours: 1.5,
        arrivedAt: '16:00',
      }),
    ]);
    expect(results.map((r) => r.error?.code ?? r.status)).toEqual([
      'applied',
      'ACTIVITY_HOURS_INVALID',
      'ACTIVITY_ARRIVAL_OUT_OF_RANGE',
      'applied',
    ]);
    expect(results[1].error.message).toMatch(/horas asistidas/);
    expect(results[2].error.message).toMatch(/hora de llegada/);
    const { rows } = await sql<{ hours: string | number; arrived_at: string }>`
      SELECT hours, arrived_at FROM activity_attendance WHERE id = ${attId}`.execute(h.db);
    expect(Number(rows[0]?.hours)).toBe(1.5);
    expect(String(rows[0]?.arrived_at).slice(0, 5)).toBe('16:00');
  });
});
