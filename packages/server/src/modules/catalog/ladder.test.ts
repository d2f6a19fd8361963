import { DEFAULT_STAGE_LADDER } from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { testTargets } from '../../test/databases.ts';
import { ORIGIN, TestClient } from '../../test/http.ts';
import { type DemoRole, DNI, idOf, loginAll } from '../shared/testing.ts';

// The progress-stage ladder per intervention (migration 0008): the default until equipo
// MINEDU configures one; the teacher's progress suggests stages on their intervention's ladder.

const CUSTOM = {
  window: 1,
  minObservations: 1,
  stages: [
    {
      code: 'inicial',
      name: 'Inicial',
      coachRole: 'modelo',
      minMean: 0,
      minShareSatisfactory: 0,
      minLevel: 1,
    },
    {
      code: 'autonomo',
      name: 'Autónomo',
      coachRole: 'amigo_critico',
      minMean: 3,
      minShareSatisfactory: 0.5,
      minLevel: 2,
    },
  ],
};

describe.each(testTargets())('stage ladder per intervention on $engine', (target) => {
  let database: Database;
  let db: Kysely<DB>;
  let client: TestClient;
  let cookies: Record<DemoRole, string>;
  let teacherId: string;
  let code: string;
  beforeAll(async () => {
    database = await target.open();
    db = database.db;
    client = new TestClient(database);
    cookies = await loginAll(client);
    teacherId = await idOf(db, DNI.docente);
    const { rows } = await sql<{ intervention_code: string }>`
      SELECT intervention_code FROM caseload WHERE teacher_id = ${teacherId}
       ORDER BY valid_from DESC LIMIT 1`.execute(db);
    code = rows[0]?.intervention_code ?? '';
  });
  afterAll(async () => {
    await database.close();
  });

  const put = async (role: DemoRole, body: unknown) => {
    const res = await client.request(`/api/v1/interventions/${code}/stage-ladder`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', origin: ORIGIN, cookie: cookies[role] },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
  const intervention = async () => {
    const { body } = await client.getJson('/api/v1/interventions', cookies.coach);
    return body.items.find((i: { code: string }) => i.code === code);
  };

  it('gives every intervention the default ladder until one is configured', async () => {
    expect(code).not.toBe('');
    expect(await intervention()).toMatchObject({
      customLadder: false,
      stageLadder: JSON.parse(JSON.stringify(DEFAULT_STAGE_LADDER)),
    });
  });

  it('lets only equipo MINEDU configure it, and checks it in Spanish', async () => {
    for (const role of ['especialista', 'director', 'coach', 'docente', 'formador'] as const) {
      expect((await put(role, { ladder: CUSTOM })).status, role).toBe(403);
    }
    const [first, second] = CUSTOM.stages;
    const easier = await put('minedu', {
      ladder: { ...CUSTOM, stages: [first, second, { ...second, code: 'z', minMean: 1 }] },
    });
    expect(easier.status).toBe(400);
    expect(easier.body.error.message).toContain(
      'La etapa «z» no puede pedir menos que la anterior.',
    );
    expect((await intervention()).customLadder).toBe(false);
  });

  it('suggests stages on the configured ladder, and goes back to the default', async () => {
    const saved = await put('minedu', { ladder: CUSTOM });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ code, customLadder: true, stageLadder: CUSTOM });
    const progress = await client.getJson(`/api/v1/teachers/${teacherId}/progress`, cookies.coach);
    expect(progress.status).toBe(200);
    const { stage, reasons } = progress.body.suggestion;
    // With one observation enough, the suggestion (or its absence) follows this ladder.
    if (stage) expect(['inicial', 'autonomo']).toContain(stage.code);
    else
      expect(reasons).toContainEqual({ code: 'insufficient_history', observations: 0, needed: 1 });
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM audit_event
       WHERE resource_kind = 'catalog' AND resource_id = ${`stage_ladder:${code}`}`.execute(db);
    expect(rows[0]?.n).toBe(1);

    const reset = await put('minedu', { ladder: null });
    expect(reset.status).toBe(200);
    expect(reset.body.customLadder).toBe(false);
    expect(reset.body.stageLadder.stages.map((s: { code: string }) => s.code)).toEqual(
      DEFAULT_STAGE_LADDER.stages.map((s) => s.code),
    );
  });
});
