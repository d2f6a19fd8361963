import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { LIMA_TODAY } from '../../db/time.ts';
import { testTargets } from '../../test/databases.ts';
import { type DemoRole, DNI, rosterHarness, scopeOf, sorted, YEAR } from '../shared/testing.ts';

// GET /rosters/warnings: teachers without coach, coaches above range, changes of coach —
// for supervisors, within their scope.

const ACTIVE = (a: string) =>
  sql`${sql.ref(`${a}.valid_from`)} <= ${LIMA_TODAY} AND (${sql.ref(`${a}.valid_to`)} IS NULL OR ${sql.ref(`${a}.valid_to`)} >= ${LIMA_TODAY})`;

describe.each(testTargets())('roster warnings on $engine', (target) => {
  const h = rosterHarness(target);

  const warnings = (role: DemoRole, query = '?limit=200') =>
    h.client.getJson(`/api/v1/rosters/warnings${query}`, h.cookies[role]);

  async function withoutCoachIn(condition: ReturnType<typeof sql>) {
    const rows = await sql<{ id: string }>`
      SELECT DISTINCT tp.person_id AS id FROM teacher_post tp JOIN school s ON s.id = tp.school_id
       WHERE tp.school_year = ${YEAR} AND ${condition}
         AND EXISTS (SELECT 1 FROM enrollment e WHERE e.school_id = tp.school_id AND e.status IN ('activa', 'permanece') AND e.cohort_start_year <= ${YEAR})
         AND NOT EXISTS (SELECT 1 FROM caseload c WHERE c.teacher_id = tp.person_id AND ${ACTIVE('c')})`.execute(
      h.db,
    );
    return sorted(rows.rows.map((r) => r.id));
  }

  it('lists the UGEL’s teachers without coach, coaches above range and coach changes', async () => {
    const ugel = await scopeOf(h.db, DNI.especialista, 'especialista');
    const { status, body } = await warnings('especialista');
    expect(status).toBe(200);
    expect(body.range).toEqual({ min: 8, max: 15 });
    expect(body.since).toBe(`${YEAR - 1}-01-01`);

    const expected = await withoutCoachIn(sql`tp.ugel_id = ${ugel}`);
    expect(body.withoutCoach.count).toBe(expected.length);
    expect(
      sorted(body.withoutCoach.items.map((i: { teacher: { id: string } }) => i.teacher.id)),
    ).toEqual(expected);
    for (const item of body.withoutCoach.items)
      expect(item.interventions.length).toBeGreaterThan(0);

    const above = await sql<{ id: string }>`
      SELECT p.person_id AS id FROM coach_profile p
       WHERE (SELECT count(DISTINCT c.teacher_id) FROM caseload c WHERE c.coach_id = p.person_id AND ${ACTIVE('c')}) > coalesce(p.max_caseload, 15)
         AND EXISTS (SELECT 1 FROM caseload c WHERE c.coach_id = p.person_id AND c.ugel_id = ${ugel} AND ${ACTIVE('c')})`.execute(
      h.db,
    );
    expect(sorted(body.aboveRange.items.map((i: { coach: { id: string } }) => i.coach.id))).toEqual(
      sorted(above.rows.map((r) => r.id)),
    );
    for (const item of body.aboveRange.items)
      expect(item.caseloadSize).toBeGreaterThan(item.caseloadMax);

    // Nothing from the h.far territory.
    const all = JSON.stringify(body);
    expect(all).not.toContain(h.far.teacherId);
    expect(all).not.toContain(h.far.coachId);
  });

  it('reports a change of coach with both coaches and the date, from the requested date', async () => {
    const { body } = await warnings('minedu');
    const change = body.coachChanges.items.find(
      (c: { teacher: { id: string } }) => c.teacher.id === h.far.teacherId,
    );
    expect(change).toMatchObject({
      intervention: 'MULTIGRADO',
      date: `${YEAR}-01-01`,
      from: { id: h.far.oldCoachId },
      to: { id: h.far.coachId },
    });
    const later = await warnings('minedu', `?since=${YEAR}-01-02`);
    expect(
      later.body.coachChanges.items.map((c: { teacher: { id: string } }) => c.teacher.id),
    ).not.toContain(h.far.teacherId);
    // Every change listed really is one: an ended row of another coach right before it.
    for (const c of body.coachChanges.items) {
      expect(c.from.id).not.toBe(c.to.id);
      expect(c.date >= body.since).toBe(true);
    }
    expect(body.coachChanges.count).toBeGreaterThanOrEqual(body.coachChanges.items.length);
    const bad = await warnings('minedu', '?since=ayer');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'Revisa el campo «desde»: La fecha debe tener el formato AAAA-MM-DD.',
    );
  });

  it('shows the director the warnings of their school only', async () => {
    const school = await scopeOf(h.db, DNI.director, 'director');
    const teacher = await h.db
      .selectFrom('teacher_post')
      .select('person_id')
      .where('school_id', '=', school)
      .where('school_year', '=', YEAR)
      .orderBy('person_id')
      .executeTakeFirstOrThrow();
    await h.db
      .updateTable('caseload')
      .set({ valid_to: `${YEAR - 1}-12-31` })
      .where('teacher_id', '=', teacher.person_id)
      .where('valid_to', 'is', null)
      .execute();
    const { status, body } = await warnings('director');
    expect(status).toBe(200);
    const expected = await withoutCoachIn(sql`tp.school_id = ${school}`);
    expect(expected).toContain(teacher.person_id);
    expect(
      sorted(body.withoutCoach.items.map((i: { teacher: { id: string } }) => i.teacher.id)),
    ).toEqual(expected);
    expect(body.withoutCoach.count).toBe(expected.length);
  });

  it('caps the items but not the counts', async () => {
    const { body } = await warnings('minedu', '?limit=1');
    expect(body.withoutCoach.items.length).toBeLessThanOrEqual(1);
    const total = await withoutCoachIn(sql`true`);
    expect(body.withoutCoach.count).toBe(total.length);
  });

  it('refuses warnings to coaches, teachers and formadores', async () => {
    for (const role of ['coach', 'docente', 'formador'] as const) {
      const { status, body } = await warnings(role);
      expect(status, role).toBe(403);
      expect(body.error.code).toBe('FORBIDDEN');
    }
  });
});
