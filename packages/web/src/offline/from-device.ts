import { useCallback } from 'react';
import { ApiError } from '../app/api/client.ts';
import { doesFieldWork } from '../app/navigation.ts';
import { useMe } from '../app/session/SessionContext.tsx';
import type { LocalDb, META } from './db.ts';
import { useOfflineSlot } from './OfflineProvider.tsx';

// The field screens that also read the server (Docentes, a teacher, "Mis docentes",
// Instituciones, a school, Catálogo) open offline from the copy stored at the last sync
// (offline/reference-screens.ts): when the device is offline, or the request fails for lack
// of a network, a coach or a teacher gets the stored copy with its time, never "No se pudo
// conectar". Supervisors always read the server. Kept free of Dexie (type imports only): the
// coach's home uses it and must stay light.

export interface DeviceCopy<T> {
  data: T;
  /** When the stored copy was made (ISO); null when the data came from the server now. */
  asOf: string | null;
}

const REFERENCE_AT: (typeof META)['referenceAt'] = 'referenceAt';

export const isNetworkError = (error: unknown): boolean =>
  error instanceof ApiError && error.code === 'NETWORK';

export type FromDevice = <T>(
  load: () => Promise<T>,
  local: (db: LocalDb) => Promise<T | null>,
) => Promise<DeviceCopy<T>>;

/** Loads from the server, or from the device's copy when there is no network. */
export function useFromDevice(): FromDevice {
  const slot = useOfflineSlot();
  const me = useMe();
  const field = doesFieldWork(me);
  return useCallback(
    async <T>(load: () => Promise<T>, local: (db: LocalDb) => Promise<T | null>) => {
      const stored = async (): Promise<DeviceCopy<T> | null> => {
        const { db } = await slot.ready;
        const data = await local(db);
        if (data === null) return null;
        const at = (await db.meta.get(REFERENCE_AT))?.value as string | undefined;
        return { data, asOf: at ?? new Date().toISOString() };
      };
      if (!field) return { data: await load(), asOf: null };
      if (navigator.onLine === false) {
        const copy = await stored();
        if (copy) return copy;
      }
      try {
        return { data: await load(), asOf: null };
      } catch (error) {
        if (!isNetworkError(error)) throw error;
        const copy = await stored();
        if (copy) return copy;
        throw error;
      }
    },
    [slot, field],
  );
}
