import { randomUUID } from 'node:crypto';
import { addDays, limaToday } from '@acompana/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DNI, idOf, rosterHarness } from '../modules/shared/testing.ts';
import { testTargets } from '../test/databases.ts';
import {
  caseloadTeacher,
  count,
  Device,
  type Place,
  push,
  pushOk,
  visitPayload,
} from './testing.ts';

// POST /sync/push on both engines: exactly-once, authorization and field ownership, a bad
// mutation never spoils the others, instrument answers, a failed transaction (merge.test.ts:
// overtaking writes, conflicts, deletes).

describe.each(testTargets())('sync push on $engine', (target) => {
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

  it('applies a repeated mutation once and answers the repeat with its first result', async () => {
    const p = await coachPlace();
    const device = new Device();
    const id = randomUUID();
    const m = device.upsert('visit', id, visitPayload(p));
    const [first] = await pushOk(h.client, h.cookies.coach, [m]);
    expect(first).toMatchObject({
      mutationId: m.mutationId,
      status: 'applied',
      version: 1,
      conflict: false,
      error: null,
    });
    const [again] = await pushOk(h.client, h.cookies.coach, [m]);
    expect(again).toEqual({ ...first, status: 'duplicate' });
    // The same mutation twice in one batch: one applied, the other a duplicate.
    const n = device.upsert('visit', randomUUID(), visitPayload(p));
    const twice = await pushOk(h.client, h.cookies.coach, [n, n]);
    expect(twice.map((r) => r.status)).toEqual(['applied', 'duplicate']);
    expect(await count(h.db, 'visit', id)).toBe(1);
    const logged = await sql<{
      n: string;
    }>`SELECT count(*) AS n FROM mutation_log WHERE mutation_id IN (${m.mutationId}, ${n.mutationId})`.execute(
      h.db,
    );
    expect(Number(logged.rows[0]?.n)).toBe(2);
    const changes = await sql<{
      n: string;
    }>`SELECT count(*) AS n FROM change_log WHERE entity_id = ${id}`.execute(h.db);
    expect(Number(changes.rows[0]?.n)).toBe(1);
  });

  it('rejects a coach writing for a teacher outside their current caseload, and writes nothing', async () => {
    const p = await coachPlace();
    const device = new Device();
    const id = randomUUID();
    const m = device.upsert(
      'visit',
      id,
      visitPayload({ ...p, teacherId: h.far.teacherId, schoolId: h.far.schoolId }),
    );
    const [result] = await pushOk(h.client, h.cookies.coach, [m]);
    expect(result.status).toBe('rejected');
    expect(result.error.code).toBe('SYNC_FORBIDDEN');
    expect(result.error.message).toMatch(/grupo de acompañamiento actual/);
    expect(await count(h.db, 'visit', id)).toBe(0);
    // A repeated rejection answers the same rejection.
    const [again] = await pushOk(h.client, h.cookies.coach, [m]);
    expect(again).toEqual(result);
  });

  it('never lets a director, especialista, formador or MINEDU write a field record', async () => {
    const p = await coachPlace();
    for (const role of ['director', 'especialista', 'formador', 'minedu'] as const) {
      const id = randomUUID();
      const [result] = await pushOk(h.client, h.cookies[role], [
        new Device().upsert('visit', id, visitPayload(p)),
      ]);
      expect(result.error?.code, role).toBe('SYNC_FORBIDDEN');
      expect(await count(h.db, 'visit', id)).toBe(0);
    }
  });

  it('rejects a teacher writing a coach-owned field, and takes the fields the teacher owns', async () => {
    const p = await coachPlace();
    const coach = new Device();
    const teacher = new Device();
    const id = randomUUID();
    await pushOk(h.client, h.cookies.coach, [coach.upsert('visit', id, visitPayload(p))]);
    const [owned] = await pushOk(h.client, h.cookies.docente, [
      teacher.upsert('visit', id, visitPayload(p, { status: 'done' }), {
        changed: ['status'],
        baseVersion: 1,
      }),
    ]);
    expect(owned.status).toBe('rejected');
    expect(owned.error.code).toBe('SYNC_FIELD_NOT_OWNED');
    expect(owned.error.message).toContain('«estado»');
    const confirmedAt = '2026-05-10T08:30:00-05:00';
    const [ok] = await pushOk(h.client, h.cookies.docente, [
      teacher.upsert('visit', id, visitPayload(p, { teacherConfirmedAt: confirmedAt }), {
        changed: ['teacherConfirmedAt'],
        baseVersion: 1,
      }),
    ]);
    expect(ok).toMatchObject({ status: 'applied', version: 2 });
    const row = await sql<{
      status: string;
      confirmed: Date;
    }>`SELECT status, teacher_confirmed_at AS confirmed FROM visit WHERE id = ${id}`.execute(h.db);
    expect(row.rows[0]?.status).toBe('planned');
    expect(new Date(row.rows[0]?.confirmed as Date).toISOString()).toBe(
      new Date(confirmedAt).toISOString(),
    );
    // A teacher cannot create a coach's kind of record either.
    const [create] = await pushOk(h.client, h.cookies.docente, [
      teacher.upsert('visit', randomUUID(), visitPayload(p)),
    ]);
    expect(create.error.code).toBe('SYNC_NOT_CREATOR');
  });

  it('answers each mutation of a batch on its own: bad ones are rejected with a Spanish reason, the rest applied', async () => {
    const p = await coachPlace();
    const device = new Device();
    const good = [randomUUID(), randomUUID()];
    // Passes zod, refused by the database (school year CHECK). A year after 2100, not before
    // 2000: a past year is refused earlier, as a closed school year (closed-year.test.ts).
    const tooOld = randomUUID();
    const batch = [
      device.upsert('visit', good[0] as string, visitPayload(p)),
      device.upsert('visit', randomUUID(), visitPayload(p, { plannedDate: '12/05/2026' })),
      device.upsert('visit', randomUUID(), visitPayload(p, { schoolId: randomUUID() })),
      device.upsert('visit', tooOld, visitPayload(p, { plannedDate: '2101-05-12' })),
      device.upsert('visit', good[1] as string, visitPayload(p, { kind: 'diagnostic' })),
    ];
    const results = await pushOk(h.client, h.cookies.coach, batch);
    expect(results.map((r) => r.status)).toEqual([
      'applied',
      'rejected',
      'rejected',
      'rejected',
      'applied',
    ]);
    expect(results[1].error.code).toBe('VALIDATION_FAILED');
    expect(results[1].error.message).toMatch(/«fecha planificada»/);
    expect(results[2].error.code).toBe('SYNC_REFERENCE_NOT_FOUND');
    expect(results[2].error.message).toMatch(/«institución educativa»/);
    expect(results[3].error.code).toBe('VALIDATION_FAILED');
    for (const id of good) expect(await count(h.db, 'visit', id)).toBe(1);
    expect(await count(h.db, 'visit', tooOld)).toBe(0);
    // A malformed envelope is one rejection, not a failed batch.
    const broken = { ...device.upsert('visit', randomUUID(), visitPayload(p)), kind: 'nope' };
    const res = await push(h.client, h.cookies.coach, [
      broken,
      device.upsert('visit', randomUUID(), visitPayload(p)),
    ]);
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body.results.map((r: { status: string }) => r.status)).toEqual(['rejected', 'applied']);
    expect(body.results[0].error.message).toMatch(/Tipo de registro desconocido/);
  });

  it('refuses a visit done more than a day after Lima’s today, and allows the eve', async () => {
    const p = await coachPlace();
    const device = new Device();
    const today = limaToday();
    const [far, eve, fixed] = [randomUUID(), randomUUID(), randomUUID()];
    const planned = device.upsert(
      'visit',
      fixed,
      visitPayload(p, { plannedDate: addDays(today, 5) }),
    );
    const results = await pushOk(h.client, h.cookies.coach, [
      device.upsert(
        'visit',
        far,
        visitPayload(p, { status: 'done', plannedDate: addDays(today, 2) }),
      ),
      device.upsert(
        'visit',
        eve,
        visitPayload(p, { status: 'done', plannedDate: addDays(today, 1) }),
      ),
      planned,
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'applied', 'applied']);
    expect(results[0].error.code).toBe('VISIT_DONE_IN_FUTURE');
    expect(results[0].error.message).toMatch(/desde la víspera/);
    expect(results[0].error.details.fields[0].path).toBe('payload.plannedDate');
    expect(await count(h.db, 'visit', far)).toBe(0);
    // Marking a stored planned visit done is an update: refused the same way, until its date
    // is corrected (the device offers "Corregir la fecha").
    const done = { ...visitPayload(p, { plannedDate: addDays(today, 5) }), status: 'done' };
    const [update] = await pushOk(h.client, h.cookies.coach, [
      device.upsert('visit', fixed, done, { baseVersion: 1, changed: ['status'] }),
    ]);
    expect(update.error?.code).toBe('VISIT_DONE_IN_FUTURE');
    const corrected = { ...done, plannedDate: today };
    const [ok] = await pushOk(h.client, h.cookies.coach, [
      device.upsert('visit', fixed, corrected, {
        baseVersion: 1,
        changed: ['status', 'plannedDate'],
      }),
    ]);
    expect(ok.status).toBe('applied');
  });

  it('answers an error and records nothing when the transaction fails', async () => {
    const p = await coachPlace();
    await sql`CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'disk full' USING ERRCODE = '53100'; END $$`.execute(h.db);
    await sql`CREATE TRIGGER test_refuse BEFORE INSERT ON visit FOR EACH ROW EXECUTE FUNCTION test_refuse()`.execute(
      h.db,
    );
    const device = new Device();
    const m = device.upsert('visit', randomUUID(), visitPayload(p));
    try {
      const res = await push(h.client, h.cookies.coach, [m]);
      expect(res.status).toBe(500);
      expect((await res.json()).error.code).toBe('INTERNAL');
      const logged =
        await sql`SELECT 1 FROM mutation_log WHERE mutation_id = ${m.mutationId}`.execute(h.db);
      expect(logged.rows).toHaveLength(0);
    } finally {
      await sql`DROP TRIGGER test_refuse ON visit`.execute(h.db);
      await sql`DROP FUNCTION test_refuse()`.execute(h.db);
    }
    // The device retries the same mutation later: it is applied, not a duplicate.
    const [retry] = await pushOk(h.client, h.cookies.coach, [m]);
    expect(retry.status).toBe('applied');
  });

  it('checks instrument answers against the exact published version', async () => {
    const p = await coachPlace();
    const version = await sql<{ id: string; definition: { type: string } }>`
      SELECT id, definition FROM instrument_version WHERE status = 'published' AND definition->>'type' = 'checklist' LIMIT 1`.execute(
      h.db,
    );
    const v = version.rows[0];
    expect(v).toBeDefined();
    const device = new Device();
    const payload = (extra: Record<string, unknown>) => ({
      visitId: null,
      teacherId: p.teacherId,
      instrumentVersionId: v?.id,
      status: 'draft',
      answers: { items: {} },
      ...extra,
    });
    const [ok, unknownVersion, badAnswers] = await pushOk(h.client, h.cookies.coach, [
      device.upsert('instrument_response', randomUUID(), payload({})),
      device.upsert(
        'instrument_response',
        randomUUID(),
        payload({ instrumentVersionId: randomUUID() }),
      ),
      device.upsert('instrument_response', randomUUID(), payload({ answers: { scores: 3 } })),
    ]);
    expect(ok.status).toBe('applied');
    expect(unknownVersion.error.code).toBe('INSTRUMENT_VERSION_NOT_PUBLISHED');
    expect(badAnswers.error.code).toBe('INSTRUMENT_RESPONSE_INVALID');
    expect(badAnswers.error.message).toMatch(/«respuestas»/);
  });

  it('refuses a push body over the limit of 500 mutations as a whole', async () => {
    const p = await coachPlace();
    const device = new Device();
    const many = Array.from({ length: 501 }, () =>
      device.upsert('visit', randomUUID(), visitPayload(p)),
    );
    const res = await push(h.client, h.cookies.coach, many);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/como máximo 500/);
  });
});
