import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { LIMA_TODAY } from '../db/time.ts';
import { addAccount, DNI, idOf, rosterHarness } from '../modules/shared/testing.ts';
import { testTargets } from '../test/databases.ts';
import type { TestClient } from '../test/http.ts';
import { readUntil } from '../test/until.ts';
import {
  caseloadTeacher,
  commitmentPayload,
  Device,
  type Place,
  pushOk,
  visitPayload,
} from './testing.ts';

// GET /sync/pull on both engines: scope (coach: current caseload; teacher: own; nobody else),
// paging by opaque cursor, tombstones, re-seed when the scope changes, audit of coach reads.

interface Change {
  kind: string;
  id: string;
  op: 'upsert' | 'delete';
  version: number;
  data: Record<string, unknown> | null;
}

/** Pulls until `more` is false; checks every page's bounds. */
async function pullAll(
  client: TestClient,
  cookie: string,
  from: { cursor?: string; scope?: string } = {},
  limit = 5,
) {
  const changes: Change[] = [];
  let cursor = from.cursor;
  let scope = from.scope;
  let reseed = false;
  let pages = 0;
  for (;;) {
    const params = new URLSearchParams({ limit: String(limit) });
    if (cursor) params.set('cursor', cursor);
    if (scope) params.set('scope', scope);
    const { status, body } = await client.getJson(`/api/v1/sync/pull?${params}`, cookie);
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.changes.length).toBeLessThanOrEqual(limit);
    const ids = body.changes.map((c: Change) => `${c.kind}:${c.id}`);
    expect(new Set(ids).size, 'a record appears once per page').toBe(ids.length);
    if (pages === 0) reseed = body.reseed;
    changes.push(...body.changes);
    cursor = body.cursor;
    scope = body.scope;
    pages++;
    if (!body.more) break;
    // A full page may hold fewer changes than `limit`: a record changed twice is sent once.
    expect(body.changes.length).toBeGreaterThan(0);
    // Bounded: the demo year at 5 changes a page, with each collective activity's change_log
    // rows (one per organiser and invitee in scope, docs/ACTIVITIES.md) on the coach's pages.
    if (pages > 400) throw new Error('pull does not end');
  }
  return { changes, cursor: cursor as string, scope: scope as string, pages, reseed };
}

type Pulled = Awaited<ReturnType<typeof pullAll>>;

/**
 * Pulls from the same starting point until `ready` holds. Pull holds back changes newer than
 * the oldest transaction still running anywhere in the cluster — on a PostgreSQL shared with
 * other test files running in parallel, that can be a moment.
 */
const pullUntil = (
  client: TestClient,
  cookie: string,
  from: { cursor?: string; scope?: string },
  ready: (p: Pulled) => boolean,
  limit = 5,
): Promise<Pulled> => readUntil(() => pullAll(client, cookie, from, limit), ready);

const has = (ids: string[]) => (p: Pulled) => {
  const got = new Set(p.changes.map((c) => c.id));
  return ids.every((id) => got.has(id));
};

/** The latest change per record, as a device applying pages in order would keep it. */
const latest = (changes: Change[]) => {
  const out = new Map<string, Change>();
  for (const c of changes) out.set(c.id, c);
  return out;
};

