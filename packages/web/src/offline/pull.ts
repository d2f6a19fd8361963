import { type Change, MAX_PULL_PAGE, type PullResponse } from '@acompana/core';
import { type LocalDb, type LocalRecord, META } from './db.ts';
import type { SyncTransport } from './transport.ts';

// Pull: fetch the changes of the person's scope page by page until `more` is false. Each page
// and its cursor commit in one transaction, so an interrupted pull resumes where it stopped,
// and only one page is ever held in memory. A record with local changes still in the outbox
// is never overwritten: the server state is kept aside (`server`) for when they settle.

export interface PullSummary {
  pages: number;
  changes: number;
  dropped: number;
}

function refsOf(data: Record<string, unknown> | null) {
  return {
    teacherId: typeof data?.teacherId === 'string' ? data.teacherId : null,
    visitId: typeof data?.visitId === 'string' ? data.visitId : null,
  };
}

async function applyPage(db: LocalDb, page: PullResponse): Promise<number> {
  return db.transaction('rw', db.records, db.outbox, db.meta, async () => {
    let generation = ((await db.meta.get(META.seedGen))?.value as number | undefined) ?? 0;
    let reseedGen = (await db.meta.get(META.reseedGen))?.value as number | undefined;
    if (page.reseed) {
      // A re-seed (re)starts: records not delivered again by its end are dropped.
      reseedGen = Math.max(generation, reseedGen ?? 0) + 1;
      await db.meta.put({ key: META.reseedGen, value: reseedGen });
    }
    const seen = reseedGen ?? generation;
    const ids = page.changes.map((change) => change.id);
    const held = new Set(
      (await db.outbox.where('entityId').anyOf(ids).uniqueKeys()) as unknown as string[],
    );
    const now = new Date().toISOString();
    for (const change of page.changes)
      await applyChange(db, change, held.has(change.id), seen, now);

    await db.meta.put({ key: META.cursor, value: page.cursor });
    await db.meta.put({ key: META.scope, value: page.scope });
    let dropped = 0;
    if (!page.more && reseedGen !== undefined) {
      dropped = await dropUnseen(db, reseedGen);
      generation = reseedGen;
      await db.meta.put({ key: META.seedGen, value: generation });
      await db.meta.delete(META.reseedGen);
    }
    return dropped;
  });
}

async function applyChange(
  db: LocalDb,
  change: Change,
  held: boolean,
  seen: number,
  now: string,
): Promise<void> {
  const key: [string, string] = [change.kind, change.id];
  const existing = await db.records.get(key);
  if (existing && existing.version > change.version && !held) return; // older than what we hold
  const serverData = change.op === 'delete' ? null : (change.data ?? null);
  if (held) {
    // Local work waits in the outbox: keep it on screen, remember the server's state.
    if (existing) {
      await db.records.put({
        ...existing,
        server: { version: change.version, data: serverData },
        seen,
      });
    }
    return;
  }
  if (serverData === null) {
    await db.records.delete(key);
    return;
  }
  const record: LocalRecord = {
    kind: change.kind as LocalRecord['kind'],
    id: change.id,
    version: change.version,
    data: serverData,
    ...refsOf(serverData),
    server: null,
    seen,
    updatedAt: now,
  };
  await db.records.put(record);
}

/** Drops synced records a re-seed did not deliver again (they left the person's scope).
 *  Records with local work still held are kept: that work is never discarded silently. */
async function dropUnseen(db: LocalDb, generation: number): Promise<number> {
  const keys = await db.records.where('seen').below(generation).primaryKeys();
  if (keys.length === 0) return 0;
  const held = new Set((await db.outbox.orderBy('entityId').uniqueKeys()) as string[]);
  const drop = keys.filter(([, id]) => !held.has(id));
  await db.records.bulkDelete(drop);
  return drop.length;
}

export async function pullAll(
  db: LocalDb,
  transport: SyncTransport,
  options: {
    limit?: number;
    signal?: AbortSignal;
    /** A page that came with the push's answer (one round trip): applied first; the pull
     *  asks the server only if it says there is more. */
    folded?: PullResponse;
  } = {},
): Promise<PullSummary> {
  const summary: PullSummary = { pages: 0, changes: 0, dropped: 0 };
  if (options.folded) {
    summary.dropped += await applyPage(db, options.folded);
    summary.pages++;
    summary.changes += options.folded.changes.length;
    if (!options.folded.more) return summary;
  }
  for (;;) {
    options.signal?.throwIfAborted();
    const cursor = (await db.meta.get(META.cursor))?.value as string | undefined;
    const scope = (await db.meta.get(META.scope))?.value as string | undefined;
    const page = await transport.pull(
      { cursor, scope, limit: Math.min(options.limit ?? MAX_PULL_PAGE, MAX_PULL_PAGE) },
      options.signal,
    );
    summary.dropped += await applyPage(db, page);
    summary.pages++;
    summary.changes += page.changes.length;
    if (!page.more) return summary;
  }
}
