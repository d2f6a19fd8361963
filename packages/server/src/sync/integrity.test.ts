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
  push,
  pushOk,
  visitPayload,
} from './testing.ts';

// Sync integrity (issue 11, items 11–13; docs/SYNC.md): a base version from the future cannot
// switch conflict detection off; a mutation id reused with other content is refused, not
// answered `duplicate`; a device id belongs to the person who first pushed with it.

describe.each(testTargets())('sync integrity on $engine', (target) => {
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
  const statusOf = async (id: string) =>
    (
      await h.db
        .selectFrom('commitment')
        .select(['status', 'version'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).status;
  const revisionsOf = async (id: string) =>
    Number(
      (
        await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM record_revision WHERE entity_id = ${id}`.execute(h.db)
      ).rows[0]?.n,
    );

  it('refuses a base version above the record’s current one, keeping the teacher’s value', async () => {
    const p = await coachPlace();
    const coach = new Device();
    const teacher = new Device();
    const visitId = randomUUID();
    const id = randomUUID();
    await pushOk(h.client, h.cookies.coach, [
      coach.upsert('visit', visitId, visitPayload(p)),
      coach.upsert('commitment', id, commitmentPayload(p, visitId)),
    ]);
    const [followed] = await pushOk(h.client, h.cookies.docente, [
      teacher.upsert('commitment', id, commitmentPayload(p, visitId, { status: 'en_proceso' }), {
        changed: ['status'],
        baseVersion: 1,
      }),
    ]);
    expect(followed).toMatchObject({ status: 'applied', version: 2 });

    const [future] = await pushOk(h.client, h.cookies.coach, [
      coach.upsert('commitment', id, commitmentPayload(p, visitId, { status: 'cumplido' }), {
        changed: ['status'],
        baseVersion: 999_999,
      }),
    ]);
    expect(future.status).toBe('rejected');
    expect(future.error.code).toBe('SYNC_BASE_VERSION_AHEAD');
    expect(future.error.message).toMatch(/versión 999999 .* versión 2/);
    expect(await statusOf(id)).toBe('en_proceso');

    // From the version it really saw, the coach's write wins and the teacher's value is kept.
    const [honest] = await pushOk(h.client, h.cookies.coach, [
      coach.upsert('commitment', id, commitmentPayload(p, visitId, { status: 'cumplido' }), {
        changed: ['status'],
        baseVersion: 1,
      }),
    ]);
    expect(honest).toMatchObject({ status: 'applied', version: 3, conflict: true });
    expect(await statusOf(id)).toBe('cumplido');
    expect(await revisionsOf(id)).toBe(1);
    // An update that overtakes its create still lands (no current version to compare with).
    const later = randomUUID();
    const [overtaking] = await pushOk(h.client, h.cookies.coach, [
      coach.upsert('visit', later, visitPayload(p), { changed: ['goals'], baseVersion: 1 }),
    ]);
    expect(overtaking.status).toBe('applied');
  });

  it('refuses a reused mutation id with other content instead of calling it a duplicate', async () => {
    const p = await coachPlace();
    const device = new Device();
    const id = randomUUID();
    const m = device.upsert('visit', id, visitPayload(p));
    const [first] = await pushOk(h.client, h.cookies.coach, [m]);
    expect(first.status).toBe('applied');
    // The same mutation again: a duplicate, as always.
    const [again] = await pushOk(h.client, h.cookies.coach, [m]);
    expect(again.status).toBe('duplicate');

    // Its id, other content (another visit, or the same visit with other goals).
    const otherRecord = { ...m, entityId: randomUUID() };
    const otherGoals = { ...m, payload: visitPayload(p, { goals: ['Otra cosa'] }) };
    const results = await pushOk(h.client, h.cookies.coach, [otherRecord, otherGoals]);
    for (const r of results) {
      expect(r.status).toBe('rejected');
      expect(r.error.code).toBe('SYNC_MUTATION_ID_REUSED');
      expect(r.error.message).toMatch(/otro contenido/);
    }
    expect(await count(h.db, 'visit', otherRecord.entityId)).toBe(0);
    const goals = await h.db
      .selectFrom('visit')
      .select('goals')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(goals.goals).toEqual(visitPayload(p).goals);

    // Within one batch too: the second use of an id with other content.
    const n = device.upsert('visit', randomUUID(), visitPayload(p));
    const both = await pushOk(h.client, h.cookies.coach, [
      n,
      { ...n, payload: visitPayload(p, { kind: 'diagnostic' }) },
    ]);
    expect(both.map((r) => r.error?.code ?? r.status)).toEqual([
      'applied',
      'SYNC_MUTATION_ID_REUSED',
    ]);
    const hash = await h.db
      .selectFrom('mutation_log')
      .select('content_hash')
      .where('mutation_id', '=', n.mutationId)
      .executeTakeFirstOrThrow();
    expect(hash.content_hash).toMatch(/^[\w-]{43}$/);
  });

  it('binds a device id to the first person who pushes with it', async () => {
    const p = await coachPlace();
    const device = new Device();
    const [mine] = await pushOk(h.client, h.cookies.coach, [
      device.upsert('visit', randomUUID(), visitPayload(p)),
    ]);
    expect(mine.status).toBe('applied');
    const owner = await h.db
      .selectFrom('sync_device')
      .select('person_id')
      .where('device_id', '=', device.deviceId)
      .executeTakeFirstOrThrow();
    expect(owner.person_id).toBe(await idOf(h.db, DNI.coach));

    // The teacher pushes with the coach's device id (their own change, otherwise fine).
    const visitId = randomUUID();
    await pushOk(h.client, h.cookies.coach, [device.upsert('visit', visitId, visitPayload(p))]);
    const borrowed = device.upsert(
      'visit',
      visitId,
      visitPayload(p, { teacherConfirmedAt: new Date().toISOString() }),
      { changed: ['teacherConfirmedAt'], baseVersion: 1 },
    );
    const res = await push(h.client, h.cookies.docente, [borrowed]);
    expect(res.status).toBe(403);
    const body = await res.json();
    expect(body.error.code).toBe('SYNC_DEVICE_NOT_YOURS');
    expect(body.error.message).toMatch(/pertenece a otra persona/);
    const claimed =
      await sql`SELECT 1 FROM mutation_log WHERE mutation_id = ${borrowed.mutationId}`.execute(
        h.db,
      );
    expect(claimed.rows).toHaveLength(0);

    // Naming it only inside a mutation (the envelope says another device) is refused too.
    const teacherDevice = new Device();
    const sneaky = await push(h.client, h.cookies.docente, [borrowed], teacherDevice.deviceId);
    expect(sneaky.status).toBe(403);
    // With their own device the same change is applied.
    const [own] = await pushOk(h.client, h.cookies.docente, [
      teacherDevice.upsert(
        'visit',
        visitId,
        visitPayload(p, { teacherConfirmedAt: new Date().toISOString() }),
        { changed: ['teacherConfirmedAt'], baseVersion: 1 },
      ),
    ]);
    expect(own.status).toBe('applied');
  });
});
