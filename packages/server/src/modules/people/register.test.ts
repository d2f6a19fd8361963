import type { PersonDetail } from '@acompana/core';
import { describe, expect, it } from 'vitest';
import { testTargets } from '../../test/databases.ts';
import { ORIGIN } from '../../test/http.ts';
import { DNI, idOf, rosterHarness, scopeOf, YEAR } from '../shared/testing.ts';

// Registering the other roles from «Personas» (issue 14): equipo MINEDU gives especialista,
// formador and MINEDU; the especialista director and docente in their UGEL (a teacher also gets
// their post this year). Through the policy's `manages`, audited, every refusal with its
// stable code and nothing half-saved.

describe.each(testTargets())('registering people with a role on $engine', (target) => {
  const h = rosterHarness(target);

  const register = (cookie: string, body: Record<string, unknown>) =>
    h.client.request('/api/v1/people', {
      method: 'POST',
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const detail = async (id: string, cookie: string) =>
    (await h.client.getJson(`/api/v1/people/${id}`, cookie)).body as PersonDetail;
  const count = async (table: 'person' | 'role_assignment' | 'teacher_post') =>
    Number(
      (
        await h.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** What a registration writes (of the audit, the changes to people, not access logs). */
  const counts = async () => [
    ...(await Promise.all((['person', 'role_assignment', 'teacher_post'] as const).map(count))),
    Number(
      (
        await h.db
          .selectFrom('audit_event')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('resource_kind', '=', 'person')
          .executeTakeFirstOrThrow()
      ).n,
    ),
  ];
  const someone = (dni: string) => ({
    dni,
    givenNames: 'Carmen Rosa',
    paternalSurname: 'Salazar',
    maternalSurname: 'Vega',
    validFrom: `${YEAR}-03-01`,
  });
  const schoolOfUgel = async () =>
    (
      await h.db
        .selectFrom('school')
        .select('id')
        .where('ugel_id', '=', await scopeOf(h.db, DNI.especialista, 'especialista'))
        .orderBy('codigo_modular')
        .executeTakeFirstOrThrow()
    ).id;

  it('equipo MINEDU registers an especialista, a formador and a MINEDU account, audited', async () => {
    const ugelId = await scopeOf(h.db, DNI.especialista, 'especialista');
    const regionId = await scopeOf(h.db, DNI.formador, 'formador');
    const cases = [
      { dni: '47100001', role: 'especialista', scopeId: ugelId, level: 'ugel' },
      { dni: '47100002', role: 'formador', scopeId: regionId, level: 'region' },
      { dni: '47100003', role: 'minedu', level: 'national' },
    ];
    for (const c of cases) {
      const res = await register(h.cookies.minedu, {
        ...someone(c.dni),
        role: c.role,
        ...(c.scopeId ? { scopeId: c.scopeId } : {}),
      });
      expect(res.status, c.role).toBe(201);
      const body = await res.json();
      expect(body.created).toBe(true);
      const page = await detail(body.personId, h.cookies.minedu);
      expect(page.roles, c.role).toEqual([c.role]);
      expect(page.assignments).toMatchObject([
        { role: c.role, scopeLevel: c.level, validFrom: `${YEAR}-03-01`, validTo: null },
      ]);
      expect(page.actions, c.role).toContain('issueCode');
      const history = page.history ?? [];
      expect(history.map((e) => e.action).sort()).toEqual(['person.create', 'role.assign']);
      expect(history.find((e) => e.action === 'role.assign')?.detail).toMatchObject({
        after: { role: c.role, scopeId: c.scopeId ?? null },
        via: 'api',
      });
    }
  });

  it('the especialista registers a director and a teacher of their UGEL (with a post)', async () => {
    const schoolId = await schoolOfUgel();
    const director = await register(h.cookies.especialista, {
      ...someone('47100011'),
      role: 'director',
      scopeId: schoolId,
    });
    expect(director.status).toBe(201);
    const teacher = await register(h.cookies.especialista, {
      ...someone('47100012'),
      role: 'docente',
      scopeId: schoolId,
    });
    expect(teacher.status).toBe(201);
    const teacherId = (await teacher.json()).personId;
    const post = await h.db
      .selectFrom('teacher_post')
      .select(['school_id', 'school_year'])
      .where('person_id', '=', teacherId)
      .execute();
    expect(post).toEqual([{ school_id: schoolId, school_year: YEAR }]);
    const page = await detail(teacherId, h.cookies.especialista);
    expect(page.roles).toEqual(['docente']);
    expect(page.actions).toContain('issueCode');
    // The school's director sees the new teacher in «Personas»; the person list has them.
    const listed = await h.client.getJson(
      `/api/v1/people?q=47100012&school=${schoolId}`,
      h.cookies.especialista,
    );
    expect(listed.body.items.map((p: { id: string }) => p.id)).toEqual([teacherId]);
  });

  it('gives a role to someone already in the rosters by DNI (names may be left out)', async () => {
    const docente = await idOf(h.db, DNI.docente);
    const school = await scopeOf(h.db, DNI.docente, 'docente');
    const res = await register(h.cookies.especialista, {
      dni: DNI.docente,
      role: 'director',
      scopeId: school,
      validFrom: `${YEAR}-04-01`,
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ personId: docente, created: false });
    expect((await detail(docente, h.cookies.especialista)).roles).toEqual(['director', 'docente']);
  });

  it('a teacher from the rosters (a post, no role written) activates and is a docente', async () => {
    // A teacher of the UGEL with a post this year and no account or role of their own.
    const teacher = await h.db
      .selectFrom('teacher_post as tp')
      .innerJoin('person as p', 'p.id', 'tp.person_id')
      .select(['p.id', 'p.dni', 'tp.school_id'])
      .where('tp.ugel_id', '=', await scopeOf(h.db, DNI.especialista, 'especialista'))
      .where('tp.school_year', '=', YEAR)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('role_assignment').select('id').whereRef('person_id', '=', 'p.id'))),
      )
      .orderBy('p.dni')
      .executeTakeFirstOrThrow();
    const issued = await h.client.request(`/api/v1/people/${teacher.id}/account/code`, {
      method: 'POST',
      headers: { cookie: h.cookies.especialista, origin: ORIGIN },
    });
    expect(issued.status).toBe(201);
    const { code } = await issued.json();
    const activated = await h.client.request('/api/v1/auth/activate', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ dni: teacher.dni, code, password: 'cuatro llamas cruzan el puente' }),
    });
    expect(activated.status).toBe(200);
    const me = await activated.json();
    expect(me.roles).toMatchObject([
      { role: 'docente', scope: { level: 'school', id: teacher.school_id }, validTo: null },
    ]);
    expect(me.abilities.length).toBeGreaterThan(0);
    // The same on every later request (the session's roles).
    const cookie = String(activated.headers.get('set-cookie')).split(';')[0] ?? '';
    const again = await h.client.getJson('/api/v1/me', cookie);
    expect(again.body.roles.map((r: { role: string }) => r.role)).toEqual(['docente']);
  });

  it('refuses what the policy does not allow and bad input, with stable codes, nothing saved', async () => {
    const before = await counts();
    const ugelId = await scopeOf(h.db, DNI.especialista, 'especialista');
    const schoolId = await schoolOfUgel();
    const cases: [string, Record<string, unknown>, number, string][] = [
      // Nobody manages their own level or a higher one; MINEDU does not register directors.
      ['especialista', { role: 'especialista', scopeId: ugelId }, 403, 'FORBIDDEN'],
      [
        'especialista',
        { role: 'formador', scopeId: await scopeOf(h.db, DNI.formador, 'formador') },
        403,
        'FORBIDDEN',
      ],
      ['especialista', { role: 'minedu' }, 403, 'FORBIDDEN'],
      ['minedu', { role: 'director', scopeId: schoolId }, 403, 'FORBIDDEN'],
      ['especialista', { role: 'director', scopeId: h.far.schoolId }, 403, 'OUTSIDE_SCOPE'],
      ['director', { role: 'docente', scopeId: schoolId }, 403, 'FORBIDDEN'],
      ['coach', { role: 'docente', scopeId: schoolId }, 403, 'FORBIDDEN'],
      ['formador', { role: 'docente', scopeId: schoolId }, 403, 'FORBIDDEN'],
      ['docente', { role: 'docente', scopeId: schoolId }, 403, 'FORBIDDEN'],
      // Bad input.
      ['especialista', { role: 'director' }, 400, 'VALIDATION_FAILED'],
      ['minedu', { role: 'minedu', scopeId: ugelId }, 400, 'VALIDATION_FAILED'],
      ['especialista', { role: 'acompanante', scopeId: ugelId }, 400, 'VALIDATION_FAILED'],
      [
        'especialista',
        { role: 'director', scopeId: schoolId, dni: '4710002' },
        400,
        'VALIDATION_FAILED',
      ],
      ['especialista', { role: 'director', scopeId: ugelId }, 400, 'VALIDATION_FAILED'],
      [
        'especialista',
        { role: 'director', scopeId: schoolId, validTo: `${YEAR}-02-01` },
        422,
        'ROLE_DATES_INVALID',
      ],
      [
        'especialista',
        { role: 'director', scopeId: schoolId, dni: DNI.docente, givenNames: 'Otra' },
        409,
        'DNI_TAKEN',
      ],
      [
        'especialista',
        { role: 'director', scopeId: schoolId, dni: '47100011', validFrom: `${YEAR}-06-01` },
        409,
        'ROLE_OVERLAP',
      ],
      [
        'especialista',
        { role: 'director', scopeId: schoolId, dni: '47100099', givenNames: undefined },
        400,
        'VALIDATION_FAILED',
      ],
    ];
    for (const [role, extra, status, code] of cases) {
      const res = await register(h.cookies[role as keyof typeof h.cookies], {
        ...someone('47100021'),
        ...(extra.dni === '47100011' ? { givenNames: 'Carmen Rosa' } : {}),
        ...extra,
      });
      const body = await res.json();
      expect([res.status, body.error?.code], `${role} ${JSON.stringify(extra)}`).toEqual([
        status,
        code,
      ]);
      expect(body.error.message).toMatch(/[a-záéíóúñ]/);
    }
    expect(await counts()).toEqual(before);
  });
});
