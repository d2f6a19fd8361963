import { randomUUID } from 'node:crypto';
import { SEED_IDS } from '@acompana/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { LIMA_TODAY } from '../../db/time.ts';
import {
  caseloadTeacher,
  commitmentPayload,
  Device,
  type Place,
  pushOk,
  visitPayload,
} from '../../sync/testing.ts';
import { testTargets } from '../../test/databases.ts';
import { DNI, idOf, rosterHarness } from '../shared/testing.ts';

// The privacy rows of the coaching cycle's read API (docs/PRIVACY.md) on both engines: the teacher
// and the current coach see a visit's content; director, especialista, formador and MINEDU never
// (403 on /visits/{id}; date and status only, or 403, on the list); a coach whose caseload no
// longer has the teacher loses access; reads by anyone but the teacher are audited.

const dialogue = {
  apertura: '¿Qué te pareció la sesión?',
  reflexion: 'Los estudiantes compararon fracciones con material concreto.',
  alternativas: 'Dar más tiempo al trabajo en parejas.',
  compromisos: 'Preparar preguntas de razonamiento.',
  reflectionLevel: 'practica',
};

const auditCount = async (
  db: Parameters<typeof idOf>[0],
  actorId: string,
  action: string,
  resourceId: string,
) =>
  Number(
    (
      await sql<{ n: string }>`SELECT count(*) AS n FROM audit_event
        WHERE actor_id = ${actorId} AND action = ${action} AND resource_id = ${resourceId}`.execute(
        db,
      )
    ).rows[0]?.n,
  );

