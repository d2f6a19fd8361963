import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '../../db/schema.ts';
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

// Who sees which teachers and schools (privacy policy, enforced in SQL and again per row), the
// filters and the paging of both lists. Expected sets come from the database, never from
// demo counts.

async function ids(db: Kysely<DB>, query: ReturnType<typeof sql<{ id: string }>>) {
  return sorted((await query.execute(db)).rows.map((r) => r.id));
}

describe.each(testTargets())('teacher and school lists on $engine', (target) => {
  const h = rosterHarness(target);

  const teacherIds = async (role: DemoRole, query = '') =>
    sorted(
      (
        await allPages<{ id: string }>(h.client, `/api/v1/teachers${query}`, h.cookies[role])
      ).items.map((t) => t.id),
    );
  const schoolIds = async (role: DemoRole, query = '') =>
    sorted(
      (
        await allPages<{ id: string }>(h.client, `/api/v1/schools${query}`, h.cookies[role])
      ).items.map((s) => s.id),
    );

  const postedThisYear = (condition: ReturnType<typeof sql>) =>
    ids(
      h.db,
      sql<{
        id: string;
      }>`SELECT DISTINCT tp.person_id AS id FROM teacher_post tp JOIN school s ON s.id = tp.school_id WHERE tp.school_year = ${YEAR} AND ${condition}`,
    );

  it('shows the docente only themself', async () => {
    const { status, body } = await h.client.getJson('/api/v1/teachers', h.cookies.docente);
    expect(status).toBe(200);
    expect(body.items.map((t: { dni: string }) => t.dni)).toEqual([DNI.docente]);
  });

  it('shows the coach exactly the teachers of their current caseload rows', async () => {
    const coach = await idOf(h.db, DNI.coach);
    const expected = await postedThisYear(
      sql`EXISTS (SELECT 1 FROM caseload c WHERE c.teacher_id = tp.person_id AND c.coach_id = ${coach} AND c.valid_from <= ${LIMA_TODAY} AND (c.valid_to IS NULL OR c.valid_to >= ${LIMA_TODAY}))`,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(await teacherIds('coach')).toEqual(expected);
  });

  it('shows the director the teachers of their school only', async () => {
    const school = await scopeOf(h.db, DNI.director, 'director');
    expect(await teacherIds('director')).toEqual(
      await postedThisYear(sql`tp.school_id = ${school}`),
    );
  });

  it('shows the especialista their UGEL and MINEDU the whole country', async () => {
    const ugel = await scopeOf(h.db, DNI.especialista, 'especialista');
    const inUgel = await teacherIds('especialista');
    expect(inUgel).toEqual(await postedThisYear(sql`tp.ugel_id = ${ugel}`));
    expect(inUgel).not.toContain(h.far.teacherId);
    const national = await teacherIds('minedu');
    expect(national).toEqual(await postedThisYear(sql`true`));
    expect(national).toContain(h.far.teacherId);
  });

  it('refuses the teacher roster to the formador (identities are masked for them)', async () => {
    const { status, body } = await h.client.getJson('/api/v1/teachers', h.cookies.formador);
    expect(status).toBe(403);
    expect(body.error.code).toBe('FORBIDDEN');
  });

  it('shows each teacher with the coaches the asker may see', async () => {
    const { body } = await h.client.getJson('/api/v1/teachers?limit=200', h.cookies.especialista);
    const coach = await idOf(h.db, DNI.coach);
    const coached = body.items.filter((t: { coaches: { id: string }[] }) =>
      t.coaches.some((c) => c.id === coach),
    );
    expect(coached.length).toBeGreaterThan(0);
    const mine = await h.client.getJson('/api/v1/teachers', h.cookies.docente);
    expect(mine.body.items[0].coaches.length).toBeGreaterThan(0);
  });

  it('filters teachers by school, network, UGEL, intervention and coach coverage', async () => {
    const ugel = await scopeOf(h.db, DNI.especialista, 'especialista');
    const school = await scopeOf(h.db, DNI.director, 'director');
    expect(await teacherIds('especialista', `?school=${school}`)).toEqual(
      await postedThisYear(sql`tp.school_id = ${school}`),
    );
    const network = await h.db
      .selectFrom('network')
      .select('id')
      .where('ugel_id', '=', ugel)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const inNetwork = await teacherIds('especialista', `?network=${network.id}`);
    expect(inNetwork.length).toBeGreaterThan(0);
    expect(inNetwork).toEqual(await postedThisYear(sql`s.network_id = ${network.id}`));
    expect(await teacherIds('minedu', `?ugel=${h.far.ugelId}`)).toEqual([h.far.teacherId]);

    const enrolled = (code: string) =>
      postedThisYear(
        sql`tp.ugel_id = ${ugel} AND EXISTS (SELECT 1 FROM enrollment e WHERE e.school_id = tp.school_id AND e.intervention_code = ${code} AND e.status IN ('activa', 'permanece') AND e.cohort_start_year <= ${YEAR})`,
      );
    expect(await teacherIds('especialista', '?intervention=MULTIGRADO')).toEqual(
      await enrolled('MULTIGRADO'),
    );
    const noCoach = sql`NOT EXISTS (SELECT 1 FROM caseload c WHERE c.teacher_id = tp.person_id AND c.valid_from <= ${LIMA_TODAY} AND (c.valid_to IS NULL OR c.valid_to >= ${LIMA_TODAY}))`;
    const without = await teacherIds('especialista', '?withoutCoach=true');
    expect(without).toEqual(await postedThisYear(sql`tp.ugel_id = ${ugel} AND ${noCoach}`));
    const withCoach = await teacherIds('especialista', '?withoutCoach=false');
    expect(sorted([...without, ...withCoach])).toEqual(await teacherIds('especialista'));
    // A coach's list is their caseload: nobody in it lacks a coach.
    expect(await teacherIds('coach', '?withoutCoach=true')).toEqual([]);
  });

  it('stops showing a teacher to the coach when the caseload ends', async () => {
    const coach = await idOf(h.db, DNI.coach);
    const before = await teacherIds('coach');
    const gone = before.at(-1) as string;
    await h.db
      .updateTable('caseload')
      .set({ valid_from: '2000-01-01', valid_to: '2000-01-01' })
      .where('teacher_id', '=', gone)
      .where('coach_id', '=', coach)
      .execute();
    const after = await teacherIds('coach');
    expect(after).not.toContain(gone);
    expect(after).toHaveLength(before.length - 1);
  });

  it('lists schools within each scope', async () => {
    const schoolsWhere = (condition: ReturnType<typeof sql>) =>
      ids(h.db, sql<{ id: string }>`SELECT s.id FROM school s WHERE ${condition}`);
    const ugel = await scopeOf(h.db, DNI.especialista, 'especialista');
    const school = await scopeOf(h.db, DNI.director, 'director');
    const region = await scopeOf(h.db, DNI.formador, 'formador');
    expect(await schoolIds('director')).toEqual([school]);
    expect(await schoolIds('docente')).toEqual([await scopeOf(h.db, DNI.docente, 'docente')]);
    expect(await schoolIds('especialista')).toEqual(await schoolsWhere(sql`s.ugel_id = ${ugel}`));
    expect(await schoolIds('formador')).toEqual(await schoolsWhere(sql`s.region_id = ${region}`));
    const all = await schoolIds('minedu');
    expect(all).toEqual(await schoolsWhere(sql`true`));
    expect(all).toContain(h.far.schoolId);
  });

  it('filters schools by the padrón fields, intervention and state', async () => {
    const sample = await h.db
      .selectFrom('school')
      .selectAll()
      .where('characteristic', 'is not', null)
      .where('area', 'is not', null)
      .where('network_id', 'is not', null)
      .orderBy('codigo_modular')
      .executeTakeFirstOrThrow();
    const where = (condition: ReturnType<typeof sql>) =>
      ids(h.db, sql<{ id: string }>`SELECT s.id FROM school s WHERE ${condition}`);
    expect(await schoolIds('minedu', `?level=${sample.level}`)).toEqual(
      await where(sql`s.level = ${sample.level}`),
    );
    expect(await schoolIds('minedu', `?characteristic=${sample.characteristic}`)).toEqual(
      await where(sql`s.characteristic = ${sample.characteristic}`),
    );
    expect(await schoolIds('minedu', `?area=${sample.area}`)).toEqual(
      await where(sql`s.area = ${sample.area}`),
    );
    expect(await schoolIds('minedu', `?network=${sample.network_id}`)).toEqual(
      await where(sql`s.network_id = ${sample.network_id}`),
    );
    expect(await schoolIds('minedu', `?ugel=${sample.ugel_id}`)).toEqual(
      await where(sql`s.ugel_id = ${sample.ugel_id}`),
    );
    const running = await schoolIds('minedu', '?intervention=SPI');
    expect(running).toEqual(
      await where(
        sql`EXISTS (SELECT 1 FROM enrollment e WHERE e.school_id = s.id AND e.intervention_code = 'SPI' AND e.status IN ('activa', 'permanece') AND e.cohort_start_year <= ${YEAR})`,
      ),
    );
    await h.db.updateTable('school').set({ active: false }).where('id', '=', sample.id).execute();
    expect(await schoolIds('minedu', '?active=false')).toEqual([sample.id]);
    expect(await schoolIds('minedu', '?active=true')).not.toContain(sample.id);
    const { body } = await h.client.getJson(
      `/api/v1/schools?q=${sample.codigo_modular}`,
      h.cookies.minedu,
    );
    expect(body.items).toEqual([
      expect.objectContaining({
        id: sample.id,
        active: false,
        codigoModular: sample.codigo_modular,
      }),
    ]);
  });

  it('pages with an opaque cursor, without gaps or repeats, and searches literally', async () => {
    const total = (await teacherIds('minedu')).length;
    const { items, pages } = await allPages(h.client, '/api/v1/teachers', h.cookies.minedu, 7);
    expect(items).toHaveLength(total);
    expect(pages).toBe(Math.max(1, Math.ceil(total / 7)));

    const docente = await h.db
      .selectFrom('person')
      .select(['id', 'paternal_surname'])
      .where('dni', '=', DNI.docente)
      .executeTakeFirstOrThrow();
    const found = await teacherIds(
      'minedu',
      `?q=${encodeURIComponent(docente.paternal_surname.toUpperCase())}`,
    );
    expect(found).toContain(docente.id);
    expect(await teacherIds('minedu', `?q=${DNI.docente}`)).toEqual([docente.id]);
    expect(await teacherIds('minedu', '?q=%25')).toEqual([]);
  });

  it('says the exact total on request: every match within reach, whatever the page size', async () => {
    for (const role of ['especialista', 'minedu'] as const) {
      const teachers = await teacherIds(role);
      const schools = await schoolIds(role);
      const t = await h.client.getJson('/api/v1/teachers?limit=1&total=true', h.cookies[role]);
      const s = await h.client.getJson('/api/v1/schools?limit=1&total=true', h.cookies[role]);
      expect([t.status, s.status]).toEqual([200, 200]);
      expect(t.body.total).toBe(teachers.length);
      expect(s.body.total).toBe(schools.length);
    }
    // Filters count too; without total=true the answer stays as it was (no extra count).
    const ugel = await h.db.selectFrom('ugel').select('id').executeTakeFirstOrThrow();
    const filtered = await h.client.getJson(
      `/api/v1/schools?limit=1&total=true&ugel=${ugel.id}`,
      h.cookies.minedu,
    );
    expect(filtered.body.total).toBe((await schoolIds('minedu', `?ugel=${ugel.id}`)).length);
    const plain = await h.client.getJson('/api/v1/schools?limit=1', h.cookies.minedu);
    expect(plain.body).not.toHaveProperty('total');
    const bad = await h.client.getJson('/api/v1/schools?total=si', h.cookies.minedu);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('Revisa el campo «total»: Debe ser «true» o «false».');
  });

  it('rejects bad parameters with Spanish messages that name the field', async () => {
    const cases: [string, string][] = [
      [
        '/api/v1/teachers?limit=1000',
        'Revisa el campo «límite»: El límite no puede ser mayor que 200.',
      ],
      [
        '/api/v1/teachers?withoutCoach=quizas',
        'Revisa el campo «sin acompañante»: Debe ser «true» o «false».',
      ],
      [
        '/api/v1/teachers?school=abc',
        'Revisa el campo «institución educativa»: Debe ser un identificador válido.',
      ],
      [
        '/api/v1/schools?level=Z9',
        'Revisa el campo «nivel»: Usa uno de estos valores: A1, A2, A3, B0, F0.',
      ],
      [
        '/api/v1/schools?area=costa',
        'Revisa el campo «área»: Usa uno de estos valores: urbana, rural.',
      ],
      [
        '/api/v1/schools?intervention=spi',
        'Revisa el campo «intervención»: El código de intervención usa mayúsculas, dígitos y guiones bajos (por ejemplo, SPI).',
      ],
    ];
    for (const [path, message] of cases) {
      const { status, body } = await h.client.getJson(path, h.cookies.minedu);
      expect(status, path).toBe(400);
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.message).toBe(message);
    }
    const junk = await h.client.getJson('/api/v1/teachers?cursor=not-a-cursor', h.cookies.minedu);
    expect(junk.status).toBe(400);
    expect(junk.body.error.details.fields[0].path).toBe('cursor');
    const anonymous = await h.client.request('/api/v1/schools');
    expect(anonymous.status).toBe(401);
  });
});
