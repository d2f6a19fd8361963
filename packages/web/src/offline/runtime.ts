import type { Me } from '@acompana/core';
import { doesFieldWork } from '../app/navigation.ts';
import { type LocalDb, META, openLocalDb } from './db.ts';
import { forgetLocalData } from './device.ts';
import { SyncEngine, type SyncStatus } from './engine.ts';
import { rememberPerson } from './last-person.ts';
import { refreshReference } from './reference.ts';
import { httpTransport, type SyncTransport } from './transport.ts';

// The offline runtime of one session, loaded after the first screen (it carries Dexie): the
// person's local database and the sync engine, run at start, when the device comes back
// online, every few minutes while online, and shortly after each local write. A person
// without a sync scope (supervisors) never runs it: the server would answer 403 forever.

const PERIOD_MS = 5 * 60_000;
const AFTER_WRITE_MS = 1_500;
const REFERENCE_EVERY_MS = 30 * 60_000;

export interface OfflineRuntime {
  db: LocalDb;
  engine: SyncEngine;
  /** Ask for a sync soon (after a local write). */
  nudge: () => void;
  /** Unsent and rejected changes still on the device. */
  held: () => Promise<number>;
  /** Deletes this person's local database (only after everything was sent). */
  forget: () => Promise<void>;
  stop: () => Promise<void>;
}

const isOnline = () => navigator.onLine !== false;

export function startOffline(
  me: Me,
  onStatus: (status: SyncStatus, online: boolean) => void,
  transport: SyncTransport = httpTransport(),
): OfflineRuntime {
  const db = openLocalDb(me.person.id);
  const engine = new SyncEngine(db, transport);
  const syncs = doesFieldWork(me);
  rememberPerson(me.person.id);
  void db.meta.put({ key: META.me, value: me });

  let nudgeTimer: ReturnType<typeof setTimeout> | undefined;
  let referenceAt = 0;
  const run = async () => {
    if (!syncs || !isOnline()) return;
    const outcome = await engine.sync();
    if (outcome.ok && Date.now() - referenceAt > REFERENCE_EVERY_MS) {
      referenceAt = Date.now();
      await refreshReference(db, me).catch(() => {
        referenceAt = 0; // try again after the next sync
      });
    }
  };
  const nudge = () => {
    clearTimeout(nudgeTimer);
    nudgeTimer = setTimeout(() => void run(), AFTER_WRITE_MS);
  };
  const unsubscribe = engine.subscribe((status) => onStatus(status, isOnline()));
  const onNetwork = () => {
    onStatus(engine.status, isOnline());
    void run();
  };
  window.addEventListener('online', onNetwork);
  window.addEventListener('offline', onNetwork);
  const periodic = setInterval(() => void run(), PERIOD_MS);
  onStatus(engine.status, isOnline());
  void run();

  const stop = async () => {
    unsubscribe();
    clearTimeout(nudgeTimer);
    clearInterval(periodic);
    window.removeEventListener('online', onNetwork);
    window.removeEventListener('offline', onNetwork);
    await engine.stop();
  };
  return {
    db,
    engine,
    nudge,
    stop,
    async held() {
      const counts = await engine.counts();
      return counts.pending + counts.rejected;
    },
    async forget() {
      await stop();
      await forgetLocalData(db);
      rememberPerson(null);
    },
  };
}
