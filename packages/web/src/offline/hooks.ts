import type { EntityKind, EntityRecord } from '@acompana/core';
import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import type { LocalRecord, OutboxEntry, ReferenceItem } from './db.ts';
import { useOffline } from './OfflineProvider.tsx';
import { type RecordChanges, saveRecord } from './store.ts';

// React access to the local store. Lists are live: they update when a local write or a pull
// changes them. `undefined` means "still reading".

export interface RecordFilter {
  teacherId?: string;
  visitId?: string;
}

/** Records of a kind, optionally those of one teacher or one visit (indexed lookups). */
export function useRecords<K extends EntityKind>(
  kind: K,
  filter: RecordFilter = {},
): LocalRecord<EntityRecord<K>>[] | undefined {
  const { db } = useOffline();
  const { teacherId, visitId } = filter;
  return useLiveQuery(() => {
    if (visitId) return db.records.where('[kind+visitId]').equals([kind, visitId]).toArray();
    if (teacherId) return db.records.where('[kind+teacherId]').equals([kind, teacherId]).toArray();
    return db.records.where('kind').equals(kind).toArray();
  }, [db, kind, teacherId, visitId]) as LocalRecord<EntityRecord<K>>[] | undefined;
}

/** One record; `null` when it is not on this device. */
export function useRecord<K extends EntityKind>(
  kind: K,
  id: string | undefined,
): LocalRecord<EntityRecord<K>> | null | undefined {
  const { db } = useOffline();
  return useLiveQuery(
    async () => (id ? ((await db.records.get([kind, id])) ?? null) : null),
    [db, kind, id],
  ) as LocalRecord<EntityRecord<K>> | null | undefined;
}

/** Saves through the outbox (one transaction) and asks for a sync soon, unless `sync` is
 *  false: an autosaved draft stays on the device (coalescing with the next saves of the same
 *  record) until the person leaves the form, completes it, or the app syncs anyway. */
export function useSaveRecord() {
  const { db, nudge } = useOffline();
  return useCallback(
    async <K extends EntityKind>(
      kind: K,
      id: string | null,
      changes: RecordChanges<K>,
      options: { sync?: boolean } = {},
    ) => {
      const record = await saveRecord(db, kind, id, changes);
      if (options.sync !== false) nudge();
      return record;
    },
    [db, nudge],
  );
}

/** Ids of records with changes not yet confirmed by the server ("pendiente"). */
export function usePendingIds(): Set<string> | undefined {
  const { db } = useOffline();
  return useLiveQuery(
    async () => new Set((await db.outbox.orderBy('entityId').uniqueKeys()) as string[]),
    [db],
  );
}

export function useOutboxCounts(): { pending: number; rejected: number } | undefined {
  const { db } = useOffline();
  return useLiveQuery(async () => {
    const range = (status: string) =>
      db.outbox.where('[status+seq]').between([status, Dexie.minKey], [status, Dexie.maxKey]);
    return { pending: await range('pending').count(), rejected: await range('rejected').count() };
  }, [db]);
}

export function useRejected(): OutboxEntry[] | undefined {
  const { db } = useOffline();
  return useLiveQuery(
    () =>
      db.outbox
        .where('[status+seq]')
        .between(['rejected', Dexie.minKey], ['rejected', Dexie.maxKey])
        .toArray(),
    [db],
  );
}

export function useMeta<T>(key: string): T | undefined {
  const { db } = useOffline();
  return useLiveQuery(async () => (await db.meta.get(key))?.value as T | undefined, [db, key]);
}

export function useReference(kind: ReferenceItem['kind']): ReferenceItem[] | undefined {
  const { db } = useOffline();
  return useLiveQuery(() => db.reference.where('kind').equals(kind).toArray(), [db, kind]);
}
