// @vitest-environment happy-dom
import { abilitiesOf, type Role } from '@acompana/core';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadTexts } from '../../app/i18n/index.ts';
import { Route, Routes } from '../../app/router.tsx';
import { MemoryRouter } from '../../app/router-memory.tsx';
import RegisterPersonPage from './RegisterPersonPage.tsx';

// «Registrar persona» (issue 14): the roles offered are those the signed-in person's roles
// administer; the place is chosen from the list its level names (none for equipo MINEDU); the
// form sends what was chosen and puts the server's refusals under the field they concern.

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const UGEL = '5b8f0c1e-2d3a-4b5c-8d6e-7f8091a2b3c4';
const SCHOOL = '6c9f0c1e-2d3a-4b5c-8d6e-7f8091a2b3c5';

let signedIn: { role: Role; level: 'ugel' | 'national'; id: string | null };
vi.mock('../../app/session/SessionContext.tsx', () => ({
  useMe: () => {
    const grants = [{ role: signedIn.role, scope: { level: signedIn.level, id: signedIn.id } }];
    return {
      person: { id: 'p1', dni: '50000001', displayName: 'Quien registra' },
      roles: grants.map((g) => ({ ...g, validFrom: '2026-01-01', validTo: null })),
      abilities: abilitiesOf({ personId: 'p1', grants }),
    };
  },
}));

let root: Root | null = null;
let host: HTMLElement;
let answers: Response[];
const sent: unknown[] = [];
const searched: string[] = [];

beforeAll(() => loadTexts('people'));
beforeEach(() => {
  sent.length = 0;
  searched.length = 0;
  answers = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url.startsWith('/api/v1/ugels') || url.startsWith('/api/v1/networks')) {
        return json(200, { items: [], nextCursor: null });
      }
      if (url.startsWith('/api/v1/schools')) {
        searched.push(url);
        return json(200, {
          items: [
            {
              id: SCHOOL,
              codigoModular: '0538952',
              anexo: 0,
              name: 'IE N° 82218 Shiracmaca',
              level: 'B0',
              ugelName: 'UGEL Gran Chimú',
              networkName: null,
              characteristic: 'polidocente_multigrado',
              area: 'rural',
              active: true,
              interventions: [],
            },
          ],
          nextCursor: null,
        });
      }
      if (url === '/api/v1/people' && init?.method === 'POST') {
        sent.push(JSON.parse(String(init.body)));
        const next = answers.shift();
        if (!next) throw new Error('unexpected registration');
        return next;
      }
      return json(404, { error: { code: 'NOT_FOUND', message: 'x', details: null } });
    }),
  );
  host = document.createElement('div');
  document.body.append(host);
});

afterEach(() => {
  root?.unmount();
  host.remove();
  vi.unstubAllGlobals();
});

function render() {
  root = createRoot(host);
  root.render(
    <MemoryRouter initialEntries={['/personas/registrar']}>
      <Routes>
        <Route path="/personas/registrar" element={<RegisterPersonPage />} />
        <Route path="/personas/:id" element={<p>ficha</p>} />
      </Routes>
    </MemoryRouter>,
  );
}

const input = (name: string) =>
  host.querySelector(`[name="${name}"]`) as HTMLInputElement | HTMLSelectElement;
const roleOptions = () =>
  [...host.querySelectorAll('[name="role"] option')].map((o) => (o as HTMLOptionElement).value);
const submit = () =>
  (host.querySelector('form') as HTMLFormElement).dispatchEvent(
    new Event('submit', { bubbles: true, cancelable: true }),
  );
/** Chooses a role as a person does (React listens to the change event). */
function chooseRole(role: string) {
  const select = input('role') as HTMLSelectElement;
  select.value = role;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('RegisterPersonPage', () => {
  it('lets the especialista register a director of a school, with refusals under their field', async () => {
    signedIn = { role: 'especialista', level: 'ugel', id: UGEL };
    render();
    await vi.waitFor(() => expect(roleOptions()).toEqual(['', 'director', 'docente']));
    chooseRole('director');
    await vi.waitFor(() => expect(input('scopeId').value).toBe(SCHOOL));
    input('dni').value = '47100011';
    input('givenNames').value = 'Carmen Rosa';
    input('paternalSurname').value = 'Salazar';
    input('validFrom').value = '2026-03-01';
    answers.push(
      json(409, {
        error: {
          code: 'DNI_TAKEN',
          message: 'Ya existe una persona con el DNI 47100011.',
          details: null,
        },
      }),
    );
    submit();
    await vi.waitFor(() => expect(input('dni').getAttribute('aria-invalid')).toBe('true'));
    expect(host.textContent).toContain('Ya existe una persona con el DNI 47100011.');
    expect(sent[0]).toEqual({
      dni: '47100011',
      givenNames: 'Carmen Rosa',
      paternalSurname: 'Salazar',
      role: 'director',
      scopeId: SCHOOL,
      validFrom: '2026-03-01',
    });
    answers.push(json(201, { personId: 'nueva', assignmentId: 'a1', created: true }));
    submit();
    await vi.waitFor(() => expect(host.textContent).toContain('ficha'));
  });

  it('offers equipo MINEDU its three roles; a MINEDU account is sent without a place', async () => {
    signedIn = { role: 'minedu', level: 'national', id: null };
    render();
    await vi.waitFor(() =>
      expect(roleOptions()).toEqual(['', 'especialista', 'formador', 'minedu']),
    );
    submit();
    await vi.waitFor(() => expect(input('role').getAttribute('aria-invalid')).toBe('true'));
    expect(sent).toEqual([]);
    chooseRole('minedu');
    await vi.waitFor(() => expect(host.textContent).toContain('trabaja en todo el país'));
    expect(input('scopeId')).toBeNull();
    input('dni').value = '47100003';
    input('givenNames').value = 'Ana';
    input('paternalSurname').value = 'Torres';
    input('validFrom').value = '2026-03-01';
    answers.push(json(201, { personId: 'nueva', assignmentId: 'a1', created: true }));
    submit();
    await vi.waitFor(() => expect(host.textContent).toContain('ficha'));
    expect(sent[0]).toEqual({
      dni: '47100003',
      givenNames: 'Ana',
      paternalSurname: 'Torres',
      role: 'minedu',
      validFrom: '2026-03-01',
    });
  });
});
