import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import { migratedDataDir, testTargets } from '../../test/databases.ts';
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
});

describe('acompana users unlock', () => {
  it('unlocks by DNI on the server, audited as the operator', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'acompana-unlock-'));
    try {
      await migratedDataDir(dataDir);
      const database = await openDatabase({ databaseUrl: null, dataDir });
      await database.db
        .insertInto('person')
        .values({ dni: DNI.coach, given_names: 'Miguel', paternal_surname: 'Rodríguez' })
        .execute();
      await database.db
        .insertInto('login_lock')
        .values({
          dni: DNI.coach,
          source: 'unknown',
          failures: 5,
          pending: 0,
          window_started_at: new Date(),
          locked_until: new Date(Date.now() + 900_000),
          lock_level: 1,
        })
        .execute();
      await database.close();

      const bin = fileURLToPath(new URL('../../../bin/acompana.mjs', import.meta.url));
      const run = (args: string[]) =>
        new Promise<{ code: number | null; out: string }>((resolve) => {
          const child = spawn(process.execPath, [bin, ...args], {
            env: { ...process.env, ACOMPANA_DATA_DIR: dataDir, DATABASE_URL: '' },
          });
          let out = '';
          child.stdout.on('data', (d) => {
            out += d;
          });
          child.stderr.on('data', (d) => {
            out += d;
          });
          child.on('close', (code) => resolve({ code, out }));
        });
      expect(await run(['users', 'unlock', DNI.coach])).toEqual({
        code: 0,
        out: `Cuenta con DNI ${DNI.coach} desbloqueada.\n`,
      });
      const unknown = await run(['users', 'unlock', '99999999']);
      expect(unknown.code).toBe(1);
      expect(unknown.out).toContain('error [NOT_FOUND]: No hay ninguna persona con DNI 99999999.');

      const check = await openDatabase({ databaseUrl: null, dataDir });
      const locks = await check.db.selectFrom('login_lock').selectAll().execute();
      const audit = await check.db
        .selectFrom('audit_event')
        .select(['actor_id', 'detail'])
        .where('action', '=', 'account.unlock')
        .execute();
      await check.close();
      expect(locks).toEqual([]);
      expect(audit[0]).toEqual({ actor_id: null, detail: { wasLocked: true, via: 'cli' } });
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  }, 240_000); // an on-disk PGlite and two CLI runs: slow on a busy machine
});
