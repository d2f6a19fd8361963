import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LocalDb, openLocalDb } from './db.ts';
import { discardRejected, LocalValidationError, outboxCounts, saveRecord } from './store.ts';

// The local store: a write and its outbox entry are one transaction; ids are UUIDv7; edits
// record only the fields they changed; a rejected change is fixed by editing or discarded.

const TEACHER = '0190a000-0000-7000-8000-000000000001';
const SCHOOL = '0190a000-0000-7000-8000-000000000002';
const OTHER_TEACHER = '0190a000-0000-7000-8000-000000000003';
const OTHER_SCHOOL = '0190a000-0000-7000-8000-000000000004';
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
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let db: LocalDb;
let n = 0;
beforeEach(async () => {
  db = openLocalDb(`store-${++n}-${Date.now()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

/** As a push does when it carries the outbox: later writes start new entries. */
const markSent = () => db.outbox.toCollection().modify({ sent: true });

describe('saveRecord', () => {
  it('creates a record with a UUIDv7 and queues a create listing every field', async () => {
    const saved = await saveRecord(db, 'visit', null, visit);
    expect(saved.id).toMatch(UUID_V7);
    expect(saved.version).toBe(0);
    const [entry, ...rest] = await db.outbox.toArray();
    expect(rest).toHaveLength(0);
    expect(entry).toMatchObject({
      seq: 1,
      kind: 'visit',
      entityId: saved.id,
      op: 'upsert',
      baseVersion: 0,
      status: 'pending',
      payload: visit,
    });
    expect(entry?.mutationId).toMatch(UUID_V7);
    expect(entry?.deviceId).toMatch(UUID_V7);
    expect(new Set(entry?.changed)).toEqual(new Set(Object.keys(visit)));
    expect(await db.records.get(['visit', saved.id])).toMatchObject({
      data: visit,
      teacherId: TEACHER,
    });
  });

  it('records only the changed fields of an edit, in increasing seq from one device', async () => {
    const saved = await saveRecord(db, 'visit', null, visit);
    await markSent();
    await saveRecord(db, 'visit', saved.id, { status: 'done', goals: ['Leer en voz alta'] });
    await saveRecord(db, 'visit', saved.id, { status: 'done' }); // no change → no mutation
    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((e) => e.seq)).toEqual([1, 2]);
    expect(entries[1]?.changed).toEqual(['status']);
    expect(entries[1]?.payload).toMatchObject({ ...visit, status: 'done' });
    expect(new Set(entries.map((e) => e.deviceId)).size).toBe(1);
  });

  it('does not count an object whose keys come back in another order as a change', async () => {
    const dialogue = {
      apertura: 'a',
      reflexion: 'r',
      alternativas: 'al',
      compromisos: 'c',
      reflectionLevel: 'practica' as const,
    };
    const saved = await saveRecord(db, 'visit', null, { ...visit, dialogue });
    await markSent();
    // As the server's jsonb returns it: same content, keys in another order.
    const reordered = {
      reflectionLevel: 'practica' as const,
      compromisos: 'c',
      alternativas: 'al',
      reflexion: 'r',
      apertura: 'a',
    };
    await saveRecord(db, 'visit', saved.id, {
      dialogue: reordered,
      teacherConfirmedAt: '2026-05-04T13:00:00.000Z',
    });
    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries[1]?.changed).toEqual(['teacherConfirmedAt']);
    await markSent();
    await saveRecord(db, 'visit', saved.id, { dialogue: { ...reordered, compromisos: 'd' } });
    expect((await db.outbox.orderBy('seq').toArray())[2]?.changed).toEqual(['dialogue']);
  });

  it('refuses an invalid record and writes neither the record nor an outbox entry', async () => {
    const error = await saveRecord(db, 'visit', null, {
      ...visit,
      plannedDate: '04/05/2026',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LocalValidationError);
    expect((error as LocalValidationError).fields.map((f) => f.path)).toEqual(['plannedDate']);
    expect(await db.records.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('marks a field left empty as missing and a format as technical, for the person’s form', async () => {
    const error = (await saveRecord(db, 'visit', null, {
      ...visit,
      teacherId: '',
      interventionCode: 'ap eib',
      status: 'hecha' as 'done', // as an old or tampered form could send
    }).catch((e: unknown) => e)) as LocalValidationError;
    expect(error).toBeInstanceOf(LocalValidationError);
    const byPath = new Map(error.fields.map((f) => [f.path, f]));
    // An empty choice is a choice to make, never "must be a valid identifier (UUID)".
    expect(byPath.get('teacherId')).toMatchObject({ missing: true, technical: true });
    // A value the person typed wrong: a format, whose pattern is never shown to them.
    expect(byPath.get('interventionCode')).toMatchObject({ technical: true });
    expect(byPath.get('interventionCode')?.missing).toBeUndefined();
    // A value out of a list: its codes («"planned"|"done"…») are never shown either.
    expect(byPath.get('status')).toMatchObject({ technical: true });
    expect(byPath.get('status')?.missing).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
  });
  it('refuses a record on a visit of another teacher before queueing it (as the server would)', async () => {
    const saved = await saveRecord(db, 'visit', null, visit);
    const commitment = {
      visitId: saved.id,
      teacherId: OTHER_TEACHER,
      owner: 'teacher' as const,
      desempeno: null,
      text: 'Usar preguntas abiertas',
      dueDate: null,
      status: 'pending' as const,
      followUpNote: null,
    };
    const error = await saveRecord(db, 'commitment', null, commitment).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LocalValidationError);
    expect((error as LocalValidationError).code).toBe('SYNC_ANCHOR_MISMATCH');
    expect((error as LocalValidationError).fields).toEqual([
      { path: 'visitId', message: expect.stringMatching(/^esa visita es de otro docente/) },
    ]);
    expect(await db.records.where('kind').equals('commitment').count()).toBe(0);
    expect(await db.outbox.count()).toBe(1);
    // The visit's own teacher, or a visit this device does not hold (the server checks it).
    await saveRecord(db, 'commitment', null, { ...commitment, teacherId: TEACHER });
    await saveRecord(db, 'commitment', null, {
      ...commitment,
      visitId: '0190a000-0000-7000-8000-0000000000ff',
    });
    expect(await db.outbox.count()).toBe(3);
  });

  it('refuses a visit this year at a school where the teacher holds no post', async () => {
    const year = Number(
      new Date().toLocaleString('en-US', { timeZone: 'America/Lima', year: 'numeric' }),
    );
    const thisYear = { ...visit, plannedDate: `${year}-06-01` };
    await db.reference.put({
      kind: 'teacher',
      id: TEACHER,
      data: { teacherId: TEACHER, schools: [{ id: OTHER_SCHOOL, name: 'IE 2' }] },
    });
    const error = await saveRecord(db, 'visit', null, thisYear).catch((e: unknown) => e);
    expect((error as LocalValidationError).code).toBe('SYNC_SCHOOL_NOT_TEACHERS');
    expect((error as LocalValidationError).fields[0]?.path).toBe('schoolId');
    expect(await db.outbox.count()).toBe(0);
    await saveRecord(db, 'visit', null, { ...thisYear, schoolId: OTHER_SCHOOL });
    // Another year: the device knows only this year's posts; the server decides.
    await saveRecord(db, 'visit', null, { ...thisYear, plannedDate: `${year + 1}-03-20` });
    expect(await db.outbox.count()).toBe(2);
  });

  it('rolls the record back when the outbox entry cannot be written (one transaction)', async () => {
    const saved = await saveRecord(db, 'visit', null, visit);
    await markSent();
    // Occupy the seq the next write will take: the outbox add fails inside the transaction.
    const first = await db.outbox.get(1);
    if (!first) throw new Error('the create was not queued');
    await db.outbox.add({ ...first, seq: 2, mutationId: 'taken' });
    await expect(saveRecord(db, 'visit', saved.id, { status: 'done' })).rejects.toThrow();
    expect((await db.records.get(['visit', saved.id]))?.data.status).toBe('planned');
    expect(await db.outbox.count()).toBe(2);
  });

  it('folds rejected changes into the next edit (the fix) and removes them', async () => {
    const saved = await saveRecord(db, 'visit', null, visit);
    await db.outbox.update(1, {
      status: 'rejected',
      error: { code: 'SYNC_FORBIDDEN', message: 'No acompañas a este docente.', details: null },
    });
    await saveRecord(db, 'visit', saved.id, { goals: ['Otra meta'] });
    const entries = await db.outbox.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.status).toBe('pending');
    expect(new Set(entries[0]?.changed)).toEqual(new Set(Object.keys(visit)));
  });
});

describe('discardRejected', () => {
  it('restores the server state of an edited record and drops a never-synced one', async () => {
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
    await saveRecord(db, 'visit', 'v1', { status: 'cancelled', cancelReason: 'strike' });
    const created = await saveRecord(db, 'visit', null, visit);
    const rejected = {
      status: 'rejected' as const,
      error: { code: 'X', message: 'm', details: null },
    };
    await db.outbox.toCollection().modify(rejected);
    expect(await outboxCounts(db)).toEqual({ pending: 0, rejected: 2 });

    await discardRejected(db, 1);
    await discardRejected(db, 2);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.records.get(['visit', 'v1'])).toMatchObject({
      version: 3,
      data: visit,
      server: null,
    });
    expect(await db.records.get(['visit', created.id])).toBeUndefined();
  });

  it('does not discard a change that is still pending', async () => {
    await saveRecord(db, 'visit', null, visit);
    await discardRejected(db, 1);
    expect(await db.outbox.count()).toBe(1);
  });
});
