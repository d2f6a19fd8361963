import { addDays, limaToday } from '@acompana/core';
import { describe, expect, it } from 'vitest';
import { testTargets } from '../../test/databases.ts';
import { DNI, idOf, rosterHarness, scopeOf, YEAR } from '../shared/testing.ts';
import { addCoach, addUncoachedSchool } from './testing.ts';

// POST /caseloads, /caseloads/{id}/end, /caseloads/{id}/move: the especialista's caseload
// writes — every rule of issue 14 item 5, each bad input with its code, nothing half-saved.

describe.each(testTargets())('caseload writes on $engine', (target) => {
  const h = rosterHarness(target);
  const today = limaToday();

  const post = (role: keyof typeof DNI, path: string, body: unknown) =>
    h.client
      .post(`/api/v1${path}`, body, { cookie: h.cookies[role] })
      .then(async (r) => ({ status: r.status, body: await r.json() }));

  const rowsOf = (teacherIds: string[]) =>
    h.db
      .selectFrom('caseload')
      .selectAll()
      .where('teacher_id', 'in', teacherIds)
      .orderBy('valid_from')
      .execute();

  async function setting() {
    const ugel = await scopeOf(h.db, DNI.especialista, 'especialista');
    const school = await addUncoachedSchool(h.db, ugel, 3);
    const coach = await addCoach(h.db, ugel);
    const other = await addCoach(h.db, ugel);
    return { ugel, school, coach, other };
  }

  it('assigns a school’s teachers in one go, recording who did it and the audit', async () => {
    const { school, coach } = await setting();
    const res = await post('especialista', '/caseloads', {
      coachId: coach.id,
      intervention: 'MULTIGRADO',
      schoolId: school.schoolId,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.created).toHaveLength(3);
    const rows = await rowsOf(school.teacherIds);
    expect(rows.map((r) => r.teacher_id).sort()).toEqual([...school.teacherIds].sort());
    const me = await idOf(h.db, DNI.especialista);
    for (const r of rows) {
      expect(r).toMatchObject({
        coach_id: coach.id,
        valid_from: today,
        valid_to: null,
        created_by: me,
        reason: null,
      });
    }
    const events = await h.db
      .selectFrom('audit_event')
      .select(['actor_id', 'detail', 'subject_ids'])
      .where('action', '=', 'caseload.assign')
      .where(
        'resource_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    expect(events).toHaveLength(3);
    for (const e of events) {
      expect(e.actor_id).toBe(me);
      expect(e.detail).toMatchObject({ before: null, after: { coachId: coach.id } });
      expect(e.subject_ids).toContain(coach.id);
    }
  });

  it('refuses a bulk list with one teacher outside the UGEL and saves none of it', async () => {
    const { school, coach } = await setting();
    const res = await post('especialista', '/caseloads', {
      coachId: coach.id,
      intervention: 'MULTIGRADO',
      teacherIds: [...school.teacherIds, h.far.teacherId],
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CASELOAD_OUT_OF_SCOPE');
    expect(res.body.error.message).toMatch(/tu ámbito/);
    expect(await rowsOf(school.teacherIds)).toEqual([]);
    // A coach of another UGEL is out too; MINEDU reaches both.
    const far = await post('especialista', '/caseloads', {
      coachId: h.far.oldCoachId,
      intervention: 'MULTIGRADO',
      teacherIds: school.teacherIds.slice(0, 1),
    });
    expect(far.body.error.code).toBe('CASELOAD_OUT_OF_SCOPE');
    expect(await rowsOf(school.teacherIds)).toEqual([]);
  });

  it('refuses an overlap for the same teacher and intervention, atomically', async () => {
    const { school, coach, other } = await setting();
    const [a, b] = school.teacherIds as [string, string];
    expect(
      (
        await post('especialista', '/caseloads', {
          coachId: coach.id,
          intervention: 'MULTIGRADO',
          teacherIds: [a],
        })
      ).status,
    ).toBe(201);
    const res = await post('especialista', '/caseloads', {
      coachId: other.id,
      intervention: 'MULTIGRADO',
      teacherIds: [b, a],
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'CASELOAD_OVERLAP', details: { teacherId: a } });
    expect(res.body.error.message).toContain('Cambiar de acompañante');
    // b was first in the list and valid: still not saved.
    expect(await rowsOf([b])).toEqual([]);
    // Another intervention is another line of coaching.
    const spi = await post('especialista', '/caseloads', {
      coachId: other.id,
      intervention: 'SPI',
      teacherIds: [a],
    });
    expect(spi.status).toBe(201);
  });

  it('moves a teacher only with a reason, ending the old row the day before', async () => {
    const { school, coach, other } = await setting();
    const [a] = school.teacherIds as [string];
    const first = await post('especialista', '/caseloads', {
      coachId: coach.id,
      intervention: 'MULTIGRADO',
      teacherIds: [a],
      validFrom: `${YEAR}-01-01`,
    });
    const id = first.body.created[0].id;
    const bare = await post('especialista', `/caseloads/${id}/move`, { coachId: other.id });
    expect(bare.status).toBe(422);
    expect(bare.body.error.code).toBe('CASELOAD_REASON_REQUIRED');
    expect(bare.body.error.message).toMatch(/motivo/);
    const same = await post('especialista', `/caseloads/${id}/move`, {
      coachId: coach.id,
      reason: 'Prueba',
    });
    expect(same.body.error.code).toBe('CASELOAD_SAME_COACH');
    expect((await rowsOf([a])).map((r) => r.valid_to)).toEqual([null]);

    const reason = 'Licencia por maternidad de la acompañante';
    const moved = await post('especialista', `/caseloads/${id}/move`, {
      coachId: other.id,
      reason,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const rows = await rowsOf([a]);
    expect(rows.map((r) => [r.coach_id, r.valid_from, r.valid_to, r.reason])).toEqual([
      [coach.id, `${YEAR}-01-01`, addDays(today, -1), null],
      [other.id, today, null, reason],
    ]);
    expect(rows[0]?.end_reason).toBe(reason);
    const event = await h.db
      .selectFrom('audit_event')
      .select(['detail'])
      .where('action', '=', 'caseload.move')
      .where('resource_id', '=', rows[1]?.id as string)
      .executeTakeFirstOrThrow();
    expect(event.detail).toMatchObject({
      reason,
      before: { coachId: coach.id, validTo: null },
      after: { ended: { validTo: addDays(today, -1) }, created: { coachId: other.id } },
    });
    // The board's warnings list the change with both coaches.
    const warnings = await h.client.getJson(
      '/api/v1/rosters/warnings?limit=200',
      h.cookies.especialista,
    );
    expect(
      warnings.body.coachChanges.items.find((c: { teacher: { id: string } }) => c.teacher.id === a),
    ).toMatchObject({ from: { id: coach.id }, to: { id: other.id }, date: today, reason });
  });

  it('treats a new coach after an ended row as a change of coach (reason required)', async () => {
    const { school, coach, other } = await setting();
    const [a] = school.teacherIds as [string];
    const first = await post('especialista', '/caseloads', {
      coachId: coach.id,
      intervention: 'MULTIGRADO',
      teacherIds: [a],
      validFrom: `${YEAR}-01-01`,
    });
    const ended = await post('especialista', `/caseloads/${first.body.created[0].id}/end`, {
      validTo: `${YEAR}-01-31`,
    });
    expect(ended.status).toBe(200);
    const again = {
      coachId: other.id,
      intervention: 'MULTIGRADO',
      teacherIds: [a],
      validFrom: `${YEAR}-02-01`,
    };
    const bare = await post('especialista', '/caseloads', again);
    expect(bare.body.error).toMatchObject({
      code: 'CASELOAD_REASON_REQUIRED',
      details: { teacherId: a },
    });
    const ok = await post('especialista', '/caseloads', {
      ...again,
      reason: 'Traslado del acompañante',
    });
    expect(ok.status).toBe(201);
    // The same coach coming back needs no reason: that is continuity.
    const back = await post('especialista', `/caseloads/${ok.body.created[0].id}/end`, {
      validTo: `${YEAR}-02-28`,
    });
    expect(back.status).toBe(200);
  });

  it('corrects an assignment moved on its first day in place; refuses a move before it', async () => {
    const { school, coach, other } = await setting();
    const [a] = school.teacherIds as [string];
    const first = await post('especialista', '/caseloads', {
      coachId: coach.id,
      intervention: 'MULTIGRADO',
      teacherIds: [a],
      validFrom: today,
    });
    const id = first.body.created[0].id;
    const early = await post('especialista', `/caseloads/${id}/move`, {
      coachId: other.id,
      reason: 'Error de asignación',
      date: addDays(today, -1),
    });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('CASELOAD_END_BEFORE_START');
    expect(early.body.error.message).toContain(today);

    const reason = 'Se asignó al acompañante equivocado';
    const moved = await post('especialista', `/caseloads/${id}/move`, {
      coachId: other.id,
      reason,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ ended: [], created: [{ id, coachId: other.id }] });
    const rows = await rowsOf([a]);
    expect(rows.map((r) => [r.id, r.coach_id, r.valid_from, r.valid_to, r.reason])).toEqual([
      [id, other.id, today, null, reason],
    ]);
    const event = await h.db
      .selectFrom('audit_event')
      .select(['detail'])
      .where('action', '=', 'caseload.move')
      .where('resource_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(event.detail).toMatchObject({
      reason,
      before: { coachId: coach.id },
      after: { corrected: { coachId: other.id } },
    });
  });

  it('ends an assignment keeping its history; refuses an end before the start or twice', async () => {
    const { school, coach } = await setting();
    const [a] = school.teacherIds as [string];
    const first = await post('especialista', '/caseloads', {
      coachId: coach.id,
      intervention: 'MULTIGRADO',
      teacherIds: [a],
      validFrom: `${YEAR}-01-10`,
    });
    const id = first.body.created[0].id;
    const early = await post('especialista', `/caseloads/${id}/end`, { validTo: `${YEAR}-01-09` });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('CASELOAD_END_BEFORE_START');
    expect(early.body.error.message).toContain(`${YEAR}-01-10`);
    const done = await post('especialista', `/caseloads/${id}/end`, {
      validTo: `${YEAR}-01-20`,
      reason: 'Dejó la plaza',
    });
    expect(done.body.ended[0]).toMatchObject({ id, validTo: `${YEAR}-01-20` });
    const twice = await post('especialista', `/caseloads/${id}/end`, { validTo: `${YEAR}-01-25` });
    expect(twice.body.error.code).toBe('CASELOAD_ALREADY_ENDED');
    const rows = await rowsOf([a]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ valid_to: `${YEAR}-01-20`, end_reason: 'Dejó la plaza' });
  });

  it('gives each bad input its own code and Spanish message', async () => {
    const { school, coach, other } = await setting();
    const [a] = school.teacherIds as [string];
    const base = { coachId: coach.id, intervention: 'MULTIGRADO', teacherIds: [a] };
    const cases: [unknown, number, string, RegExp][] = [
      [{ ...base, intervention: 'NO_EXISTE' }, 422, 'CASELOAD_UNKNOWN_INTERVENTION', /catálogo/],
      [
        { ...base, coachId: a, teacherIds: school.teacherIds.slice(1) },
        422,
        'CASELOAD_NOT_A_COACH',
        /acompañante/,
      ],
      [{ ...base, teacherIds: [other.id] }, 422, 'CASELOAD_NOT_A_TEACHER', /plaza docente/],
      [{ ...base, teacherIds: [coach.id] }, 400, 'VALIDATION_FAILED', /sí mismo/],
      [{ ...base, teacherIds: [] }, 400, 'VALIDATION_FAILED', /docente/],
      [{ ...base, validFrom: `${YEAR + 1}-03-01` }, 400, 'VALIDATION_FAILED', /fecha de inicio/],
    ];
    for (const [body, status, code, message] of cases) {
      const res = await post('especialista', '/caseloads', body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toMatch(message);
    }
    expect(await rowsOf(school.teacherIds)).toEqual([]);
  });

  it('lets MINEDU assign anywhere and nobody else', async () => {
    const { school, coach } = await setting();
    const body = {
      coachId: coach.id,
      intervention: 'MULTIGRADO',
      teacherIds: [school.teacherIds[0]],
    };
    for (const role of ['coach', 'docente', 'director', 'formador'] as const) {
      const res = await post(role, '/caseloads', body);
      expect(res.status, role).toBe(403);
      expect(res.body.error.code, role).toBe('FORBIDDEN');
    }
    const farRow = await h.db
      .selectFrom('caseload')
      .select('id')
      .where('teacher_id', '=', h.far.teacherId)
      .where('valid_to', 'is', null)
      .executeTakeFirstOrThrow();
    const refused = await post('especialista', `/caseloads/${farRow.id}/end`, {});
    expect(refused.status).toBe(404);
    const director = await post('director', `/caseloads/${farRow.id}/end`, {});
    expect(director.status).toBe(404);
    expect((await post('minedu', '/caseloads', body)).status).toBe(201);
    const ended = await post('minedu', `/caseloads/${farRow.id}/end`, {});
    expect(ended.status).toBe(200);
  });
});