describe.each(testTargets())('sync pull on $engine', (target) => {
  const h = rosterHarness(target, async (db, far) => {
    await addAccount(db, far.coachId, 'acompanante', { level: 'ugel', id: far.ugelId });
  });
  let place: Place;
  let other: Place;
  const setup = async () => {
    const coachId = await idOf(h.db, DNI.coach);
    place ??= await caseloadTeacher(h.db, coachId, await idOf(h.db, DNI.docente));
    other ??= await caseloadTeacher(
      h.db,
      coachId,
      (
        await sql<{
          id: string;
        }>`SELECT teacher_id AS id FROM caseload WHERE coach_id = ${coachId} AND teacher_id <> ${place.teacherId}
        AND valid_from <= ${LIMA_TODAY} AND (valid_to IS NULL OR valid_to >= ${LIMA_TODAY}) ORDER BY teacher_id LIMIT 1`.execute(
          h.db,
        )
      ).rows[0]?.id,
    );
  };

  it('pages the coach’s scope by cursor, then sends only what changed, tombstones included', async () => {
    await setup();
    const device = new Device();
    const visits = Array.from({ length: 7 }, () => randomUUID());
    const commitments = Array.from({ length: 5 }, () => randomUUID());
    await pushOk(h.client, h.cookies.coach, [
      ...visits.map((id, i) =>
        device.upsert(
          'visit',
          id,
          visitPayload(i % 2 ? other : place, {
            plannedDate: `2026-06-${10 + i}`,
            startedAt: '2026-06-10T08:00:00-05:00',
          }),
        ),
      ),
      ...commitments.map((id) =>
        device.upsert('commitment', id, commitmentPayload(place, visits[0] as string)),
      ),
    ]);
    const seed = await pullUntil(h.client, h.cookies.coach, {}, has([...visits, ...commitments]));
    expect(seed.pages).toBeGreaterThan(2);
    expect(seed.reseed).toBe(false);
    const got = latest(seed.changes);
    for (const id of [...visits, ...commitments]) expect(got.get(id)?.op, id).toBe('upsert');
    const v0 = got.get(visits[0] as string);
    expect(v0?.version).toBe(1);
    expect(v0?.data).toEqual({
      ...visitPayload(place, { plannedDate: '2026-06-10', startedAt: '2026-06-10T13:00:00.000Z' }),
    });

    // Nothing new: an empty page, and the cursor still works.
    const idle = await pullAll(h.client, h.cookies.coach, {
      cursor: seed.cursor,
      scope: seed.scope,
    });
    expect(idle.changes).toEqual([]);

    await pushOk(h.client, h.cookies.coach, [
      device.upsert(
        'visit',
        visits[1] as string,
        visitPayload(other, {
          plannedDate: '2026-06-11',
          status: 'cancelled',
          cancelReason: 'strike',
        }),
        {
          changed: ['status', 'cancelReason'],
          baseVersion: 1,
        },
      ),
      device.remove('commitment', commitments[0] as string),
    ]);
    const next = await pullUntil(
      h.client,
      h.cookies.coach,
      { cursor: idle.cursor, scope: idle.scope },
      has([visits[1] as string, commitments[0] as string]),
    );
    expect(next.changes.map((c) => [c.id, c.op, c.version])).toEqual([
      [visits[1], 'upsert', 2],
      [commitments[0], 'delete', 2],
    ]);
    expect(next.changes[0]?.data).toMatchObject({ status: 'cancelled', cancelReason: 'strike' });
    expect(next.changes[1]?.data).toBeNull();

    const audited = await sql<{
      n: string;
    }>`SELECT count(*) AS n FROM audit_event WHERE action = 'sync.pull' AND actor_id = ${await idOf(h.db, DNI.coach)}`.execute(
      h.db,
    );
    expect(Number(audited.rows[0]?.n)).toBeGreaterThan(0);
  });

  it('gives the teacher their own records only', async () => {
    await setup();
    const device = new Device();
    const mine = randomUUID();
    const theirs = randomUUID();
    await pushOk(h.client, h.cookies.coach, [
      device.upsert('visit', mine, visitPayload(place)),
      device.upsert('visit', theirs, visitPayload(other)),
    ]);
    const { changes } = await pullUntil(h.client, h.cookies.docente, {}, has([mine]), 50);
    const ids = changes.map((c) => c.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(theirs);
    // Every record is about this teacher; a collective activity (about no single teacher)
    // reaches them only when they are invited (docs/ACTIVITIES.md).
    const aboutThem = (c: Change) =>
      c.data === null ||
      (c.kind === 'activity'
        ? (c.data.inviteeIds as string[]).includes(place.teacherId)
        : c.data.teacherId === place.teacherId);
    expect(changes.every(aboutThem)).toBe(true);
  });

  it('round-trips a coaching-cycle record (diagnosis) and a visit’s dialogue to the teacher', async () => {
    await setup();
    const device = new Device();
    const visitId = randomUUID();
    const diagnosisId = randomUUID();
    const dialogue = {
      apertura: '¿Cómo te sentiste en la sesión?',
      reflexion: 'Los estudiantes explicaron sus estrategias.',
      alternativas: 'Usar material concreto al inicio.',
      compromisos: 'Planificar preguntas abiertas.',
      reflectionLevel: 'practica',
    };
    const diagnosis = {
      teacherId: place.teacherId,
      schoolId: place.schoolId,
      schoolYear: 2026,
      visitId,
      practiceStrengths: ['Clima de aula cálido'],
      practiceWeaknesses: ['Pocas preguntas de razonamiento'],
      managementStrengths: [],
      managementWeaknesses: ['Poco tiempo para planificar en equipo'],
      learningBaseline: [
        {
          area: 'Matemática',
          grade: 3,
          students: 20,
          levels: { inicio: 8, proceso: 7, logro_esperado: 4, logro_destacado: 1 },
        },
      ],
    };
    const results = await pushOk(h.client, h.cookies.coach, [
      device.upsert('visit', visitId, visitPayload(place, { status: 'done', dialogue })),
      device.upsert('diagnosis', diagnosisId, diagnosis),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const { changes } = await pullUntil(
      h.client,
      h.cookies.docente,
      {},
      has([visitId, diagnosisId]),
      50,
    );
    const got = latest(changes);
    expect(got.get(diagnosisId)).toMatchObject({ kind: 'diagnosis', op: 'upsert', version: 1 });
    expect(got.get(diagnosisId)?.data).toEqual(diagnosis);
    expect(got.get(visitId)?.data?.dialogue).toEqual(dialogue);
    // The teacher reads it but cannot write the coach's diagnosis.
    const [denied] = await pushOk(h.client, h.cookies.docente, [
      new Device().upsert(
        'diagnosis',
        diagnosisId,
        { ...diagnosis, practiceStrengths: ['Otro'] },
        {
          changed: ['practiceStrengths'],
          baseVersion: 1,
        },
      ),
    ]);
    expect(denied.status).toBe('rejected');
    expect(denied.error.code).toBe('SYNC_FIELD_NOT_OWNED');
  });

  it('never sends a field record to a director, especialista, formador or MINEDU', async () => {
    await setup();
    await pushOk(h.client, h.cookies.coach, [
      new Device().upsert('visit', randomUUID(), visitPayload(place)),
    ]);
    for (const role of ['director', 'especialista', 'formador', 'minedu'] as const) {
      const { status, body } = await h.client.getJson('/api/v1/sync/pull', h.cookies[role]);
      expect(status, role).toBe(403);
      expect(body.error.code).toBe('FORBIDDEN');
    }
  });

  it('re-seeds from the start when the scope changes, so a new teacher’s history arrives', async () => {
    await setup();
    const farCoach = await h.client.login(
      (await sql<{ dni: string }>`SELECT dni FROM person WHERE id = ${h.far.coachId}`.execute(h.db))
        .rows[0]?.dni as string,
    );
    const farVisit = randomUUID();
    const [r] = await pushOk(h.client, farCoach, [
      new Device().upsert(
        'visit',
        farVisit,
        visitPayload({
          teacherId: h.far.teacherId,
          schoolId: h.far.schoolId,
          interventionCode: 'MULTIGRADO',
        }),
      ),
    ]);
    expect(r.status).toBe('applied');
    const before = await pullAll(h.client, h.cookies.coach);
    expect(before.changes.some((c) => c.id === farVisit)).toBe(false);

    const coachId = await idOf(h.db, DNI.coach);
    await sql`INSERT INTO caseload (coach_id, teacher_id, intervention_code, region_id, ugel_id, valid_from)
      VALUES (${coachId}, ${h.far.teacherId}, 'MULTIGRADO', ${h.far.regionId}, ${h.far.ugelId}, ${LIMA_TODAY})`.execute(
      h.db,
    );
    const after = await pullUntil(
      h.client,
      h.cookies.coach,
      { cursor: before.cursor, scope: before.scope },
      has([farVisit]),
    );
    expect(after.reseed).toBe(true);
    expect(after.scope).not.toBe(before.scope);
    const ids = new Set(after.changes.map((c) => c.id));
    expect(ids.has(farVisit)).toBe(true);
    // The re-seed re-sends everything in scope, old records included.
    for (const c of before.changes.filter((x) => x.op === 'upsert'))
      expect(ids.has(c.id)).toBe(true);
    const again = await pullAll(h.client, h.cookies.coach, {
      cursor: after.cursor,
      scope: after.scope,
    });
    expect(again.reseed).toBe(false);
    expect(again.changes).toEqual([]);
  });

  it('refuses a cursor it did not issue, naming the field', async () => {
    const { status, body } = await h.client.getJson(
      '/api/v1/sync/pull?cursor=bm9wZQ',
      h.cookies.coach,
    );
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/«cursor»/);
  });
});
