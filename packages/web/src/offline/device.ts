import type { Me } from '@acompana/core';
import { Dexie } from 'dexie';
import { DB_PREFIX, type LocalDb, localDbName, META, openLocalDb } from './db.ts';
import { lastPersonId } from './last-person.ts';
import { outboxCounts } from './store.ts';

// Who used this device: the last signed-in person (last-person.ts; the app starts offline
// with their cached profile) and the local databases of other people still holding unsent work.

/** The cached profile of the last person, to start the app without the network. */
export async function cachedMe(): Promise<Me | null> {
  const personId = lastPersonId();
  if (!personId) return null;
  const names = await Dexie.getDatabaseNames();
  if (!names.includes(localDbName(personId))) return null;
  const db = openLocalDb(personId);
  try {
    return ((await db.meta.get(META.me))?.value as Me | undefined) ?? null;
  } finally {
    db.close();
  }
}

export interface OtherPersonWork {
  personId: string;
  displayName: string;
  pending: number;
}

/** Local databases of other people that still hold unsent or rejected changes. */
export async function otherPeoplesWork(personId: string): Promise<OtherPersonWork[]> {
  const names = await Dexie.getDatabaseNames();
  const out: OtherPersonWork[] = [];
  for (const name of names) {
    if (!name.startsWith(DB_PREFIX) || name === localDbName(personId)) continue;
    const other = openLocalDb(name.slice(DB_PREFIX.length));
    try {
      const counts = await outboxCounts(other);
      const me = (await other.meta.get(META.me))?.value as Me | undefined;
      if (counts.pending + counts.rejected > 0) {
        out.push({
          personId: name.slice(DB_PREFIX.length),
          displayName: me?.person.displayName ?? '',
          pending: counts.pending + counts.rejected,
        });
      }
    } finally {
      other.close();
    }
  }
  return out;
}

/** Removes a person's local database (logout after a complete sync; hand-over). */
export async function forgetLocalData(db: LocalDb): Promise<void> {
  db.close();
  await db.delete();
}
