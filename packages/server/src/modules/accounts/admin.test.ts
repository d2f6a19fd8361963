import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '../../db/schema.ts';
import { testTargets } from '../../test/databases.ts';
import { ORIGIN } from '../../test/http.ts';
import { addAccount, DNI, idOf, rosterHarness, scopeOf, YEAR } from '../shared/testing.ts';

// Supervisors and accounts (issue 14): who issues codes, resets, deactivates and reactivates
// whose account (the policy's `activation_code` and `account_admin`), what each does to the
// password and the sessions, and the audit with before/after readable by the especialista of
// that UGEL and equipo MINEDU.

const OTHER_ESPECIALISTA = '59990001';
const OTHER_MINEDU = '19990001';

async function teacherWithoutAccount(db: Kysely<DB>, schoolId: string, not: string[] = []) {
  const row = await db
    .selectFrom('teacher_post as tp')
    .leftJoin('user_account as ua', 'ua.person_id', 'tp.person_id')
    .select('tp.person_id')
    .where('tp.school_id', '=', schoolId)
    .where('tp.school_year', '=', YEAR)
    .where('ua.person_id', 'is', null)
    .where('tp.person_id', 'not in', ['00000000-0000-4000-8000-000000000000', ...not])
    .orderBy('tp.person_id')
    .executeTakeFirstOrThrow();
  return row.person_id;
}

