import {
  type Actor,
  AppError,
  type Mutation,
  type MutationResult,
  type PushRequest,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { applyMutations, rejected, tally } from './apply.ts';
import { claimForPushes, contentHash, priorResults } from './claims.ts';
import type { StoredRecord } from './merge.ts';
import { type AuditEntry, keyOf, recordResults, type Tx } from './store.ts';

// POST /sync/push (docs/SYNC.md): one transaction per batch. Every mutation id is claimed in
// mutation_log first; repeats answer their first result. New mutations are applied together
// (fast path, no savepoints); if the database refuses anything, the transaction is rolled back
// and run again with each mutation in its own savepoint, so a bad one never spoils the others.
// Results leave only after COMMIT: if the transaction fails, the answer is an error and
// nothing is recorded as applied.

const TRANSIENT = new Set(['40001', '40P01', '55P03']);
const codeOf = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : '';
/** Integrity and data errors: the same mutation would fail again, so it is a rejection. */
const isDeterministic = (error: unknown) => /^2[23]/.test(codeOf(error));

function rejectionFor(m: Mutation, error: unknown): MutationResult {
  if (codeOf(error) === '23503') return rejected(m, new AppError('SYNC_REFERENCE_NOT_FOUND'));
  return rejected(m, new AppError('VALIDATION_FAILED'));
}

export interface PushOutcome {
  results: MutationResult[];
  /** The records the push's transaction upserted, as stored. */
  written: StoredRecord[];
  /** Whether the fast path failed and mutations were applied one by one, in savepoints. */
  fellBack: boolean;
}

/** The same mutation id with other content: a device bug, never a silent `duplicate`. */
function reused(m: Mutation): MutationResult {
  return rejected(
    m,
    new AppError('SYNC_MUTATION_ID_REUSED', undefined, { mutationId: m.mutationId }),
  );
}

/** One push: who sends it and what. */
export interface PushItem {
  actor: Actor;
  request: PushRequest;
}

/** A push on its way through a transaction: its distinct mutations and its answers so far. */
interface Part extends PushItem {
  results: (MutationResult | undefined)[];
  /** Each mutation id's first index in the request. */
  first: Map<string, number>;
  unique: Mutation[];
  todo: Mutation[];
  audit: AuditEntry;
}

function partOf(item: PushItem): Part {
  const { mutations } = item.request;
  const first = new Map<string, number>();
  mutations.forEach((m, i) => {
    if (!first.has(m.mutationId)) first.set(m.mutationId, i);
  });
  return {
    ...item,
    results: new Array(mutations.length),
    first,
    unique: [...first.values()].map((i) => mutations[i] as Mutation),
    todo: [],
    // One audit event per push: who pushed how much from which device.
    audit: { actorId: item.actor.personId, deviceId: mutations[0]?.deviceId ?? null, detail: {} },
  };
}

/** Claims the parts' mutations and answers the repeats from their first results; leaves the
 *  new ones in each part's `todo`. */
async function claimParts(tx: Tx, parts: Part[]): Promise<void> {
  const { fresh } = await claimForPushes(
    tx,
    parts.map((p) => ({
      personId: p.actor.personId,
      mutations: p.unique,
      deviceId: p.request.deviceId,
    })),
  );
  const repeats = parts.flatMap((p) => p.unique.filter((m) => !fresh.has(m.mutationId)));
  const prior = await priorResults(
    tx,
    repeats.map((m) => m.mutationId),
  );
  for (const part of parts) {
    for (const m of part.unique) {
      if (fresh.has(m.mutationId)) {
        part.todo.push(m);
        continue;
      }
      const p = prior.get(m.mutationId);
      const index = part.first.get(m.mutationId) as number;
      if (!p?.result || p.personId !== part.actor.personId) {
        // Someone else's mutation id: answer nothing about it.
        part.results[index] = rejected(m, new AppError('FORBIDDEN'));
      } else if (p.contentHash !== null && p.contentHash !== contentHash(m)) {
        part.results[index] = reused(m);
      } else {
        part.results[index] = {
          ...p.result,
          status: p.result.status === 'rejected' ? 'rejected' : 'duplicate',
        };
      }
    }
    part.audit.detail = { duplicate: part.request.mutations.length - part.todo.length };
  }
}

/** The same mutation twice in one batch: the second is a repeat of the first (or, with other
 *  content, a reuse of its id). */
function answerInBatchRepeats(part: Part): MutationResult[] {
  const { mutations } = part.request;
  mutations.forEach((m, i) => {
    if (part.results[i]) return;
    const index = part.first.get(m.mutationId) as number;
    if (contentHash(m) !== contentHash(mutations[index] as Mutation)) {
      part.results[i] = reused(m);
      return;
    }
    const r = part.results[index] as MutationResult;
    part.results[i] = { ...r, status: r.status === 'rejected' ? 'rejected' : 'duplicate' };
  });
  return part.results as MutationResult[];
}

/** The audit event of a push that applied nothing new (all repeats), or that was applied in
 *  savepoints: its tally is over all its answers. */
const finalAudit = (part: Part): AuditEntry => ({
  ...part.audit,
  detail: { ...part.audit.detail, ...tally(part.results as MutationResult[]) },
});

/**
 * The fast path of one or more pushes (group.ts): claimed in one statement, and everything new
 * applied set-based in one list, in the pushes' order, so a push later in the list sees the
 * earlier ones' writes as if it had come after them. A database error aborts the whole
 * transaction (the caller runs each push again on its own).
 */
export async function pushTogether(
  tx: Tx,
  items: PushItem[],
): Promise<{ answers: MutationResult[][]; written: StoredRecord[] }> {
  const parts = items.map(partOf);
  await claimParts(tx, parts);
  const writes = parts.flatMap((part) => part.todo.map((mutation) => ({ part, mutation })));
  let written: StoredRecord[] = [];
  if (writes.length > 0) {
    const outcome = await applyMutations(
      tx,
      writes.map(({ part, mutation }) => ({ actor: part.actor, mutation })),
      (results) =>
        parts
          .filter((part) => part.todo.length > 0)
          .map((part) => ({
            ...part.audit,
            detail: {
              ...part.audit.detail,
              ...tally(results.filter((_, i) => writes[i]?.part === part)),
            },
          })),
    );
    writes.forEach(({ part, mutation }, i) => {
      part.results[part.first.get(mutation.mutationId) as number] = outcome.results[i];
    });
    written = outcome.written;
  }
  const answers = parts.map(answerInBatchRepeats);
  const idle = parts.filter((p) => p.todo.length === 0);
  if (idle.length > 0) await recordResults(tx, [], idle.map(finalAudit));
  return { answers, written };
}

/** The careful path of one push: each new mutation in its own savepoint, so a mutation the
 *  database refuses never spoils the others. */
async function pushCarefully(
  tx: Tx,
  item: PushItem,
): Promise<{ results: MutationResult[]; written: StoredRecord[] }> {
  const part = partOf(item);
  await claimParts(tx, [part]);
  const written = new Map<string, StoredRecord>();
  for (const m of part.todo) {
    await sql`SAVEPOINT sync_one`.execute(tx);
    let result: MutationResult;
    try {
      const one = await applyMutations(tx, [{ actor: part.actor, mutation: m }]);
      result = one.results[0] as MutationResult;
      for (const r of one.written) written.set(keyOf(r.kind, r.id), r);
      await sql`RELEASE SAVEPOINT sync_one`.execute(tx);
    } catch (oneError) {
      if (!isDeterministic(oneError)) throw oneError;
      await sql`ROLLBACK TO SAVEPOINT sync_one`.execute(tx);
      result = rejectionFor(m, oneError);
      await recordResults(tx, [result]);
    }
    part.results[part.first.get(m.mutationId) as number] = result;
  }
  answerInBatchRepeats(part);
  await recordResults(tx, [], [finalAudit(part)]);
  return { results: part.results as MutationResult[], written: [...written.values()] };
}

export async function pushBatch(
  db: Kysely<DB>,
  actor: Actor,
  request: PushRequest,
): Promise<PushOutcome> {
  let careful = false;
  for (let attempt = 1; ; attempt++) {
    try {
      const item = { actor, request };
      const done = await db.transaction().execute(async (tx) => {
        if (careful) return pushCarefully(tx, item);
        const { answers, written } = await pushTogether(tx, [item]);
        return { results: answers[0] as MutationResult[], written };
      });
      return { ...done, fellBack: careful };
    } catch (error) {
      if (!careful && isDeterministic(error)) {
        // The database refused something in the fast path: everything was rolled back (no
        // claim, no write survives); do it again with one savepoint per mutation.
        careful = true;
        continue;
      }
      if (!TRANSIENT.has(codeOf(error))) throw error;
      // A deadlock or serialization failure rolled everything back: nothing was recorded,
      // so trying again is safe; past a few attempts the device retries later.
      if (attempt >= 3) throw new AppError('SYNC_RETRY');
    }
  }
}
