import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Device, pushOk, visitPayload } from '../../sync/testing.ts';
import { testTargets } from '../../test/databases.ts';
import { readUntil } from '../../test/until.ts';
import { DNI, rosterHarness, scopeOf, YEAR } from '../shared/testing.ts';
import { addCoach, addUncoachedSchool } from './testing.ts';

// A move reaches the devices through sync (issue 14 item 5): the first coach's device loses the
// teacher on its next pull (the scope fingerprint changes: re-seed without them), the new
// coach's device receives the teacher's history, and the first coach's unsent work is refused
// with a code and a Spanish reason — never applied to a teacher they no longer coach, never
// silently dropped (the device keeps a refused change: packages/web/src/offline/engine.test.ts).

interface Change {
  id: string;
  op: string;
  data: Record<string, unknown> | null;
}

describe.each(testTargets())('caseload move and sync scope on $engine', (target) => {
  const h = rosterHarness(target);

  async function pull(cookie: string, from: { cursor?: string; scope?: string } = {}) {
    const changes: Change[] = [];
    let { cursor, scope } = from;
    let reseed = false;
    for (let page = 0; page < 200; page++) {
      const params = new URLSearchParams({ limit: '200' });
      if (cursor) params.set('cursor', cursor);
      if (scope) params.set('scope', scope);
      const { status, body } = await h.client.getJson(`/api/v1/sync/pull?${params}`, cookie);
      expect(status, JSON.stringify(body)).toBe(200);
      if (page === 0) reseed = body.reseed;
      changes.push(...body.changes);
      cursor = body.cursor;
      scope = body.scope;
      if (!body.more) break;
    }
    return { changes, cursor, scope, reseed, ids: new Set(changes.map((c) => c.id)) };
  }

  /** Pull holds back changes newer than the oldest running transaction (PostgreSQL shared
   *  with other test files): retry a moment until `ready`. */
  const pullUntil = (
    cookie: string,
    from: { cursor?: string; scope?: string },
    ready: (p: Awaited<ReturnType<typeof pull>>) => boolean,
  ) => readUntil(() => pull(cookie, from), ready);

  it('moves a teacher: the old device loses them, the new one gets them, unsent work is explained', async () => {
    const ugel = await scopeOf(h.db, DNI.especialista, 'especialista');
    const school = await addUncoachedSchool(h.db, ugel, 1);
    const teacherId = school.teacherIds[0] as string;
    const first = await addCoach(h.db, ugel);
    const second = await addCoach(h.db, ugel);
    const assigned = await h.client.post(
      '/api/v1/caseloads',
      {
        coachId: first.id,
        intervention: 'MULTIGRADO',
        teacherIds: [teacherId],
        validFrom: `${YEAR}-01-01`,
      },
      { cookie: h.cookies.especialista },
    );
    expect(assigned.status).toBe(201);
    const caseloadId = (await assigned.json()).created[0].id;
    const [firstCookie, secondCookie] = [
      await h.client.login(first.dni),
      await h.client.login(second.dni),
    ];
    const place = { teacherId, schoolId: school.schoolId, interventionCode: 'MULTIGRADO' };
    const payload = (date: string) => visitPayload(place, { plannedDate: date });

    // 1. The first coach's device: a visit synced, then a second one written offline.
    const device = new Device();
    const synced = randomUUID();
    const [applied] = await pushOk(h.client, firstCookie, [
      device.upsert('visit', synced, payload(`${YEAR}-05-12`)),
    ]);
    expect(applied.status).toBe('applied');
    const before = await pullUntil(firstCookie, {}, (p) => p.ids.has(synced));
    expect(before.ids.has(synced)).toBe(true);
    const unsent = device.upsert('visit', randomUUID(), payload(`${YEAR}-06-02`));

    // 2. The especialista moves the teacher, with a reason.
    const moved = await h.client.post(
      `/api/v1/caseloads/${caseloadId}/move`,
      { coachId: second.id, reason: 'La acompañante pasó a otra red educativa' },
      { cookie: h.cookies.especialista },
    );
    expect(moved.status).toBe(200);

    // 3. The first device's next sync: its pending visit is refused with a reason it keeps…
    const [refused] = await pushOk(h.client, firstCookie, [unsent]);
    expect(refused).toMatchObject({ status: 'rejected', error: { code: 'SYNC_FORBIDDEN' } });
    expect(refused.error.message).toMatch(/queda guardado en este dispositivo/);
    const stored = await h.db
      .selectFrom('visit')
      .select('id')
      .where('id', '=', unsent.entityId)
      .execute();
    expect(stored).toEqual([]);
    // …and its pull re-seeds without the teacher: nothing of theirs is sent again.
    const after = await pull(firstCookie, { cursor: before.cursor, scope: before.scope });
    expect(after.reseed).toBe(true);
    expect(after.scope).not.toBe(before.scope);
    expect(after.ids.has(synced)).toBe(false);
    expect(after.changes.some((c) => c.data?.teacherId === teacherId)).toBe(false);

    // 4. The new coach's device receives the teacher's history and may write to it.
    const fresh = await pullUntil(secondCookie, {}, (p) => p.ids.has(synced));
    expect(fresh.ids.has(synced)).toBe(true);
    const [update] = await pushOk(h.client, secondCookie, [
      new Device().upsert(
        'visit',
        synced,
        { ...payload(`${YEAR}-05-12`), goals: ['Continuar con la planificación'] },
        { changed: ['goals'], baseVersion: 1 },
      ),
    ]);
    expect(update.status, JSON.stringify(update)).toBe('applied');

    // 5. The first device keeps pulling with its new fingerprint: the teacher stays out.
    const later = await pull(firstCookie, { cursor: after.cursor, scope: after.scope });
    expect(later.reseed).toBe(false);
    expect(later.ids.has(synced)).toBe(false);
  });
});
