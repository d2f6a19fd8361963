import { createHash } from 'node:crypto';
import {
  type Actor,
  AppError,
  type Change,
  currentSchoolYear,
  type EntityKind,
  MAX_PULL_PAGE,
  type PullResponse,
  reachOf,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { LIMA_TODAY } from '../db/time.ts';
import { audit } from '../modules/audit/events.ts';
import { KINDS } from './registry.ts';
import { keyOf, loadRecords } from './store.ts';

// GET /sync/pull (docs/SYNC.md, "Cursor"). The caller's scope (docs/PRIVACY.md): a coach gets the
// records of the teachers in their current caseload (this school year and the previous one),
// a teacher their own; nobody else gets field records. Changes come from change_log in
// (txid, seq) order, and only from transactions older than every transaction still running
// (txid < snapshot xmin), so one that commits late can never be skipped by a cursor.

const DEFAULT_PAGE = 200;

export interface PullScope {
  teacherIds: string[];
  /** Oldest school year sent; null: all years (the teacher's own record). */
  minYear: number | null;
  fingerprint: string;
}

export async function pullScopeOf(db: Kysely<DB>, actor: Actor): Promise<PullScope> {
  const reach = reachOf(actor, 'field_record', 'read');
  if (reach.length === 0) throw new AppError('FORBIDDEN');
  const teachers = new Set<string>();
  let minYear: number | null = currentSchoolYear() - 1;
  for (const { relation } of reach) {
    if (relation === 'self') {
      teachers.add(actor.personId);
      minYear = null;
    } else if (relation === 'caseload') {
      const rows = await db
        .selectFrom('caseload as c')
        .select('c.teacher_id')
        .distinct()
        .where('c.coach_id', '=', actor.personId)
        .where(
          sql<boolean>`c.valid_from <= ${LIMA_TODAY} AND (c.valid_to IS NULL OR c.valid_to >= ${LIMA_TODAY})`,
        )
        .execute();
      for (const r of rows) teachers.add(r.teacher_id);
    } else {
      throw new Error(`relation ${relation} cannot scope a pull`);
    }
  }
  const teacherIds = [...teachers].sort();
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ t: teacherIds, y: minYear }))
    .digest('base64url')
    .slice(0, 22);
  return { teacherIds, minYear, fingerprint };
}

interface Cursor {
  txid: string;
  seq: string;
}

const START: Cursor = { txid: '0', seq: '0' };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`v1.${c.txid}.${c.seq}`).toString('base64url');
}

export function decodeCursor(raw: string): Cursor {
  const match = /^v1\.(\d{1,20})\.(\d{1,20})$/.exec(Buffer.from(raw, 'base64url').toString());
  if (!match) {
    throw AppError.validation([
      {
        path: 'cursor',
        message: 'Revisa el campo «cursor»: no es válido; sincroniza desde el inicio.',
      },
    ]);
  }
  return { txid: match[1] as string, seq: match[2] as string };
}

export interface PullQuery {
  cursor?: string | undefined;
  scope?: string | undefined;
  limit?: number | undefined;
}

export async function pull(db: Kysely<DB>, actor: Actor, query: PullQuery): Promise<PullResponse> {
  const scope = await pullScopeOf(db, actor);
  const limit = Math.min(query.limit ?? DEFAULT_PAGE, MAX_PULL_PAGE);
  const given = query.cursor ? decodeCursor(query.cursor) : null;
  // A device seeded for another scope starts over: new teachers' history reaches it, and it
  // drops what is not re-sent.
  const reseed = given !== null && query.scope !== scope.fingerprint;
  const after = reseed || !given ? START : given;

  // Every transaction with a smaller id has finished before this point, so its rows are
  // visible to the next statement; nothing at or above it is sent yet.
  const horizon = (
    await sql<{
      xmin: string;
    }>`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`.execute(db)
  ).rows[0]?.xmin as string;

  const { rows } = scope.teacherIds.length
    ? await sql<{
        txid: string;
        seq: string;
        kind: EntityKind;
        entity_id: string;
        op: 'upsert' | 'delete';
        version: number;
        teacher_id: string;
      }>`
        SELECT cl.txid::text AS txid, cl.seq, cl.kind, cl.entity_id, cl.op, cl.version, cl.teacher_id
          FROM change_log cl
         WHERE cl.teacher_id = ANY(${scope.teacherIds}::uuid[])
           AND (${scope.minYear}::int IS NULL OR cl.school_year >= ${scope.minYear}::int)
           AND (cl.txid, cl.seq) > (${after.txid}::xid8, ${after.seq}::bigint)
           AND cl.txid < ${horizon}::xid8
         ORDER BY cl.txid, cl.seq
         LIMIT ${limit + 1}`.execute(db)
    : { rows: [] };

  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  // A partial page means everything before the horizon was read: jump the cursor there.
  const next: Cursor =
    more && last ? { txid: last.txid, seq: String(last.seq) } : { txid: horizon, seq: '0' };
  const cursor = encodeCursor(BigInt(next.txid) >= BigInt(after.txid) ? next : after);

  // The latest state of each record on the page, once (a record changed twice appears once).
  const lastIndex = new Map<string, number>();
  page.forEach((r, i) => {
    lastIndex.set(keyOf(r.kind, r.entity_id), i);
  });
  const ids = new Map<EntityKind, string[]>();
  for (const r of page) {
    if (!KINDS[r.kind]) continue;
    ids.set(r.kind, [...(ids.get(r.kind) ?? []), r.entity_id]);
  }
  const records = await loadRecords(db, ids);
  const changes: Change[] = [];
  page.forEach((r, i) => {
    const key = keyOf(r.kind, r.entity_id);
    if (lastIndex.get(key) !== i) return;
    const record = records.get(key);
    changes.push(
      record
        ? {
            kind: r.kind,
            id: r.entity_id,
            op: 'upsert',
            version: record.version,
            data: record.data,
          }
        : { kind: r.kind, id: r.entity_id, op: 'delete', version: r.version, data: null },
    );
  });

  // Individual formative data read by someone other than the teacher is audited.
  const others = [...new Set(page.map((r) => r.teacher_id))].filter((t) => t !== actor.personId);
  if (others.length > 0) {
    await audit(db, actor, {
      action: 'sync.pull',
      resourceKind: 'field_record',
      resourceId: null,
      detail: { changes: changes.length, teachers: others },
      subjects: others,
    });
  }
  return { changes, cursor, more, reseed, scope: scope.fingerprint };
}
