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
import { claimMutations, contentHash, priorResults } from './claims.ts';
import { type AuditEntry, recordResults, type Tx } from './store.ts';

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

async function pushInTransaction(
  tx: Tx,
  actor: Actor,
  request: PushRequest,
  careful: boolean,
): Promise<PushOutcome> {
  const { mutations } = request;
  const results: (MutationResult | undefined)[] = new Array(mutations.length);
  const first = new Map<string, number>();
  mutations.forEach((m, i) => {
    if (!first.has(m.mutationId)) first.set(m.mutationId, i);
  });
  const unique = [...first.values()].map((i) => mutations[i] as Mutation);
  const { fresh } = await claimMutations(tx, actor.personId, unique, request.deviceId);

  const repeats = unique.filter((m) => !fresh.has(m.mutationId));
  const prior = await priorResults(
    tx,
    repeats.map((m) => m.mutationId),
  );
  for (const m of repeats) {
    const p = prior.get(m.mutationId);
    const index = first.get(m.mutationId) as number;
    if (!p?.result || p.personId !== actor.personId) {
      // Someone else's mutation id: answer nothing about it.
      results[index] = rejected(m, new AppError('FORBIDDEN'));
      continue;
    }
    if (p.contentHash !== null && p.contentHash !== contentHash(m)) {
      results[index] = reused(m);
      continue;
    }
    results[index] = {
      ...p.result,
      status: p.result.status === 'rejected' ? 'rejected' : 'duplicate',
    };
  }

  const todo = unique.filter((m) => fresh.has(m.mutationId));
  // One audit event per batch: who pushed how much from which device.
  const audit: AuditEntry = {
    actorId: actor.personId,
    deviceId: mutations[0]?.deviceId ?? null,
    detail: { duplicate: mutations.length - todo.length },
  };
  const fellBack = careful;
  if (todo.length > 0) {
    let outcome: MutationResult[];
    if (!careful) {
      // Fast path: the whole batch set-based. A database error aborts the transaction; pushBatch
      // then runs it again carefully.
      outcome = await applyMutations(tx, actor, todo, audit);
    } else {
      outcome = [];
      for (const m of todo) {
        await sql`SAVEPOINT sync_one`.execute(tx);
        try {
          const [result] = await applyMutations(tx, actor, [m]);
          await sql`RELEASE SAVEPOINT sync_one`.execute(tx);
          outcome.push(result as MutationResult);
        } catch (oneError) {
          if (!isDeterministic(oneError)) throw oneError;
          await sql`ROLLBACK TO SAVEPOINT sync_one`.execute(tx);
          const result = rejectionFor(m, oneError);
          await recordResults(tx, [result]);
          outcome.push(result);
        }
      }
    }
    todo.forEach((m, i) => {
      results[first.get(m.mutationId) as number] = outcome[i];
    });
  }

  // The same mutation twice in one batch: the second is a repeat of the first (or, with other
  // content, a reuse of its id).
  mutations.forEach((m, i) => {
    if (results[i]) return;
    const index = first.get(m.mutationId) as number;
    if (contentHash(m) !== contentHash(mutations[index] as Mutation)) {
      results[i] = reused(m);
      return;
    }
    const r = results[index] as MutationResult;
    results[i] = { ...r, status: r.status === 'rejected' ? 'rejected' : 'duplicate' };
  });

  if (todo.length === 0 || fellBack) {
    const detail = { ...audit.detail, ...tally(results as MutationResult[]) };
    await recordResults(tx, [], { ...audit, detail });
  }
  return { results: results as MutationResult[], fellBack };
}

export async function pushBatch(
  db: Kysely<DB>,
  actor: Actor,
  request: PushRequest,
): Promise<PushOutcome> {
  let careful = false;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute((tx) => pushInTransaction(tx, actor, request, careful));
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
