// @vitest-environment happy-dom
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadTexts } from '../../app/i18n/index.ts';
import { Route, Routes } from '../../app/router.tsx';
import { MemoryRouter } from '../../app/router-memory.tsx';
import { SessionProvider } from '../../app/session/SessionContext.tsx';
import ActivatePage from './ActivatePage.tsx';

// «Activar cuenta» (issue 14) in the browser: the server's schema checks the form first; the
// server's refusals land where the person looks (a weak password under its field, a wrong
// code as the form's alert); activation signs the person in. fetch answers like the server.

const ME = {
  person: {
    id: 'p1',
    dni: '40123456',
    givenNames: 'Rosa',
    paternalSurname: 'Ccori',
    maternalSurname: null,
    displayName: 'Rosa Ccori',
  },
  roles: [],
  abilities: [],
  session: { expiresAt: '2030-01-01T00:00:00.000Z' },
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const refusal = (status: number, code: string, message: string) =>
  json(status, { error: { code, message, details: null } });

let root: Root | null = null;
let host: HTMLElement;
let activations: { status: number; body: unknown }[];
let sent: unknown[];

beforeAll(() => loadTexts('accounts'));
beforeEach(() => {
  activations = [];
  sent = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/v1/me') return refusal(401, 'UNAUTHENTICATED', 'Inicia sesión.');
      if (url === '/api/v1/auth/activate') {
        sent.push(JSON.parse(String(init?.body)));
        const next = activations.shift();
        if (!next) throw new Error('unexpected activation');
        return json(next.status, next.body);
      }
      throw new Error(`unexpected ${url}`);
    }),
  );
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  root.render(
    <MemoryRouter initialEntries={['/activar']}>
      <SessionProvider>
        <Routes>
          <Route path="/activar" element={<ActivatePage />} />
          <Route path="/" element={<p>pantalla de inicio</p>} />
        </Routes>
      </SessionProvider>
    </MemoryRouter>,
  );
});

afterEach(() => {
  root?.unmount();
  host.remove();
  vi.unstubAllGlobals();
});

const input = (name: string) => host.querySelector(`input[name="${name}"]`) as HTMLInputElement;
function fill(values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) input(name).value = value;
}
const submit = () =>
  (host.querySelector('form') as HTMLFormElement).dispatchEvent(
    new Event('submit', { bubbles: true, cancelable: true }),
  );

describe('ActivatePage', () => {
  it('checks the form with the server’s schema before sending anything', async () => {
    await vi.waitFor(() => expect(input('code')).toBeTruthy());
    fill({ dni: '123', code: 'AB', password: 'x' });
    submit();
    await vi.waitFor(() =>
      expect(host.textContent).toContain('El DNI debe tener exactamente 8 dígitos.'),
    );
    expect(host.textContent).toContain('El código de activación tiene 8 letras y números.');
    expect(sent).toEqual([]);
  });

  it('shows a refused password under its field and a wrong code as the alert', async () => {
    await vi.waitFor(() => expect(input('code')).toBeTruthy());
    activations.push({
      status: 422,
      body: { error: { code: 'PASSWORD_PERSONAL', message: 'x', details: null } },
    });
    fill({ dni: '40123456', code: 'abcd-2345', password: 'rosa sobre el lago' });
    submit();
    await vi.waitFor(() => expect(input('password').getAttribute('aria-invalid')).toBe('true'));
    expect(host.textContent).toContain('no puede contener tu DNI ni tus nombres');
    expect(sent[0]).toEqual({ dni: '40123456', code: 'ABCD2345', password: 'rosa sobre el lago' });

    activations.push({
      status: 401,
      body: { error: { code: 'ACTIVATION_INVALID', message: 'x', details: null } },
    });
    submit();
    await vi.waitFor(() =>
      expect(host.querySelector('[role="alert"]')?.textContent).toContain(
        'El DNI o el código de activación no son correctos.',
      ),
    );
  });

  it('signs the person in when the code and the password are accepted', async () => {
    await vi.waitFor(() => expect(input('code')).toBeTruthy());
    activations.push({ status: 200, body: ME });
    fill({ dni: '40123456', code: 'ABCD2345', password: 'lluvia sobre el lago Titicaca' });
    submit();
    await vi.waitFor(() => expect(host.textContent).toContain('pantalla de inicio'));
  });
});
