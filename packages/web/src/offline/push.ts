import { MAX_PUSH_BATCH, type MutationResult, type PullResponse } from '@acompana/core';
import { Dexie } from 'dexie';
import { type LocalDb, META, type OutboxEntry } from './db.ts';
import { type SyncTransport, TransportError } from './transport.ts';

// Push: send pending outbox entries in seq order, one batch in flight, and remove an entry
// only once the server confirmed it (applied or duplicate). A refused entry stays, marked
// rejected with the server's reason, until the person fixes or discards it.

export interface PushSummary {
  sent: number;
  confirmed: number;
  rejected: number;
  conflicts: number;
  /** The first page of changes the device had not seen, folded into the last push's answer. */
  pulled?: PullResponse;
}

/** The next entries to send, marked `sent` in the same transaction: from then on a local
 *  write of the same record starts a new entry instead of coalescing into one the server
 *  may already hold. */
function takeBatch(db: LocalDb, limit: number): Promise<OutboxEntry[]> {
  return db.transaction('rw', db.outbox, async () => {
    const batch = await db.outbox
      .where('[status+seq]')
      .between(['pending', Dexie.minKey], ['pending', Dexie.maxKey])
      .limit(limit)
      .toArray();
    const fresh = batch.filter((entry) => !entry.sent);
    if (fresh.length > 0) {
      await db.outbox.bulkUpdate(
        fresh.map((entry) => ({ key: entry.seq, changes: { sent: true } })),
      );
    }
    return batch;
  });
}

/** Applies the server's answers to one batch in a single transaction. */
async function settle(db: LocalDb, batch: OutboxEntry[], results: MutationResult[]) {
  const byId = new Map(results.map((result) => [result.mutationId, result]));
  let confirmed = 0;
  let rejected = 0;
  let conflicts = 0;
  await db.transaction('rw', db.outbox, db.records, async () => {
    for (const entry of batch) {
      const result = byId.get(entry.mutationId);
      // No answer for this entry: it stays pending and goes again (the server deduplicates).
      if (!result) continue;
      // Defensive: the entry at this seq must still be the one sent (sent entries are never
      // coalesced, so it always is).
      if ((await db.outbox.get(entry.seq))?.mutationId !== entry.mutationId) continue;
      if (result.status === 'rejected') {
        rejected++;
        await db.outbox.update(entry.seq, {
          status: 'rejected',
          error: result.error ?? { code: 'REJECTED', message: '', details: null },
        });
        continue;
      }
      confirmed++;
      if (result.conflict) conflicts++;
      await db.outbox.delete(entry.seq);
      const record = await db.records.get([entry.kind, entry.entityId]);
      if (!record) continue;
      const version = Math.max(record.version, result.version ?? 0);
      const stillHeld = await db.outbox.where('entityId').equals(entry.entityId).count();
      // Once nothing is held for the record, the device's state is the server's. While more
      // is held, the confirmed write is the server state the rest departs from: the folded
      // pull leaves out a write the server holds exactly as sent, and brings any other state
      // (applied after this).
      const confirmedState =
        entry.op === 'upsert' && entry.payload && result.version !== null
          ? { version: result.version, data: entry.payload }
          : record.server;
      await db.records.put({
        ...record,
        version,
        server: stillHeld ? confirmedState : null,
      });
    }
  });
  return { confirmed, rejected, conflicts };
}

export async function pushAll(
  db: LocalDb,
  transport: SyncTransport,
  options: { batchSize?: number; signal?: AbortSignal } = {},
): Promise<PushSummary> {
  const batchSize = Math.min(options.batchSize ?? MAX_PUSH_BATCH, MAX_PUSH_BATCH);
  const summary: PushSummary = { sent: 0, confirmed: 0, rejected: 0, conflicts: 0 };
  const device = (await db.meta.get(META.device))?.value as { deviceId: string } | undefined;
  if (!device) return summary; // nothing was ever written on this device
  for (;;) {
    const batch = await takeBatch(db, batchSize);
    if (batch.length === 0) return summary;
    options.signal?.throwIfAborted();
    // The last batch carries the pull cursor: its answer brings what the device has not seen
    // (one round trip). A device never seeded pulls its seed page by page instead.
    const last = batch.length < batchSize;
    const cursor = last ? ((await db.meta.get(META.cursor))?.value as string | undefined) : '';
    const scope = cursor ? ((await db.meta.get(META.scope))?.value as string | undefined) : '';
    const { results, pull } = await transport.push(
      {
        ...(cursor ? { cursor, scope } : {}),
        deviceId: device.deviceId,
        mutations: batch.map((entry) => ({
          mutationId: entry.mutationId,
          deviceId: entry.deviceId,
          seq: entry.seq,
          kind: entry.kind,
          entityId: entry.entityId,
          op: entry.op,
          baseVersion: entry.baseVersion,
          changed: entry.changed,
          payload: entry.payload,
          base: entry.base,
          createdAt: entry.createdAt,
        })),
      },
      options.signal,
    );
    summary.sent += batch.length;
    const settled = await settle(db, batch, results);
    summary.confirmed += settled.confirmed;
    summary.rejected += settled.rejected;
    summary.conflicts += settled.conflicts;
    if (pull) summary.pulled = pull;
    // A server that answers none of the batch would loop for ever; leave it for the next sync.
    if (settled.confirmed + settled.rejected === 0) {
      throw new TransportError('server', 200, 'PUSH_NO_PROGRESS');
    }
  }
}