describe.each(testTargets())('coaching cycle reads on $engine', (target) => {
  const h = rosterHarness(target);
  let place: Place;
  const visitId = randomUUID();
  const commitmentIds = [randomUUID(), randomUUID()];
  const rubricId = randomUUID();
  let rubricCodes: string[] = [];

  const setup = async () => {
    if (place) return;
    const coachId = await idOf(h.db, DNI.coach);
    place = await caseloadTeacher(h.db, coachId, await idOf(h.db, DNI.docente));
    const device = new Device();
    const def = (
      await sql<{ d: { desempenos: { code: string }[] } }>`
        SELECT definition AS d FROM instrument_version WHERE id = ${SEED_IDS.rubric2018}`.execute(
        h.db,
      )
    ).rows[0]?.d;
    rubricCodes = (def?.desempenos ?? []).map((d) => d.code);
    expect(rubricCodes.length).toBeGreaterThan(0);
    const scores = Object.fromEntries(
      (def?.desempenos ?? []).map((d) => [d.code, { level: 3, evidence: 'Evidencia observada.' }]),
    );
    const results = await pushOk(h.client, h.cookies.coach, [
      device.upsert(
        'visit',
        visitId,
        visitPayload(place, {
          status: 'done',
          plannedDate: '2026-05-12',
          startedAt: '2026-05-12T08:00:00-05:00',
          endedAt: '2026-05-12T10:00:00-05:00',
          dialogue,
        }),
      ),
      ...commitmentIds.map((id) =>
        device.upsert('commitment', id, commitmentPayload(place, visitId)),
      ),
      device.upsert('instrument_response', rubricId, {
        visitId,
        teacherId: place.teacherId,
        instrumentVersionId: SEED_IDS.rubric2018,
        status: 'complete',
        answers: { scores },
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
  };

  it('shows the teacher and their current coach the whole visit', async () => {
    await setup();
    for (const who of ['docente', 'coach'] as const) {
      const { status, body } = await h.client.getJson(`/api/v1/visits/${visitId}`, h.cookies[who]);
      expect(status, who).toBe(200);
      expect(body.teacherId).toBe(place.teacherId);
      expect(body.dialogue).toEqual(dialogue);
      expect(body.goals).toEqual(visitPayload(place).goals);
      expect(body.commitments.map((c: { id: string }) => c.id).sort()).toEqual(
        [...commitmentIds].sort(),
      );
      expect(body.responses).toHaveLength(1);
      expect(body.responses[0]).toMatchObject({
        id: rubricId,
        instrumentVersionId: SEED_IDS.rubric2018,
        instrumentType: 'rubric',
        status: 'complete',
      });
    }
  });

  it('refuses the visit’s content to director, especialista, formador and MINEDU', async () => {
    await setup();
    for (const role of ['director', 'especialista', 'formador', 'minedu'] as const) {
      const { status, body } = await h.client.getJson(`/api/v1/visits/${visitId}`, h.cookies[role]);
      expect(status, role).toBe(403);
      expect(body.error.code).toBe('FORBIDDEN');
      expect(JSON.stringify(body)).not.toContain(dialogue.reflexion);
      // A made-up id answers the same: the response reveals nothing about existence.
      const made = await h.client.getJson(`/api/v1/visits/${randomUUID()}`, h.cookies[role]);
      expect(made.status, role).toBe(403);
    }
  });

  it('lists visits with content to teacher and coach, only date and status to supervisors', async () => {
    await setup();
    const path = `/api/v1/teachers/${place.teacherId}/visits`;
    const expected = (
      await sql<{ d: string; s: string }>`SELECT planned_date::text AS d, status AS s FROM visit
        WHERE teacher_id = ${place.teacherId} ORDER BY planned_date DESC, id`.execute(h.db)
    ).rows.map((r) => ({ plannedDate: r.d, status: r.s }));
    for (const who of ['docente', 'coach'] as const) {
      const { status, body } = await h.client.getJson(path, h.cookies[who]);
      expect(status, who).toBe(200);
      expect(body.access).toBe('content');
      const mine = body.visits.find((v: { id: string }) => v.id === visitId);
      expect(mine).toMatchObject({ status: 'done', commitments: 2, completeResponses: 1 });
      expect(mine.reflectionLevel).toBe('practica');
    }
    for (const role of ['director', 'especialista', 'minedu'] as const) {
      const { status, body } = await h.client.getJson(path, h.cookies[role]);
      expect(status, role).toBe(200);
      expect(body.access).toBe('status');
      expect(body.visits).toEqual(expected);
      for (const v of body.visits) expect(Object.keys(v).sort()).toEqual(['plannedDate', 'status']);
    }
    const formador = await h.client.getJson(path, h.cookies.formador);
    expect(formador.status).toBe(403);
  });

  it('audits every read by someone other than the teacher, and none by the teacher', async () => {
    await setup();
    const coachId = await idOf(h.db, DNI.coach);
    const teacherId = place.teacherId;
    const before = await auditCount(h.db, coachId, 'coaching.visit.read', `visit:${visitId}`);
    const mineBefore = await auditCount(h.db, teacherId, 'coaching.visit.read', `visit:${visitId}`);
    await h.client.getJson(`/api/v1/visits/${visitId}`, h.cookies.coach);
    await h.client.getJson(`/api/v1/visits/${visitId}`, h.cookies.docente);
    expect(await auditCount(h.db, coachId, 'coaching.visit.read', `visit:${visitId}`)).toBe(
      before + 1,
    );
    expect(await auditCount(h.db, teacherId, 'coaching.visit.read', `visit:${visitId}`)).toBe(
      mineBefore,
    );
    const directorId = await idOf(h.db, DNI.director);
    const listBefore = await auditCount(
      h.db,
      directorId,
      'coaching.visits.list',
      `teacher:${teacherId}`,
    );
    await h.client.getJson(`/api/v1/teachers/${teacherId}/visits`, h.cookies.director);
    expect(await auditCount(h.db, directorId, 'coaching.visits.list', `teacher:${teacherId}`)).toBe(
      listBefore + 1,
    );
  });

  it('gives the teacher and coach the progress with levels from complete rubrics', async () => {
    await setup();
    const { status, body } = await h.client.getJson(
      `/api/v1/teachers/${place.teacherId}/progress`,
      h.cookies.docente,
    );
    expect(status).toBe(200);
    for (const code of rubricCodes) {
      const series = body.desempenos.find((d: { code: string }) => d.code === code);
      expect(series?.points, code).toContainEqual({ date: '2026-05-12', visitId, level: 3 });
    }
    expect(Array.isArray(body.suggestion.reasons)).toBe(true);
    expect(body.suggestion.reasons.length).toBeGreaterThan(0);
    const director = await h.client.getJson(
      `/api/v1/teachers/${place.teacherId}/progress`,
      h.cookies.director,
    );
    expect(director.status).toBe(403);
  });

  it('shows the coach their day over the current caseload and refuses it to others', async () => {
    await setup();
    const coachId = await idOf(h.db, DNI.coach);
    // The done visit dated this Lima month, for the count of the month's visits (restored after).
    await sql`UPDATE visit SET planned_date = ${LIMA_TODAY} WHERE id = ${visitId}`.execute(h.db);
    let done: string | undefined;
    let answer: Awaited<ReturnType<typeof h.client.getJson>>;
    try {
      answer = await h.client.getJson('/api/v1/me/day', h.cookies.coach);
      // Done visits this Lima month of the teachers coached now, each visit once.
      done = (
        await sql<{ n: string }>`SELECT count(*) AS n FROM visit v
          WHERE v.status = 'done'
            AND date_trunc('month', v.planned_date) = date_trunc('month', ${LIMA_TODAY})
            AND v.teacher_id IN (SELECT teacher_id FROM caseload WHERE coach_id = ${coachId}
              AND valid_from <= ${LIMA_TODAY}
              AND (valid_to IS NULL OR valid_to >= ${LIMA_TODAY}))`.execute(h.db)
      ).rows[0]?.n;
    } finally {
      await sql`UPDATE visit SET planned_date = '2026-05-12' WHERE id = ${visitId}`.execute(h.db);
    }
    const { status, body } = answer;
    expect(status).toBe(200);
    const teachers = (
      await sql<{ n: string }>`SELECT count(DISTINCT teacher_id) AS n FROM caseload
        WHERE coach_id = ${coachId} AND valid_from <= ${LIMA_TODAY}
          AND (valid_to IS NULL OR valid_to >= ${LIMA_TODAY})`.execute(h.db)
    ).rows[0]?.n;
    expect(body.counts.teachers).toBe(Number(teachers));
    expect(Number(done)).toBeGreaterThan(0);
    expect(body.counts.doneThisMonth).toBe(Number(done));
    expect(body.counts.today).toBe(body.today.length);
    expect(body.counts.overdue).toBe(body.overdue.length);
    for (const v of body.overdue) expect(v.plannedDate < body.date).toBe(true);
    for (const role of ['docente', 'director'] as const) {
      expect((await h.client.getJson('/api/v1/me/day', h.cookies[role])).status, role).toBe(403);
    }
  });

  it('cuts a coach off the day their caseload with the teacher ends', async () => {
    await setup();
    const coachId = await idOf(h.db, DNI.coach);
    await sql`UPDATE caseload SET valid_to = ${LIMA_TODAY} - 1
      WHERE coach_id = ${coachId} AND teacher_id = ${place.teacherId}`.execute(h.db);
    for (const path of [
      `/api/v1/visits/${visitId}`,
      `/api/v1/teachers/${place.teacherId}/visits`,
      `/api/v1/teachers/${place.teacherId}/progress`,
    ]) {
      const { status, body } = await h.client.getJson(path, h.cookies.coach);
      expect(status, path).toBe(404);
      expect(body.error.code).toBe('NOT_FOUND');
    }
    // The teacher keeps everything.
    expect((await h.client.getJson(`/api/v1/visits/${visitId}`, h.cookies.docente)).status).toBe(
      200,
    );
  });
});
