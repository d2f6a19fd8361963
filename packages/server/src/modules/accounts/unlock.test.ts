import { describe, expect, it } from 'vitest';
import { errorLine } from '../../cli/errors.ts';
import { usersUnlock } from '../../cli/users.ts';
import { testTargets } from '../../test/databases.ts';
import { ORIGIN } from '../../test/http.ts';
import { DNI, idOf, rosterHarness } from '../shared/testing.ts';

// POST /accounts/{personId}/unlock: an administrator lifts a login lock (issue 11, item 8).
// Decided by the policy's `account` update: equipo MINEDU anywhere, the especialista for the
// people of their UGEL; nobody lifts their own lock; audited. Also `acompana users unlock`.

describe.each(testTargets())('account unlock on $engine', (target) => {
  const h = rosterHarness(target);

  const lock = async (dni: string) => {
    for (let i = 0; i < 5; i++) {
      await h.client.post('/api/v1/auth/login', { dni, password: `mala-${i}` });
    }
    const locked = await h.client.post('/api/v1/auth/login', { dni, password: 'acompana' });
    expect(locked.status).toBe(429);
  };
  const unlock = (cookie: string, personId: string) =>
    h.client.request(`/api/v1/accounts/${personId}/unlock`, {
      method: 'POST',
      headers: { cookie, origin: ORIGIN },
    });

  it('lets the especialista of the UGEL unlock a teacher, and records who did it', async () => {
    await lock(DNI.docente);
    const teacherId = await idOf(h.db, DNI.docente);
    const res = await unlock(h.cookies.especialista, teacherId);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ personId: teacherId, dni: DNI.docente, wasLocked: true });
    const login = await h.client.post('/api/v1/auth/login', {
      dni: DNI.docente,
      password: 'acompana',
    });
    expect(login.status).toBe(200);
    const audit = await h.db
      .selectFrom('audit_event')
      .select(['actor_id', 'action', 'resource_kind', 'detail'])
      .where('resource_id', '=', teacherId)
      .where('action', '=', 'account.unlock')
      .execute();
    expect(audit).toEqual([
      {
        actor_id: await idOf(h.db, DNI.especialista),
        action: 'account.unlock',
        resource_kind: 'account',
        detail: { wasLocked: true, via: 'api' },
      },
    ]);
  });

  it('keeps the especialista to their UGEL; equipo MINEDU reaches everyone', async () => {
    const far = h.far.teacherId;
    expect((await unlock(h.cookies.especialista, far)).status).toBe(404);
    const minedu = await unlock(h.cookies.minedu, far);
    expect(minedu.status).toBe(200);
    expect((await minedu.json()).wasLocked).toBe(false);
  });

  it('refuses everyone else, and one’s own lock', async () => {
    const teacherId = await idOf(h.db, DNI.docente);
    for (const role of ['coach', 'director', 'formador'] as const) {
      expect((await unlock(h.cookies[role], teacherId)).status, role).toBe(404);
    }
    const own = await unlock(h.cookies.docente, teacherId);
    expect(own.status).toBe(403);
    expect((await own.json()).error.message).toMatch(/^No puedes desbloquear tu propia cuenta/);
    const self = await unlock(h.cookies.especialista, await idOf(h.db, DNI.especialista));
    expect(self.status).toBe(403);
    expect((await unlock(h.cookies.minedu, '00000000-0000-4000-8000-000000000000')).status).toBe(
      404,
    );
    expect((await unlock(h.cookies.minedu, 'no-es-uuid')).status).toBe(400);
    const audited = await h.db
      .selectFrom('audit_event')
      .select('id')
      .where('action', '=', 'account.unlock')
      .where('resource_id', '=', teacherId)
      .execute();
    expect(audited).toHaveLength(1); // only the especialista's unlock of the first test
  });

  // `acompana users unlock <dni>`: what the command's action runs, with the line the CLI
  // prints for an error (cli/errors.ts); the exit code of a failed command, as a process, is
  // config.test.ts's and db/lock.slow.test.ts's.
  it('unlocks by DNI from the command line, audited as the operator', async () => {
    const coachId = await idOf(h.db, DNI.coach);
    // The coach's login above already left a row for unknown devices: lock it.
    const lock = {
      failures: 5,
      pending: 0,
      window_started_at: new Date(),
      locked_until: new Date(Date.now() + 900_000),
      lock_level: 1,
    };
    await h.db
      .insertInto('login_lock')
      .values({ dni: DNI.coach, source: 'unknown', ...lock })
      .onConflict((oc) => oc.columns(['dni', 'source']).doUpdateSet(lock))
      .execute();
    expect(await usersUnlock(h.db, DNI.coach)).toEqual([
      `Cuenta con DNI ${DNI.coach} desbloqueada.`,
    ]);
    const unknown = await usersUnlock(h.db, '99999999').catch((e: unknown) => errorLine(e));
    expect(unknown).toBe('error [NOT_FOUND]: No hay ninguna persona con DNI 99999999.');
    const badDni = await usersUnlock(h.db, '123').catch((e: unknown) => errorLine(e));
    expect(badDni).toBe('error [VALIDATION_FAILED]: El DNI debe tener exactamente 8 dígitos.');

    const locks = await h.db
      .selectFrom('login_lock')
      .selectAll()
      .where('dni', '=', DNI.coach)
      .execute();
    const audit = await h.db
      .selectFrom('audit_event')
      .select(['actor_id', 'detail'])
      .where('action', '=', 'account.unlock')
      .where('resource_id', '=', coachId)
      .execute();
    expect(locks).toEqual([]);
    expect(audit).toEqual([{ actor_id: null, detail: { wasLocked: true, via: 'cli' } }]);
  });
});
