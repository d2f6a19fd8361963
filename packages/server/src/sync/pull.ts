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
import { isEcho, type OwnWrite } from './echo.ts';
import type { StoredRecord } from './merge.ts';
import { KINDS } from './registry.ts';
import { keyOf, recordFromRow } from './store.ts';

// GET /sync/pull (docs/SYNC.md, "Cursor"). The caller's scope (docs/PRIVACY.md): a coach gets the
// records of the teachers in their current caseload (this school year and the previous one),
// a teacher their own; nobody else gets field records. Collective activities reach their
// organisers, their invited teachers and those teachers' coaches (docs/ACTIVITIES.md). Changes come from change_log in
// (txid, seq) order, and only from transactions older than every transaction still running
// (txid < snapshot xmin), so one that commits late can never be skipped by a cursor.

const DEFAULT_PAGE = 200;

export interface PullScope {
  teacherIds: string[];
  /** Oldest school year sent; null: all years (the teacher's own record). */
  minYear: number | null;
  fingerprint: string;
}

/** Who the caller may pull (docs/PRIVACY.md), as SQL over teacher ids: themself (a teacher)
 *  and/or the teachers of their current caseload. */
function scopeOf(actor: Actor) {
  const reach = reachOf(actor, 'field_record', 'read');
  if (reach.length === 0) throw new AppError('FORBIDDEN');
  const self: string[] = [];
  let caseload = false;
  let minYear: number | null = currentSchoolYear() - 1;
  for (const { relation } of reach) {
    if (relation === 'self') {
      self.push(actor.personId);
      minYear = null;
    } else if (relation === 'caseload') {
      caseload = true;
    } else {
      throw new Error(`relation ${relation} cannot scope a pull`);
    }
  }
  const teachers = caseload
    ? sql`SELECT unnest(${self}::uuid[]) AS teacher_id
          UNION
          SELECT c.teacher_id FROM caseload c
           WHERE c.coach_id = ${actor.personId}
             AND c.valid_from <= ${LIMA_TODAY} AND (c.valid_to IS NULL OR c.valid_to >= ${LIMA_TODAY})`
    : sql`SELECT unnest(${self}::uuid[]) AS teacher_id`;
  return { teachers, minYear };
}

function fingerprintOf(teacherIds: string[], minYear: number | null): string {
  return createHash('sha256')
    .update(JSON.stringify({ t: teacherIds, y: minYear }))
    .digest('base64url')
    .slice(0, 22);
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

interface PageRow {
  txid: string;
  seq: string;
  kind: EntityKind;
  entity_id: string;
  op: 'upsert' | 'delete';
  version: number;
  teacher_id: string;
}

/**
 * The scope, the horizon, one page of change_log after `after` and the current rows of the
 * records on it, in ONE statement (every sync pays for it). The horizon is the statement's own
 * snapshot's xmin: every transaction below it has finished and is visible to this statement.
 */
async function readPage(
  db: Kysely<DB>,
  actor: Actor,
  after: Cursor,
  limit: number,
): Promise<{
  scope: PullScope;
  horizon: string;
  rows: PageRow[];
  records: Map<string, StoredRecord>;
}> {
  const { teachers, minYear } = scopeOf(actor);
  const records = (Object.keys(KINDS) as EntityKind[]).map(
    (kind) =>
      sql`SELECT ${kind}::text AS kind, to_jsonb(t) AS row FROM ${sql.table(KINDS[kind].table)} t
           WHERE t.id IN (SELECT p.entity_id FROM page p WHERE p.kind = ${kind})`,
  );
  const { rows } = await sql<{
    teachers: string[] | null;
    horizon: string;
    page: PageRow[] | null;
    records: { kind: EntityKind; row: Record<string, unknown> }[] | null;
  }>`WITH scope AS (${teachers}),
    page AS (
      SELECT cl.txid, cl.seq, cl.kind, cl.entity_id, cl.op, cl.version, cl.teacher_id
        FROM change_log cl
       WHERE (cl.teacher_id IN (SELECT teacher_id FROM scope)
              -- An activity's rows are stamped with each organiser too (migration 0014).
              OR (cl.teacher_id = ${actor.personId}::uuid AND cl.kind = 'activity'))
         AND (${minYear}::int IS NULL OR cl.school_year >= ${minYear}::int)
         AND (cl.txid, cl.seq) > (${after.txid}::xid8, ${after.seq}::bigint)
         AND cl.txid < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY cl.txid, cl.seq
       LIMIT ${limit + 1}
    )
    SELECT (SELECT array_agg(teacher_id::text ORDER BY teacher_id::text) FROM scope) AS teachers,
           pg_snapshot_xmin(pg_current_snapshot())::text AS horizon,
           (SELECT jsonb_agg(jsonb_build_object('txid', p.txid::text, 'seq', p.seq::text,
                     'kind', p.kind, 'entity_id', p.entity_id, 'op', p.op, 'version', p.version,
                     'teacher_id', p.teacher_id) ORDER BY p.txid, p.seq)
              FROM page p) AS page,
           (SELECT jsonb_agg(jsonb_build_object('kind', r.kind, 'row', r.row))
              FROM (${sql.join(records, sql` UNION ALL `)}) r) AS records`.execute(db);
  const r = rows[0];
  const teacherIds = r?.teachers ?? [];
  const byKey = new Map<string, StoredRecord>();
  for (const rec of r?.records ?? []) {
    byKey.set(keyOf(rec.kind, String(rec.row.id)), recordFromRow(rec.kind, rec.row));
  }
  return {
    scope: { teacherIds, minYear, fingerprint: fingerprintOf(teacherIds, minYear) },
    horizon: r?.horizon as string,
    rows: r?.page ?? [],
    records: byKey,
  };
}

export async function pull(
  db: Kysely<DB>,
  actor: Actor,
  query: PullQuery,
  /** A push's own confirmed writes, left out of its folded pull when they are echoes. */
  ownWrites?: Map<string, OwnWrite>,
): Promise<PullResponse> {
  const limit = Math.min(query.limit ?? DEFAULT_PAGE, MAX_PULL_PAGE);
  const given = query.cursor ? decodeCursor(query.cursor) : null;
  let read = await readPage(db, actor, given ?? START, limit);
  const { scope } = read;
  // A device seeded for another scope starts over: new teachers' history reaches it, and it
  // drops what is not re-sent. (Rare: the page is read again from the start.)
  const reseed = given !== null && query.scope !== scope.fingerprint;
  if (reseed) read = await readPage(db, actor, START, limit);
  const after = reseed || !given ? START : given;
  const { horizon, rows, records } = read;

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
  const changes: Change[] = [];
  const echoes = new Set<string>();
  page.forEach((r, i) => {
    const key = keyOf(r.kind, r.entity_id);
    if (lastIndex.get(key) !== i) return;
    const record = KINDS[r.kind] ? records.get(key) : undefined;
    const change: Change = record
      ? { kind: r.kind, id: r.entity_id, op: 'upsert', version: record.version, data: record.data }
      : { kind: r.kind, id: r.entity_id, op: 'delete', version: r.version, data: null };
    if (isEcho(ownWrites?.get(key), change)) echoes.add(key);
    else changes.push(change);
  });
  // Individual formative data read by someone other than the teacher is audited.
  const sent = page.filter((r) => !echoes.has(keyOf(r.kind, r.entity_id)));
  const others = [...new Set(sent.map((r) => r.teacher_id))].filter((t) => t !== actor.personId);
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
