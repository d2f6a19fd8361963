import type { PersonDetail, PersonItem } from '@acompana/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { LIMA_TODAY } from '../../db/time.ts';
import { testTargets } from '../../test/databases.ts';
import { ORIGIN } from '../../test/http.ts';
import { allPages, DNI, idOf, rosterHarness, scopeOf, sorted, YEAR } from '../shared/testing.ts';

// «Personas» (issue 14): the directory is scoped by the policy's `person` read — the director
// their school, the especialista their UGEL, equipo MINEDU everyone; coaches, teachers and
// formadores have none. Expectations come from the database, computed independently.

describe.each(testTargets())('people directory on $engine', (target) => {
  const h = rosterHarness(target);

  /** Everyone working in a UGEL now: posts this year, or a current role scoped inside it. */
  async function peopleOfUgel(ugelId: string): Promise<string[]> {
    const { rows } = await sql<{ person_id: string }>`
      SELECT person_id FROM teacher_post WHERE ugel_id = ${ugelId} AND school_year = ${YEAR}
      UNION
      SELECT person_id FROM role_assignment_place
       WHERE ugel_id = ${ugelId} AND valid_from <= ${LIMA_TODAY}
         AND (valid_to IS NULL OR valid_to >= ${LIMA_TODAY})`.execute(h.db);
    return sorted(rows.map((r) => r.person_id));
  }

  it('gives the especialista exactly the people of their UGEL, page by page', async () => {
    const ugel = await scopeOf(h.db, DNI.especialista, 'especialista');
    const expected = await peopleOfUgel(ugel);
    expect(expected.length).toBeGreaterThan(7);
    const { items, pages } = await allPages<PersonItem>(
      h.client,
      '/api/v1/people',
      h.cookies.especialista,
    );
    expect(pages).toBeGreaterThan(1);
    expect(sorted(items.map((i) => i.id))).toEqual(expected);
    expect(items.map((i) => i.id)).not.toContain(h.far.teacherId);
    const withTotal = await h.client.getJson(
      '/api/v1/people?total=true&limit=3',
      h.cookies.especialista,
    );
    expect(withTotal.body.total).toBe(expected.length);
  });

  it('gives the director the people of their school only', async () => {
    const school = await scopeOf(h.db, DNI.director, 'director');
    const { items } = await allPages<PersonItem>(
      h.client,
      '/api/v1/people',
      h.cookies.director,
      50,
    );
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const { rows } = await sql<{ n: number }>`
        SELECT 1 AS n FROM teacher_post WHERE person_id = ${item.id} AND school_id = ${school} AND school_year = ${YEAR}
        UNION SELECT 1 FROM role_assignment_place WHERE person_id = ${item.id} AND school_id = ${school}`.execute(
        h.db,
      );
      expect(rows.length, item.displayName).toBeGreaterThan(0);
    }
    const hidden = await h.client.getJson(`/api/v1/people/${h.far.teacherId}`, h.cookies.director);
    expect(hidden.status).toBe(404);
    const hiddenToEsp = await h.client.getJson(
      `/api/v1/people/${h.far.teacherId}`,
      h.cookies.especialista,
    );
    expect(hiddenToEsp.status).toBe(404);
  });

  it('finds the far teacher by DNI only nationally', async () => {
    const row = await h.db
      .selectFrom('person')
      .select('dni')
      .where('id', '=', h.far.teacherId)
      .executeTakeFirstOrThrow();
    const farDni = row.dni;
    const mine = await h.client.getJson(`/api/v1/people?q=${farDni}`, h.cookies.minedu);
    expect(mine.body.items.map((i: PersonItem) => i.id)).toEqual([h.far.teacherId]);
    const esp = await h.client.getJson(`/api/v1/people?q=${farDni}`, h.cookies.especialista);
    expect(esp.body.items).toEqual([]);
  });

  it('refuses the directory to coaches, teachers and formadores', async () => {
    for (const role of ['coach', 'docente', 'formador'] as const) {
      const res = await h.client.getJson('/api/v1/people', h.cookies[role]);
      expect(res.status, role).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
      const coachId = await idOf(h.db, DNI.coach);
      const one = await h.client.getJson(`/api/v1/people/${coachId}`, h.cookies[role]);
      expect([403, 404], role).toContain(one.status);
    }
  });

  it('filters by role, school and account status, and searches names without accents', async () => {
    const coachId = await idOf(h.db, DNI.coach);
    const coaches = await allPages<PersonItem>(
      h.client,
      '/api/v1/people?role=acompanante',
      h.cookies.especialista,
      50,
    );
    expect(coaches.items.map((i) => i.id)).toContain(coachId);
    for (const item of coaches.items) expect(item.roles).toContain('acompanante');

    const school = await scopeOf(h.db, DNI.director, 'director');
    const atSchool = await allPages<PersonItem>(
      h.client,
      `/api/v1/people?school=${school}`,
      h.cookies.especialista,
      50,
    );
    const director = await idOf(h.db, DNI.director);
    expect(atSchool.items.map((i) => i.id)).toContain(director);
    for (const item of atSchool.items) expect(item.schools.map((s) => s.id)).toContain(school);

    const active = await allPages<PersonItem>(
      h.client,
      '/api/v1/people?status=active',
      h.cookies.especialista,
      50,
    );
    expect(active.items.length).toBeGreaterThan(0);
    for (const item of active.items) expect(item.status).toBe('active');
    const none = await allPages<PersonItem>(
      h.client,
      '/api/v1/people?status=none',
      h.cookies.especialista,
      50,
    );
    for (const item of none.items) expect(item.status).toBe('none');
    expect(none.items.length + active.items.length).toBeLessThanOrEqual(
      (await peopleOfUgel(await scopeOf(h.db, DNI.especialista, 'especialista'))).length,
    );

    const coach = await h.db
      .selectFrom('person')
      .selectAll()
      .where('id', '=', coachId)
      .executeTakeFirstOrThrow();
    const plain = coach.paternal_surname
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toUpperCase();
    const found = await h.client.getJson(
      `/api/v1/people?q=${encodeURIComponent(plain)}`,
      h.cookies.especialista,
    );
    expect(found.body.items.map((i: PersonItem) => i.id)).toContain(coachId);

    const bad = await h.client.getJson('/api/v1/people?status=borrada', h.cookies.especialista);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });

  it("shows a person's roles with dates, what the asker may do, and the audit to the especialista only", async () => {
    const school = await scopeOf(h.db, DNI.director, 'director');
    const teacher = await h.db
      .selectFrom('teacher_post as tp')
      .leftJoin('user_account as ua', 'ua.person_id', 'tp.person_id')
      .select('tp.person_id')
      .where('tp.school_id', '=', school)
      .where('tp.school_year', '=', YEAR)
      .where('ua.person_id', 'is', null)
      .orderBy('tp.person_id')
      .executeTakeFirstOrThrow();
    const id = teacher.person_id;
    const before = (await h.client.getJson(`/api/v1/people/${id}`, h.cookies.especialista))
      .body as PersonDetail;
    expect(before.status).toBe('none');
    expect(before.roles).toContain('docente');
    expect(before.actions).toEqual(['issueCode']);
    expect(before.history).toEqual([]);

    const code = await h.client.request(`/api/v1/people/${id}/account/code`, {
      method: 'POST',
      headers: { cookie: h.cookies.director, origin: ORIGIN },
    });
    expect(code.status).toBe(201);

    const after = (await h.client.getJson(`/api/v1/people/${id}`, h.cookies.especialista))
      .body as PersonDetail;
    expect(after.status).toBe('pending');
    expect(after.codeExpiresAt).not.toBeNull();
    expect(after.actions).toEqual(['issueCode', 'reset', 'deactivate', 'unlock']);
    expect(after.history?.map((e) => e.action)).toEqual(['account.code_issued']);
    expect(JSON.stringify(after.history)).not.toContain((await code.json()).code);

    const byDirector = (await h.client.getJson(`/api/v1/people/${id}`, h.cookies.director))
      .body as PersonDetail;
    expect(byDirector.history).toBeNull();
    expect(byDirector.actions).toEqual(['issueCode']);

    // A coach's page lists the dated role assignment.
    const coachId = await idOf(h.db, DNI.coach);
    const coach = (await h.client.getJson(`/api/v1/people/${coachId}`, h.cookies.especialista))
      .body as PersonDetail;
    const role = coach.assignments.find((a) => a.role === 'acompanante');
    expect(role?.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(role?.current).toBe(true);
    expect(role?.scopeName).toBeTruthy();
  });
});
