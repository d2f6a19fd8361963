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
import { PREPARE_SQL } from '../db/database.ts';
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

/** A record at one version, as the pull's statement spells it. */
const versionKey = (kind: string, id: string, version: number) => `${kind}:${id}:${version}`;

export interface PullScope {
  teacherIds: string[];
  /** Oldest school year sent; null: all years (the teacher's own record). */
  minYear: number | null;
  fingerprint: string;
}

/** Who the caller may pull (docs/PRIVACY.md): themself (a teacher) and/or the teachers of
 *  their current caseload, and from which school year. */
function scopeOf(actor: Actor) {
  const reach = reachOf(actor, 'field_record', 'read');
  if (reach.length === 0) throw new AppError('FORBIDDEN');
  let self = false;
  let caseload = false;
  let minYear: number | null = currentSchoolYear() - 1;
  for (const { relation } of reach) {
    if (relation === 'self') {
      self = true;
      minYear = null;
    } else if (relation === 'caseload') {
      caseload = true;
    } else {
      throw new Error(`relation ${relation} cannot scope a pull`);
    }
  }
  return { self, caseload, minYear };
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

interface PageRequest {
  actor: Actor;
  after: Cursor;
  limit: number;
}

interface Page {
  scope: PullScope;
  rows: PageRow[];
}

/**
 * For each request: the scope and one page of change_log after its cursor; and the horizon and
 * the current rows of the records on the pages — in ONE statement, whoever many devices pull
 * together (a group of pushes' folded pulls, group.ts). The horizon is the statement's own
 * snapshot's xmin: every transaction below it has finished and is visible to this statement.
 */
async function readPages(
  db: Kysely<DB>,
  requests: PageRequest[],
  /** `versionKey`s of records the caller holds already: not read. */
  known: string[],
): Promise<{ pages: Page[]; horizon: string; records: Map<string, StoredRecord> }> {
  const reqs = requests.map(({ actor, after, limit }, i) => {
    const { self, caseload, minYear } = scopeOf(actor);
    const { personId } = actor;
    return { i, person: personId, self, caseload, min_year: minYear, ...after, lim: limit + 1 };
  });
  const records = (Object.keys(KINDS) as EntityKind[]).map(
    (kind) =>
      sql`SELECT ${kind}::text AS kind, to_jsonb(t) AS row FROM ${sql.table(KINDS[kind].table)} t
           WHERE t.id IN (SELECT p.entity_id FROM page p WHERE p.kind = ${kind} AND NOT p.known)`,
  );
  const { rows } = await sql<{
    teachers: Record<string, string[]> | null;
    horizon: string;
    page: (PageRow & { i: number })[] | null;
    records: { kind: EntityKind; row: Record<string, unknown> }[] | null;
  }>`${PREPARE_SQL}WITH req AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(reqs)}::jsonb)
        AS r(i int, person uuid, self boolean, caseload boolean, min_year int, txid text,
             seq bigint, lim int)
    ),
    scope AS (
      SELECT r.i, r.person AS teacher_id FROM req r WHERE r.self
      UNION
      SELECT r.i, c.teacher_id FROM caseload c JOIN req r ON r.person = c.coach_id AND r.caseload
       WHERE c.coach_id = ANY(${reqs.filter((q) => q.caseload).map((q) => q.person)}::uuid[])
         AND c.valid_from <= ${LIMA_TODAY} AND (c.valid_to IS NULL OR c.valid_to >= ${LIMA_TODAY})
    ),
    -- An activity's rows are stamped with each organiser too (migration 0014): the caller's
    -- own id is probed for activities when it is not a teacher of the scope.
    probes AS (
      SELECT i, teacher_id, false AS only_activities FROM scope
      UNION ALL
      SELECT r.i, r.person, true FROM req r
       WHERE NOT EXISTS (SELECT 1 FROM scope s WHERE s.i = r.i AND s.teacher_id = r.person)
    ),
    -- One index range per teacher (change_log_teacher_idx), merged per request: the cost
    -- follows the scope's changes after the cursor, never the whole country's, whatever the
    -- cursor's age, so one generic plan serves every cursor and the statement is prepared.
    page AS (
      SELECT r.i, y.*,
             (y.kind || ':' || y.entity_id || ':' || y.version) = ANY(${known}::text[]) AS known
        FROM req r CROSS JOIN LATERAL (
        SELECT x.* FROM probes pr CROSS JOIN LATERAL (
          SELECT cl.txid, cl.seq, cl.kind, cl.entity_id, cl.op, cl.version, cl.teacher_id
            FROM change_log cl
           WHERE cl.teacher_id = pr.teacher_id
             AND (NOT pr.only_activities OR cl.kind = 'activity')
             AND (r.min_year IS NULL OR cl.school_year >= r.min_year)
             -- Written over the teacher index's three columns, so no other index can serve
             -- it: the txid index would read everyone's changes since the cursor per teacher.
             AND (cl.teacher_id, cl.txid, cl.seq) > (pr.teacher_id, r.txid::xid8, r.seq)
             AND cl.txid < pg_snapshot_xmin(pg_current_snapshot())
           ORDER BY cl.txid, cl.seq
           LIMIT r.lim
        ) x
         WHERE pr.i = r.i
         ORDER BY x.txid, x.seq
         LIMIT r.lim
      ) y
    )
    SELECT (SELECT jsonb_object_agg(i, t) FROM (
              SELECT i, array_agg(teacher_id::text ORDER BY teacher_id::text) AS t
                FROM scope GROUP BY i) s) AS teachers,
           pg_snapshot_xmin(pg_current_snapshot())::text AS horizon,
           (SELECT jsonb_agg(jsonb_build_object('i', p.i, 'txid', p.txid::text, 'seq', p.seq::text,
                     'kind', p.kind, 'entity_id', p.entity_id, 'op', p.op, 'version', p.version,
                     'teacher_id', p.teacher_id) ORDER BY p.i, p.txid, p.seq)
              FROM page p) AS page,
           (SELECT jsonb_agg(jsonb_build_object('kind', r.kind, 'row', r.row))
              FROM (${sql.join(records, sql` UNION ALL `)}) r) AS records`.execute(db);
  const r = rows[0];
  const byKey = new Map<string, StoredRecord>();
  for (const rec of r?.records ?? []) {
    byKey.set(keyOf(rec.kind, String(rec.row.id)), recordFromRow(rec.kind, rec.row));
  }
  const pages: Page[] = reqs.map((q) => {
    const teacherIds = r?.teachers?.[String(q.i)] ?? [];
    return {
      scope: {
        teacherIds,
        minYear: q.min_year,
        fingerprint: fingerprintOf(teacherIds, q.min_year),
      },
      rows: [],
    };
  });
  for (const row of r?.page ?? []) pages[row.i]?.rows.push(row);
  return { pages, horizon: r?.horizon as string, records: byKey };
}

export interface PullItem {
  actor: Actor;
  query: PullQuery;
  /** A push's own confirmed writes, left out of its folded pull when they are echoes. */
  ownWrites?: Map<string, OwnWrite> | undefined;
  /** Records the push just wrote, as stored: a page naming one at that version uses them
   *  instead of reading it back. */
  written?: StoredRecord[] | undefined;
}

export async function pull(
  db: Kysely<DB>,
  actor: Actor,
  query: PullQuery,
  ownWrites?: Map<string, OwnWrite>,
): Promise<PullResponse> {
  return (await pullMany(db, [{ actor, query, ownWrites }]))[0] as PullResponse;
}

/** Pages for several devices at once (the folded pulls of pushes committed together), in one
 *  statement; a second one only for the devices that must start over. */
export async function pullMany(db: Kysely<DB>, items: PullItem[]): Promise<PullResponse[]> {
  const asked = items.map(({ actor, query }) => {
    const limit = Math.min(query.limit ?? DEFAULT_PAGE, MAX_PULL_PAGE);
    const given = query.cursor ? decodeCursor(query.cursor) : null;
    return { actor, limit, given, after: given ?? START };
  });
  const known = new Map<string, StoredRecord>();
  for (const item of items) {
    for (const r of item.written ?? []) known.set(versionKey(r.kind, r.id, r.version), r);
  }
  const read = await readPages(db, asked, [...known.keys()]);
  // A device seeded for another scope starts over: new teachers' history reaches it, and it
  // drops what is not re-sent. (Rare: its page is read again from the start.)
  const reseeds = asked.flatMap((a, n) =>
    a.given !== null && items[n]?.query.scope !== read.pages[n]?.scope.fingerprint ? [n] : [],
  );
  const again = reseeds.length
    ? await readPages(
        db,
        reseeds.map((n) => ({ ...(asked[n] as (typeof asked)[number]), after: START })),
        [...known.keys()],
      )
    : null;
  const out: PullResponse[] = [];
  for (const [n, item] of items.entries()) {
    const a = asked[n] as (typeof asked)[number];
    const r = reseeds.indexOf(n);
    const from = r >= 0 && again ? again : read;
    const page = from.pages[r >= 0 ? r : n] as Page;
    out.push(
      await answer(db, item, page, from, known, {
        limit: a.limit,
        after: r >= 0 || !a.given ? START : a.given,
        reseed: r >= 0,
      }),
    );
  }
  return out;
}

/** One device's answer from its page: the cursor, the latest state of each record, echoes left
 *  out, and the audit of what it was sent about other people. */
async function answer(
  db: Kysely<DB>,
  { actor, ownWrites }: PullItem,
  { scope, rows }: Page,
  { horizon, records }: { horizon: string; records: Map<string, StoredRecord> },
  known: Map<string, StoredRecord>,
  { limit, after, reseed }: { limit: number; after: Cursor; reseed: boolean },
): Promise<PullResponse> {
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
    const record = KINDS[r.kind]
      ? (known.get(versionKey(r.kind, r.entity_id, r.version)) ?? records.get(key))
      : undefined;
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
