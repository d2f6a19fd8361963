import type { PersonDetail } from '@acompana/core';
import { limaToday } from '@acompana/core';
import { describe, expect, it } from 'vitest';
import { testTargets } from '../../test/databases.ts';
import { ORIGIN } from '../../test/http.ts';
import { DNI, idOf, rosterHarness, scopeOf, YEAR } from '../shared/testing.ts';

// Registering a coach and ending roles (issue 14): from the rosters by DNI or new, a dated
// role in a UGEL, several roles per person; every refusal with its stable code and nothing
// half-saved; ending keeps the history; everything audited.

const NEW_DNI = '48123456';

describe.each(testTargets())('coaches and dated roles on $engine', (target) => {
  const h = rosterHarness(target);

  const send = (cookie: string, path: string, body: unknown) =>
    h.client.request(path, {
      method: 'POST',
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const register = (cookie: string, body: Record<string, unknown>) =>
    send(cookie, '/api/v1/coaches', body);
  const count = async (table: 'person' | 'role_assignment' | 'coach_profile') =>
    Number(
      (
        await h.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** What a registration writes (audit: only the person changes, not access logs). */
  const counts = async () => [
    ...(await Promise.all((['person', 'role_assignment', 'coach_profile'] as const).map(count))),
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
  async function base() {
    return {
      interventionCode: 'MULTIGRADO',
      ugelId: await scopeOf(h.db, DNI.especialista, 'especialista'),
      validFrom: `${YEAR}-03-01`,
    };
  }

  it('registers a new coach with a dated role, a profile and the audit', async () => {
    const res = await register(h.cookies.especialista, {
      ...(await base()),
      dni: NEW_DNI,
      givenNames: 'Julia',
      paternalSurname: 'Condori',
      maternalSurname: 'Apaza',
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.created).toBe(true);
    const profile = await h.db
      .selectFrom('coach_profile')
      .selectAll()
      .where('person_id', '=', body.personId)
      .executeTakeFirstOrThrow();
    expect(profile.intervention_code).toBe('MULTIGRADO');
    expect(profile.kind).toBe('acompanante_pedagogico');
    const page = (await h.client.getJson(`/api/v1/people/${body.personId}`, h.cookies.especialista))
      .body as PersonDetail;
    expect(page.roles).toEqual(['acompanante']);
    expect(page.assignments).toMatchObject([
      { role: 'acompanante', validFrom: `${YEAR}-03-01`, validTo: null, scopeLevel: 'ugel' },
    ]);
    expect(page.actions).toContain('endRole');
    expect(page.history?.map((e) => e.action).sort()).toEqual(['person.create', 'role.assign']);
  });

  it('refuses a second overlapping coach role, and writes nothing', async () => {
    const before = await counts();
    const res = await register(h.cookies.especialista, {
      ...(await base()),
      dni: NEW_DNI,
      validFrom: `${YEAR}-06-01`,
    });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('ROLE_OVERLAP');
    expect(await counts()).toEqual(before);
  });

  it('takes a teacher from the rosters by DNI (several roles), refuses other names for a DNI', async () => {
    const teacher = await h.db
      .selectFrom('teacher_post as tp')
      .innerJoin('person as p', 'p.id', 'tp.person_id')
      .select(['p.id', 'p.dni'])
      .where('tp.ugel_id', '=', await scopeOf(h.db, DNI.especialista, 'especialista'))
      .where('tp.school_year', '=', YEAR)
      .where('p.dni', '<>', DNI.docente)
      .orderBy('p.dni')
      .executeTakeFirstOrThrow();
    const before = await counts();
    const wrong = await register(h.cookies.especialista, {
      ...(await base()),
      dni: teacher.dni,
      givenNames: 'Otro',
      paternalSurname: 'Nombre',
    });
    expect(wrong.status).toBe(409);
    expect((await wrong.json()).error.code).toBe('DNI_TAKEN');
    expect(await counts()).toEqual(before);

    const ok = await register(h.cookies.especialista, { ...(await base()), dni: teacher.dni });
    expect(ok.status).toBe(201);
    expect((await ok.json()).created).toBe(false);
    const page = (await h.client.getJson(`/api/v1/people/${teacher.id}`, h.cookies.especialista))
      .body as PersonDetail;
    expect(page.roles).toEqual(['acompanante', 'docente']);
  });

  it('refuses bad input with stable codes and nothing saved', async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ dni: '4812345', givenNames: 'A', paternalSurname: 'B' }, 400, 'VALIDATION_FAILED'],
      [
        { dni: '48123457', givenNames: 'A', paternalSurname: 'B', validTo: `${YEAR}-02-01` },
        422,
        'ROLE_DATES_INVALID',
      ],
      [
        { dni: '48123458', givenNames: 'A', paternalSurname: 'B', ugelId: h.far.ugelId },
        403,
        'OUTSIDE_SCOPE',
      ],
      [{ dni: '48123459' }, 400, 'VALIDATION_FAILED'],
      [
        { dni: '48123460', givenNames: 'A', paternalSurname: 'B', validFrom: '2026-02-30' },
        400,
        'VALIDATION_FAILED',
      ],
    ];
    for (const [extra, status, code] of cases) {
      const res = await register(h.cookies.especialista, { ...(await base()), ...extra });
      const body = await res.json();
      expect([res.status, body.error.code], JSON.stringify(extra)).toEqual([status, code]);
      expect(body.error.message).toMatch(/[a-záéíóúñ]/);
    }
    for (const role of ['coach', 'director', 'docente', 'formador', 'minedu'] as const) {
      const res = await register(h.cookies[role], {
        ...(await base()),
        dni: '48123461',
        givenNames: 'A',
        paternalSurname: 'B',
      });
      expect(res.status, role).toBe(403);
    }
    expect(await counts()).toEqual(before);
  });

  it('two registrations of the same new DNI at the same instant: one 201, one 409 DNI_TAKEN', async () => {
    // Both pass the look-up before either writes; the unique constraint stops the second, which
    // must get the same answer as a sequential duplicate, not a 500. Several rounds, so that on
    // PostgreSQL the two transactions really overlap at least once.
    for (const dni of ['48123470', '48123471', '48123472', '48123473']) {
      const before = await counts();
      const results = await Promise.all(
        ['Rosa', 'Rita'].map(async (givenNames) => {
          const res = await register(h.cookies.especialista, {
            ...(await base()),
            dni,
            givenNames,
            paternalSurname: 'Mamani',
          });
          return { status: res.status, body: await res.json() };
        }),
      );
      const outcomes = results.map((r) => [r.status, r.body.error?.code ?? null]);
      expect(outcomes.sort(), dni).toEqual([
        [201, null],
        [409, 'DNI_TAKEN'],
      ]);
      const refused = results.find((r) => r.status === 409);
      expect(refused?.body.error.message).toContain(dni);
      // Exactly one person, one role, one profile and its two audit events.
      expect(await counts()).toEqual([
        (before[0] ?? 0) + 1,
        (before[1] ?? 0) + 1,
        (before[2] ?? 0) + 1,
        (before[3] ?? 0) + 2,
      ]);
    }
  });

  it('ends a role on a date not before its start; the history stays; ended is final', async () => {
    const personId = await idOf(h.db, NEW_DNI);
    const page = (await h.client.getJson(`/api/v1/people/${personId}`, h.cookies.especialista))
      .body as PersonDetail;
    const role = page.assignments[0];
    if (!role) throw new Error('no role');
    const path = `/api/v1/people/${personId}/roles/${role.id}/end`;
    const early = await send(h.cookies.especialista, path, { validTo: `${YEAR}-02-28` });
    expect([early.status, (await early.json()).error.code]).toEqual([422, 'ROLE_DATES_INVALID']);
    const byDirector = await send(h.cookies.director, path, { validTo: `${YEAR}-03-01` });
    expect([403, 404]).toContain(byDirector.status);

    const ended = await send(h.cookies.especialista, path, { validTo: `${YEAR}-03-01` });
    expect(ended.status).toBe(200);
    const after = (await h.client.getJson(`/api/v1/people/${personId}`, h.cookies.minedu))
      .body as PersonDetail;
    expect(after.assignments).toMatchObject([
      { id: role.id, validFrom: `${YEAR}-03-01`, validTo: `${YEAR}-03-01` },
    ]);
    const isPast = `${YEAR}-03-01` < limaToday();
    expect(after.assignments[0]?.current).toBe(!isPast);
    const endEvent = after.history?.find((e) => e.action === 'role.end');
    expect(endEvent?.detail).toMatchObject({
      before: { validTo: null },
      after: { validTo: `${YEAR}-03-01` },
    });
    if (isPast) {
      const again = await send(h.cookies.especialista, path, { validTo: `${YEAR}-04-01` });
      expect([again.status, (await again.json()).error.code]).toEqual([409, 'ROLE_ALREADY_ENDED']);
    }
  });
});
