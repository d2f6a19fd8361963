import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { addAccount, DNI, idOf, rosterHarness, YEAR } from '../modules/shared/testing.ts';
import { testTargets } from '../test/databases.ts';
import {
  caseloadTeacher,
  commitmentPayload,
  count,
  Device,
  draftResponsePayload,
  type Place,
  pushOk,
  visitPayload,
} from './testing.ts';

// Anchoring (issue 11, item 1; docs/SYNC.md "Anchoring"): a record that names a visit belongs to
// that visit's teacher, and a record that names its school names one where its teacher holds a
// post that school year. Before the fix, a commitment naming another teacher's visit was
// applied and GET /visits/{id} showed it to that other teacher and their coach.

describe.each(testTargets())('anchoring of field records on $engine', (target) => {
  const h = rosterHarness(target, async (db, far) => {
    // The far teacher's coach gets a login: a coach of another caseload, in another region.
    await addAccount(db, far.coachId, 'acompanante', { level: 'national', id: null });
  });
  let farCookie: string;
  const places = async (): Promise<[Place, Place]> => {
    const coach = await idOf(h.db, DNI.coach);
    const docente = await caseloadTeacher(h.db, coach, await idOf(h.db, DNI.docente));
    const { rows } = await sql<{ id: string }>`
      SELECT c.teacher_id AS id FROM caseload c JOIN teacher_post tp ON tp.person_id = c.teacher_id
       WHERE c.coach_id = ${coach} AND c.teacher_id <> ${docente.teacherId} AND c.valid_to IS NULL
       ORDER BY c.teacher_id LIMIT 1`.execute(h.db);
    const other = await caseloadTeacher(h.db, coach, rows[0]?.id);
    return [docente, other];
  };
  const farLogin = async () => {
    const { dni } = await h.db
      .selectFrom('person')
      .select('dni')
      .where('id', '=', h.far.coachId)
      .executeTakeFirstOrThrow();
    farCookie ??= await h.client.login(dni);
    return farCookie;
  };

  it('refuses a commitment on another teacher’s visit, and the visit never shows it', async () => {
    const [docente, other] = await places();
    const coach = new Device();
    const visitId = randomUUID();
    const [visit] = await pushOk(h.client, h.cookies.coach, [
      coach.upsert('visit', visitId, visitPayload(docente)),
    ]);
    expect(visit.status).toBe('applied');
    const commitmentId = randomUUID();
    const [crossed] = await pushOk(h.client, h.cookies.coach, [
      coach.upsert('commitment', commitmentId, commitmentPayload(other, visitId)),
    ]);
    expect(crossed.status).toBe('rejected');
    expect(crossed.error.code).toBe('SYNC_ANCHOR_MISMATCH');
    expect(crossed.error.message).toMatch(/«visita»: esa visita es de otro docente/);
    expect(await count(h.db, 'commitment', commitmentId)).toBe(0);
    const seen = await h.client.getJson(`/api/v1/visits/${visitId}`, h.cookies.docente);
    expect(seen.status).toBe(200);
    expect(seen.body.commitments).toEqual([]);
    // The same commitment about the visit's own teacher is fine.
    const [own] = await pushOk(h.client, h.cookies.coach, [
      coach.upsert('commitment', randomUUID(), commitmentPayload(docente, visitId)),
    ]);
    expect(own.status).toBe('applied');
  });

  it('keeps a cross-linked record stored before the check out of the visit and its list', async () => {
    const [docente, other] = await places();
    const visitId = randomUUID();
    await pushOk(h.client, h.cookies.coach, [
      new Device().upsert('visit', visitId, visitPayload(docente)),
    ]);
    const coach = await idOf(h.db, DNI.coach);
    // As a push before the fix would have stored it: another teacher's commitment on this visit.
    await sql`INSERT INTO commitment (id, version, teacher_id, school_id, region_id, ugel_id,
        school_year, visit_id, owner, text, status, created_by, updated_by)
      SELECT ${randomUUID()}, 1, ${other.teacherId}, v.school_id, v.region_id, v.ugel_id,
        v.school_year, v.id, 'teacher', 'Compromiso ajeno', 'pending', ${coach}, ${coach}
        FROM visit v WHERE v.id = ${visitId}`.execute(h.db);
    const seen = await h.client.getJson(`/api/v1/visits/${visitId}`, h.cookies.docente);
    expect(seen.body.commitments).toEqual([]);
    const list = await h.client.getJson(
      `/api/v1/teachers/${docente.teacherId}/visits`,
      h.cookies.docente,
    );
    expect(list.body.visits.find((v: { id: string }) => v.id === visitId)?.commitments).toBe(0);
  });

  it('refuses a teacher’s reflection on another teacher’s visit', async () => {
    const [docente, other] = await places();
    const visitId = randomUUID();
    await pushOk(h.client, h.cookies.coach, [
      new Device().upsert('visit', visitId, visitPayload(other)),
    ]);
    const id = randomUUID();
    const [r] = await pushOk(h.client, h.cookies.docente, [
      new Device().upsert('reflection', id, {
        visitId,
        teacherId: docente.teacherId,
        text: 'Mi reflexión',
      }),
    ]);
    expect(r.error?.code).toBe('SYNC_ANCHOR_MISMATCH');
    expect(await count(h.db, 'reflection', id)).toBe(0);
  });

  it('refuses records of another caseload naming this caseload’s visit (across coaches)', async () => {
    const [docente] = await places();
    const visitId = randomUUID();
    await pushOk(h.client, h.cookies.coach, [
      new Device().upsert('visit', visitId, visitPayload(docente)),
    ]);
    const far = { teacherId: h.far.teacherId, schoolId: h.far.schoolId };
    const device = new Device();
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const results = await pushOk(h.client, await farLogin(), [
      device.upsert('instrument_response', ids[0] as string, {
        ...(await draftResponsePayload(h.db, far.teacherId)),
        visitId,
      }),
      device.upsert('modelling', ids[1] as string, {
        ...far,
        visitId,
        kind: 'co_planning',
        date: `${YEAR}-06-10`,
        desempeno: null,
        notes: '',
      }),
      device.upsert('diagnosis', ids[2] as string, {
        ...far,
        schoolYear: YEAR,
        visitId,
        practiceStrengths: [],
        practiceWeaknesses: [],
        managementStrengths: [],
        managementWeaknesses: [],
        learningBaseline: [],
      }),
    ]);
    expect(results.map((r) => r.error?.code)).toEqual([
      'SYNC_ANCHOR_MISMATCH',
      'SYNC_ANCHOR_MISMATCH',
      'SYNC_ANCHOR_MISMATCH',
    ]);
    expect(await count(h.db, 'instrument_response', ids[0] as string)).toBe(0);
    expect(await count(h.db, 'modelling', ids[1] as string)).toBe(0);
    expect(await count(h.db, 'diagnosis', ids[2] as string)).toBe(0);
  });

  it('refuses a visit at a school where the teacher holds no post that year', async () => {
    const [docente, other] = await places();
    const notTheirs = await sql<{ id: string }>`
      SELECT s.id FROM school s
       WHERE NOT EXISTS (SELECT 1 FROM teacher_post tp WHERE tp.person_id = ${docente.teacherId}
                          AND tp.school_id = s.id)
       ORDER BY s.id LIMIT 1`.execute(h.db);
    const id = randomUUID();
    const [r] = await pushOk(h.client, h.cookies.coach, [
      new Device().upsert(
        'visit',
        id,
        visitPayload({ ...docente, schoolId: notTheirs.rows[0]?.id as string }),
      ),
    ]);
    expect(r.error?.code).toBe('SYNC_SCHOOL_NOT_TEACHERS');
    expect(r.error?.message).toMatch(/«institución educativa»: el docente no tiene una plaza/);
    expect(await count(h.db, 'visit', id)).toBe(0);
    // A stage decision at the other teacher's school, for this teacher: refused too.
    const [stage] = await pushOk(h.client, h.cookies.coach, [
      new Device().upsert('stage_record', randomUUID(), {
        teacherId: docente.teacherId,
        schoolId: other.schoolId === docente.schoolId ? notTheirs.rows[0]?.id : other.schoolId,
        interventionCode: docente.interventionCode,
        suggested: null,
        stage: 'inicio',
        note: '',
        decidedAt: new Date().toISOString(),
      }),
    ]);
    expect(stage.error?.code).toBe('SYNC_SCHOOL_NOT_TEACHERS');
  });

  it('takes a visit planned in a year without posts yet at the school of the latest post', async () => {
    const [docente] = await places();
    const id = randomUUID();
    const [r] = await pushOk(h.client, h.cookies.coach, [
      new Device().upsert('visit', id, visitPayload(docente, { plannedDate: `${YEAR + 1}-03-20` })),
    ]);
    expect(r.status).toBe('applied');
    const row = await h.db
      .selectFrom('visit')
      .select(['school_id', 'school_year'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ school_id: docente.schoolId, school_year: YEAR + 1 });
  });

  it('refuses a visit that arrives after records of another teacher already named it', async () => {
    const [docente, other] = await places();
    const coach = new Device();
    const visitId = randomUUID();
    const commitmentId = randomUUID();
    // The commitment overtakes its visit (the visit was rejected once, or is still on its way):
    // it is kept, and the visit is checked against it when it arrives.
    const [early] = await pushOk(h.client, h.cookies.coach, [
      coach.upsert('commitment', commitmentId, commitmentPayload(other, visitId)),
    ]);
    expect(early.status).toBe('applied');
    const [visit] = await pushOk(h.client, h.cookies.coach, [
      coach.upsert('visit', visitId, visitPayload(docente)),
    ]);
    expect(visit.error?.code).toBe('SYNC_ANCHOR_MISMATCH');
    expect(await count(h.db, 'visit', visitId)).toBe(0);
    // In one batch, in either order.
    const v2 = randomUUID();
    const both = await pushOk(h.client, h.cookies.coach, [
      coach.upsert('commitment', randomUUID(), commitmentPayload(other, v2)),
      coach.upsert('visit', v2, visitPayload(docente)),
    ]);
    expect(both.map((r) => r.error?.code ?? r.status)).toEqual(['applied', 'SYNC_ANCHOR_MISMATCH']);
  });

  it('moves records that arrived before their visit to the visit’s school', async () => {
    const [docente] = await places();
    // A second post this year, at another school of the UGEL: the teacher works in two schools.
    const second = await sql<{ id: string; region_id: string; ugel_id: string }>`
      SELECT s.id, s.region_id, s.ugel_id FROM school s
       WHERE s.ugel_id = (SELECT ugel_id FROM school WHERE id = ${docente.schoolId})
         AND s.id <> ${docente.schoolId}
       ORDER BY s.id LIMIT 1`.execute(h.db);
    const school = second.rows[0];
    if (!school) throw new Error('no second school in the UGEL');
    await h.db
      .insertInto('teacher_post')
      .values({
        person_id: docente.teacherId,
        school_id: school.id,
        region_id: school.region_id,
        ugel_id: school.ugel_id,
        school_year: YEAR,
        level: 'B0',
        grades: [3],
        acting_director: false,
      })
      .execute();
    try {
      const coach = new Device();
      const visitId = randomUUID();
      const ids = [randomUUID(), randomUUID()];
      await pushOk(h.client, h.cookies.coach, [
        coach.upsert('commitment', ids[0] as string, commitmentPayload(docente, visitId)),
      ]);
      const response = await draftResponsePayload(h.db, docente.teacherId);
      await pushOk(h.client, h.cookies.coach, [
        coach.upsert('instrument_response', ids[1] as string, { ...response, visitId }),
      ]);
      for (const target of [school.id, docente.schoolId]) {
        const [visit] = await pushOk(h.client, h.cookies.coach, [
          coach.upsert(
            'visit',
            visitId,
            visitPayload({ ...docente, schoolId: target }),
            target === school.id ? {} : { changed: ['schoolId'], baseVersion: 1 },
          ),
        ]);
        expect(visit.status).toBe('applied');
        for (const [table, id] of [
          ['commitment', ids[0]],
          ['instrument_response', ids[1]],
        ] as const) {
          const { rows } = await sql<{ school_id: string }>`
            SELECT school_id FROM ${sql.table(table)} WHERE id = ${id}`.execute(h.db);
          expect(rows[0]?.school_id, `${table} follows its visit`).toBe(target);
        }
      }
    } finally {
      await h.db
        .deleteFrom('teacher_post')
        .where('person_id', '=', docente.teacherId)
        .where('school_id', '=', school.id)
        .execute();
    }
  });
});
