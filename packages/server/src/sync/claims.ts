import { createHash } from 'node:crypto';
import { AppError, type Mutation, type MutationResult } from '@acompana/core';
import { sql } from 'kysely';
import { PREPARE_SQL } from '../db/database.ts';
import { canonical } from './merge.ts';
import { keyOf, lockKeysSql, type Tx } from './store.ts';

// The first statement of every push (docs/SYNC.md, "Exactly once" and "Devices"), in ONE
// round trip: claim the mutation ids in mutation_log, with a hash of their content, register
// the batch's device ids to the person pushing, and then lock the batch's records.
//
// - Idempotency keys are bound to their content: a repeat with the same id and other content
//   is a device bug, answered SYNC_MUTATION_ID_REUSED instead of `duplicate` (which would
//   silently drop the new content).
// - Device ids belong to one person: registered by the first push that names them; another
//   person's push naming one is refused as a whole (the transaction rolls back: nothing is
//   claimed or applied), so nobody writes with someone else's device and field clock. The web
//   app keeps one local database, and so one device id, per person (web offline/db.ts).

/** What a mutation says, hashed: everything but its id and the informative device clock. */
export function contentHash(m: Mutation): string {
  const { mutationId: _id, createdAt: _at, ...content } = m;
  return createHash('sha256').update(canonical(content)).digest('base64url');
}

export interface Claimed {
  /** Mutation ids this push claimed first (new). */
  fresh: Set<string>;
}

/**
 * Registers the devices and inserts the mutation ids (sorted, so two overlapping batches never
 * deadlock); returns the ids that are new. A repeat whose first attempt is still running in
 * another connection waits here until it commits (then it is a repeat) or rolls back (then it
 * is new). Throws SYNC_DEVICE_NOT_YOURS when a device id belongs to someone else.
 *
 * Then, in the same statement, it takes the transaction's advisory locks on the batch's
 * records (`lockEntities`, store.ts), which serialize writers of the same records: the lock
 * waits only after every claim is inserted (the claims gate it), the order the two separate
 * statements had, so a racing retry still waits on the claims, never on a lock. The records
 * must be read by a LATER statement: this one's snapshot predates the wait for the locks.
 */
export async function claimMutations(
  tx: Tx,
  personId: string,
  mutations: Mutation[],
  envelopeDeviceId: string,
): Promise<Claimed> {
  return claimForPushes(tx, [{ personId, mutations, deviceId: envelopeDeviceId }]);
}

/** One push's claim: who pushes, its (distinct) mutations and its envelope's device id. */
export interface ClaimPart {
  personId: string;
  mutations: Mutation[];
  deviceId: string;
}

/** claimMutations for several pushes committed together (group.ts): one statement for all.
 *  Their mutation ids must be distinct across the parts. */
