import type { Change, EntityKind, Mutation, MutationResult } from '@acompana/core';
import { sameJson } from './merge.ts';
import { KINDS, normalizeDateTimes } from './registry.ts';
import { keyOf } from './store.ts';

// The folded pull of a push (docs/SYNC.md, "One round trip") leaves out the device's own
// writes when the server holds exactly what the device sent: the device already has that
// state, and the push result gave it the version. Anything else about the record (another
// person's fields merged in, a later write, a field the device may not set) differs from the
// payload, so the record still comes back. The cursor is unaffected: it still moves past
// these changes.

export interface OwnWrite {
  op: 'upsert' | 'delete';
  /** The version the push answered (null for a delete). */
  version: number | null;
  payload: Record<string, unknown> | null;
}

/** The batch's confirmed writes (applied or repeated), the last one per record. */
export function ownWritesOf(
  mutations: Mutation[],
  results: MutationResult[],
): Map<string, OwnWrite> {
  const out = new Map<string, OwnWrite>();
  mutations.forEach((m, i) => {
    const r = results[i];
    const key = keyOf(m.kind, m.entityId);
    if (!r || r.status === 'rejected') {
      // A refused write later in the batch: the device's state of the record is not the
      // server's, so never leave the record out.
      out.delete(key);
      return;
    }
    out.set(key, { op: m.op, version: r.version, payload: m.payload ?? null });
  });
  return out;
}

/** Whether `change` only repeats what the device itself wrote. */
export function isEcho(own: OwnWrite | undefined, change: Change): boolean {
  if (!own || own.op !== change.op) return false;
  if (change.op === 'delete') return true;
  if (own.version !== change.version || !own.payload || !change.data) return false;
  const spec = KINDS[change.kind as EntityKind];
  if (!spec) return false;
  const sent = normalizeDateTimes(spec, own.payload);
  return spec.fields.every((f) => sameJson(sent[f] ?? null, change.data?.[f] ?? null));
}
