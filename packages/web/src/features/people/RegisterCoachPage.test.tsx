// @vitest-environment happy-dom
import { abilitiesOf } from '@acompana/core';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadTexts } from '../../app/i18n/index.ts';
import { Route, Routes } from '../../app/router.tsx';
import { MemoryRouter } from '../../app/router-memory.tsx';
import RegisterCoachPage from './RegisterCoachPage.tsx';

// «Registrar acompañante» (issue 14): the form sends what the person typed (names left out
// for someone in the rosters) and puts the server's refusals under the field they concern.

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const UGEL = '5b8f0c1e-2d3a-4b5c-8d6e-7f8091a2b3c4';
const GRANTS = [{ role: 'especialista' as const, scope: { level: 'ugel' as const, id: UGEL } }];

// The signed-in especialista (the session itself is tested elsewhere).
vi.mock('../../app/session/SessionContext.tsx', () => ({
  useMe: () => ({
    person: { id: 'p1', dni: '50000001', displayName: 'Esp' },
    grants: GRANTS,
    abilities: abilitiesOf({ personId: 'p1', grants: GRANTS }),
  }),
}));

let root: Root | null = null;
let host: HTMLElement;
let answers: Response[];
const sent: unknown[] = [];

beforeAll(() => loadTexts('people'));
beforeEach(() => {
  sent.length = 0;
  answers = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url.startsWith('/api/v1/ugels')) {
        return json(200, {
          items: [
            { id: UGEL, code: '150101', name: 'UGEL 01', region: { id: 'r1', name: 'Lima' } },
          ],
          nextCursor: null,
        });
      }
      if (url.startsWith('/api/v1/networks')) return json(200, { items: [], nextCursor: null });
      if (url.startsWith('/api/v1/interventions')) {
        return json(200, {
          items: [
            {
              code: 'MULTIGRADO',
              name: 'Multigrado',
              description: '',
              worksWithDirectors: true,
              worksWithFamilies: false,
              years: [],
              stageLadder: { stages: [], window: 4, minObservations: 2 },
              customLadder: false,
              activityTypes: [],
            },
          ],
        });
      }
      if (url === '/api/v1/coaches' && init?.method === 'POST') {
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
  root = createRoot(host);
  root.render(
    <MemoryRouter initialEntries={['/personas/registrar-acompanante']}>
      <Routes>
        <Route path="/personas/registrar-acompanante" element={<RegisterCoachPage />} />
        <Route path="/personas/:id" element={<p>ficha</p>} />
      </Routes>
    </MemoryRouter>,
  );
});

afterEach(() => {
  root?.unmount();
  host.remove();
  vi.unstubAllGlobals();
});

const input = (name: string) =>
  host.querySelector(`[name="${name}"]`) as HTMLInputElement | HTMLSelectElement;
const submit = () =>
  (host.querySelector('form') as HTMLFormElement).dispatchEvent(
    new Event('submit', { bubbles: true, cancelable: true }),
  );

describe('RegisterCoachPage', () => {
  it('sends a DNI from the rosters without names and shows a refusal under its field', async () => {
    await vi.waitFor(() =>
      expect(host.querySelectorAll('[name="interventionCode"] option')).toHaveLength(2),
    );
    await vi.waitFor(() => expect((input('ugelId') as HTMLSelectElement).value).toBe(UGEL));
    input('dni').value = '41234567';
    (input('interventionCode') as HTMLSelectElement).value = 'MULTIGRADO';
    input('validFrom').value = '2026-03-01';
    answers.push(
      json(409, {
        error: {
          code: 'ROLE_OVERLAP',
          message: 'Esta persona ya tiene ese rol en esas fechas.',
          details: null,
        },
      }),
    );
    submit();
    await vi.waitFor(() => expect(input('dni').getAttribute('aria-invalid')).toBe('true'));
    expect(host.textContent).toContain('Esta persona ya tiene ese rol en esas fechas.');
    expect(sent[0]).toEqual({
      dni: '41234567',
      interventionCode: 'MULTIGRADO',
      ugelId: UGEL,
      kind: 'acompanante_pedagogico',
      validFrom: '2026-03-01',
    });

    answers.push(json(201, { personId: 'nueva', assignmentId: 'a1', created: false }));
    submit();
    await vi.waitFor(() => expect(host.textContent).toContain('ficha'));
  });
});
