import {
  type Answers,
  AppError,
  type InstrumentDefinition,
  type InstrumentResponseRecord,
  validateResponse,
} from '@acompana/core';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

// What the sync push path calls for every instrument_response mutation: the answers are checked
// against the exact version the record names (never the current one), so a record filled with
// an older version stays valid after a new version is published. Retired versions are still
// accepted, because a device may have started the record offline before the retirement; drafts
// never are (they can still change).

export interface LoadedVersion {
  id: string;
  instrumentId: string;
  status: 'published' | 'retired';
  definition: InstrumentDefinition;
}

// Per database handle (tests open many databases in one process).
const caches = new WeakMap<object, Map<string, LoadedVersion>>();

/** Loads a fillable (published or retired) version; both states are immutable, so it is cached. */
export async function loadFillableVersion(
  db: Kysely<DB> | Transaction<DB>,
  versionId: string,
): Promise<LoadedVersion> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const hit = cache.get(versionId);
  if (hit) return hit;
  const row = await db
    .selectFrom('instrument_version')
    .select(['id', 'instrument_id', 'status', 'definition'])
    .where('id', '=', versionId)
    .executeTakeFirst();
  if (!row || row.status === 'draft')
    throw new AppError('INSTRUMENT_VERSION_NOT_PUBLISHED', undefined, {
      fields: [
        {
          path: 'instrumentVersionId',
          message: 'La versión del instrumento no existe o no está publicada.',
        },
      ],
    });
  const loaded: LoadedVersion = {
    id: row.id,
    instrumentId: row.instrument_id,
    status: row.status as LoadedVersion['status'],
    definition: row.definition as InstrumentDefinition,
  };
  // Retirement changes the status but never the definition, which is all validation uses.
  cache.set(versionId, loaded);
  return loaded;
}

/**
 * Validates an instrument_response record's answers against the version it names; throws
 * INSTRUMENT_RESPONSE_INVALID with `details.fields` ("answers.scores.evalua.level": reason) or
 * INSTRUMENT_VERSION_NOT_PUBLISHED. Returns the parsed answers.
 */
export async function validateInstrumentResponse(
  db: Kysely<DB> | Transaction<DB>,
  record: Pick<InstrumentResponseRecord, 'instrumentVersionId' | 'status' | 'answers'>,
): Promise<Answers> {
  const version = await loadFillableVersion(db, record.instrumentVersionId);
  const result = validateResponse(version.definition, record.answers, {
    complete: record.status === 'complete',
  });
  if (result.ok) return result.value;
  const fields = result.issues.map((i) => ({
    path: i.path ? `answers.${i.path}` : 'answers',
    message: i.message,
  }));
  throw new AppError('INSTRUMENT_RESPONSE_INVALID', fields[0]?.message, { fields });
}
