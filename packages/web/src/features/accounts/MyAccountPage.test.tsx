// @vitest-environment happy-dom
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadTexts } from '../../app/i18n/index.ts';
import { MemoryRouter } from '../../app/router-memory.tsx';
import MyAccountPage from './MyAccountPage.tsx';

// «Mi cuenta» (issue 14): the password change puts the server's refusals under the right
// field and says how many sessions ended; the sessions list tells this device from the others
// and «Cerrar las otras sesiones» asks the server and shows what is left. fetch answers like
// the server.

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const refusal = (status: number, code: string) =>
  json(status, { error: { code, message: 'x', details: null } });

const SESSION = (current: boolean) => ({
  createdAt: '2026-11-30T14:00:00.000Z',
  lastSeenAt: current ? '2026-12-01T15:30:00.000Z' : '2026-11-30T14:05:00.000Z',
  userAgent: current
    ? 'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36'
    : null,
  current,
});

let root: Root | null = null;
let host: HTMLElement;
let sessions: ReturnType<typeof SESSION>[];
let passwordAnswers: Response[];
const calls: string[] = [];

beforeAll(() => loadTexts('accounts'));
beforeEach(() => {
  sessions = [SESSION(true), SESSION(false)];
  passwordAnswers = [];
  calls.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      calls.push(`${method} ${url}`);
      if (url === '/api/v1/me/sessions' && method === 'GET') return json(200, { items: sessions });
      if (url === '/api/v1/me/sessions' && method === 'DELETE') {
        const ended = sessions.filter((s) => !s.current).length;
        sessions = sessions.filter((s) => s.current);
        return json(200, { ended });
      }
      if (url === '/api/v1/me/password') {
        const next = passwordAnswers.shift();
        if (!next) throw new Error('unexpected password change');
        return next;
      }
      throw new Error(`unexpected ${method} ${url}`);
    }),
  );
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  root.render(
    <MemoryRouter>
      <MyAccountPage />
    </MemoryRouter>,
  );
});

afterEach(() => {
  root?.unmount();
  host.remove();
  vi.unstubAllGlobals();
});

const input = (name: string) => host.querySelector(`input[name="${name}"]`) as HTMLInputElement;
const submit = () =>
  (host.querySelector('form') as HTMLFormElement).dispatchEvent(
    new Event('submit', { bubbles: true, cancelable: true }),
  );

describe('MyAccountPage', () => {
  it('puts a wrong current password and a weak new one under their fields', async () => {
    await vi.waitFor(() => expect(input('currentPassword')).toBeTruthy());
    passwordAnswers.push(refusal(403, 'PASSWORD_WRONG'), refusal(422, 'PASSWORD_TOO_COMMON'));
    input('currentPassword').value = 'mala';
    input('newPassword').value = 'una frase bastante larga';
    submit();
    await vi.waitFor(() =>
      expect(input('currentPassword').getAttribute('aria-invalid')).toBe('true'),
    );
    expect(host.textContent).toContain('La contraseña actual no es correcta.');
    submit();
    await vi.waitFor(() => expect(input('newPassword').getAttribute('aria-invalid')).toBe('true'));
    expect(host.textContent).toContain('demasiado común');
  });

  it('says how many other sessions the change ended', async () => {
    await vi.waitFor(() => expect(input('currentPassword')).toBeTruthy());
    passwordAnswers.push(json(200, { ended: 2 }));
    input('currentPassword').value = 'la de antes larga';
    input('newPassword').value = 'cinco gatos en el tejado';
    submit();
    await vi.waitFor(() =>
      expect(host.textContent).toContain(
        'Contraseña cambiada. Se cerraron 2 sesiones en otros dispositivos.',
      ),
    );
    expect(input('newPassword').value).toBe(''); // the form is cleared
  });

  it('lists this device and the others, and closes the others', async () => {
    await vi.waitFor(() => expect(host.textContent).toContain('Otro dispositivo'));
    expect(host.textContent).toContain('Chrome · Android');
    expect(host.textContent).toContain('Navegador desconocido');
    const button = [...host.querySelectorAll('button')].find((b) =>
      b.textContent?.includes('Cerrar las otras sesiones'),
    ) as HTMLButtonElement;
    button.click();
    await vi.waitFor(() => expect(host.textContent).toContain('Se cerró 1 sesión.'));
    expect(host.textContent).not.toContain('Otro dispositivo');
    expect(calls).toContain('DELETE /api/v1/me/sessions');
  });
});
