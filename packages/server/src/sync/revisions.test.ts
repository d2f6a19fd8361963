import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { LIMA_TODAY } from '../db/time.ts';
import { addAccount, rosterHarness } from '../modules/shared/testing.ts';
import { testTargets } from '../test/databases.ts';
import { commitmentPayload, Device, type Place, pushOk, visitPayload } from './testing.ts';

// GET /sync/revisions follows the policy's CURRENT reach (issue 11, item 4): an overwritten
// value shows the other person's new value in a teacher's record, so a coach whose caseload
// ended no longer reads it (nor marks it seen), like every other read of that teacher.

describe.each(testTargets())('revisions and current reach on $engine', (target) => {
  const h = rosterHarness(target, async (db, far) => {
    await addAccount(db, far.coachId, 'acompanante', { level: 'national', id: null });
    await addAccount(db, far.teacherId, 'docente', { level: 'school', id: far.schoolId });
  });
  const loginOf = async (personId: string) => {
    const { dni } = await h.db
      .selectFrom('person')
      .select('dni')
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    return h.client.login(dni);
  };

  it('stops showing a coach the revisions of a teacher they no longer coach', async () => {
    const coachCookie = await loginOf(h.far.coachId);
    const teacherCookie = await loginOf(h.far.teacherId);
    const p: Place = {
      teacherId: h.far.teacherId,
      schoolId: h.far.schoolId,
      interventionCode: 'MULTIGRADO',
    };
    const coach = new Device();
    const teacher = new Device();
    const visitId = randomUUID();
    const id = randomUUID();
    const note = (text: string) => commitmentPayload(p, visitId, { followUpNote: text });
    await pushOk(h.client, coachCookie, [
      coach.upsert('visit', visitId, visitPayload(p)),
      coach.upsert('commitment', id, note('Inicio')),
    ]);
    await pushOk(h.client, coachCookie, [
      coach.upsert('commitment', id, note('Lo vi avanzar en la sesión'), {
        changed: ['followUpNote'],
        baseVersion: 1,
      }),
    ]);
    // The teacher, offline since version 1, writes the same field: the coach's value is kept.
    const [overwrite] = await pushOk(h.client, teacherCookie, [
      teacher.upsert('commitment', id, note('Ya lo terminé, con mis estudiantes'), {
        changed: ['followUpNote'],
        baseVersion: 1,
      }),
    ]);
    expect(overwrite).toMatchObject({ status: 'applied', conflict: true });

    // And the coach, who last saw version 2, overwrites the teacher's: flagged to the teacher.
    const [back] = await pushOk(h.client, coachCookie, [
      coach.upsert('commitment', id, note('Revisamos juntos el avance'), {
        changed: ['followUpNote'],
        baseVersion: 2,
      }),
    ]);
    expect(back).toMatchObject({ status: 'applied', conflict: true });

    const before = await h.client.getJson('/api/v1/sync/revisions', coachCookie);
    expect(before.status).toBe(200);
    const mine = before.body.items.filter((r: { entityId: string }) => r.entityId === id);
    expect(mine).toHaveLength(1);
    expect(mine[0].newValue).toBe('Ya lo terminé, con mis estudiantes');

    // The caseload ends yesterday: the coach no longer coaches this teacher.
    await sql`UPDATE caseload SET valid_to = ${LIMA_TODAY} - 1
               WHERE coach_id = ${h.far.coachId} AND teacher_id = ${h.far.teacherId}`.execute(h.db);
    const after = await h.client.getJson('/api/v1/sync/revisions?status=all', coachCookie);
    expect(after.status).toBe(200);
    expect(after.body.items.filter((r: { entityId: string }) => r.entityId === id)).toEqual([]);
    const resolve = await h.client.request(`/api/v1/sync/revisions/${mine[0].id}/resolve`, {
      method: 'POST',
      headers: { cookie: coachCookie, origin: 'http://localhost' },
    });
    expect(resolve.status).toBe(404);

    // The teacher (their own record is always in their reach) still sees what was theirs.
    const teacherSees = await h.client.getJson('/api/v1/sync/revisions', teacherCookie);
    expect(
      teacherSees.body.items
        .filter((r: { entityId: string }) => r.entityId === id)
        .map((r: { overwrittenValue: string }) => r.overwrittenValue),
    ).toEqual(['Ya lo terminé, con mis estudiantes']);
  });
});
