import {
  AppError,
  entityFieldLabel,
  type InstrumentDefinition,
  validateResponse,
} from '@acompana/core';
import { sql } from 'kysely';
import type { Tx } from './store.ts';

// The extra check of instrument_response records: the answers must fit the exact published
// (or since retired) version they name — never a draft. Same rule and error codes as
// modules/instruments/responses.ts, but batched (one query per push for the versions not yet
// cached) and inside the push transaction. Published versions are immutable, so their
// definitions are cached for the life of the process.

const cache = new Map<string, InstrumentDefinition>();

export async function loadDefinitions(
  tx: Tx,
  ids: string[],
): Promise<Map<string, InstrumentDefinition>> {
  const missing = ids.filter((id) => !cache.has(id));
  if (missing.length > 0) {
    const { rows } = await sql<{ id: string; definition: InstrumentDefinition }>`
      SELECT id, definition FROM instrument_version
       WHERE id = ANY(${missing}::uuid[]) AND status <> 'draft'`.execute(tx);
    for (const r of rows) cache.set(r.id, r.definition);
  }
  const out = new Map<string, InstrumentDefinition>();
  for (const id of ids) {
    const d = cache.get(id);
    if (d) out.set(id, d);
  }
  return out;
}

/** Null when the answers fit; otherwise a rejection naming the answer at fault. */
export function checkAnswers(
  definition: InstrumentDefinition,
  data: Record<string, unknown>,
): AppError | null {
  const result = validateResponse(definition, data.answers, {
    complete: data.status === 'complete',
  });
  if (result.ok) return null;
  const fields = result.issues.map((i) => ({
    path: `payload.answers${i.path ? `.${i.path}` : ''}`,
    message: `Revisa el campo «${entityFieldLabel('answers')}»${i.path ? ` (${i.path})` : ''}: ${i.message}`,
  }));
  return new AppError('INSTRUMENT_RESPONSE_INVALID', fields[0]?.message, { fields });
}

export function versionNotFillable(): AppError {
  return new AppError('INSTRUMENT_VERSION_NOT_PUBLISHED', undefined, {
    fields: [
      {
        path: 'payload.instrumentVersionId',
        message: 'La versión del instrumento no existe o no está publicada.',
      },
    ],
  });
}
