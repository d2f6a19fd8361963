import { randomUUID } from 'node:crypto';
import type { Change, Mutation } from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import { expect } from 'vitest';
import type { DB } from '../db/schema.ts';
import { LIMA_TODAY } from '../db/time.ts';
import type { TestClient, TestResponse } from '../test/http.ts';
import { readUntil } from '../test/until.ts';

// Helpers of the sync tests: a simulated device (device id, outbox seq) that builds mutations,
// and realistic records for a teacher of the demo coach's caseload.

export class Device {
  readonly deviceId = randomUUID();
  private seq = 0;

  upsert(
    kind: string,
    entityId: string,
    payload: Record<string, unknown>,
    options: { changed?: string[]; baseVersion?: number; base?: Record<string, unknown> } = {},
  ): Mutation {
    return {
      mutationId: randomUUID(),
      deviceId: this.deviceId,
      seq: ++this.seq,
      kind,
      entityId,
      op: 'upsert',
      baseVersion: options.baseVersion ?? 0,
      changed: options.changed ?? Object.keys(payload),
      payload,
      ...(options.base ? { base: options.base } : {}),
      createdAt: new Date().toISOString(),
    };
  }

  remove(kind: string, entityId: string, baseVersion = 1): Mutation {
    return {
      mutationId: randomUUID(),
      deviceId: this.deviceId,
      seq: ++this.seq,
      kind,
      entityId,
      op: 'delete',
      baseVersion,
      changed: [],
      payload: null,
      createdAt: new Date().toISOString(),
    };
  }
}

export async function push(
  client: TestClient,
  cookie: string,
  mutations: Mutation[],
  deviceId = mutations[0]?.deviceId,
): Promise<TestResponse> {
  return client.post('/api/v1/sync/push', { deviceId, mutations }, { cookie });
}

// biome-ignore lint/suspicious/noExplicitAny: results are asserted field by field
type Json = any;

/** Pushes and returns the results, failing on any HTTP error. */
export async function pushOk(
  client: TestClient,
  cookie: string,
  mutations: Mutation[],
): Promise<Json[]> {
  const res = await push(client, cookie, mutations);
  const body = await res.json();
  if (res.status !== 200) throw new Error(`push → ${res.status} ${JSON.stringify(body)}`);
  return body.results;
}

export interface Place {
  teacherId: string;
  schoolId: string;
  interventionCode: string;
}

/** A teacher the coach coaches now, with their school and the caseload's intervention. */
export async function caseloadTeacher(
  db: Kysely<DB>,
  coachId: string,
  teacherId?: string,
): Promise<Place> {
  const { rows } = await sql<Place>`
    SELECT c.teacher_id AS "teacherId", tp.school_id AS "schoolId", c.intervention_code AS "interventionCode"
      FROM caseload c
      JOIN teacher_post tp ON tp.person_id = c.teacher_id
     WHERE c.coach_id = ${coachId}
       AND c.valid_from <= ${LIMA_TODAY} AND (c.valid_to IS NULL OR c.valid_to >= ${LIMA_TODAY})
       AND (${teacherId ?? null}::uuid IS NULL OR c.teacher_id = ${teacherId ?? null}::uuid)
     ORDER BY tp.school_year DESC, c.teacher_id
     LIMIT 1`.execute(db);
  const row = rows[0];
  if (!row) throw new Error(`no current caseload teacher for coach ${coachId}`);
  return row;
}

export function visitPayload(place: Place, extra: Record<string, unknown> = {}) {
  return {
    teacherId: place.teacherId,
    schoolId: place.schoolId,
    interventionCode: place.interventionCode,
    kind: 'regular',
    status: 'planned',
    plannedDate: '2026-05-12',
    startedAt: null,
    endedAt: null,
    cancelReason: null,
    cancelNote: null,
    goals: ['Observar el uso de material concreto en matemática'],
    focus: ['D1', 'D3'],
    teacherConfirmedAt: null,
    dialogue: null,
    ...extra,
  };
}

export function commitmentPayload(
  place: Place,
  visitId: string,
  extra: Record<string, unknown> = {},
) {
  return {
    visitId,
    teacherId: place.teacherId,
    owner: 'teacher',
    desempeno: 'D3',
    text: 'Planificar preguntas que promuevan el razonamiento en la sesión de fracciones.',
    dueDate: '2026-05-30',
    status: 'pending',
    followUpNote: null,
    ...extra,
  };
}

/** A draft of a published checklist for `teacherId`, on no visit (tests set `visitId`). */
export async function draftResponsePayload(db: Kysely<DB>, teacherId: string) {
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM instrument_version
     WHERE status = 'published' AND definition->>'type' = 'checklist' ORDER BY id LIMIT 1`.execute(
    db,
  );
  const version = rows[0];
  if (!version) throw new Error('no published checklist');
  return {
    visitId: null as string | null,
    teacherId,
    instrumentVersionId: version.id,
    status: 'draft',
    answers: { items: {} },
  };
}

export async function count(db: Kysely<DB>, table: string, id: string): Promise<number> {
  const { rows } = await sql<{
    n: string;
  }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE id = ${id}`.execute(db);
  return Number(rows[0]?.n);
}

/**
 * On PostgreSQL the pull's horizon is the cluster's oldest open writer (docs/SYNC.md, "Cursor"),
 * and the test cluster is shared by the test files running beside this one. Before asserting
 * exactly what a push's page brings, wait (up to 10 s) until no other session holds an open
 * write transaction. PGlite has one session: nothing to wait for.
 */
export async function othersQuiet(db: Kysely<DB>, engine: 'pglite' | 'postgres'): Promise<void> {
  if (engine === 'pglite') return;
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()`.execute(db);
    if ((rows[0]?.n ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Options of a test that asserts a push's exact page. On the shared test cluster a writer of
 * another test file can start between `othersQuiet` and the push and hold the page back (a
 * delay, never a loss: concurrency.test.ts holds a transaction open to prove it); such a test
 * runs again, with new records, up to twice. On PGlite it never does.
 */
export function pageExact(engine: 'pglite' | 'postgres'): { retry: number } {
  return { retry: engine === 'postgres' ? 2 : 0 };
}

/** Every change of the person's scope, page after page. */
export async function pullAll(client: TestClient, cookie: string): Promise<Change[]> {
  const changes: Change[] = [];
  let cursor: string | undefined;
  let scope: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const params = new URLSearchParams({ limit: '500' });
    if (cursor) params.set('cursor', cursor);
    if (scope) params.set('scope', scope);
    const { status, body } = await client.getJson(`/api/v1/sync/pull?${params}`, cookie);
    expect(status).toBe(200);
    changes.push(...body.changes);
    cursor = body.cursor;
    scope = body.scope;
    if (!body.more) break;
  }
  return changes;
}

/** Pulls until `ready` holds: pull holds back changes newer than the oldest transaction still
 *  running in the cluster — other test files share the PostgreSQL. */
export const pullUntil = (
  client: TestClient,
  cookie: string,
  ready: (changes: Change[]) => boolean,
) => readUntil(() => pullAll(client, cookie), ready);

/** The last change of a record in `changes`. */
export const latest = (changes: Change[], kind: string, id: string) =>
  changes.filter((c) => c.kind === kind && c.id === id).at(-1);
