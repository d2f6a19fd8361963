import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { LIMA_TODAY } from '../../db/time.ts';
import { testTargets } from '../../test/databases.ts';
import {
  allPages,
  type DemoRole,
  DNI,
  idOf,
  rosterHarness,
  scopeOf,
  sorted,
  YEAR,
} from '../shared/testing.ts';

// GET /caseloads: who coaches whom, visible per the policy's `caseload` kind.

interface Row {
  id: string;
  coach: { id: string };
  teacher: { id: string } | null;
  masked: boolean;
  schools: unknown[];
  current: boolean;
}

const ACTIVE = sql`c.valid_from <= ${LIMA_TODAY} AND (c.valid_to IS NULL OR c.valid_to >= ${LIMA_TODAY})`;

describe.each(testTargets())('caseloads on $engine', (target) => {
  const h = rosterHarness(target);

  const rows = async (role: DemoRole, query = '') =>
    (await allPages<Row>(h.client, `/api/v1/caseloads${query}`, h.cookies[role], 9)).items;
  const dbIds = async (condition: ReturnType<typeof sql>) =>
    sorted(
      (
        await sql<{ id: string }>`SELECT c.id FROM caseload c WHERE ${condition}`.execute(h.db)
      ).rows.map((r) => r.id),
    );
  const ids = (list: Row[]) => sorted(list.map((r) => r.id));

  it('shows the coach the rows of the teachers they coach now, history included', async () => {
    const me = await idOf(h.db, DNI.coach);
    const mineNow = sql`EXISTS (SELECT 1 FROM caseload c2 WHERE c2.teacher_id = c.teacher_id AND c2.coach_id = ${me} AND c2.valid_from <= ${LIMA_TODAY} AND (c2.valid_to IS NULL OR c2.valid_to >= ${LIMA_TODAY}))`;
    const current = await rows('coach');
    expect(ids(current)).toEqual(await dbIds(sql`${mineNow} AND ${ACTIVE}`));
    expect(current.every((r) => !r.masked && r.teacher !== null && r.current)).toBe(true);
    expect(ids(await rows('coach', '?status=all'))).toEqual(await dbIds(mineNow));
    expect(ids(await rows('coach', '?status=ended'))).toEqual(
      await dbIds(sql`${mineNow} AND c.valid_to < ${LIMA_TODAY}`),
    );
  });

  it('lists a coach’s caseload by the teachers’ surnames (issue 12.15)', async () => {
    const me = await idOf(h.db, DNI.coach);
    const current = await rows('coach', `?coach=${me}`);
    expect(current.length).toBeGreaterThan(2);
    const teacherIds = current.map((r) => r.teacher?.id ?? '');
    const bySurname = await sql<{ id: string }>`
      SELECT p.id FROM person p WHERE p.id IN (${sql.join(teacherIds)})
      ORDER BY lower(p.paternal_surname || ' ' || coalesce(p.maternal_surname, '') || ' ' || p.given_names), p.id`.execute(
      h.db,
    );
    expect(teacherIds).toEqual(bySurname.rows.map((r) => r.id));
  });

  it('shows the docente who coaches them, and nobody else’s coach', async () => {
    const me = await idOf(h.db, DNI.docente);
    const mine = await rows('docente', '?status=all');
    expect(ids(mine)).toEqual(await dbIds(sql`c.teacher_id = ${me}`));
    expect(mine.length).toBeGreaterThan(0);
  });

  it('shows the director the rows of their school’s teachers', async () => {
    const school = await scopeOf(h.db, DNI.director, 'director');
    const listed = await rows('director');
    expect(ids(listed)).toEqual(
      await dbIds(
        sql`${ACTIVE} AND EXISTS (SELECT 1 FROM teacher_post tp WHERE tp.person_id = c.teacher_id AND tp.school_id = ${school} AND tp.school_year = ${YEAR})`,
      ),
    );
  });

  it('shows the especialista their UGEL and MINEDU everything', async () => {
    const ugel = await scopeOf(h.db, DNI.especialista, 'especialista');
    const listed = await rows('especialista', '?status=all');
    const expected = await dbIds(sql`c.ugel_id = ${ugel}`);
    for (const id of expected) expect(ids(listed)).toContain(id);
    expect(listed.some((r) => r.teacher?.id === h.far.teacherId)).toBe(false);
    const national = await rows('minedu', `?ugel=${h.far.ugelId}&status=all`);
    expect(national).toHaveLength(2);
    expect(national.map((r) => r.coach.id).sort()).toEqual(
      sorted([h.far.coachId, h.far.oldCoachId]),
    );
  });

  it('shows the formador the rows of the coaches they train, always masked', async () => {
    const me = await idOf(h.db, DNI.formador);
    const listed = await rows('formador');
    const expected = await dbIds(
      sql`${ACTIVE} AND EXISTS (SELECT 1 FROM caseload c2 JOIN coach_training ct ON ct.coach_id = c2.coach_id WHERE c2.teacher_id = c.teacher_id AND ct.formador_id = ${me} AND c2.valid_from <= ${LIMA_TODAY} AND (c2.valid_to IS NULL OR c2.valid_to >= ${LIMA_TODAY}) AND ct.valid_from <= ${LIMA_TODAY} AND (ct.valid_to IS NULL OR ct.valid_to >= ${LIMA_TODAY}))`,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(listed)).toEqual(expected);
    for (const r of listed) expect(r).toMatchObject({ teacher: null, schools: [], masked: true });
    // Searching or filtering by the teacher would reveal who is behind a masked row.
    const docente = await h.db
      .selectFrom('person')
      .select(['id', 'paternal_surname'])
      .where('dni', '=', DNI.docente)
      .executeTakeFirstOrThrow();
    expect(await rows('formador', `?q=${encodeURIComponent(docente.paternal_surname)}`)).toEqual(
      [],
    );
    expect(await rows('formador', `?teacher=${docente.id}`)).toEqual([]);
    expect(
      await rows('formador', `?school=${await scopeOf(h.db, DNI.docente, 'docente')}`),
    ).toEqual([]);
    const coach = await h.db
      .selectFrom('person')
      .select(['id', 'paternal_surname'])
      .where('dni', '=', DNI.coach)
      .executeTakeFirstOrThrow();
    const byCoach = await rows('formador', `?q=${encodeURIComponent(coach.paternal_surname)}`);
    expect(byCoach.length).toBeGreaterThan(0);
    expect(byCoach.every((r) => r.coach.id === coach.id)).toBe(true);
  });

  it('filters by coach, teacher, school and intervention', async () => {
    expect((await rows('minedu', `?coach=${h.far.coachId}`)).map((r) => r.teacher?.id)).toEqual([
      h.far.teacherId,
    ]);
    expect(await rows('minedu', `?teacher=${h.far.teacherId}&status=ended`)).toEqual([
      expect.objectContaining({
        coach: expect.objectContaining({ id: h.far.oldCoachId }),
        current: false,
      }),
    ]);
    expect((await rows('minedu', `?school=${h.far.schoolId}`)).map((r) => r.teacher?.id)).toEqual([
      h.far.teacherId,
    ]);
    const spi = await rows('minedu', '?intervention=SPI');
    expect(ids(spi)).toEqual(await dbIds(sql`${ACTIVE} AND c.intervention_code = 'SPI'`));
    const bad = await h.client.getJson('/api/v1/caseloads?status=vigente', h.cookies.minedu);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'Revisa el campo «estado»: Usa uno de estos valores: current, ended, all.',
    );
  });
});
