import { readFile } from 'node:fs/promises';
import {
  RUBRIC_2018,
  SEED_IDS,
  SEED_INSTRUMENTS,
  SEED_PRIORITIES,
  SEED_USES,
} from '@acompana/core';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { instrumentSeedSql } from '../../seed/instrument-seed-sql.ts';
import { testTargets } from '../../test/databases.ts';
import { validateInstrumentResponse } from './responses.ts';

// The seed content of migration 0005 equals the typed seed in core, and the helper the sync
// push path calls validates answers against the exact version a record names.

const fullRubric = {
  scores: Object.fromEntries(
    RUBRIC_2018.desempenos.map((d) => [d.code, { level: 3, evidence: 'Lo vi en el grupo 2.' }]),
  ),
};

describe.each(testTargets())('instrument seed and response validation on $engine', (target) => {
  let database: Database;
  let db: Kysely<DB>;
  beforeAll(async () => {
    database = await target.open();
    db = database.db;
  });
  afterAll(async () => {
    await database.close();
  });

  it('holds exactly the seed content of core (definitions, versions, uses, priorities)', async () => {
    const versions = await db.selectFrom('instrument_version').selectAll().orderBy('id').execute();
    const expected = SEED_INSTRUMENTS.flatMap((i) =>
      i.versions.map((v) => ({
        id: v.id,
        instrument_id: i.id,
        status: v.status,
        definition: v.definition,
      })),
    ).sort((a, b) => a.id.localeCompare(b.id));
    expect(
      versions.map((v) => ({
        id: v.id,
        instrument_id: v.instrument_id,
        status: v.status,
        definition: v.definition,
      })),
    ).toEqual(expected);
    const uses = await db.selectFrom('intervention_instrument').selectAll().execute();
    expect(uses).toHaveLength(SEED_USES.length);
    const priorities = await db.selectFrom('intervention_desempeno').selectAll().execute();
    expect(priorities).toHaveLength(SEED_PRIORITIES.length);
  });

  it('has the generated seed SQL verbatim in migration 0005', async () => {
    const migration = await readFile(
      new URL('../../../migrations/0005_instruments.sql', import.meta.url),
      'utf8',
    );
    expect(migration).toContain(instrumentSeedSql());
  });

  it('accepts complete and draft answers for a published version', async () => {
    await expect(
      validateInstrumentResponse(db, {
        instrumentVersionId: SEED_IDS.rubric2018,
        status: 'complete',
        answers: fullRubric,
      }),
    ).resolves.toEqual(fullRubric);
    await expect(
      validateInstrumentResponse(db, {
        instrumentVersionId: SEED_IDS.checklistV1,
        status: 'draft',
        answers: { items: { proposito: true } },
      }),
    ).resolves.toEqual({ items: { proposito: true } });
  });

  it('checks answers against the version named, not the current one (2017 record stays valid)', async () => {
    const with2017 = {
      scores: { ...fullRubric.scores, tiempo: { level: 2, evidence: 'Se perdieron 20 minutos.' } },
    };
    await expect(
      validateInstrumentResponse(db, {
        instrumentVersionId: SEED_IDS.rubric2017,
        status: 'complete',
        answers: with2017,
      }),
    ).resolves.toEqual(with2017);
    await expect(
      validateInstrumentResponse(db, {
        instrumentVersionId: SEED_IDS.rubric2018,
        status: 'complete',
        answers: with2017,
      }),
    ).rejects.toMatchObject({
      code: 'INSTRUMENT_RESPONSE_INVALID',
      details: {
        fields: [
          {
            path: 'answers.scores.tiempo',
            message: 'El desempeño «tiempo» no existe en esta versión.',
          },
        ],
      },
    });
  });

  it('refuses an incomplete record marked complete, and versions that are drafts or unknown', async () => {
    await expect(
      validateInstrumentResponse(db, {
        instrumentVersionId: SEED_IDS.notebookV1,
        status: 'complete',
        answers: { notes: [] },
      }),
    ).rejects.toMatchObject({
      code: 'INSTRUMENT_RESPONSE_INVALID',
      message: 'Escribe al menos 1 nota.',
    });
    const draft = await db
      .insertInto('instrument_version')
      .values({
        instrument_id: SEED_IDS.rubric,
        version: 9,
        definition: JSON.stringify(RUBRIC_2018),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const id of [draft.id, '0190a0b1-0000-7000-8000-00000000dead']) {
      await expect(
        validateInstrumentResponse(db, {
          instrumentVersionId: id,
          status: 'draft',
          answers: { scores: {} },
        }),
      ).rejects.toMatchObject({ code: 'INSTRUMENT_VERSION_NOT_PUBLISHED' });
    }
  });
});
