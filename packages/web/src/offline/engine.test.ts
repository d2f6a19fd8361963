import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LocalDb, META, openLocalDb } from './db.ts';
import { backoffDelay, SyncEngine, type Timers } from './engine.ts';
import { FakeSyncServer } from './fake-server.ts';
import { discardRejected, outboxCounts, saveRecord } from './store.ts';

// The engine against the protocol's test double: ordering, batching, retries, 401, rejected
// entries, duplicates, pull paging, re-seed and the protection of records with local work.

const TEACHER = '0190a000-0000-7000-8000-000000000001';
const commitment = (text: string) => ({
  visitId: '0190a000-0000-7000-8000-0000000000aa',
  teacherId: TEACHER,
  owner: 'teacher' as const,
  desempeno: null,
  text,
  dueDate: null,
  status: 'pending' as const,
  followUpNote: null,
});

/** Timers the test advances by hand (fake-indexeddb needs the real event loop). */
class ManualTimers implements Timers {
  time = 1_000_000;
  scheduled: { at: number; fn: () => void }[] = [];
  setTimeout(fn: () => void, ms: number) {
    const item = { at: this.time + ms, fn };
    this.scheduled.push(item);
    return item;
  }
  clearTimeout(handle: unknown) {
    this.scheduled = this.scheduled.filter((item) => item !== handle);
  }
  now() {
    return this.time;
  }
  delays() {
    return this.scheduled.map((item) => item.at - this.time);
  }
}

let db: LocalDb;
let server: FakeSyncServer;
let timers: ManualTimers;
let n = 0;
const engine = (options = {}) =>
  new SyncEngine(db, server, { timers, random: () => 0.5, baseDelayMs: 1000, ...options });

beforeEach(async () => {
  db = openLocalDb(`engine-${++n}-${Date.now()}`);
  await db.open();
  server = new FakeSyncServer();
  timers = new ManualTimers();
});
afterEach(async () => {
  await db.delete();
});

async function write(count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++)
    ids.push((await saveRecord(db, 'commitment', null, commitment(`c${i}`))).id);
  return ids;
}

describe('push', () => {
  it('sends the outbox in seq order, in batches of at most the batch size, and empties it', async () => {
    await write(7);
    const outcome = await engine({ batchSize: 3 }).sync();
    expect(outcome.ok).toBe(true);
    expect(server.pushes.map((p) => p.mutations.length)).toEqual([3, 3, 1]);
    expect(server.pushes.flatMap((p) => p.mutations.map((m) => m.seq))).toEqual([
      1, 2, 3, 4, 5, 6, 7,
    ]);
    expect(await db.outbox.count()).toBe(0);
    expect(server.rows.size).toBe(7);
  });

  it('caps batches at the protocol maximum of 500', async () => {
    await write(501);
    await engine({ batchSize: 10_000 }).sync();
    expect(server.pushes.map((p) => p.mutations.length)).toEqual([500, 1]);
  });

  it('keeps entries whose response was lost and confirms them as duplicates on retry', async () => {
    await write(2);
    server.faults = ['dropResponse'];
    const sync = engine();
    const first = await sync.sync();
    expect(first).toMatchObject({ ok: false, failure: 'network' });
    expect(server.rows.size).toBe(2); // the server applied them…
    expect(await db.outbox.count()).toBe(2); // …but the device did not hear it
    expect(sync.status.phase).toBe('offline');

    const second = await sync.sync();
    expect(second.ok).toBe(true);
    expect([...server.results.values()].every((r) => r.status === 'applied')).toBe(true);
    expect(await db.outbox.count()).toBe(0);
    expect(server.rows.size).toBe(2);
  });

  it('keeps a rejected entry with its reason and sends the rest', async () => {
    const [bad] = await write(3);
    server.reject = (m) => (m.entityId === bad ? 'No acompañas a este docente.' : null);
    const outcome = await engine().sync();
    expect(outcome.ok).toBe(true);
    const left = await db.outbox.toArray();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({
      entityId: bad,
      status: 'rejected',
      error: { code: 'SYNC_FORBIDDEN', message: 'No acompañas a este docente.' },
    });
    // A second sync does not send the rejected entry again.
    await engine().sync();
    expect(
      server.pushes.flatMap((p) => p.mutations).filter((m) => m.entityId === bad),
    ).toHaveLength(1);
  });

  it('records the confirmed version so the next edit carries it as baseVersion', async () => {
    const [id = ''] = await write(1);
    await engine().sync();
    expect((await db.records.get(['commitment', id]))?.version).toBe(1);
    await saveRecord(db, 'commitment', id, { status: 'cumplido' });
    expect((await db.outbox.toArray())[0]).toMatchObject({ baseVersion: 1, changed: ['status'] });
  });
});

