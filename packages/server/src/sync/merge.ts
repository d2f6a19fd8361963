import type { EntityKind, Mutation } from '@acompana/core';
import { dequal } from 'dequal';

// How one upsert mutation changes a stored record (docs/SYNC.md, "Conflicts"). Pure: push.ts
// loads the records, runs every mutation of a batch through here in order, then writes once.
//
// - No record yet: it is created from the payload (the device's full state), so an update
//   that overtakes its create still lands; every field is stamped with this mutation.
// - Otherwise, per changed field: an older write from the same device arriving late (lower
//   seq than the field's last write by that device) is skipped; anything else is written —
//   last arrival wins — and if it replaces a value someone else wrote since the device's
//   baseVersion, that value is kept as a revision flagged to whoever wrote it.

export interface FieldClock {
  /** Device that last wrote the field. */
  d: string;
  /** That device's seq for the write. */
  s: number;
  /** Record version the write produced. */
  v: number;
  /** Person who wrote it. */
  p: string;
  /** Mutation id of the write. */
  m: string;
}

export interface Anchors {
  schoolId: string;
  regionId: string;
  ugelId: string;
  schoolYear: number;
}

export interface StoredRecord {
  kind: EntityKind;
  id: string;
  version: number;
  clock: Record<string, FieldClock>;
  /** Entity fields, camelCase, date-times as UTC ISO strings. */
  data: Record<string, unknown>;
  anchors: Anchors | null;
  createdBy: string;
  updatedBy: string;
  /** False until written for the first time. */
  stored: boolean;
}

export interface Revision {
  kind: EntityKind;
  entityId: string;
  /** Null for a record about no single teacher (an activity). */
  teacherId: string | null;
  field: string;
  overwrittenValue: unknown;
  overwrittenBy: string;
  overwrittenMutationId: string;
  overwrittenVersion: number;
  newValue: unknown;
  writtenBy: string;
  writtenMutationId: string;
  flaggedFor: string;
}

/** JSON with sorted keys, so equal values compare equal whatever the key order (content hashes,
 *  claims.ts: its output must never change). Built by concatenation, without arrays per level. */
export function canonical(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      // As `map` and `join` rendered it: a hole, or what JSON cannot hold, as nothing.
      const part = i in value ? (canonical(value[i]) as string | undefined) : undefined;
      out += (i ? ',' : '') + (part ?? '');
    }
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    out += `${i ? ',' : ''}${JSON.stringify(k)}:${canonical(obj[k])}`;
  }
  return `${out}}`;
}

/**
 * Whether two field values are equal whatever their keys' order, an absent field and null
 * alike — what comparing their `canonical` renderings said, without building them: every field
 * of every write is compared (merge, echo.ts), and those strings were most of a push's garbage.
 * For JSON values, which is all a device sends and jsonb gives back.
 */
export const sameJson = (a: unknown, b: unknown): boolean => dequal(a ?? null, b ?? null);

export interface MergeResult {
  record: StoredRecord;
  revisions: Revision[];
}

export function mergeUpsert(
  existing: StoredRecord | undefined,
  m: Mutation,
  data: Record<string, unknown>,
  personId: string,
  base: Record<string, unknown> | null,
  /** The changed fields this writer may write (ownership already checked). */
  fields: readonly string[] = m.changed,
): MergeResult {
  const stamp = (version: number): FieldClock => ({
    d: m.deviceId,
    s: m.seq,
    v: version,
    p: personId,
    m: m.mutationId,
  });
  if (!existing) {
    const clock: Record<string, FieldClock> = {};
    for (const f of Object.keys(data)) clock[f] = stamp(1);
    return {
      record: {
        kind: m.kind as EntityKind,
        id: m.entityId,
        version: 1,
        clock,
        data: { ...data },
        anchors: null,
        createdBy: personId,
        updatedBy: personId,
        stored: false,
      },
      revisions: [],
    };
  }

  const version = existing.version + 1;
  const record: StoredRecord = {
    ...existing,
    version,
    clock: { ...existing.clock },
    data: { ...existing.data },
    updatedBy: personId,
  };
  const revisions: Revision[] = [];
  for (const field of new Set(fields)) {
    const last = existing.clock[field];
    if (last && last.d === m.deviceId && last.s > m.seq) continue; // an older write, late
    const current = existing.data[field];
    const next = data[field] ?? null;
    const byOther = last !== undefined && last.d !== m.deviceId && last.v > m.baseVersion;
    const meantToReplace = base && field in base ? base[field] : undefined;
    const lost =
      byOther &&
      !sameJson(current, next) &&
      (meantToReplace === undefined || !sameJson(current, meantToReplace));
    if (lost && last) {
      revisions.push({
        kind: existing.kind,
        entityId: existing.id,
        teacherId: existing.data.teacherId ? String(existing.data.teacherId) : null,
        field,
        overwrittenValue: current ?? null,
        overwrittenBy: last.p,
        overwrittenMutationId: last.m,
        overwrittenVersion: last.v,
        newValue: next,
        writtenBy: personId,
        writtenMutationId: m.mutationId,
        flaggedFor: last.p,
      });
    }
    record.data[field] = next;
    record.clock[field] = stamp(version);
  }
  return { record, revisions };
}

/**
 * field_clock as stored: each distinct write once, fields pointing at it — a create stamps
 * every field with the same write, so this is ~10× smaller than one object per field (less
 * JSON to send, parse and store on every push).
 */
export interface StoredClock {
  /** [device, seq, version, person, mutation] */
  w: [string, number, number, string, string][];
  /** field → index in `w` */
  f: Record<string, number>;
}

export function encodeClock(clock: Record<string, FieldClock>): StoredClock {
  const w: StoredClock['w'] = [];
  const index = new Map<string, number>();
  const f: Record<string, number> = {};
  for (const [field, c] of Object.entries(clock)) {
    const key = `${c.m}:${c.v}`;
    let i = index.get(key);
    if (i === undefined) {
      i = w.push([c.d, c.s, c.v, c.p, c.m]) - 1;
      index.set(key, i);
    }
    f[field] = i;
  }
  return { w, f };
}

export function decodeClock(stored: StoredClock | null | undefined): Record<string, FieldClock> {
  const out: Record<string, FieldClock> = {};
  if (!stored?.w || !stored.f) return out;
  for (const [field, i] of Object.entries(stored.f)) {
    const w = stored.w[i];
    if (w) out[field] = { d: w[0], s: w[1], v: w[2], p: w[3], m: w[4] };
  }
  return out;
}