export async function claimForPushes(tx: Tx, parts: ClaimPart[]): Promise<Claimed> {
  const devicePairs = new Map<string, { device: string; person: string }>();
  for (const { personId, mutations, deviceId } of parts) {
    for (const device of [deviceId, ...mutations.map((m) => m.deviceId)]) {
      devicePairs.set(`${device}:${personId}`, { device, person: personId });
    }
  }
  const pairs = [...devicePairs.values()];
  const all = parts.flatMap((p) => p.mutations.map((m) => ({ m, personId: p.personId })));
  const rows = all
    .sort((a, b) => (a.m.mutationId < b.m.mutationId ? -1 : 1))
    .map(({ m, personId }) => ({
      mutation_id: m.mutationId,
      device_id: m.deviceId,
      person_id: personId,
      kind: m.kind,
      entity_id: m.entityId,
      seq: m.seq,
      content_hash: contentHash(m),
    }));
  // The device registration and the claims run in one statement; `added` is invisible to the
  // statement's own snapshot, hence the coalesce.
  const keys = [...new Set(all.map(({ m }) => keyOf(m.kind, m.entityId)))];
  const { rows: out } = await sql<{
    what: 'claim' | 'device' | 'locked';
    id: string;
    owner: string | null;
  }>`${PREPARE_SQL}
    WITH given AS (
      SELECT DISTINCT d, p FROM unnest(${pairs.map((x) => x.device)}::uuid[],
                                       ${pairs.map((x) => x.person)}::uuid[]) AS g(d, p)
    ),
    added AS (
      INSERT INTO sync_device (device_id, person_id)
      SELECT d, p FROM given
      ON CONFLICT (device_id) DO NOTHING
      RETURNING device_id, person_id
    ),
    claimed AS (
      INSERT INTO mutation_log (mutation_id, device_id, person_id, kind, entity_id, seq, content_hash)
      SELECT x.mutation_id, x.device_id, x.person_id, x.kind, x.entity_id, x.seq, x.content_hash
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          AS x(mutation_id uuid, device_id uuid, person_id uuid, kind text, entity_id uuid,
               seq bigint, content_hash text)
      ON CONFLICT (mutation_id) DO NOTHING
      RETURNING mutation_id
    ),
    locked AS (
      -- The one-time filter runs the claims to the end before the first lock is taken.
      SELECT count(pg_advisory_xact_lock(l.k)) AS n FROM (${lockKeysSql(keys)}) l
       WHERE (SELECT count(*) FROM claimed) >= 0
    )
    SELECT 'claim' AS what, mutation_id::text AS id, NULL::text AS owner FROM claimed
    UNION ALL
    SELECT 'locked', n::text, NULL FROM locked
    UNION ALL
    SELECT 'device', g.d::text || ':' || g.p::text,
           coalesce(sd.person_id, a.person_id)::text
      FROM given g
      LEFT JOIN sync_device sd ON sd.device_id = g.d
      LEFT JOIN added a ON a.device_id = g.d`.execute(tx);

  // Keyed `device:person`: in a group, two people may name one device (one of them is refused).
  const owners = new Map<string, string | null>();
  for (const r of out) if (r.what === 'device') owners.set(r.id, r.owner);
  const racing = [...owners].filter(([, owner]) => owner === null).map(([k]) => k.split(':')[0]);
  if (racing.length > 0) {
    // Registered by a push that committed while the statement waited (a retry overlapping
    // its first attempt on another connection): read it with a fresh snapshot.
    const again = await sql<{ device_id: string; person_id: string }>`
      SELECT device_id, person_id FROM sync_device WHERE device_id = ANY(${racing}::uuid[])`.execute(
      tx,
    );
    const found = new Map(again.rows.map((r) => [r.device_id, r.person_id]));
    for (const [k, owner] of owners) {
      if (owner === null) owners.set(k, found.get(k.split(':')[0] as string) ?? null);
    }
  }
  for (const [k, owner] of owners) {
    const [deviceId, personId] = k.split(':');
    if (owner !== personId) throw new AppError('SYNC_DEVICE_NOT_YOURS', undefined, { deviceId });
  }
  return { fresh: new Set(out.filter((r) => r.what === 'claim').map((r) => r.id)) };
}

export interface Prior {
  personId: string;
  result: MutationResult | null;
  /** Null for mutations received before content hashes were kept (migration 0009). */
  contentHash: string | null;
}

export async function priorResults(tx: Tx, ids: string[]): Promise<Map<string, Prior>> {
  const out = new Map<string, Prior>();
  if (ids.length === 0) return out;
  const { rows } = await sql<{
    mutation_id: string;
    person_id: string;
    result: MutationResult | null;
    content_hash: string | null;
  }>`
    SELECT mutation_id, person_id, result, content_hash
      FROM mutation_log WHERE mutation_id = ANY(${ids}::uuid[])`.execute(tx);
  for (const r of rows) {
    out.set(r.mutation_id, {
      personId: r.person_id,
      result: r.result,
      contentHash: r.content_hash,
    });
  }
  return out;
}
