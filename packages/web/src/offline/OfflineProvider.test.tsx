// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { abilitiesOf, type Me } from '@acompana/core';
import { useEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Offline, OfflineProvider, useOfflineSlot } from './OfflineProvider.tsx';

// A screen's effect runs before the provider's (children first), so the first thing a screen
// may hold is the slot of the provider's first render. Its `ready` must resolve once the
// runtime starts: the coach's home opened offline waited on it for "Mis docentes" and, with a
// placeholder that never resolved, kept loading for good (CI, offline-routes E2E).

const ID = '0190a000-0000-7000-8000-00000000c0a0';
const grants = [
  {
    role: 'acompanante' as const,
    scope: { level: 'ugel' as const, id: 'u1', name: 'UGEL' },
    validFrom: '2025-01-01',
  },
];
const me: Me = {
  person: {
    id: ID,
    dni: '20000001',
    givenNames: 'Ana',
    paternalSurname: 'Quispe',
    maternalSurname: 'Huamán',
    displayName: 'Ana Quispe Huamán',
  },
  roles: grants.map((grant) => ({ ...grant, validTo: null })),
  abilities: abilitiesOf({ personId: ID, grants } as never),
  session: { expiresAt: '2030-01-01T00:00:00Z' },
};

let root: Root | null = null;
let runtime: Offline | null = null;
afterEach(async () => {
  root?.unmount();
  root = null;
  await runtime?.forget();
  runtime = null;
  vi.unstubAllGlobals();
});

describe('OfflineProvider', () => {
  it('resolves the `ready` a screen took on its first render', async () => {
    // Offline: the runtime starts without syncing, as on a phone in the field.
    vi.stubGlobal('navigator', { ...navigator, onLine: false });
    let firstReady: Promise<Offline> | null = null;
    function Screen() {
      const slot = useOfflineSlot();
      // biome-ignore lint/correctness/useExhaustiveDependencies: only the first render's slot.
      useEffect(() => {
        firstReady ??= slot.ready;
      }, []);
      return null;
    }
    const host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    root.render(
      <OfflineProvider me={me} onSessionEnded={() => undefined}>
        <Screen />
      </OfflineProvider>,
    );
    await vi.waitFor(() => expect(firstReady).not.toBeNull());
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(resolve, 5_000, 'timeout'));
    const got = await Promise.race([firstReady as unknown as Promise<Offline>, timeout]);
    expect(got).not.toBe('timeout');
    runtime = got as Offline;
    expect(runtime.db.name).toContain(ID);
  }, 10_000);
});
