import type { EntityKind, MutationResult } from '@acompana/core';
import { Dexie, type DexieOptions, type Table } from 'dexie';

// The device's local database: one per signed-in person (`acompana-<personId>`), so a shared
// device can be handed to someone else without mixing their work. Everything the field
// screens show is read from here; the network only feeds it (pull) and drains it (push).

/** A field record as the device holds it. */
export interface LocalRecord<T = Record<string, unknown>> {
  kind: EntityKind;
  id: string;
  /** The server version this device last saw; 0 for a record never confirmed by the server. */
  version: number;
  data: T;
  /** Denormalised for indexed lookups (visits of a teacher, commitments of a visit). */
  teacherId: string | null;
  visitId: string | null;
  /** The last known server state, kept while local changes are pending so a discard can
   *  restore it and a pull never overwrites local work. Null when nothing is pending. */
  server: { version: number; data: Record<string, unknown> | null } | null;
  /** Seed generation that last delivered this record (re-seed drops older generations). */
  seen: number;
  /** Device clock of the last local or pulled change (ISO). */
  updatedAt: string;
}

export type OutboxStatus = 'pending' | 'rejected';

/** One local write waiting for the server (docs/SYNC.md; protocol in @acompana/core sync). */
export interface OutboxEntry {
  /** Per-device sequence: the outbox order and the protocol's `seq`. */
  seq: number;
  mutationId: string;
  deviceId: string;
  kind: EntityKind;
  entityId: string;
  op: 'upsert' | 'delete';
  baseVersion: number;
  changed: string[];
  payload: Record<string, unknown> | null;
  /** The changed fields' values before this write (null for a create). */
  base: Record<string, unknown> | null;
  createdAt: string;
  status: OutboxStatus;
  /** Set when a push carried it: the server may hold it already, so it is resent as it is
   *  (same mutation id) and later writes never coalesce into it. */
  sent?: boolean;
  /** Why the server refused it (Spanish message from the server), for rejected entries. */
  error: NonNullable<MutationResult['error']> | null;
}

/** Read-only data of the person's scope, used to fill forms offline (teachers, schools…). */
export interface ReferenceItem {
  /** 'teacherDetail'/'schoolDetail': the API's detail answers, for the screens offline. */
  kind: 'teacher' | 'school' | 'instrument' | 'teacherDetail' | 'schoolDetail';
  id: string;
  data: Record<string, unknown>;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export class LocalDb extends Dexie {
  records!: Table<LocalRecord, [string, string]>;
  outbox!: Table<OutboxEntry, number>;
  meta!: Table<MetaRow, string>;
  reference!: Table<ReferenceItem, [string, string]>;

  constructor(name: string, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      records: '[kind+id], kind, [kind+teacherId], [kind+visitId], seen',
      outbox: 'seq, &mutationId, entityId, [status+seq]',
      meta: 'key',
      reference: '[kind+id], kind',
    });
  }
}

export const DB_PREFIX = 'acompana-';

export function localDbName(personId: string): string {
  return `${DB_PREFIX}${personId}`;
}

/** Opens (creating if needed) the local database of one person. `options` lets tests pass
 *  fake-indexeddb. */
export function openLocalDb(personId: string, options?: DexieOptions): LocalDb {
  return new LocalDb(localDbName(personId), options);
}

export async function getMeta<T>(db: LocalDb, key: string): Promise<T | undefined> {
  const row = await db.meta.get(key);
  return row?.value as T | undefined;
}

export async function setMeta(db: LocalDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}

/** Keys of the meta table (one place, so a typo cannot fork state). */
export const META = {
  device: 'device',
  cursor: 'cursor',
  scope: 'scope',
  seedGen: 'seedGen',
  reseedGen: 'reseedGen',
  lastSyncAt: 'lastSyncAt',
  me: 'me',
  referenceAt: 'referenceAt',
} as const;

export interface DeviceMeta {
  deviceId: string;
  /** The seq the next local write takes. */
  nextSeq: number;
}
