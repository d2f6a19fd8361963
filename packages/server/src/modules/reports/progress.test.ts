import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { testTargets } from '../../test/databases.ts';
import { rosterHarness, YEAR } from '../shared/testing.ts';
import { rebuildCells, refreshComplex } from './cells.ts';
import { addReportFixture, type ReportFixture } from './testing.ts';

// GET /reports/progress against hand-computed figures, on PGlite and PostgreSQL. The rubric
// levels and stages are written straight into their read models, then the cells summed from them
// (how those are maintained from the field records is maintain.property.slow.test.ts's job). On the report fixture's UGEL:
//   A1–A6 (school A): D1 at level I in March; in May D1 II for A1–A3 and I for A4–A6, and D2 at
//   III for A1–A5. Stages decided in April: A6 «inicio», the others «proceso»; A1 «logro» in May.
//   B1–B4 (school B): D1 at II in May (4 teachers: B says nothing). X (school C): D1 at IV in May.

// biome-ignore lint/suspicious/noExplicitAny: answers are asserted field by field
type Json = any;

describe.each(testTargets())('progress report on $engine', (target) => {
  const h = rosterHarness(target);
  let f: ReportFixture;
  const tag = target.engine === 'pglite' ? '03' : '04';
  const get = async (path: string, who: keyof typeof h.cookies = 'minedu') =>
    h.client.getJson(`/api/v1/reports/${path}`, h.cookies[who]);

  beforeAll(async () => {
    f = await addReportFixture(h.db, tag);
    const level = (n: string, month: number, d: string, l: number) =>
      sql`INSERT INTO report_teacher_level (school_year, month, teacher_id, desempeno, level)
          VALUES (${YEAR}, ${month}, ${f.teachers[n]}, ${d}, ${l})`.execute(h.db);
    const stage = (n: string, month: number, s: string) =>
      sql`INSERT INTO report_teacher_stage (school_year, month, teacher_id, stage)
          VALUES (${YEAR}, ${month}, ${f.teachers[n]}, ${s})`.execute(h.db);
    for (const n of ['A1', 'A2', 'A3', 'A4', 'A5', 'A6']) await level(n, 3, 'D1', 1);
    for (const n of ['A1', 'A2', 'A3']) await level(n, 5, 'D1', 2);
    for (const n of ['A4', 'A5', 'A6']) await level(n, 5, 'D1', 1);
    for (const n of ['A1', 'A2', 'A3', 'A4', 'A5']) await level(n, 5, 'D2', 3);
    for (const n of ['B1', 'B2', 'B3', 'B4']) await level(n, 5, 'D1', 2);
    await level('X', 5, 'D1', 4);
    for (const n of ['A1', 'A2', 'A3', 'A4', 'A5']) await stage(n, 4, 'proceso');
    await stage('A6', 4, 'inicio');
    await stage('A1', 5, 'logro');
    // The cells are summed from those read models (as the refresher does after it writes them).
    await refreshComplex(h.db, null);
    await rebuildCells(h.db);
  });

  it('a UGEL in May: shares at I–IV by desempeño and month, stages and movement', async () => {
    const { status, body } = await get(`progress?scope=ugel:${f.ugelId}&month=5`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ report: 'progress', month: 5, by: 'school' });
    expect(body.total).toMatchObject({ suppressed: false, teachers: 11 });
    expect(body.total.desempenos).toEqual([
      {
        code: 'D1',
        name: 'D1',
        months: [
          { month: 3, n: 6, share: [1, 0, 0, 0] },
          // 3 at I (A4–A6), 7 at II (A1–A3, B1–B4), 1 at IV (X).
          { month: 5, n: 11, share: [0.273, 0.636, 0, 0.091] },
        ],
      },
      { code: 'D2', name: 'D2', months: [{ month: 5, n: 5, share: [0, 0, 1, 0] }] },
    ]);
    expect(body.total.stages).toEqual([
      { stage: 'inicio', teachers: 1 },
      { stage: 'logro', teachers: 1 },
      { stage: 'proceso', teachers: 4 },
    ]);
    // A1–A5 went up (mean I → II or higher), A6 stayed at I; the others have one month only.
    expect(body.total.movement).toEqual({ up: 5, same: 1, down: 0 });
    const byId = new Map<string, Json>(body.rows.map((r: Json) => [r.id, r]));
    expect(byId.get(f.schools.A)).toMatchObject({ suppressed: false, teachers: 6 });
    expect(byId.get(f.schools.A).movement).toEqual({ up: 5, same: 1, down: 0 });
    // B (4 teachers with levels) and C (X alone) say nothing at all.
    for (const s of [f.schools.B, f.schools.C]) {
      expect(byId.get(s)).toMatchObject({
        suppressed: true,
        teachers: null,
        movement: { up: null, same: null, down: null },
      });
    }
    // Levels and stages are the whole scope's: a row's are on the page it drills to.
    for (const row of body.rows) expect(Object.keys(row)).not.toContain('desempenos');
  });

  it('drilled to school A: its own levels and stages as the total, and no rows', async () => {
    const { status, body } = await get(`progress?scope=school:${f.schools.A}&month=5`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ by: null, rows: [] });
    expect(body.total).toMatchObject({ suppressed: false, teachers: 6 });
    expect(body.total.desempenos).toEqual([
      {
        code: 'D1',
        name: 'D1',
        months: [
          { month: 3, n: 6, share: [1, 0, 0, 0] },
          { month: 5, n: 6, share: [0.5, 0.5, 0, 0] },
        ],
      },
      { code: 'D2', name: 'D2', months: [{ month: 5, n: 5, share: [0, 0, 1, 0] }] },
    ]);
    expect(body.total.stages).toEqual([
      { stage: 'inicio', teachers: 1 },
      { stage: 'logro', teachers: 1 },
      { stage: 'proceso', teachers: 4 },
    ]);
  });

  it('downloads the same rows and total as CSV, "< 5" where suppressed', async () => {
    const res = await h.client.request(
      `/api/v1/reports/progress.csv?scope=ugel:${f.ugelId}&month=5`,
      { headers: { cookie: h.cookies.minedu } },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/progreso-\d{4}-ugel-/);
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Nombre,Docentes con niveles,Suben,Se mantienen,Bajan');
    expect(lines).toEqual([
      lines[0],
      'IE A,6,5,1,0',
      'IE B,< 5,< 5,< 5,< 5',
      'IE C,< 5,< 5,< 5,< 5',
      `Total UGEL reportes ${tag},11,5,1,0`,
    ]);
  });

  it('April: only what was known by April; a month of fewer than 5 levels is left out', async () => {
    const { body } = await get(`progress?scope=ugel:${f.ugelId}&month=4`);
    expect(body.total.teachers).toBe(6);
    expect(body.total.desempenos).toEqual([
      { code: 'D1', name: 'D1', months: [{ month: 3, n: 6, share: [1, 0, 0, 0] }] },
    ]);
    // One observed month: nobody has moved yet (and fewer than 5 would say nothing anyway).
    expect(body.total.movement).toEqual({ up: null, same: null, down: null });
  });

  it('never by coach and never for one coach: formative data (REPORT_BY_INVALID)', async () => {
    const byCoach = await get(`progress?scope=ugel:${f.ugelId}&by=coach`);
    expect(byCoach.status).toBe(400);
    expect(byCoach.body.error.code).toBe('REPORT_BY_INVALID');
    const oneCoach = await get(`progress?scope=coach:${f.coaches.C1}`);
    expect(oneCoach.status).toBe(400);
    expect(oneCoach.body.error.code).toBe('REPORT_BY_INVALID');
  });

  it('the lone teacher of school C cannot be singled out by a filter or a difference', async () => {
    // Inicial = school C alone: X's level would be the whole answer.
    const inicial = await get(`progress?scope=ugel:${f.ugelId}&month=5&level=inicial`);
    expect(inicial.body.total).toMatchObject({ suppressed: true, teachers: null, desempenos: [] });
    // School C's own scope: one teacher, nothing said.
    const school = await get(`progress?scope=school:${f.schools.C}&month=5`);
    expect(school.body.total).toMatchObject({ suppressed: true, desempenos: [] });
    // Primaria (A and B, 10 teachers) differs from the UGEL by X alone: suppressed as well.
    const primaria = await get(`progress?scope=ugel:${f.ugelId}&month=5&level=primaria`);
    expect(primaria.body.total).toMatchObject({ suppressed: true, desempenos: [] });
  });

  it('who may read it: not the coach (their own teachers are in «Mi avance»), not outside reach', async () => {
    expect((await get(`progress?scope=ugel:${f.ugelId}`, 'coach')).status).toBe(403);
    expect((await get(`progress?scope=ugel:${f.ugelId}`, 'docente')).status).toBe(403);
    expect((await get(`progress?scope=ugel:${f.ugelId}`, 'formador')).status).toBe(403);
    expect((await get(`progress?scope=ugel:${f.ugelId}`, 'especialista')).status).toBe(403);
    expect((await get('progress', 'especialista')).body.scope.level).toBe('ugel');
  });
});
