import {
  type AccessLogPage,
  type AccessLogQuery,
  type Actor,
  AppError,
  decide,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { displayName } from '../shared/sql.ts';

// GET /me/audit, "Quién consultó mi información": every audited read that named the asker
// (audit_event.subject_ids, migration 0009) by someone else, newest first. The policy gives
// `audit_event` read of one's own trail to the teacher ("nada sobre mí sin mí").

interface Row {
  id: string;
  at: Date;
  actor_id: string | null;
  given_names: string | null;
  paternal_surname: string | null;
  maternal_surname: string | null;
  actor_roles: string[];
  action: string;
  resource_id: string | null;
  access: string | null;
}

export async function accessLog(
  db: Kysely<DB>,
  actor: Actor,
  query: AccessLogQuery,
): Promise<AccessLogPage> {
  const me = actor.personId;
  if (!decide(actor, 'read', { kind: 'audit_event', ownerId: me }).allow) {
    throw new AppError('FORBIDDEN');
  }
  const limit = query.limit;
  const after = query.cursor ?? null;
  const { rows } = await sql<Row>`
    SELECT a.id, a.at, a.actor_id, p.given_names, p.paternal_surname, p.maternal_surname,
           a.actor_roles, a.action, a.resource_id, a.detail->>'access' AS access
      FROM audit_event a
      LEFT JOIN person p ON p.id = a.actor_id
     WHERE a.subject_ids @> ARRAY[${me}::uuid]
       AND a.actor_id IS DISTINCT FROM ${me}::uuid
       AND (${after}::bigint IS NULL OR a.id < ${after}::bigint)
     ORDER BY a.id DESC
     LIMIT ${limit + 1}`.execute(db);
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      id: String(r.id),
      at: new Date(r.at).toISOString(),
      reader:
        r.actor_id && r.given_names !== null
          ? {
              id: r.actor_id,
              displayName: displayName({
                given_names: r.given_names,
                paternal_surname: r.paternal_surname ?? '',
                maternal_surname: r.maternal_surname,
              }),
            }
          : null,
      roles: r.actor_roles,
      action: r.action,
      access: r.access === 'content' || r.access === 'status' ? r.access : null,
      visitId: r.resource_id?.startsWith('visit:') ? r.resource_id.slice(6) : null,
    })),
    nextCursor: rows.length > limit ? String(page.at(-1)?.id) : null,
  };
}
