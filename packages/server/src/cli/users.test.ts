import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { testTargets } from '../test/databases.ts';
import { TestClient } from '../test/http.ts';
import { errorLine } from './errors.ts';
import { usersCreate, usersDeactivate, usersList, usersReactivate, usersReset } from './users.ts';

// `acompana users …` in this process (what the CLI's actions call, with the line it prints for
// an error), on an EMPTY database: the first equipo MINEDU account is made this way and then
// activated in the app (issue 14, "Done when").

const codeIn = (lines: string[]) => {
  const m = /: ([A-Z2-9]{8})$/.exec(lines.find((l) => l.startsWith('Código de activación')) ?? '');
  if (!m?.[1]) throw new Error(`no code in ${lines.join('\n')}`);
  return m[1];
};

describe.each(testTargets())('acompana users on an empty $engine database', (target) => {
  let database: Database;
  let client: TestClient;
  const failure = async (work: Promise<unknown>) => {
    try {
      await work;
    } catch (e) {
      return errorLine(e);
    }
    throw new Error('expected the command to fail');
  };

  beforeAll(async () => {
    database = await target.empty();
    await migrate(database);
    client = new TestClient(database);
  });
  afterAll(async () => {
    await database.close();
  });

  it('creates the first MINEDU account; its code activates it in the app', async () => {
    const lines = await usersCreate(database.db, {
      role: 'minedu',
      dni: '10203040',
      names: 'Ana Lucía',
      surnames: 'Torres Huamán',
    });
    expect(lines[0]).toBe('Persona creada: Ana Lucía Torres (DNI 10203040), rol minedu.');
    expect(lines[2]).toMatch(/^Vence el \d{1,2} de [a-z]+ de \d{4}\. Se muestra solo esta vez/);
    const code = codeIn(lines);
    const res = await client.post('/api/v1/auth/activate', {
      dni: '10203040',
      code,
      password: 'el cóndor pasa sobre Cusco',
    });
    expect(res.status).toBe(200);
    const me = await res.json();
    expect(
      me.roles.map((r: { role: string; scope: { level: string } }) => [r.role, r.scope.level]),
    ).toEqual([['minedu', 'national']]);
    expect(me.abilities).toContain('account_admin:update');
    const audit = await database.db
      .selectFrom('audit_event')
      .select(['actor_id', 'action', 'detail'])
      .where('resource_kind', '=', 'account')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.actor_id, a.action])).toEqual([
      [null, 'account.create'],
      [expect.any(String), 'account.activate'],
    ]);
    expect(audit[0]?.detail).toMatchObject({ role: 'minedu', via: 'cli' });
  });

  it('refuses bad input with a code and a Spanish message, saving nothing', async () => {
    const db = database.db;
    const base = { role: 'especialista', dni: '20304050', names: 'Luis', surnames: 'Ríos' };
    expect(await failure(usersCreate(db, { ...base, dni: '123' }))).toBe(
      'error [VALIDATION_FAILED]: El DNI debe tener exactamente 8 dígitos.',
    );
    expect(await failure(usersCreate(db, { ...base, role: 'rector' }))).toMatch(
      /^error \[VALIDATION_FAILED\]: Rol desconocido: rector/,
    );
    expect(await failure(usersCreate(db, base))).toMatch(
      /^error \[VALIDATION_FAILED\]: El rol especialista necesita la UGEL \(--ugel CÓDIGO\)/,
    );
    expect(await failure(usersCreate(db, { ...base, ugel: '999999' }))).toBe(
      'error [NOT_FOUND]: No existe la UGEL con código 999999.',
    );
    expect(await failure(usersCreate(db, { ...base, surnames: 'De la Cruz', ugel: 'x' }))).toMatch(
      /--paternal/,
    );
    expect(
      await failure(
        usersCreate(db, { role: 'minedu', dni: '10203040', names: 'X', surnames: 'Y' }),
      ),
    ).toMatch(/^error \[DNI_TAKEN\]: Ya existe una persona con DNI 10203040/);
    const people = await db.selectFrom('person').select('dni').execute();
    expect(people.map((p) => p.dni)).toEqual(['10203040']);
  });

  it('creates an especialista in a UGEL; reset, deactivate, reactivate and list', async () => {
    const db = database.db;
    const region = await db
      .insertInto('region')
      .values({ code: '13', name: 'La Libertad' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('ugel')
      .values({ region_id: region.id, code: '130011', name: 'UGEL Gran Chimú' })
      .execute();
    const created = await usersCreate(db, {
      role: 'especialista',
      dni: '20304050',
      names: 'Luis',
      paternal: 'De la Cruz',
      maternal: 'Ríos',
      ugel: '130011',
    });
    const first = codeIn(created);
    // Reset before activation: a new code, the first one stops working.
    const again = await usersReset(db, '20304050');
    expect(again[0]).toBe('El código anterior dejó de servir.');
    const second = codeIn(again);
    const old = await client.post('/api/v1/auth/activate', {
      dni: '20304050',
      code: first,
      password: 'mañana sale el sol en Cascas',
    });
    expect((await old.json()).error.code).toBe('ACTIVATION_INVALID');
    const ok = await client.post('/api/v1/auth/activate', {
      dni: '20304050',
      code: second,
      password: 'mañana sale el sol en Cascas',
    });
    expect(ok.status).toBe(200);
    expect((await ok.json()).roles[0].scope.name).toBe('UGEL Gran Chimú');

    expect(await usersList(db, { role: 'especialista' })).toEqual([
      '20304050  De la Cruz Ríos, Luis  [especialista]  activa',
      '1 cuenta.',
    ]);
    const session = await client.login('20304050', 'mañana sale el sol en Cascas');
    expect(await usersDeactivate(db, '20304050')).toEqual([
      'Cuenta con DNI 20304050 desactivada; se cerraron 2 sesiones.',
    ]);
    expect((await client.getJson('/api/v1/me', session)).status).toBe(401);
    expect(await failure(usersReset(db, '20304050'))).toMatch(
      /^error \[ACCOUNT_STATUS_CONFLICT\]: .*desactivada\. Reactívala primero\./,
    );
    expect(await usersReactivate(db, '20304050')).toEqual([
      'Cuenta con DNI 20304050 reactivada con su contraseña de antes.',
    ]);
    const reset = await usersReset(db, '20304050');
    expect(reset[0]).toMatch(/^Cuenta restablecida: la contraseña anterior ya no sirve/);
    expect(await usersList(db, { status: 'pending' })).toEqual([
      '20304050  De la Cruz Ríos, Luis  [especialista]  pendiente de activación',
      '1 cuenta.',
    ]);
    expect(await failure(usersDeactivate(db, '99999999'))).toBe(
      'error [NOT_FOUND]: No hay ninguna persona con DNI 99999999.',
    );
    expect(await usersList(db, { role: 'docente' })).toEqual([
      'No hay cuentas que cumplan el filtro.',
    ]);
  });
});
