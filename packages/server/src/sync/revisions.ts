import { type Actor, AppError, type RecordRevision } from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { isoInstant } from '../db/time.ts';

// Revisions flagged to the asker: only the person whose value was overwritten sees them (the
// value was theirs; the record stays visible to them through pull as before).

interface Row {
  id: string;
  kind: string;
  entity_id: string;
  teacher_id: string;
  field: string;
  overwritten_value: unknown;
  new_value: unknown;
  overwritten_by_person: string | null;
  overwritten_name: string | null;
  written_by: string;
  written_name: string;
  created_at: Date;
  resolved_at: Date | null;
}

export async function listRevisions(
  db: Kysely<DB>,
  actor: Actor,
  query: {
    status?: 'open' | 'all' | undefined;
    cursor?: string | undefined;
    limit?: number | undefined;
  },
): Promise<{ items: RecordRevision[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  if (query.cursor !== undefined && !/^\d{1,18}$/.test(query.cursor)) {
    throw AppError.validation([
      { path: 'cursor', message: 'Revisa el campo «cursor»: no es válido.' },
    ]);
  }
  const open = (query.status ?? 'open') === 'open';
  const { rows } = await sql<Row>`
    SELECT r.id, r.kind, r.entity_id, r.teacher_id, r.field, r.overwritten_value, r.new_value,
           r.overwritten_by_person, ob.given_names || ' ' || ob.paternal_surname AS overwritten_name,
           r.written_by, wb.given_names || ' ' || wb.paternal_surname AS written_name,
           r.created_at, r.resolved_at
      FROM record_revision r
      JOIN person wb ON wb.id = r.written_by
      LEFT JOIN person ob ON ob.id = r.overwritten_by_person
     WHERE r.flagged_for = ${actor.personId}
       AND (${open} = false OR r.resolved_at IS NULL)
       AND (${query.cursor ?? null}::bigint IS NULL OR r.id < ${query.cursor ?? null}::bigint)
     ORDER BY r.id DESC
     LIMIT ${limit + 1}`.execute(db);
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      id: String(r.id),
      kind: r.kind,
      entityId: r.entity_id,
      teacherId: r.teacher_id,
      field: r.field,
      overwrittenValue: r.overwritten_value,
      newValue: r.new_value,
      overwrittenBy: r.overwritten_by_person
        ? { id: r.overwritten_by_person, name: r.overwritten_name ?? '' }
        : null,
      writtenBy: { id: r.written_by, name: r.written_name },
      createdAt: isoInstant(r.created_at) as string,
      resolvedAt: isoInstant(r.resolved_at),
    })),
    nextCursor: rows.length > limit ? String(page.at(-1)?.id) : null,
  };
}

/** Marks a revision as seen; 404 unless it is flagged to the asker. */
export async function resolveRevision(db: Kysely<DB>, actor: Actor, id: string): Promise<void> {
  if (!/^\d{1,18}$/.test(id)) throw new AppError('NOT_FOUND');
  const { rows } = await sql<{ id: string }>`
    UPDATE record_revision SET resolved_at = coalesce(resolved_at, now())
     WHERE id = ${id}::bigint AND flagged_for = ${actor.personId}
    RETURNING id`.execute(db);
  if (rows.length === 0) throw new AppError('NOT_FOUND');
}
