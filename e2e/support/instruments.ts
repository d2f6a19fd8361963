import type { Page } from 'playwright-core';

// Helpers of the instruments spec: reading the device's offline store (IndexedDB, written by
// packages/web/src/offline) from the page, as the sync engine would.

export interface StoredRecord {
  kind: string;
  id: string;
  data: {
    teacherId: string;
    instrumentVersionId: string;
    status: 'draft' | 'complete';
    answers: Record<string, unknown>;
  };
}

export interface StoredOutboxEntry {
  seq: number;
  mutationId: string;
  deviceId: string;
  kind: string;
  entityId: string;
  op: 'upsert' | 'delete';
  baseVersion: number;
  changed: string[];
  payload: Record<string, unknown> | null;
  base: Record<string, unknown> | null;
  createdAt: string;
  status: string;
}

/** All rows of one object store of the person's local database. */
export function readStore<T>(page: Page, personId: string, store: string): Promise<T[]> {
  return page.evaluate(
    ({ name, store }) =>
      new Promise<T[]>((resolve, reject) => {
        // biome-ignore lint/suspicious/noExplicitAny: runs in the page; e2e compiles without DOM types
        const open = (globalThis as any).indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(store, 'readonly');
          const all = tx.objectStore(store).getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve(all.result as T[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    { name: `acompana-${personId}`, store },
  );
}