describe.each(testTargets())('account administration on $engine', (target) => {
  const h = rosterHarness(target, async (db) => {
    const ugelId = await scopeOf(db, DNI.especialista, 'especialista');
    const [esp, min] = await db
      .insertInto('person')
      .values([
        { dni: OTHER_ESPECIALISTA, given_names: 'Otra', paternal_surname: 'Especialista' },
        { dni: OTHER_MINEDU, given_names: 'Otro', paternal_surname: 'Ministerio' },
      ])
      .returning('id')
      .execute();
    await addAccount(db, esp?.id as string, 'especialista', { level: 'ugel', id: ugelId });
    await addAccount(db, min?.id as string, 'minedu', { level: 'national', id: null });
  });

  const post = (cookie: string, personId: string, action: string) =>
    h.client.request(`/api/v1/people/${personId}/account/${action}`, {
      method: 'POST',
      headers: { cookie, origin: ORIGIN },
    });
  const statusOf = async (personId: string) =>
    (
      await h.db
        .selectFrom('user_account')
        .select('status')
        .where('person_id', '=', personId)
        .executeTakeFirst()
    )?.status ?? 'none';

  it('lets a director issue codes for the teachers of their school only; again replaces', async () => {
    const school = await scopeOf(h.db, DNI.director, 'director');
    const teacher = await teacherWithoutAccount(h.db, school);
    const first = await post(h.cookies.director, teacher, 'code');
    expect(first.status).toBe(201);
    const issued = await first.json();
    expect(issued.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(issued.replacedCode).toBe(false);
    expect(await statusOf(teacher)).toBe('pending');

    const second = await post(h.cookies.director, teacher, 'code');
    const again = await second.json();
    expect(again.replacedCode).toBe(true);
    expect(again.code).not.toBe(issued.code);
    const old = await h.client.post('/api/v1/auth/activate', {
      dni: again.dni,
      code: issued.code,
      password: 'lluvia sobre el lago Titicaca',
    });
    expect((await old.json()).error.code).toBe('ACTIVATION_INVALID');

    const audit = await h.db
      .selectFrom('audit_event')
      .select(['actor_id', 'action', 'detail'])
      .where('resource_kind', '=', 'account')
      .where('resource_id', '=', teacher)
      .orderBy('id')
      .execute();
    const director = await idOf(h.db, DNI.director);
    expect(audit.map((a) => [a.actor_id, a.action])).toEqual([
      [director, 'account.code_issued'],
      [director, 'account.code_issued'],
    ]);
    expect(audit[0]?.detail).toMatchObject({
      before: { status: 'none' },
      after: { status: 'pending' },
      replacedCode: false,
      via: 'api',
    });
    expect(JSON.stringify(audit)).not.toContain(issued.code); // never the code itself

    // Not for a teacher of another school, the coach, or an active account.
    expect((await post(h.cookies.director, h.far.teacherId, 'code')).status).toBe(404);
    expect((await post(h.cookies.director, await idOf(h.db, DNI.coach), 'code')).status).toBe(404);
    const active = await post(h.cookies.especialista, await idOf(h.db, DNI.docente), 'code');
    expect(active.status).toBe(409);
    expect((await active.json()).error.code).toBe('ACCOUNT_STATUS_CONFLICT');
    // A director does not reset, deactivate or reactivate.
    for (const action of ['reset', 'deactivate', 'reactivate']) {
      expect((await post(h.cookies.director, teacher, action)).status, action).toBe(403);
    }
  });

  it('resets an account: password and sessions gone, a new code; the person activates', async () => {
    const docente = await idOf(h.db, DNI.docente);
    const session = await h.client.login(DNI.docente);
    const res = await post(h.cookies.especialista, docente, 'reset');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ personId: docente, status: 'pending' });
    expect(body.sessionsEnded).toBeGreaterThanOrEqual(2); // the harness's and this one
    expect((await h.client.getJson('/api/v1/me', session)).status).toBe(401);
    const login = await h.client.post('/api/v1/auth/login', {
      dni: DNI.docente,
      password: 'acompana',
    });
    expect(login.status).toBe(401);

    const activated = await h.client.post('/api/v1/auth/activate', {
      dni: DNI.docente,
      code: body.issued.code,
      password: 'cuaderno de campo verde',
    });
    expect(activated.status).toBe(200);
    h.cookies.docente = await h.client.login(DNI.docente, 'cuaderno de campo verde');

    const view = await h.client.getJson(
      `/api/v1/people/${docente}/account`,
      h.cookies.especialista,
    );
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ dni: DNI.docente, status: 'active', codeExpiresAt: null });
    expect(view.body.roles).toContain('docente');
    const actions = view.body.history.map((e: { action: string }) => e.action);
    expect(actions.slice(0, 2)).toEqual(['account.activate', 'account.reset']);
    const reset = view.body.history[1];
    expect(reset.detail).toMatchObject({
      before: { status: 'active' },
      after: { status: 'pending' },
    });
    expect(reset.actorName).toMatch(/\S/);
    // MINEDU reads it too; the director and the teacher do not administer it.
    expect(
      (await h.client.getJson(`/api/v1/people/${docente}/account`, h.cookies.minedu)).status,
    ).toBe(200);
    expect(
      (await h.client.getJson(`/api/v1/people/${docente}/account`, h.cookies.director)).status,
    ).toBe(403);
    expect(
      (await h.client.getJson(`/api/v1/people/${docente}/account`, h.cookies.docente)).status,
    ).toBe(403);
  });

  it('deactivates (no login, no sessions, no code) and reactivates with the same password', async () => {
    const coach = await idOf(h.db, DNI.coach);
    const session = await h.client.login(DNI.coach);
    const off = await post(h.cookies.especialista, coach, 'deactivate');
    expect(off.status).toBe(200);
    expect((await off.json()).status).toBe('deactivated');
    expect((await h.client.getJson('/api/v1/me', session)).status).toBe(401);
    expect(
      (await h.client.post('/api/v1/auth/login', { dni: DNI.coach, password: 'acompana' })).status,
    ).toBe(401);
    const twice = await post(h.cookies.especialista, coach, 'deactivate');
    expect(twice.status).toBe(409);
    expect((await twice.json()).error.message).toMatch(/ya está desactivada/);
    expect((await post(h.cookies.especialista, coach, 'reset')).status).toBe(409);

    const on = await post(h.cookies.especialista, coach, 'reactivate');
    expect(on.status).toBe(200);
    expect((await on.json()).status).toBe('active');
    h.cookies.coach = await h.client.login(DNI.coach);
    expect((await post(h.cookies.especialista, coach, 'reactivate')).status).toBe(409);
  });

  it('keeps everyone to the roles and territory they manage, and off their own account', async () => {
    const me = await idOf(h.db, DNI.especialista);
    const otherEsp = await idOf(h.db, OTHER_ESPECIALISTA);
    const minedu = await idOf(h.db, DNI.minedu);
    const formador = await idOf(h.db, DNI.formador);
    // The especialista: not another especialista, MINEDU, a formador, nor another UGEL.
    expect((await post(h.cookies.especialista, otherEsp, 'reset')).status).toBe(403);
    expect((await post(h.cookies.especialista, minedu, 'deactivate')).status).toBe(404);
    expect((await post(h.cookies.especialista, formador, 'deactivate')).status).toBe(404);
    expect((await post(h.cookies.especialista, h.far.teacherId, 'code')).status).toBe(404);
    const own = await post(h.cookies.especialista, me, 'reset');
    expect(own.status).toBe(403);
    expect((await own.json()).error.message).toMatch(/^No puedes administrar tu propia cuenta/);
    // MINEDU: especialistas, formadores and MINEDU anywhere; not teachers or coaches.
    expect((await post(h.cookies.minedu, h.far.teacherId, 'code')).status).toBe(403);
    expect((await post(h.cookies.minedu, await idOf(h.db, DNI.coach), 'reset')).status).toBe(403);
    expect((await post(h.cookies.minedu, minedu, 'deactivate')).status).toBe(403);
    const other = await post(h.cookies.minedu, await idOf(h.db, OTHER_MINEDU), 'deactivate');
    expect(other.status).toBe(200);
    const esp = await post(h.cookies.minedu, otherEsp, 'reset');
    expect(esp.status).toBe(200);
    expect((await esp.json()).issued.code).toMatch(/^[A-Z2-9]{8}$/);
    // Coaches, formadores and teachers administer nobody.
    for (const role of ['coach', 'formador', 'docente'] as const) {
      expect((await post(h.cookies[role], otherEsp, 'code')).status, role).toBe(404);
    }
    expect((await post(h.cookies.minedu, 'no-es-uuid', 'reset')).status).toBe(400);
    // Nothing above left a trace in the refused accounts.
    const touched = await h.db
      .selectFrom('audit_event')
      .select('resource_id')
      .where('resource_kind', '=', 'account')
      .where('resource_id', 'in', [me, minedu, formador])
      .execute();
    expect(touched).toEqual([]);
  });
});
