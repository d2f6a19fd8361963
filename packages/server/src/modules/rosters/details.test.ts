import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testTargets } from '../../test/databases.ts';
import {
  addAccount,
  type DemoRole,
  DNI,
  idOf,
  rosterHarness,
  scopeOf,
  sorted,
  YEAR,
} from '../shared/testing.ts';

// Detail pages of teachers and schools: visible exactly when the policy says (404 otherwise,
// 403 when the role may not see the kind at all), with posts, coaches and coach history.

const NOWHERE = '00000000-0000-4000-8000-000000000000';

describe.each(testTargets())('teacher and school details on $engine', (target) => {
  const h = rosterHarness(target, async (db, far) => {
    await addAccount(db, far.oldCoachId, 'acompanante', { level: 'ugel', id: far.ugelId });
    await addAccount(db, far.coachId, 'acompanante', { level: 'ugel', id: far.ugelId });
  });

  const teacher = (role: DemoRole | string, id: string) =>
    h.client.getJson(
      `/api/v1/teachers/${id}`,
      role in h.cookies ? h.cookies[role as DemoRole] : role,
    );
  const school = (role: DemoRole, id: string) =>
    h.client.getJson(`/api/v1/schools/${id}`, h.cookies[role]);

  /** A teacher of the demo coach, and a teacher of the same UGEL at another school. */
  async function demoTeachers() {
    const coach = await idOf(h.db, DNI.coach);
    const directorSchool = await scopeOf(h.db, DNI.director, 'director');
    const ugel = await scopeOf(h.db, DNI.especialista, 'especialista');
    const coached = await h.db
      .selectFrom('caseload')
      .select('teacher_id')
      .where('coach_id', '=', coach)
      .where('valid_to', 'is', null)
      .orderBy('teacher_id')
      .executeTakeFirstOrThrow();
    const elsewhere = await h.db
      .selectFrom('teacher_post as tp')
      .select('tp.person_id')
      .where('tp.school_year', '=', YEAR)
      .where('tp.ugel_id', '=', ugel)
      .where('tp.school_id', '<>', directorSchool)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('caseload as c')
              .select('c.id')
              .whereRef('c.teacher_id', '=', 'tp.person_id')
              .where('c.coach_id', '=', coach),
          ),
        ),
      )
      .orderBy('tp.person_id')
      .executeTakeFirstOrThrow();
    return { coached: coached.teacher_id, elsewhere: elsewhere.person_id };
  }

  it('shows the docente their own file and no one else’s', async () => {
    const me = await idOf(h.db, DNI.docente);
    const own = await teacher('docente', me);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: me, dni: DNI.docente });
    expect(own.body.posts.some((p: { schoolYear: number }) => p.schoolYear === YEAR)).toBe(true);
    const { elsewhere } = await demoTeachers();
    expect((await teacher('docente', elsewhere)).status).toBe(404);
  });

  it('opens a teacher to their coach, director and supervisors; refuses the formador', async () => {
    const { coached, elsewhere } = await demoTeachers();
    expect((await teacher('coach', coached)).status).toBe(200);
    expect((await teacher('coach', elsewhere)).status).toBe(404);
    expect((await teacher('especialista', elsewhere)).status).toBe(200);
    expect((await teacher('especialista', h.far.teacherId)).status).toBe(404);
    expect((await teacher('minedu', h.far.teacherId)).status).toBe(200);
    expect((await teacher('director', elsewhere)).status).toBe(404);
    const denied = await teacher('formador', coached);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('FORBIDDEN');
  });

  it('answers 404 for unknown ids and non-teachers, 400 for malformed ones', async () => {
    expect((await teacher('minedu', NOWHERE)).status).toBe(404);
    expect((await teacher('minedu', await idOf(h.db, DNI.especialista))).status).toBe(404);
    const bad = await teacher('minedu', 'not-an-id');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'Revisa el campo «identificador»: Debe ser un identificador válido.',
    );
    expect((await school('minedu', NOWHERE)).status).toBe(404);
  });

  it('shows the caseload history and the change of coach, with dates', async () => {
    const { body } = await teacher('minedu', h.far.teacherId);
    expect(body.posts).toEqual([
      expect.objectContaining({
        schoolYear: YEAR,
        actingDirector: true,
        grades: [1, 2, 3, 4, 5, 6],
      }),
    ]);
    expect(body.caseloads).toEqual([
      expect.objectContaining({
        coach: expect.objectContaining({ id: h.far.coachId }),
        validFrom: `${YEAR}-01-01`,
        validTo: null,
        current: true,
      }),
      expect.objectContaining({
        coach: expect.objectContaining({ id: h.far.oldCoachId }),
        validFrom: `${YEAR - 1}-03-01`,
        validTo: `${YEAR - 1}-12-31`,
        current: false,
      }),
    ]);
    expect(body.coachChanges).toEqual([
      {
        intervention: 'MULTIGRADO',
        specialty: null,
        date: `${YEAR}-01-01`,
        from: expect.objectContaining({ id: h.far.oldCoachId }),
        to: expect.objectContaining({ id: h.far.coachId }),
      },
    ]);
  });

  it('follows the current coach: the new coach sees the history, the previous one nothing', async () => {
    const newCoach = await h.client.login(
      (
        await h.db
          .selectFrom('person')
          .select('dni')
          .where('id', '=', h.far.coachId)
          .executeTakeFirstOrThrow()
      ).dni,
    );
    const oldCoach = await h.client.login(
      (
        await h.db
          .selectFrom('person')
          .select('dni')
          .where('id', '=', h.far.oldCoachId)
          .executeTakeFirstOrThrow()
      ).dni,
    );
    const seen = await teacher(newCoach, h.far.teacherId);
    expect(seen.status).toBe(200);
    expect(seen.body.caseloads).toHaveLength(2);
    expect((await teacher(oldCoach, h.far.teacherId)).status).toBe(404);
  });

  it('shows a school with its padrón fields, enrollments and derived programme year', async () => {
    const id = await scopeOf(h.db, DNI.director, 'director');
    const { status, body } = await school('director', id);
    expect(status).toBe(200);
    const row = await h.db
      .selectFrom('school')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(body).toMatchObject({
      id,
      codigoModular: row.codigo_modular,
      anexo: row.anexo,
      name: row.name,
      level: row.level,
      characteristic: row.characteristic,
      area: row.area,
      ubigeo: row.ubigeo,
      active: row.active,
      schoolYear: YEAR,
    });
    const enrollments = await h.db
      .selectFrom('enrollment')
      .selectAll()
      .where('school_id', '=', id)
      .execute();
    expect(body.enrollments).toHaveLength(enrollments.length);
    for (const e of enrollments) {
      const shown = body.enrollments.find((x: { id: string }) => x.id === e.id);
      const running = e.status === 'activa' || e.status === 'permanece';
      expect(shown.programmeYear).toBe(running ? YEAR - e.cohort_start_year + 1 : null);
    }
    expect(body.directors).toContainEqual(
      expect.objectContaining({ id: await idOf(h.db, DNI.director), acting: false }),
    );
  });

  it('lists the school’s teachers and coaches as each role may see them', async () => {
    const id = await scopeOf(h.db, DNI.director, 'director');
    const posted = sorted(
      (
        await h.db
          .selectFrom('teacher_post')
          .select('person_id')
          .where('school_id', '=', id)
          .where('school_year', '=', YEAR)
          .execute()
      ).map((p) => p.person_id),
    );
    const network = (
      await h.db
        .selectFrom('school')
        .select('network_id')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).network_id;
    const viaCaseload = await h.db
      .selectFrom('caseload')
      .select('coach_id')
      .where('teacher_id', 'in', posted)
      .where('valid_to', 'is', null)
      .execute();
    const viaTeam = network
      ? await h.db
          .selectFrom('network_team')
          .select('coach_id')
          .where('network_id', '=', network)
          .where('school_year', '=', YEAR)
          .execute()
      : [];
    const coaches = sorted(new Set([...viaCaseload, ...viaTeam].map((c) => c.coach_id)));
    expect(coaches.length).toBeGreaterThan(0);
    const byDirector = (await school('director', id)).body;
    expect(sorted(byDirector.teachers.map((t: { id: string }) => t.id))).toEqual(posted);
    expect(sorted(byDirector.coaches.map((c: { id: string }) => c.id))).toEqual(coaches);

    const byDocente = (await school('docente', id)).body;
    expect(byDocente.teachers.map((t: { id: string }) => t.id)).toEqual([
      await idOf(h.db, DNI.docente),
    ]);
    expect(byDocente.coaches).toBeNull();

    // The formador sees the school, never its teachers, and of the coaches they train only
    // what is public: their network team. Where a coach's caseload lies is caseload data,
    // masked for the formador (as /caseloads and /coaches/{id} do): no coach is listed here
    // for their caseload, and no count of teachers here is given.
    const byFormador = (await school('formador', id)).body;
    expect(byFormador.teachers).toBeNull();
    const trained = sorted(
      (
        await h.db
          .selectFrom('coach_training')
          .select('coach_id')
          .where('formador_id', '=', await idOf(h.db, DNI.formador))
          .where('valid_to', 'is', null)
          .execute()
      ).map((t) => t.coach_id),
    );
    const team = new Set(viaTeam.map((c) => c.coach_id));
    const trainedByCaseloadOnly = viaCaseload
      .map((c) => c.coach_id)
      .filter((c) => trained.includes(c) && !team.has(c));
    expect(trainedByCaseloadOnly.length, 'a trained coach works here by caseload').toBeGreaterThan(
      0,
    );
    expect(sorted(byFormador.coaches.map((c: { id: string }) => c.id))).toEqual(
      coaches.filter((c) => trained.includes(c) && team.has(c)),
    );
    for (const c of byFormador.coaches)
      expect(c).toMatchObject({ teachersHere: null, networkTeam: true });
    // Others who may see caseloads get the counts.
    expect(byDirector.coaches.some((c: { teachersHere: number }) => c.teachersHere > 0)).toBe(true);

    expect((await school('especialista', h.far.schoolId)).status).toBe(404);
    const other = await h.db
      .selectFrom('school')
      .select('id')
      .where('id', '<>', id)
      .where('ugel_id', '=', await scopeOf(h.db, DNI.especialista, 'especialista'))
      .executeTakeFirstOrThrow();
    expect((await school('director', other.id)).status).toBe(404);
    expect((await school('especialista', other.id)).status).toBe(200);
  });

  it('shows the formador a coach they train in a school’s network team, without counts', async () => {
    const { rows } = await sql<{ school_id: string; coach_id: string }>`
      SELECT s.id AS school_id, nt.coach_id FROM network_team nt
        JOIN school s ON s.network_id = nt.network_id
       WHERE nt.school_year = ${YEAR} ORDER BY s.id, nt.coach_id LIMIT 1`.execute(h.db);
    const row = rows[0];
    if (!row) throw new Error('the demo has no network team');
    // The formador trains this ASPI from today (removed afterwards: other tests count them).
    const training = await h.db
      .insertInto('coach_training')
      .values({
        formador_id: await idOf(h.db, DNI.formador),
        coach_id: row.coach_id,
        valid_from: `${YEAR}-01-01`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    try {
      const byFormador = (await school('formador', row.school_id)).body;
      expect(byFormador.coaches).toContainEqual(
        expect.objectContaining({ id: row.coach_id, teachersHere: null, networkTeam: true }),
      );
      const byMinedu = (await school('minedu', row.school_id)).body;
      expect(byMinedu.coaches).toContainEqual(
        expect.objectContaining({ id: row.coach_id, teachersHere: expect.any(Number) }),
      );
    } finally {
      await h.db.deleteFrom('coach_training').where('id', '=', training.id).execute();
    }
  });

  it('names the acting director of a unidocente school only to those who may see teachers', async () => {
    const byMinedu = (await school('minedu', h.far.schoolId)).body;
    expect(byMinedu.directors).toEqual([
      expect.objectContaining({ id: h.far.teacherId, acting: true }),
    ]);
    expect(byMinedu.network).toEqual(expect.objectContaining({ id: h.far.networkId }));
  });
});
