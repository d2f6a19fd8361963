import { type InstrumentDefinition, RUBRIC_2018, SEED_IDS } from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { testTargets } from '../../test/databases.ts';
import { ORIGIN, TestClient } from '../../test/http.ts';
import { type DemoRole, loginAll } from '../shared/testing.ts';

// The instruments API on both engines: who sees what, the designer's lifecycle (draft →
// published → retired), immutability in the service and in the database, export/import, and
// refusals of invalid definitions with the exact path and a Spanish reason.

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON and assert on its shape
type Json = Record<string, any>;

const withNewLevel = (descriptor: string): InstrumentDefinition => {
  const def = structuredClone(RUBRIC_2018);
  const level = def.desempenos[0]?.levels[3];
  if (level) level.descriptor = descriptor;
  return def;
};

describe.each(testTargets())('instruments API on $engine', (target) => {
  let database: Database;
  let db: Kysely<DB>;
  let client: TestClient;
  let cookies: Record<DemoRole, string>;
  beforeAll(async () => {
    database = await target.open();
    db = database.db;
    client = new TestClient(database);
    cookies = await loginAll(client);
  });
  afterAll(async () => {
    await database.close();
  });

  const send = async (method: string, path: string, role: DemoRole, body?: unknown) => {
    const res = await client.request(`/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', origin: ORIGIN, cookie: cookies[role] },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // 204 has no body: an empty object keeps every other answer typed as JSON.
    return {
      status: res.status,
      body: res.status === 204 ? ({} as Json) : ((await res.json()) as Json),
    };
  };
  const get = (path: string, role: DemoRole) => send('GET', path, role);

  it('lists the seeded rubric (2018 published, 2017 retired), checklist and notebook with their uses', async () => {
    const { status, body } = await get('/instruments', 'coach');
    expect(status).toBe(200);
    expect(body.items.map((i: Json) => i.code)).toEqual([
      'LISTA_COTEJO_PREVIA',
      'CUADERNO_CAMPO',
      'RUBRICA_AULA',
    ]);
    const rubric = body.items.find((i: Json) => i.code === 'RUBRICA_AULA');
    expect(rubric.versions.map((v: Json) => [v.version, v.status])).toEqual([
      [2, 'published'],
      [1, 'retired'],
    ]);
    const multigrado = rubric.uses.find((u: Json) => u.interventionCode === 'MULTIGRADO');
    expect(multigrado).toEqual({
      interventionCode: 'MULTIGRADO',
      role: 'main',
      prioritized: ['involucra', 'razonamiento', 'evalua', 'respeto', 'comportamiento'],
    });
    const v = await get(`/instrument-versions/${SEED_IDS.rubric2018}`, 'docente');
    expect(v.status).toBe(200);
    expect(v.body.definition).toEqual(RUBRIC_2018);
  });

  it('shows coaches only the instruments of their interventions; drafts only to equipo MINEDU', async () => {
    // An instrument used only by SPI: the Multigrado coach does not fill it.
    const created = await send('POST', '/instruments', 'minedu', {
      code: 'RUBRICA_SPI_PRUEBA',
      name: 'Rúbrica de prueba SPI',
      definition: RUBRIC_2018,
    });
    expect(created.status).toBe(201);
    const id = created.body.instrumentId;
    await db
      .insertInto('intervention_instrument')
      .values({ intervention_code: 'SPI', instrument_id: id, role: 'complementary' })
      .execute();
    const codes = async (role: DemoRole, query = '') =>
      ((await get(`/instruments${query}`, role)).body.items as Json[]).map((i) => i.code);
    // Only a draft so far: nobody but equipo MINEDU sees it.
    expect(await codes('minedu')).toContain('RUBRICA_SPI_PRUEBA');
    for (const role of ['coach', 'docente', 'director', 'especialista', 'formador'] as const) {
      expect(await codes(role), role).not.toContain('RUBRICA_SPI_PRUEBA');
      expect((await get(`/instruments/${id}`, role)).status, role).toBe(404);
      expect((await get(`/instrument-versions/${created.body.id}`, role)).status, role).toBe(404);
    }
    const published = await send(
      'POST',
      `/instruments/${id}/versions/${created.body.id}/publish`,
      'minedu',
    );
    expect(published.status).toBe(200);
    expect(await codes('coach')).not.toContain('RUBRICA_SPI_PRUEBA');
    expect(await codes('docente')).toContain('RUBRICA_SPI_PRUEBA');
    expect(await codes('minedu', '?intervention=SPI')).toContain('RUBRICA_SPI_PRUEBA');
    expect(await codes('minedu', '?intervention=JEC')).not.toContain('RUBRICA_SPI_PRUEBA');
    // The detail of any published instrument stays readable (a record may name it).
    expect((await get(`/instruments/${id}`, 'coach')).status).toBe(200);
  });

  it('runs the designer lifecycle: new draft, edit, publish (retiring the previous), diff', async () => {
    const draft = await send('POST', `/instruments/${SEED_IDS.rubric}/versions`, 'minedu', {
      changeNote: 'Ajuste de redacción.',
    });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ version: 3, status: 'draft', definition: RUBRIC_2018 });
    const again = await send('POST', `/instruments/${SEED_IDS.rubric}/versions`, 'minedu', {});
    expect(again.status).toBe(409);
    const path = `/instruments/${SEED_IDS.rubric}/versions/${draft.body.id}`;
    const saved = await send('PUT', path, 'minedu', { definition: withNewLevel('Texto nuevo.') });
    expect(saved.status).toBe(200);
    expect(saved.body.definition.desempenos[0].levels[3].descriptor).toBe('Texto nuevo.');

    const diff = await get(
      `/instruments/${SEED_IDS.rubric}/diff?from=${SEED_IDS.rubric2018}&to=${draft.body.id}`,
      'minedu',
    );
    expect(diff.status).toBe(200);
    expect(diff.body.changes).toEqual([
      {
        path: 'desempenos.involucra.levels.4.descriptor',
        kind: 'changed',
        before: RUBRIC_2018.desempenos[0]?.levels[3]?.descriptor,
        after: 'Texto nuevo.',
      },
    ]);

    const published = await send('POST', `${path}/publish`, 'minedu');
    expect(published.body).toMatchObject({ version: 3, status: 'published' });
    const old = await get(`/instrument-versions/${SEED_IDS.rubric2018}`, 'coach');
    // The 2018 version is retired but unchanged: past records still read it.
    expect(old.body).toMatchObject({ status: 'retired', definition: RUBRIC_2018 });
    expect((await send('POST', `${path}/publish`, 'minedu')).body.error.code).toBe(
      'INSTRUMENT_TRANSITION_INVALID',
    );
    const audit = await db
      .selectFrom('audit_event')
      .select(['action'])
      .where('resource_kind', '=', 'instrument')
      .where('resource_id', '=', `instrument_version:${draft.body.id}`)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'publish']);
    const retired = await send('POST', `${path}/retire`, 'minedu');
    expect(retired.body.status).toBe('retired');
    expect((await send('POST', `${path}/retire`, 'minedu')).status).toBe(409);
  });

  it('refuses to change a published version in the service and in the database', async () => {
    const put = await send(
      'PUT',
      `/instruments/${SEED_IDS.checklist}/versions/${SEED_IDS.checklistV1}`,
      'minedu',
      { definition: { type: 'checklist' } },
    );
    expect(put.status).toBe(409);
    expect(put.body.error.code).toBe('INSTRUMENT_VERSION_IMMUTABLE');
    const del = await send(
      'DELETE',
      `/instruments/${SEED_IDS.checklist}/versions/${SEED_IDS.checklistV1}`,
      'minedu',
    );
    expect(del.body.error.code).toBe('INSTRUMENT_VERSION_IMMUTABLE');
    // Direct SQL is refused too (trigger of migration 0005).
    await expect(
      sql`UPDATE instrument_version SET definition = '{"type":"checklist"}' WHERE id = ${SEED_IDS.checklistV1}`.execute(
        db,
      ),
    ).rejects.toThrow(/immutable/);
    await expect(
      sql`DELETE FROM instrument_version WHERE id = ${SEED_IDS.notebookV1}`.execute(db),
    ).rejects.toThrow(/cannot be deleted/);
    await expect(
      sql`UPDATE instrument_version SET status = 'published', retired_at = NULL WHERE id = ${SEED_IDS.rubric2017}`.execute(
        db,
      ),
    ).rejects.toThrow(/immutable/);
  });

  it('refuses designer actions to every role but equipo MINEDU', async () => {
    for (const role of ['coach', 'docente', 'director', 'especialista', 'formador'] as const) {
      const res = await send('POST', `/instruments/${SEED_IDS.notebook}/versions`, role, {});
      expect(res.status, role).toBe(403);
      const imp = await send('POST', '/instruments/import', role, {});
      expect(imp.status, role).toBe(403);
    }
  });

  it('refuses an invalid definition with the exact path and a Spanish reason', async () => {
    const def = structuredClone(RUBRIC_2018) as Json;
    def.desempenos[2].levels[1].descriptor = '';
    const res = await send('POST', '/instruments', 'minedu', {
      code: 'RUBRICA_MALA',
      name: 'Mala',
      definition: def,
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual({
      code: 'INSTRUMENT_DEFINITION_INVALID',
      message: 'desempenos.2.levels.1.descriptor: Escribe el descriptor del nivel.',
      details: {
        fields: [
          {
            path: 'definition.desempenos.2.levels.1.descriptor',
            message: 'desempenos.2.levels.1.descriptor: Escribe el descriptor del nivel.',
          },
        ],
      },
    });
    const taken = await send('POST', '/instruments', 'minedu', {
      code: 'RUBRICA_AULA',
      name: 'Otra',
      definition: RUBRIC_2018,
    });
    expect(taken.body.error.code).toBe('INSTRUMENT_CODE_TAKEN');
    // A draft cannot change the instrument's type.
    const typed = await send('POST', `/instruments/${SEED_IDS.notebook}/versions`, 'minedu', {
      definition: RUBRIC_2018,
    });
    expect(typed.body.error.details.fields[0].path).toBe('definition.type');
  });

  it('exports a version as JSON and imports it back as a new instrument or the next draft', async () => {
    const exported = await get(`/instruments/${SEED_IDS.notebook}/export`, 'coach');
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({
      format: 'acompana-instrument/1',
      code: 'CUADERNO_CAMPO',
      version: 1,
    });
    const asNew = await send('POST', '/instruments/import', 'minedu', {
      ...exported.body,
      code: 'CUADERNO_COPIA',
    });
    expect(asNew.status).toBe(201);
    expect(asNew.body).toMatchObject({
      instrumentCode: 'CUADERNO_COPIA',
      version: 1,
      status: 'draft',
    });
    expect(asNew.body.definition).toEqual(exported.body.definition);
    const next = await send('POST', '/instruments/import', 'minedu', exported.body);
    expect(next.body).toMatchObject({
      instrumentCode: 'CUADERNO_CAMPO',
      version: 2,
      status: 'draft',
    });
    // Importing again replaces that draft rather than piling up versions.
    const again = await send('POST', '/instruments/import', 'minedu', {
      ...exported.body,
      definition: { ...exported.body.definition, minNotes: 2 },
    });
    expect(again.body).toMatchObject({ id: next.body.id, version: 2 });
    expect(again.body.definition.minNotes).toBe(2);

    const bad = await send('POST', '/instruments/import', 'minedu', {
      ...exported.body,
      definition: { ...exported.body.definition, tags: [{ code: 'Mal código', label: 'x' }] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.fields[0]).toEqual({
      path: 'definition.tags.0.code',
      message:
        'tags.0.code: Usa un código de 1 a 20 caracteres: minúsculas, números o «_», empezando por una letra.',
    });
    const notOurs = await send('POST', '/instruments/import', 'minedu', { format: 'kobo' });
    expect(notOurs.status).toBe(422);
    expect(notOurs.body.error.details.fields[0].path).toBe('format');
  });
});
