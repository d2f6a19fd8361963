import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { addAccount, DNI, idOf, rosterHarness, YEAR } from '../modules/shared/testing.ts';
import { testTargets } from '../test/databases.ts';
import { Device, pushOk } from './testing.ts';

// GET /sync/revisions covers the collective activities (docs/ACTIVITIES.md): an organiser's
// value of an activity overwritten by a co-organiser's concurrent edit is listed to them while
// the policy lets them read the activity (`activity_record`: its current organisers, the
// invited teachers and their current coaches), and no longer once they are taken off it.

describe.each(testTargets())('activity revisions on $engine', (target) => {
  const h = rosterHarness(target, async (db, far) => {
    await addAccount(db, far.coachId, 'acompanante', { level: 'national', id: null });
  });

  it('lists an organiser’s overwritten agreements until they stop organising', async () => {
    const coachA = await idOf(h.db, DNI.coach);
    const { dni } = await h.db
      .selectFrom('person')
      .select('dni')
      .where('id', '=', h.far.coachId)
      .executeTakeFirstOrThrow();
    const cookieB = await h.client.login(dni);
    const { rows } = await sql<{ intervention_code: string }>`
      SELECT intervention_code FROM caseload
       WHERE coach_id = ${h.far.coachId} AND teacher_id = ${h.far.teacherId}`.execute(h.db);
    const created = {
      organiserIds: [coachA, h.far.coachId],
      interventionCode: rows[0]?.intervention_code,
      type: 'jornada',
      scope: null,
      schoolId: h.far.schoolId,
      place: null,
      startDate: `${YEAR}-06-12`,
      endDate: `${YEAR}-06-12`,
      startTime: '09:00',
      endTime: null,
      theme: 'Jornada de planificación',
      desempenos: [],
      agenda: [],
      topics: [],
      agreements: [],
      notes: null,
      // B's teacher, invited by B (each organiser invites from their own group): within the
      // organisers' reach, and still after A leaves.
      inviteeIds: [h.far.teacherId],
      familyCounts: null,
      status: 'planned',
    };
    const id = randomUUID();
    const phoneA = new Device();
    const phoneB = new Device();
    const [made] = await pushOk(h.client, cookieB, [phoneB.upsert('activity', id, created)]);
    expect(made.status).toBe('applied');
    // Both edit the agreements offline from version 1; B arrives last and wins.
    const agreements = (list: string[]) => ({ ...created, agreements: list });
    await pushOk(h.client, h.cookies.coach, [
      phoneA.upsert('activity', id, agreements(['Traer el plan de la unidad']), {
        changed: ['agreements'],
        baseVersion: 1,
      }),
    ]);
    const [last] = await pushOk(h.client, cookieB, [
      phoneB.upsert('activity', id, agreements(['Compartir una sesión']), {
        changed: ['agreements'],
        baseVersion: 1,
        base: { agreements: [] },
      }),
    ]);
    expect(last).toMatchObject({ status: 'applied', conflict: true });

    const listA = await h.client.getJson('/api/v1/sync/revisions', h.cookies.coach);
    expect(listA.status).toBe(200);
    const mine = listA.body.items.filter((r: { entityId: string }) => r.entityId === id);
    expect(mine).toEqual([
      expect.objectContaining({
        kind: 'activity',
        teacherId: null,
        field: 'agreements',
        overwrittenValue: ['Traer el plan de la unidad'],
        newValue: ['Compartir una sesión'],
      }),
    ]);
    // Flagged to A only: B, whose value won, has nothing to review.
    const listB = await h.client.getJson('/api/v1/sync/revisions?status=all', cookieB);
    expect(listB.body.items.filter((r: { entityId: string }) => r.entityId === id)).toEqual([]);

    // B takes A off the organisers: A no longer reads the activity, nor its revision.
    const [removed] = await pushOk(h.client, cookieB, [
      phoneB.upsert(
        'activity',
        id,
        { ...agreements(['Compartir una sesión']), organiserIds: [h.far.coachId] },
        {
          changed: ['organiserIds'],
          baseVersion: 3,
        },
      ),
    ]);
    expect(removed.status).toBe('applied');
    const after = await h.client.getJson('/api/v1/sync/revisions?status=all', h.cookies.coach);
    expect(after.status).toBe(200);
    expect(after.body.items.filter((r: { entityId: string }) => r.entityId === id)).toEqual([]);
    const resolve = await h.client.request(`/api/v1/sync/revisions/${mine[0].id}/resolve`, {
      method: 'POST',
      headers: { cookie: h.cookies.coach, origin: 'http://localhost' },
    });
    expect(resolve.status).toBe(404);

    // Back as an organiser, A sees it again and can mark it as seen.
    await pushOk(h.client, cookieB, [
      phoneB.upsert(
        'activity',
        id,
        { ...agreements(['Compartir una sesión']), organiserIds: [h.far.coachId, coachA] },
        { changed: ['organiserIds'], baseVersion: 4 },
      ),
    ]);
    const again = await h.client.getJson('/api/v1/sync/revisions', h.cookies.coach);
    expect(again.body.items.map((r: { id: string }) => r.id)).toContain(mine[0].id);
    const seen = await h.client.request(`/api/v1/sync/revisions/${mine[0].id}/resolve`, {
      method: 'POST',
      headers: { cookie: h.cookies.coach, origin: 'http://localhost' },
    });
    expect(seen.status).toBe(204);
  });
});
