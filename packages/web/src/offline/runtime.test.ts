// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { abilitiesOf, type Me, type Role } from '@acompana/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from './engine.ts';
import { FakeSyncServer } from './fake-server.ts';
import { type OfflineRuntime, startOffline } from './runtime.ts';

// Issue 12.2: supervisors (director, especialista, formador, MINEDU) have no sync scope (the
// server answers 403 to their pull), so their runtime never runs the engine and its status
// never leaves "idle"; coaches and teachers sync at start.

let n = 0;
function meOf(role: Role): Me {
  const id = `0190a000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
  const grants = [
    { role, scope: { level: 'ugel' as const, id: 'u1', name: 'UGEL' }, validFrom: '2025-01-01' },
  ];
  return {
    person: {
      id,
      dni: '20000001',
      givenNames: 'Ana',
      paternalSurname: 'Quispe',
      maternalSurname: 'Huamán',
      displayName: 'Ana Quispe Huamán',
    },
    roles: grants.map((grant) => ({ ...grant, validTo: null })),
    abilities: abilitiesOf({ personId: id, grants } as never),
    session: { expiresAt: '2030-01-01T00:00:00Z' },
  };
}

let runtime: OfflineRuntime | null = null;
afterEach(async () => {
  await runtime?.forget();
  runtime = null;
  vi.unstubAllGlobals();
});

/** Starts a runtime against the fake server and lets its first cycle (if any) finish. */
async function start(role: Role) {
  // The reference refresh after a coach's sync reads the API; here it fails and is retried later.
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline in this test')));
  const server = new FakeSyncServer();
  const phases: SyncStatus['phase'][] = [];
  runtime = startOffline(meOf(role), (status) => phases.push(status.phase), server);
  await new Promise((resolve) => setTimeout(resolve, 100));
  return { server, phases };
}

describe('offline runtime per role', () => {
  it.each(['director', 'especialista', 'formador', 'minedu'] as const)(
    '%s never pulls nor pushes, and the status stays idle',
    async (role) => {
      const { server, phases } = await start(role);
      runtime?.nudge();
      window.dispatchEvent(new Event('online'));
      await new Promise((resolve) => setTimeout(resolve, 1_700));
      expect(server.pulls).toEqual([]);
      expect(server.pushes).toEqual([]);
      expect(phases.length).toBeGreaterThan(0);
      expect(phases.every((phase) => phase === 'idle')).toBe(true);
    },
  );

  it.each(['acompanante', 'docente'] as const)('%s pulls at start', async (role) => {
    const { server, phases } = await start(role);
    expect(server.pulls.length).toBeGreaterThan(0);
    expect(phases).toContain('syncing');
  });
});
