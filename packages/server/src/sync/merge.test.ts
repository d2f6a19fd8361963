import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DNI, idOf, rosterHarness } from '../modules/shared/testing.ts';
import { testTargets } from '../test/databases.ts';
import {
  caseloadTeacher,
  commitmentPayload,
  count,
  Device,
  type Place,
  pushOk,
  visitPayload,
} from './testing.ts';

// POST /sync/push on both engines: how writes merge — an update overtaking its create, a
// late create, concurrent same-field edits kept as revisions, deletes and tombstones.

describe.each(testTargets())('sync merge on $engine', (target) => {
  const h = rosterHarness(target);
  let place: Place;
  const coachPlace = async () => {
    place ??= await caseloadTeacher(
      h.db,
      await idOf(h.db, DNI.coach),
      await idOf(h.db, DNI.docente),
    );
    return place;
  };

  it('lands an update that overtakes its create; the late create does not undo the newer field', async () => {
    const p = await coachPlace();
    const device = new Device();
    const id = randomUUID();
    const create = device.upsert('visit', id, visitPayload(p));
    const update = device.upsert(
      'visit',
      id,
      visitPayload(p, { status: 'done', startedAt: '2026-05-12T08:00:00-05:00' }),
      {
        changed: ['status', 'startedAt'],
        baseVersion: 1,
      },
    );
    const [u] = await pushOk(h.client, h.cookies.coach, [update]);
    expect(u).toMatchObject({ status: 'applied', version: 1 });
    const [c] = await pushOk(h.client, h.cookies.coach, [create]);
    expect(c).toMatchObject({ status: 'applied', version: 2, conflict: false });
    const row = await sql<{
      status: string;
      started: Date | null;
    }>`SELECT status, started_at AS started FROM visit WHERE id = ${id}`.execute(h.db);
    expect(row.rows[0]?.status).toBe('done');
    expect(row.rows[0]?.started).not.toBeNull();

    // The teacher confirms before the coach's create arrives: the create's empty
    // teacher-owned field is not a write of it.
    const second = randomUUID();
    const create2 = device.upsert('visit', second, visitPayload(p));
    const update2 = device.upsert('visit', second, visitPayload(p, { goals: ['Otro propósito'] }), {
      changed: ['goals'],
      baseVersion: 1,
    });
    await pushOk(h.client, h.cookies.coach, [update2]);
    const [confirm] = await pushOk(h.client, h.cookies.docente, [
      new Device().upsert(
        'visit',
        second,
        visitPayload(p, { teacherConfirmedAt: '2026-05-11T10:00:00Z' }),
        {
          changed: ['teacherConfirmedAt'],
          baseVersion: 1,
        },
      ),
    ]);
    expect(confirm.status).toBe('applied');
    const [late] = await pushOk(h.client, h.cookies.coach, [create2]);
    expect(late).toMatchObject({ status: 'applied', conflict: false });
    const kept = await sql<{
      goals: string[];
      confirmed: Date | null;
    }>`SELECT goals, teacher_confirmed_at AS confirmed FROM visit WHERE id = ${second}`.execute(
      h.db,
    );
    expect(kept.rows[0]?.goals).toEqual(['Otro propósito']);
    expect(kept.rows[0]?.confirmed).not.toBeNull();
  });

  it('keeps a concurrent same-field edit as a revision flagged to the person whose value was replaced', async () => {
    const p = await coachPlace();
    const coach = new Device();
    const teacher = new Device();
    const visitId = randomUUID();
    const id = randomUUID();
    await pushOk(h.client, h.cookies.coach, [
      coach.upsert('visit', visitId, visitPayload(p)),
      coach.upsert('commitment', id, commitmentPayload(p, visitId)),
    ]);
    // Both saw version 1; the teacher syncs first, then the coach.
    const [t] = await pushOk(h.client, h.cookies.docente, [
      teacher.upsert('commitment', id, commitmentPayload(p, visitId, { status: 'en_proceso' }), {
        changed: ['status'],
        baseVersion: 1,
        base: { status: 'pending' },
      }),
    ]);
    expect(t).toMatchObject({ status: 'applied', version: 2, conflict: false });
    const [c] = await pushOk(h.client, h.cookies.coach, [
      coach.upsert('commitment', id, commitmentPayload(p, visitId, { status: 'cumplido' }), {
        changed: ['status'],
        baseVersion: 1,
        base: { status: 'pending' },
      }),
    ]);
    expect(c).toMatchObject({ status: 'applied', version: 3, conflict: true });
    const row = await sql<{
      status: string;
    }>`SELECT status FROM commitment WHERE id = ${id}`.execute(h.db);
    expect(row.rows[0]?.status).toBe('cumplido');

    const teacherId = await idOf(h.db, DNI.docente);
    const coachId = await idOf(h.db, DNI.coach);
    const revisions = await sql<{
      field: string;
      overwritten_value: unknown;
      new_value: unknown;
      flagged_for: string;
      written_by: string;
      overwritten_by_person: string;
    }>`
      SELECT field, overwritten_value, new_value, flagged_for, written_by, overwritten_by_person FROM record_revision WHERE entity_id = ${id}`.execute(
      h.db,
    );
    expect(revisions.rows).toEqual([
      {
        field: 'status',
        overwritten_value: 'en_proceso',
        new_value: 'cumplido',
        flagged_for: teacherId,
        written_by: coachId,
        overwritten_by_person: teacherId,
      },
    ]);
    // The teacher sees it; the coach has nothing flagged.
    const mine = await h.client.getJson('/api/v1/sync/revisions', h.cookies.docente);
    expect(mine.status).toBe(200);
    const item = mine.body.items.find((r: { entityId: string }) => r.entityId === id);
    expect(item).toMatchObject({
      kind: 'commitment',
      field: 'status',
      overwrittenValue: 'en_proceso',
      newValue: 'cumplido',
      resolvedAt: null,
    });
    expect(item.writtenBy.id).toBe(coachId);
    const coachSees = await h.client.getJson('/api/v1/sync/revisions', h.cookies.coach);
    expect(coachSees.body.items.some((r: { entityId: string }) => r.entityId === id)).toBe(false);
    expect(
      (
        await h.client.post(
          `/api/v1/sync/revisions/${item.id}/resolve`,
          {},
          { cookie: h.cookies.coach },
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await h.client.post(
          `/api/v1/sync/revisions/${item.id}/resolve`,
          {},
          { cookie: h.cookies.docente },
        )
      ).status,
    ).toBe(204);
    const open = await h.client.getJson('/api/v1/sync/revisions?status=open', h.cookies.docente);
    expect(open.body.items.some((r: { id: string }) => r.id === item.id)).toBe(false);

    // Writing the same value someone else wrote, or replacing exactly what the device saw,
    // loses nothing: no revision.
    const [same] = await pushOk(h.client, h.cookies.docente, [
      teacher.upsert('commitment', id, commitmentPayload(p, visitId, { status: 'cumplido' }), {
        changed: ['status'],
        baseVersion: 2,
      }),
    ]);
    expect(same.conflict).toBe(false);
  });

  it('deletes with a tombstone; nothing resurrects a deleted record', async () => {
    const p = await coachPlace();
    const a = new Device();
    const b = new Device();
    const id = randomUUID();
    await pushOk(h.client, h.cookies.coach, [a.upsert('visit', id, visitPayload(p))]);
    const [del] = await pushOk(h.client, h.cookies.coach, [a.remove('visit', id)]);
    expect(del).toMatchObject({ status: 'applied', version: 2 });
    expect(await count(h.db, 'visit', id)).toBe(0);
    const tomb = await sql<{
      op: string;
      version: number;
    }>`SELECT op, version FROM change_log WHERE entity_id = ${id} ORDER BY seq DESC LIMIT 1`.execute(
      h.db,
    );
    expect(tomb.rows[0]).toEqual({ op: 'delete', version: 2 });
    // Another device's offline edit of the deleted record is rejected, with a reason.
    const [late] = await pushOk(h.client, h.cookies.coach, [
      b.upsert('visit', id, visitPayload(p, { status: 'done' }), {
        changed: ['status'],
        baseVersion: 1,
      }),
    ]);
    expect(late.error.code).toBe('SYNC_RECORD_DELETED');
    expect(await count(h.db, 'visit', id)).toBe(0);

    // A delete that overtakes its create (same device): the create is superseded.
    const c = new Device();
    const other = randomUUID();
    const create = c.upsert('visit', other, visitPayload(p));
    const remove = c.remove('visit', other);
    expect((await pushOk(h.client, h.cookies.coach, [remove]))[0]).toMatchObject({
      status: 'applied',
      version: null,
    });
    expect((await pushOk(h.client, h.cookies.coach, [create]))[0]).toMatchObject({
      status: 'applied',
      version: null,
    });
    expect(await count(h.db, 'visit', other)).toBe(0);
    // A teacher may not delete the coach's visit.
    const kept = randomUUID();
    await pushOk(h.client, h.cookies.coach, [a.upsert('visit', kept, visitPayload(p))]);
    const [refused] = await pushOk(h.client, h.cookies.docente, [
      new Device().remove('visit', kept),
    ]);
    expect(refused.error.code).toBe('SYNC_NOT_CREATOR');
    expect(await count(h.db, 'visit', kept)).toBe(1);
  });
});
