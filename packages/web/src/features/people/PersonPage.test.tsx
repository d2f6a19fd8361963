// @vitest-environment happy-dom
import { abilitiesOf } from '@acompana/core';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadTexts } from '../../app/i18n/index.ts';
import { Route, Routes } from '../../app/router.tsx';
import { MemoryRouter } from '../../app/router-memory.tsx';
import PersonPage from './PersonPage.tsx';

// A person's page (issue 14): roles with dates (ended ones kept), the account status, the
// actions the server allows; a new code for someone who already has one is confirmed first
// (it voids the previous one) and then shown once — still on screen after the page reloads
// the person. fetch answers like the server.

const ID = '0b6c1d1e-7a3f-4c55-9d7e-1a2b3c4d5e6f';
const GRANTS = [{ role: 'especialista' as const, scope: { level: 'ugel' as const, id: 'u1' } }];

// The signed-in especialista (the session itself is tested elsewhere).
vi.mock('../../app/session/SessionContext.tsx', () => ({
  useMe: () => ({
    person: { id: 'p1', dni: '50000001', displayName: 'Esp' },
    grants: GRANTS,
    abilities: abilitiesOf({ personId: 'p1', grants: GRANTS }),
  }),
}));
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const PERSON = {
  id: ID,
  dni: '41234567',
  displayName: 'Rosa Quispe Mamani',
  roles: ['docente'],
  schools: [{ id: 's1', name: 'IE 70125' }],
  assignments: [
    {
      id: 'r2',
      role: 'director',
      scopeLevel: 'school',
      scopeName: 'IE 70125',
      validFrom: '2025-03-01',
      validTo: '2025-12-31',
      current: false,
    },
  ],
  status: 'pending',
  codeExpiresAt: '2026-12-10T15:00:00.000Z',
  actions: ['issueCode', 'reset', 'deactivate'],
  history: [
    {
      at: '2026-11-26T15:00:00.000Z',
      action: 'account.code_issued',
      actorName: 'Elena Ríos',
      detail: { before: { status: 'none' }, after: { status: 'pending' } },
    },
  ],
};

let root: Root | null = null;
let host: HTMLElement;
const calls: string[] = [];

beforeAll(() => loadTexts('people'));
beforeEach(() => {
  calls.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      calls.push(`${method} ${url}`);
      if (url === `/api/v1/people/${ID}` && method === 'GET') return json(200, PERSON);
      if (url === `/api/v1/people/${ID}/account/code` && method === 'POST') {
        return json(201, {
          personId: ID,
          dni: PERSON.dni,
          code: 'KX7M2QPA',
          expiresAt: '2026-12-16T15:00:00.000Z',
          replacedCode: true,
        });
      }
      throw new Error(`unexpected ${method} ${url}`);
    }),
  );
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  root.render(
    <MemoryRouter initialEntries={[`/personas/${ID}`]}>
      <Routes>
        <Route path="/personas/:id" element={<PersonPage />} />
      </Routes>
    </MemoryRouter>,
  );
});

afterEach(() => {
  root?.unmount();
  host.remove();
  vi.unstubAllGlobals();
});

const button = (text: string) =>
  [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === text) as
    | HTMLButtonElement
    | undefined;

describe('PersonPage', () => {
  it('shows the account, the dated roles and the history', async () => {
    await vi.waitFor(() => expect(host.textContent).toContain('Rosa Quispe Mamani'));
    expect(host.textContent).toContain('Pendiente de activación');
    expect(host.textContent).toContain('Director(a)');
    expect(host.textContent).toContain('Terminado');
    expect(host.textContent).toContain('Código de activación emitido');
    expect(host.textContent).toContain('Sin cuenta → Pendiente de activación');
    expect(button('Restablecer cuenta')).toBeTruthy();
    expect(button('Reactivar cuenta')).toBeUndefined();
  });

  it('confirms a new code before voiding the old one, then shows it once across the reload', async () => {
    await vi.waitFor(() => expect(button('Emitir un código nuevo')).toBeTruthy());
    button('Emitir un código nuevo')?.click();
    await vi.waitFor(() =>
      expect(document.body.textContent).toContain('el anterior deja de servir'),
    );
    expect(calls.filter((c) => c.startsWith('POST'))).toEqual([]);
    const confirm = [...document.querySelectorAll('dialog button')].find(
      (b) => b.textContent?.trim() === 'Emitir un código nuevo',
    ) as HTMLButtonElement;
    confirm.click();
    await vi.waitFor(() => expect(host.textContent).toContain('KX7M2QPA'));
    await vi.waitFor(() =>
      expect(calls.filter((c) => c === `GET /api/v1/people/${ID}`)).toHaveLength(2),
    );
    await vi.waitFor(() => expect(host.textContent).toContain('Rosa Quispe Mamani'));
    expect(host.textContent).toContain('KX7M2QPA');
    expect(host.textContent).toContain('no se volverá a mostrar');
    expect(host.textContent).toContain('El código anterior de esta persona dejó de servir.');
  });
});
