// @vitest-environment happy-dom
import type { Me } from '@acompana/core';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { Route, Routes } from './router.tsx';
import { MemoryRouter } from './router-memory.tsx';
import './i18n/index.ts';
import { FieldWorkRoute } from './guards.tsx';

// Issue 12.15 (with 12.2): a supervisor has no sync scope, so opening /sincronizacion by URL
// shows "page not found", never the sync page; a coach gets the page.

function meWith(abilities: string[]): Me {
  return {
    person: {
      id: 'p1',
      dni: '40000001',
      givenNames: 'Ana',
      paternalSurname: 'Quispe',
      maternalSurname: null,
      displayName: 'Ana Quispe',
    },
    roles: [],
    abilities,
    session: { expiresAt: '2099-01-01T00:00:00Z' },
  };
}

async function render(me: Me): Promise<HTMLElement> {
  const host = document.createElement('div');
  document.body.append(host);
  createRoot(host).render(
    <MemoryRouter initialEntries={['/sincronizacion']}>
      <Routes>
        <Route
          path="/sincronizacion"
          element={
            <FieldWorkRoute me={me}>
              <h1>Sincronización</h1>
            </FieldWorkRoute>
          }
        />
      </Routes>
    </MemoryRouter>,
  );
  await vi.waitFor(() => expect(host.querySelector('h1')).not.toBeNull(), { timeout: 15_000 });
  return host;
}

describe('FieldWorkRoute', () => {
  it('shows a supervisor "page not found" at /sincronizacion, with no word of sync', async () => {
    const host = await render(meWith(['school:read', 'teacher:read']));
    expect(host.querySelector('h1')?.textContent).not.toMatch(/sincroniz/i);
    expect(host.textContent).not.toMatch(/sincroniz/i);
    expect(host.querySelector('a[href="/"]')).not.toBeNull();
  });

  it('lets a person who records field work through', async () => {
    const host = await render(meWith(['field_record:read']));
    expect(host.querySelector('h1')?.textContent).toBe('Sincronización');
  });
});
