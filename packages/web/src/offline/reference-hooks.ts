import { useLiveQuery } from 'dexie-react-hooks';
import { META } from './db.ts';
import { useOffline } from './OfflineProvider.tsx';

// React access to what the device knows about its own freshness: whether the first sync (the
// records of the scope and the reference data) has finished, and when. Screens that read the
// store use it to show a loading state instead of a false "nothing to do" during the first
// sync (issue 12.3) and the quiet "datos del HH:MM" note offline.

export interface LocalMeta {
  /** When the last complete sync cycle ended (records pulled), ISO. */
  lastSyncAt?: string;
  /** When the reference data (caseload, schools, catalogue) was last stored, ISO. */
  referenceAt?: string;
}

/** 'ready': the device holds a complete first sync; 'loading': it is still arriving;
 *  'empty': never synced and no connection to do it now. */
export type LocalDataState = 'ready' | 'loading' | 'empty';

export function localDataState(meta: LocalMeta, online: boolean): LocalDataState {
  if (meta.lastSyncAt && meta.referenceAt) return 'ready';
  return online ? 'loading' : 'empty';
}

/** The device's sync times; `undefined` while reading. */
export function useLocalMeta(): LocalMeta | undefined {
  const { db } = useOffline();
  return useLiveQuery(async () => {
    const [sync, reference] = await db.meta.bulkGet([META.lastSyncAt, META.referenceAt]);
    return {
      lastSyncAt: sync?.value as string | undefined,
      referenceAt: reference?.value as string | undefined,
    };
  }, [db]);
}

/** The state of the device's data for a screen that needs a complete first sync. */
export function useLocalDataState(): { state: LocalDataState; meta: LocalMeta } | undefined {
  const { online } = useOffline();
  const meta = useLocalMeta();
  if (!meta) return undefined;
  return { state: localDataState(meta, online), meta };
}