describe('retries', () => {
  it('backs off exponentially with jitter, capped, on network and server errors', async () => {
    expect(backoffDelay(1, 1000, 300_000, () => 0)).toBe(500);
    expect(backoffDelay(1, 1000, 300_000, () => 1)).toBe(1000);
    expect(backoffDelay(4, 1000, 300_000, () => 1)).toBe(8000);
    expect(backoffDelay(30, 1000, 300_000, () => 1)).toBe(300_000);

    await write(1);
    server.faults = ['network', 'server', 'network'];
    const sync = engine();
    await sync.sync();
    expect(timers.delays()).toEqual([750]);
    await sync.sync();
    expect(timers.delays()).toEqual([1500]); // the earlier timer was replaced, not stacked
    await sync.sync();
    expect(timers.delays()).toEqual([3000]);
    expect(sync.status).toMatchObject({ phase: 'offline', failures: 3 });

    // The scheduled retry runs by itself and succeeds.
    const retry = timers.scheduled[0];
    if (!retry) throw new Error('no retry scheduled');
    timers.time = retry.at;
    retry.fn();
    await expect.poll(async () => (await outboxCounts(db)).pending).toBe(0);
    // The push has emptied the outbox; the cycle ends after its pull.
    await expect.poll(() => sync.status.phase).toBe('idle');
    expect(sync.status).toMatchObject({ phase: 'idle', failures: 0, nextRetryAt: null });
    expect(await db.meta.get(META.lastSyncAt)).toBeDefined();
  });

  it('stops on 401 without retrying or touching local data, and resumes after login', async () => {
    await write(2);
    server.faults = ['unauthenticated'];
    const sync = engine();
    const outcome = await sync.sync();
    expect(outcome).toMatchObject({
      ok: false,
      failure: 'unauthenticated',
      code: 'SESSION_EXPIRED',
    });
    expect(sync.status.phase).toBe('needsLogin');
    expect(timers.scheduled).toHaveLength(0);
    expect(await db.outbox.count()).toBe(2);
    expect(await db.records.count()).toBe(2);
    // Further triggers do nothing until the person logs in again.
    expect((await sync.sync()).ok).toBe(false);
    expect(server.pushes).toHaveLength(0);

    expect((await sync.resume()).ok).toBe(true);
    expect(await db.outbox.count()).toBe(0);
  });

  it('runs one cycle at a time and one more when triggered during a cycle', async () => {
    await write(1);
    const sync = engine();
    const a = sync.sync();
    const b = sync.sync();
    await Promise.all([a, b]);
    expect(server.pulls.length).toBe(2);
    expect(server.pushes.length).toBe(1);
  });
});

