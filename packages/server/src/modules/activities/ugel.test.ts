import { randomUUID } from 'node:crypto';
import {
  type ActivityAttendanceRecord,
  type ActivityRecord,
  attendanceIdOf,
  tallyAttendance,
} from '@acompana/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { Device, latest, pullUntil, pushOk } from '../../sync/testing.ts';
import { testTargets } from '../../test/databases.ts';
import type { TestResponse } from '../../test/http.ts';
import { addAccount, DNI, idOf, rosterHarness, scopeOf, YEAR } from '../shared/testing.ts';
import { dniOf, present, put, secondCoach, taller, teachersOf } from './ugel-testing.ts';

// A UGEL specialist organises a UGEL-wide taller online (docs/ACTIVITIES.md, "Organisers"),
// on both engines: it reaches the invited teachers' coaches, who mark their own teachers'
// attendance through sync; the teacher counts it; the specialist reads who attended but no
// reflection; another UGEL's specialist, a director and a coach cannot write it; invitees
// and venues outside the UGEL are refused with their stable codes.

describe.each(testTargets())('UGEL-wide talleres on $engine', (target) => {
  let coachB = '';
  let farSpecialist = '';
  const h = rosterHarness(target, async (db, far) => {
    const ugel = await scopeOf(db, DNI.especialista, 'especialista');
    coachB = await secondCoach(db, ugel, await idOf(db, DNI.coach));
    await addAccount(db, coachB, 'acompanante', { level: 'ugel', id: ugel });
    // Another UGEL's specialist.
    farSpecialist = far.oldCoachId;
    await addAccount(db, farSpecialist, 'especialista', { level: 'ugel', id: far.ugelId });
  });

  async function setting() {
    const ugel = await scopeOf(h.db, DNI.especialista, 'especialista');
    const coachA = await idOf(h.db, DNI.coach);
    const a = await teachersOf(h.db, coachA, ugel);
    const b = await teachersOf(h.db, coachB, ugel);
    const teacher = await idOf(h.db, DNI.docente);
    const first = a[0];
    if (!first || !b[0]) throw new Error('both coaches need teachers in the UGEL');
    const mine = [teacher, ...a.map((r) => r.teacher_id).filter((t) => t !== teacher)].slice(0, 2);
    return { ugel, coachA, a, b, teacher, school: first.school_id, code: first.code, mine };
  }

  it('reaches both coaches, who mark their own teachers; the teacher counts it', async () => {
    const s = await setting();
    expect(s.a.map((r) => r.teacher_id)).toContain(s.teacher);
    const theirs = s.b[0]?.teacher_id as string;
    const id = randomUUID();
    const created = await put(h.client, h.cookies.especialista, id, {
      baseVersion: 0,
      activity: taller(s.school, s.code, [...s.mine, theirs]),
    });
    expect(created.status).toBe(200);
    expect(await created.json()).toEqual({ id, version: 1 });
    const specialist = await idOf(h.db, DNI.especialista);

    // Each coach pulls it (their teachers are invited) and marks only their own teachers.
    const cookieB = await h.client.login(await dniOf(h.db, coachB));
    for (const cookie of [h.cookies.coach, cookieB]) {
      const changes = await pullUntil(h.client, cookie, (c) => !!latest(c, 'activity', id));
      expect(latest(changes, 'activity', id)?.data).toMatchObject({
        organiserIds: [specialist],
        organisedBy: 'ugel',
      });
    }
    // A coach's own activity cannot pass for the UGEL's.
    const [claim] = await pushOk(h.client, h.cookies.coach, [
      new Device().upsert('activity', randomUUID(), {
        ...taller(s.school, s.code, s.mine),
        organiserIds: [s.coachA],
        organisedBy: 'ugel',
      }),
    ]);
    expect(claim.error?.code).toBe('SYNC_FORBIDDEN');
    const phoneA = new Device();
    const phoneB = new Device();
    const resultsA = await pushOk(h.client, h.cookies.coach, [
      ...s.mine.map((t) =>
        phoneA.upsert('activity_attendance', attendanceIdOf(id, t), present(id, t)),
      ),
      // Not their teacher; and the activity's own fields are read-only to a coach.
      phoneA.upsert('activity_attendance', attendanceIdOf(id, theirs), present(id, theirs)),
      phoneA.upsert(
        'activity',
        id,
        { ...taller(s.school, s.code, [...s.mine, theirs]), organiserIds: [specialist] },
        { changed: ['agreements'], baseVersion: 1 },
      ),
    ]);
    expect(resultsA.map((r) => r.error?.code ?? r.status)).toEqual([
      'applied',
      'applied',
      'SYNC_FORBIDDEN',
      'SYNC_FORBIDDEN',
    ]);
    const resultsB = await pushOk(h.client, cookieB, [
      // A taller day outside its dates, then the right one.
      phoneB.upsert(
        'activity_attendance',
        attendanceIdOf(id, theirs),
        present(id, theirs, `${YEAR}-08-13`),
      ),
      phoneB.upsert('activity_attendance', attendanceIdOf(id, theirs), present(id, theirs)),
    ]);
    expect(resultsB.map((r) => r.error?.code ?? r.status)).toEqual([
      'ACTIVITY_DAY_OUT_OF_RANGE',
      'applied',
    ]);

    // The teacher writes a reflection; the specialist closes the taller as done.
    const teacherPhone = new Device();
    await pushOk(h.client, h.cookies.docente, [
      teacherPhone.upsert('activity_reflection', randomUUID(), {
        activityId: id,
        teacherId: s.teacher,
        text: 'Mi reflexión reservada del taller',
      }),
    ]);
    const closed = await put(h.client, h.cookies.especialista, id, {
      baseVersion: 1,
      activity: taller(s.school, s.code, [...s.mine, theirs], { status: 'done' }),
    });
    expect(closed.status).toBe(200);
    expect((await closed.json()).version).toBe(2);

    // The teacher counts it toward their talleres.
    const own = await pullUntil(
      h.client,
      h.cookies.docente,
      (c) =>
        latest(c, 'activity', id)?.version === 2 &&
        !!latest(c, 'activity_attendance', attendanceIdOf(id, s.teacher)),
    );
    expect(latest(own, 'activity', id)?.version).toBe(2);
    const activity = latest(own, 'activity', id)?.data as ActivityRecord;
    const attendance = latest(own, 'activity_attendance', attendanceIdOf(id, s.teacher))
      ?.data as ActivityAttendanceRecord;
    expect(attendance?.days).toHaveLength(1);
    const tally = tallyAttendance(s.teacher, YEAR, new Map([[id, activity]]), [attendance]);
    expect(tally.count.taller).toBe(1);

    // The specialist reads it whole with who attended, never the reflection; audited.
    const { status, body } = await h.client.getJson(
      `/api/v1/ugel-activities?year=${YEAR}`,
      h.cookies.especialista,
    );
    expect(status).toBe(200);
    const item = body.items.find((i: { id: string }) => i.id === id);
    expect(item).toMatchObject({ version: 2, invited: 3, attended: 3 });
    expect(item.activity.agreements).toEqual(['Aplicar la retroalimentación descriptiva']);
    expect(item.attendees.map((p: { id: string }) => p.id).sort()).toEqual(
      [...s.mine, theirs].sort(),
    );
    expect(JSON.stringify(body)).not.toContain('reflexión reservada');
    // No sync for an online organiser: their revisions list answers, empty.
    const revisions = await h.client.getJson('/api/v1/sync/revisions', h.cookies.especialista);
    expect(revisions.status).toBe(200);
    expect(revisions.body.items).toEqual([]);
    // Their acta too (every invitee's marks: who attended).
    const acta = await h.client.request(`/api/v1/activities/${id}/acta.pdf`, {
      headers: { cookie: h.cookies.especialista },
    });
    expect(acta.status).toBe(200);
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM audit_event
       WHERE action = 'activities.ugel.read' AND resource_id = ${`activity:${id}`}
         AND ${s.teacher}::uuid = ANY(subject_ids)`.execute(h.db);
    expect(rows[0]?.n).toBeGreaterThan(0);
  });

  it("lets nobody borrow a specialist's reach or a coach's caseload through the organisers", async () => {
    const s = await setting();
    const specialist = await idOf(h.db, DNI.especialista);
    const otherTeacher = s.b[0]?.teacher_id ?? '';
    const devices = new Map<string, Device>();
    const refusedAs = async (cookie: string, activity: Record<string, unknown>) => {
      const device = devices.get(cookie) ?? new Device();
      devices.set(cookie, device);
      const [result] = await pushOk(h.client, cookie, [
        device.upsert('activity', randomUUID(), activity),
      ]);
      return { status: result.status, code: result.error?.code };
    };
    const forbidden = { status: 'rejected', code: 'SYNC_FORBIDDEN' };
    // A coach lists the UGEL's specialist (or another UGEL's) to invite teachers they do not
    // coach, and to pass their activity for the UGEL's.
    for (const [listed, invitee] of [
      [specialist, otherTeacher],
      [farSpecialist, h.far.teacherId],
    ]) {
      expect(
        await refusedAs(
          h.cookies.coach,
          taller(s.school, s.code, [s.teacher, invitee as string], {
            organiserIds: [s.coachA, listed],
          }),
        ),
      ).toEqual(forbidden);
    }
    expect(
      await refusedAs(
        h.cookies.coach,
        taller(s.school, s.code, [s.teacher], {
          organiserIds: [s.coachA, specialist],
          organisedBy: 'ugel',
        }),
      ),
    ).toEqual(forbidden);
    // The specialist lists another UGEL's coach to reach that coach's teachers.
    expect(
      await refusedAs(
        h.cookies.especialista,
        taller(s.school, s.code, [s.teacher, h.far.teacherId], {
          organiserIds: [specialist, h.far.coachId],
          organisedBy: 'ugel',
        }),
      ),
    ).toEqual(forbidden);
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM activity
       WHERE ${specialist} = ANY(organiser_ids) AND cardinality(organiser_ids) > 1`.execute(h.db);
    expect(rows[0]?.n).toBe(0);
  });

  it('never blocks the next mark of a teacher whose arrival the schedule no longer holds', async () => {
    const s = await setting();
    const id = randomUUID();
    expect(
      (
        await put(h.client, h.cookies.especialista, id, {
          baseVersion: 0,
          activity: taller(s.school, s.code, s.mine),
        })
      ).status,
    ).toBe(200);
    const teacher = s.mine[0] as string;
    const attendanceId = attendanceIdOf(id, teacher);
    const device = new Device();
    const [first] = await pushOk(h.client, h.cookies.coach, [
      device.upsert('activity_attendance', attendanceId, present(id, teacher)),
    ]);
    expect(first).toMatchObject({ status: 'applied' });
    // The specialist moves the taller to the afternoon: the 08:05 arrival is now outside it.
    const later = taller(s.school, s.code, s.mine, { startTime: '14:00', endTime: '18:00' });
    expect(
      (await put(h.client, h.cookies.especialista, id, { baseVersion: 1, activity: later })).status,
    ).toBe(200);
    const marks = {
      ...present(id, teacher),
      days: [
        { date: `${YEAR}-08-10`, mark: 'present' },
        { date: `${YEAR}-08-11`, mark: 'absent' },
      ],
    };
    const [next] = await pushOk(h.client, h.cookies.coach, [
      device.upsert('activity_attendance', attendanceId, marks, {
        baseVersion: 1,
        changed: ['days'],
      }),
    ]);
    expect(next).toMatchObject({ status: 'applied' });
    // A new arrival outside the schedule is still refused.
    const [late] = await pushOk(h.client, h.cookies.coach, [
      device.upsert(
        'activity_attendance',
        attendanceId,
        { ...marks, arrivedAt: '09:00' },
        {
          baseVersion: 2,
          changed: ['arrivedAt'],
        },
      ),
    ]);
    expect(late).toMatchObject({
      status: 'rejected',
      error: { code: 'ACTIVITY_ARRIVAL_OUT_OF_RANGE' },
    });
  });

  it('refuses invitees and venues outside the UGEL, an empty taller closed, other writers', async () => {
    const s = await setting();
    const code = async (res: TestResponse) => ({
      status: res.status,
      code: (await res.json()).error?.code,
    });
    const outside = await put(h.client, h.cookies.especialista, randomUUID(), {
      baseVersion: 0,
      activity: taller(s.school, s.code, [s.teacher, h.far.teacherId]),
    });
    expect(await code(outside)).toEqual({ status: 422, code: 'ACTIVITY_ATTENDEE_OUT_OF_REACH' });
    const farVenue = await put(h.client, h.cookies.especialista, randomUUID(), {
      baseVersion: 0,
      activity: taller(h.far.schoolId, s.code, [s.teacher]),
    });
    expect(await code(farVenue)).toEqual({ status: 403, code: 'ACTIVITY_OUTSIDE_UGEL' });
    const empty = await put(h.client, h.cookies.especialista, randomUUID(), {
      baseVersion: 0,
      activity: taller(s.school, s.code, [], { status: 'done' }),
    });
    expect(await code(empty)).toEqual({ status: 422, code: 'ACTIVITY_CLOSED_EMPTY' });

    const id = randomUUID();
    const ok = await put(h.client, h.cookies.especialista, id, {
      baseVersion: 0,
      activity: taller(s.school, s.code, s.mine),
    });
    expect(ok.status).toBe(200);
    const edit = { baseVersion: 1, activity: taller(s.school, s.code, s.mine, { theme: 'Otro' }) };
    // Another UGEL's specialist: not theirs (never revealed); nor may they use this UGEL.
    const cookieFar = await h.client.login(await dniOf(h.db, farSpecialist));
    expect(await code(await put(h.client, cookieFar, id, edit))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(
      await code(await put(h.client, cookieFar, randomUUID(), { ...edit, baseVersion: 0 })),
    ).toEqual({ status: 403, code: 'ACTIVITY_OUTSIDE_UGEL' });
    expect((await h.client.getJson(`/api/v1/ugel-activities/${id}`, cookieFar)).status).toBe(404);
    // A director and a coach organise no UGEL taller here.
    for (const role of ['director', 'coach', 'docente'] as const) {
      expect((await put(h.client, h.cookies[role], id, edit)).status).toBe(403);
    }
    const { rows } = await sql<{ theme: string; version: number }>`
      SELECT theme, version FROM activity WHERE id = ${id}`.execute(h.db);
    expect(rows).toEqual([{ theme: 'Evaluación formativa en el aula', version: 1 }]);
  });
});
