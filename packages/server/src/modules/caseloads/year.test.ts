import { describe, expect, it } from 'vitest';
import { testTargets } from '../../test/databases.ts';
import { DNI, rosterHarness, scopeOf, YEAR } from '../shared/testing.ts';
import { addCoach, addUncoachedSchool } from './testing.ts';

// Opening the next school year (issue 14 item 6): targets copied where missing, next year's
// caseloads proposed (same coach, teachers holding a post next year), confirmed or discarded.

describe.each(testTargets())('opening a school year on $engine', (target) => {
  const h = rosterHarness(target);
  const NEXT = YEAR + 1;
  const post = (role: keyof typeof DNI, path: string, body: unknown = {}) =>
    h.client
      .post(`/api/v1${path}`, body, { cookie: h.cookies[role] })
      .then(async (r) => ({ status: r.status, body: await r.json() }));

  it('copies targets, proposes the same coach, and confirms or discards on request', async () => {
    const ugel = await scopeOf(h.db, DNI.especialista, 'especialista');
    const school = await addUncoachedSchool(h.db, ugel, 3);
    const [a, b, gone] = school.teacherIds as [string, string, string];
    const coach = await addCoach(h.db, ugel);
    const assigned = await post('especialista', '/caseloads', {
      coachId: coach.id,
      intervention: 'MULTIGRADO',
      teacherIds: [a, b, gone],
      validFrom: `${YEAR}-01-01`,
    });
    const rowOf = (id: string) =>
      assigned.body.created.find((r: { teacherId: string }) => r.teacherId === id).id;
    await post('especialista', `/caseloads/${rowOf(b)}/end`, { validTo: `${YEAR}-12-31` });
    // a and b hold a post next year; `gone` does not.
    const ugelRow = await h.db
      .selectFrom('ugel')
      .select(['id', 'region_id'])
      .where('id', '=', ugel)
      .executeTakeFirstOrThrow();
    await h.db
      .insertInto('teacher_post')
      .values(
        [a, b].map((id) => ({
          person_id: id,
          school_id: school.schoolId,
          region_id: ugelRow.region_id,
          ugel_id: ugel,
          school_year: NEXT,
          level: 'B0',
        })),
      )
      .execute();

    for (const role of ['coach', 'docente', 'director', 'formador'] as const) {
      expect((await post(role, `/school-years/${NEXT}/open`)).status, role).toBe(403);
    }
    const far = await post('especialista', `/school-years/${NEXT + 1}/open`);
    expect(far.status).toBe(422);
    expect(far.body.error).toMatchObject({ code: 'YEAR_NOT_NEXT' });
    expect(far.body.error.message).toContain(String(NEXT));

    const opened = await post('especialista', `/school-years/${NEXT}/open`);
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(opened.body.proposed).toBeGreaterThanOrEqual(2);
    const withRules = await h.db
      .selectFrom('target_rule')
      .select('intervention_code')
      .distinct()
      .where('school_year', '=', YEAR)
      .execute();
    for (const { intervention_code } of withRules) {
      const next = await h.db
        .selectFrom('target_rule')
        .select('id')
        .where('intervention_code', '=', intervention_code)
        .where('school_year', '=', NEXT)
        .execute();
      expect(next.length, intervention_code).toBeGreaterThan(0);
    }
    // Opening again proposes nothing new.
    expect((await post('especialista', `/school-years/${NEXT}/open`)).body.proposed).toBe(0);

    const list = await h.client.getJson(
      `/api/v1/caseloads/proposals?year=${NEXT}`,
      h.cookies.especialista,
    );
    expect(list.body.opened).toBe(true);
    const mine = list.body.items.filter((p: { teacher: { id: string } }) =>
      school.teacherIds.includes(p.teacher.id),
    );
    expect(mine.map((p: { teacher: { id: string } }) => p.teacher.id).sort()).toEqual(
      [a, b].sort(),
    );
    for (const p of mine) expect(p.coach.id).toBe(coach.id);
    expect(JSON.stringify(list.body)).not.toContain(h.far.teacherId);
    const proposalOf = (id: string) =>
      mine.find((p: { teacher: { id: string } }) => p.teacher.id === id).id;

    // b's row ended on 31 December: confirming renews it from 1 January with the same coach.
    const confirmed = await post('especialista', '/caseloads/proposals/decide', {
      ids: [proposalOf(b)],
      decision: 'confirm',
    });
    expect(confirmed.body).toEqual({ confirmed: 1, discarded: 0, created: 1, ended: 0 });
    // a's row has no end: discarding it ends it on 31 December.
    const discarded = await post('especialista', '/caseloads/proposals/decide', {
      ids: [proposalOf(a)],
      decision: 'discard',
    });
    expect(discarded.body).toEqual({ confirmed: 0, discarded: 1, created: 0, ended: 1 });
    const rows = await h.db
      .selectFrom('caseload')
      .select(['teacher_id', 'coach_id', 'valid_from', 'valid_to', 'end_reason'])
      .where('teacher_id', 'in', [a, b])
      .orderBy('teacher_id')
      .orderBy('valid_from')
      .execute();
    expect(rows.filter((r) => r.teacher_id === b).map((r) => [r.valid_from, r.valid_to])).toEqual([
      [`${YEAR}-01-01`, `${YEAR}-12-31`],
      [`${NEXT}-01-01`, null],
    ]);
    expect(rows.filter((r) => r.teacher_id === a)).toEqual([
      expect.objectContaining({ valid_to: `${YEAR}-12-31`, end_reason: `No continúa en ${NEXT}` }),
    ]);
    const again = await post('especialista', '/caseloads/proposals/decide', {
      ids: [proposalOf(a)],
      decision: 'confirm',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('PROPOSAL_DECIDED');
  });
});