describe('pull', () => {
  it('pages until more is false, saving the cursor with each page', async () => {
    for (let i = 0; i < 12; i++) server.serverWrite('commitment', `s${i}`, commitment(`s${i}`));
    const outcome = await engine({ pullLimit: 5 }).sync();
    expect(outcome).toMatchObject({ ok: true, pull: { pages: 3, changes: 12 } });
    expect(server.pulls.map((p) => p.cursor)).toEqual([undefined, '5', '10']);
    expect(await db.records.count()).toBe(12);
    expect(await db.meta.get(META.cursor)).toMatchObject({ value: '12' });
  });

  it('resumes an interrupted pull from the last committed page', async () => {
    for (let i = 0; i < 10; i++) server.serverWrite('commitment', `s${i}`, commitment(`s${i}`));
    server.faults = [undefined as never, 'network'];
    const sync = engine({ pullLimit: 5 });
    expect((await sync.sync()).ok).toBe(false);
    expect(await db.records.count()).toBe(5);
    await sync.sync();
    expect(server.pulls.at(-1)?.cursor).toBe('5');
    expect(await db.records.count()).toBe(10);
  });

  it('never overwrites a record that still has outbox entries, and applies tombstones', async () => {
    server.serverWrite('commitment', 'a', commitment('servidor'));
    server.serverWrite('commitment', 'b', commitment('se borra'));
    const sync = engine();
    await sync.sync();
    await saveRecord(db, 'commitment', 'a', { followUpNote: 'mi nota' });
    server.reject = (m) => (m.entityId === 'a' ? 'No' : null);
    server.serverWrite('commitment', 'a', { ...commitment('cambio de otro') });
    server.serverWrite('commitment', 'b', null);
    await sync.sync();
    const a = await db.records.get(['commitment', 'a']);
    expect(a?.data).toMatchObject({ text: 'servidor', followUpNote: 'mi nota' });
    expect(a?.server).toMatchObject({ version: 2, data: { text: 'cambio de otro' } });
    expect(await db.records.get(['commitment', 'b'])).toBeUndefined();
  });

  it('re-seeds when the scope changed: drops synced records not re-sent, keeps local work', async () => {
    server.serverWrite('commitment', 'keep', commitment('sigue'));
    server.serverWrite('commitment', 'gone', commitment('ya no'));
    server.serverWrite('commitment', 'gone-held', commitment('ya no, con cambios'));
    const sync = engine({ pullLimit: 1 });
    await sync.sync();
    expect(await db.records.count()).toBe(3);
    server.reject = () => 'Fuera de tu ámbito';
    await saveRecord(db, 'commitment', 'gone-held', { followUpNote: 'pendiente' });
    const local = await saveRecord(db, 'commitment', null, commitment('nuevo'));

    server.scope = 'scope-2';
    server.visible = (row) => row.id === 'keep';
    const outcome = await sync.sync();
    expect(outcome.ok).toBe(true);
    // The device asked with its old fingerprint and now holds the new one.
    expect(server.pulls.at(-1)?.scope).toBe('scope-1');
    expect(await db.meta.get(META.scope)).toMatchObject({ value: 'scope-2' });
    const ids = (await db.records.toArray()).map((r) => r.id).sort();
    expect(ids).toEqual(['gone-held', 'keep', local.id].sort());
    expect(await outboxCounts(db)).toEqual({ pending: 0, rejected: 2 });
  });
});

describe('one round trip', () => {
  it('a seeded device gets what it missed in the push’s answer, with no pull request', async () => {
    const sync = engine();
    server.serverWrite('commitment', 'seed-1', commitment('seed'));
    await sync.sync(); // first sync: nothing to push, the seed by pull
    expect(server.pulls).toHaveLength(1);

    server.serverWrite('commitment', 'other-1', commitment('from the coach'));
    const [mine] = await write(1);
    const outcome = await sync.sync();
    expect(outcome).toMatchObject({ ok: true, pull: { pages: 1 } });
    expect(server.pushes).toHaveLength(1);
    expect(server.pushes[0]?.cursor).toEqual(expect.any(String));
    expect(server.pulls).toHaveLength(1); // no second request
    expect((await db.records.get(['commitment', 'other-1']))?.data.text).toBe('from the coach');
    expect(await db.records.get(['commitment', mine as string])).toMatchObject({ version: 1 });

    // Idle: one small request.
    await sync.sync();
    expect(server.pushes).toHaveLength(1);
    expect(server.pulls).toHaveLength(2);
    expect(server.pulls[1]?.cursor).toBe((await db.meta.get(META.cursor))?.value);
  });

  it('pulls the rest when the folded page says there is more', async () => {
    const sync = engine();
    await sync.sync();
    for (let i = 0; i < 150; i++)
      server.serverWrite('commitment', `other-${i}`, commitment(`${i}`));
    await write(1);
    const outcome = await sync.sync();
    expect(outcome).toMatchObject({ ok: true, pull: { pages: 2, changes: 151 } });
    expect(server.pulls).toHaveLength(2);
    expect(await db.records.where('kind').equals('commitment').count()).toBe(151);
  });

  it('keeps a record it created when an edit made during the push is refused and discarded', async () => {
    const sync = engine();
    await sync.sync(); // seeded: later pushes carry the cursor, their own writes not echoed
    const [id = ''] = await write(1);
    const push = server.push.bind(server);
    let edited = false;
    server.push = async (request) => {
      const answer = await push(request);
      if (!edited) {
        edited = true; // the person edits the record while its create is in flight
        await saveRecord(db, 'commitment', id, { status: 'cumplido' });
      }
      return answer;
    };
    server.reject = (m) => (m.payload?.status === 'cumplido' ? 'No se puede.' : null);
    await sync.sync();
    const [refused] = await db.outbox.toArray();
    expect(refused).toMatchObject({ entityId: id, status: 'rejected' });
    await discardRejected(db, refused?.seq as number);
    expect(await db.records.get(['commitment', id])).toMatchObject({
      version: 1,
      data: { text: 'c0', status: 'pending' },
      server: null,
    });
  });
});
