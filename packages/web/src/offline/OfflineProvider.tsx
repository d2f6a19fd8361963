import type { Me } from '@acompana/core';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { Loading } from '../ui/Status.tsx';
import type { SyncStatus } from './engine.ts';
import type { OfflineRuntime } from './runtime.ts';

// Starts the offline runtime for the signed-in person. The runtime (Dexie, the engine) is its
// own chunk, loaded right after the first screen so the login and the home stay small; the
// screens that read the store wait for it behind <OfflineGate>.

export interface Offline extends OfflineRuntime {
  status: SyncStatus;
  online: boolean;
}

interface OfflineSlot {
  current: Offline | null;
  /** Resolves once the runtime is running (the logout waits for it to count unsent work). */
  ready: Promise<Offline>;
}

/** Exported for tests that render screens over a local store of their own. */
export const OfflineContext = createContext<OfflineSlot | null>(null);

export function OfflineProvider({
  me,
  onSessionEnded,
  children,
}: {
  me: Me;
  /** The server answered 401 to a sync: ask the person to log in again (local work stays). */
  onSessionEnded: (code: string) => void;
  children: ReactNode;
}) {
  // One promise per person, handed out from the first render: a screen's effect runs before
  // this provider's (children first) and may already wait on `ready` — a placeholder that never
  // resolved left "Mis docentes" loading forever when the home opened offline.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new promise for a new person.
  const pending = useMemo(() => deferred<Offline>(), [me.person.id]);
  const [current, setCurrent] = useState<Offline | null>(null);
  const slot = useMemo<OfflineSlot>(
    () => ({ current, ready: pending.promise }),
    [current, pending],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: one runtime per person.
  useEffect(() => {
    let runtime: OfflineRuntime | null = null;
    let cancelled = false;
    setCurrent(null);
    import('./runtime.ts').then(({ startOffline }) => {
      if (cancelled) return;
      runtime = startOffline(me, (status, online) => {
        if (!runtime) return;
        const offline: Offline = { ...runtime, status, online };
        setCurrent(offline);
        pending.resolve(offline);
        if (status.phase === 'needsLogin') onSessionEnded(status.errorCode ?? 'SESSION_EXPIRED');
      });
      const first: Offline = {
        ...runtime,
        status: runtime.engine.status,
        online: navigator.onLine,
      };
      setCurrent(first);
      pending.resolve(first);
    });
    return () => {
      cancelled = true;
      const db = runtime?.db;
      void runtime?.stop().then(() => db?.close());
    };
  }, [me.person.id]);

  return <OfflineContext.Provider value={slot}>{children}</OfflineContext.Provider>;
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** The running offline layer, or null while it loads. */
export function useOfflineSlot(): OfflineSlot {
  const slot = useContext(OfflineContext);
  if (!slot) throw new Error('useOfflineSlot must be used inside <OfflineProvider>');
  return slot;
}

/** For screens behind <OfflineGate>: the running offline layer. */
export function useOffline(): Offline {
  const { current } = useOfflineSlot();
  if (!current) throw new Error('useOffline must be used behind <OfflineGate>');
  return current;
}

/** Around a field screen: renders it once the local store is open. */
export function OfflineGate({ children }: { children: ReactNode }) {
  const { current } = useOfflineSlot();
  return current ? children : <Loading />;
}
