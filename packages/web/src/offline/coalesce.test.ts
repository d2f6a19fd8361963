import 'fake-indexeddb/auto';
import type { PushRequest, PushResponse } from '@acompana/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LocalDb, openLocalDb } from './db.ts';
import { pushAll } from './push.ts';
import { saveRecord } from './store.ts';
import type { SyncTransport } from './transport.ts';

// Outbox coalescing (docs/SYNC.md, "Coalescing"): writes of a record no push has carried yet
// merge into one entry — the changed fields' union, the last value of each, the earliest base
// version and base values, the entry's place in the outbox, a new mutation id — and an entry
// a push carried is never merged into.

const TEACHER = '0190a000-0000-7000-8000-000000000001';
const SCHOOL = '0190a000-0000-7000-8000-000000000002';
const visit = {
  teacherId: TEACHER,
  schoolId: SCHOOL,
  interventionCode: 'AP_EIB',
  kind: 'regular' as const,
  status: 'planned' as const,
  plannedDate: '2026-05-04',
  startedAt: null,
  endedAt: null,
  cancelReason: null,
  cancelNote: null,
  goals: ['Leer en voz alta'],
  focus: [],
  teacherConfirmedAt: null,
  dialogue: null,
};

let db: LocalDb;
let n = 0;
beforeEach(async () => {
  db = openLocalDb(`coalesce-${++n}-${Date.now()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('coalescing in the outbox', () => {
  it('a create and its edits leave one create with the last values and a new mutation id', async () => {
    const saved = await saveRecord(db, 'visit', null, visit);
    const firstId = (await db.outbox.toArray())[0]?.mutationId;
    await saveRecord(db, 'visit', saved.id, { goals: ['Leer', 'Escribir'] });
    await saveRecord(db, 'visit', saved.id, { startedAt: '2026-05-04T13:00:00.000Z' });
    await saveRecord(db, 'visit', saved.id, { status: 'done' });
    const entries = await db.outbox.toArray();
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toMatchObject({
      seq: 1,
      baseVersion: 0,
      base: null,
      status: 'pending',
      payload: {
        ...visit,
        goals: ['Leer', 'Escribir'],
        startedAt: '2026-05-04T13:00:00.000Z',
        status: 'done',
      },
    });
    expect(new Set(entry?.changed)).toEqual(new Set(Object.keys(visit)));
    expect(entry?.mutationId).not.toBe(firstId);
  });

  it('edits of a synced record merge: union of fields, earliest base version and base values', async () => {
    await db.records.put({
      kind: 'visit',
      id: 'v1',
      version: 3,
      data: visit,
      teacherId: TEACHER,
      visitId: null,
      server: null,
      seen: 0,
      updatedAt: '',
    });
    await saveRecord(db, 'visit', 'v1', { status: 'done', goals: ['Meta 2'] });
    // Meanwhile a pull brought version 5 (the record is held, so only `server` moves).
    await db.records.update(['visit', 'v1'], { version: 5 });
    await saveRecord(db, 'visit', 'v1', { goals: ['Meta 3'], focus: ['lectura'] });
    const entries = await db.outbox.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ baseVersion: 3, seq: 1 });
    expect(new Set(entries[0]?.changed)).toEqual(new Set(['status', 'goals', 'focus']));
    expect(entries[0]?.base).toEqual({
      status: 'planned',
      goals: ['Leer en voz alta'],
      focus: [],
    });
    expect(entries[0]?.payload).toMatchObject({
      status: 'done',
      goals: ['Meta 3'],
      focus: ['lectura'],
    });
  });

  it('keeps the record’s place: a visit edited after its commitment still goes first', async () => {
    const v = await saveRecord(db, 'visit', null, visit);
    const c = await saveRecord(db, 'commitment', null, {
      visitId: v.id,
      teacherId: TEACHER,
      owner: 'teacher',
      desempeno: null,
      text: 'Usar preguntas abiertas',
      dueDate: null,
      status: 'pending',
      followUpNote: null,
    });
    await saveRecord(db, 'visit', v.id, { status: 'done' });
    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((e) => [e.kind, e.entityId])).toEqual([
      ['visit', v.id],
      ['commitment', c.id],
    ]);
    expect(entries[0]?.payload?.status).toBe('done');
  });

  it('never merges into an entry a push carried and the server has not answered', async () => {
    const saved = await saveRecord(db, 'visit', null, visit);
    let release: (response: PushResponse) => void = () => undefined;
    const requests: PushRequest[] = [];
    const transport: SyncTransport = {
      push: (request) => {
        requests.push(request);
        return new Promise((resolve) => {
          release = resolve;
        });
      },
      pull: () => Promise.reject(new Error('not used')),
    };
    const pushing = pushAll(db, transport);
    await expect.poll(() => requests.length).toBe(1);
    const inFlight = requests[0]?.mutations[0];

    // The person edits while the push is on its way: a new entry, the sent one untouched.
    await saveRecord(db, 'visit', saved.id, { status: 'done' });
    await saveRecord(db, 'visit', saved.id, { goals: ['Otra'] });
    const during = await db.outbox.orderBy('seq').toArray();
    expect(during).toHaveLength(2);
    expect(during[0]).toMatchObject({ mutationId: inFlight?.mutationId, sent: true });
    expect(during[0]?.payload?.status).toBe('planned');
    expect(new Set(during[1]?.changed)).toEqual(new Set(['status', 'goals']));
    expect(during[1]?.sent).toBeFalsy();

    // The server answers the first; the second goes in the next batch.
    release({
      results: [
        {
          mutationId: inFlight?.mutationId as string,
          status: 'applied',
          version: 1,
          conflict: false,
          error: null,
        },
      ],
    });
    await expect.poll(() => requests.length).toBe(2);
    expect(requests[1]?.mutations.map((m) => m.mutationId)).toEqual([during[1]?.mutationId]);
    release({
      results: [
        {
          mutationId: during[1]?.mutationId as string,
          status: 'applied',
          version: 2,
          conflict: false,
          error: null,
        },
      ],
    });
    await pushing;
    expect(await db.outbox.count()).toBe(0);
  });

  it('a push that fails leaves its entries sent: resent as they were, never merged into', async () => {
    const saved = await saveRecord(db, 'visit', null, visit);
    const failing: SyncTransport = {
      push: () => Promise.reject(new Error('connection reset')),
      pull: () => Promise.reject(new Error('not used')),
    };
    await expect(pushAll(db, failing)).rejects.toThrow('connection reset');
    const [sent] = await db.outbox.toArray();
    expect(sent?.sent).toBe(true);
    await saveRecord(db, 'visit', saved.id, { status: 'done' });
    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((e) => e.mutationId)).toEqual([sent?.mutationId, expect.any(String)]);
    expect(entries[1]?.changed).toEqual(['status']);
    expect(entries[1]?.baseVersion).toBe(0);
  });
});
