// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadTexts } from '../../app/i18n/index.ts';
import { MemoryRouter } from '../../app/router-memory.tsx';
import { row } from './fixtures-testing.ts';
import MyProgressPage from './MyProgressPage.tsx';

// «Mi avance»: the coach's own teachers this month (visited, not yet, not planned) and the
// year's visits against the target; without a connection it says it needs one.

const json = (body: unknown) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  });

const teacher = (id: string, name: string, visited: boolean, skipped = false) => ({
  id,
  name,
  school: 'IE 80123 Cascas',
  visitsDone: visited ? 7 : 5,
  visitsTarget: 10,
  visitedThisMonth: visited,
  skippedThisMonth: skipped,
  gia: 2,
  taller: 6,
  familias: 1,
});

/** The first answer loads core's schemas on demand: slow on a busy machine. */
const until = <T,>(check: () => T) => vi.waitFor(check, { timeout: 10_000 });

let root: Root | null = null;
let host: HTMLElement;

function mount() {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => {
    root?.render(
      <MemoryRouter>
        <MyProgressPage />
      </MemoryRouter>,
    );
  });
}

beforeAll(() => loadTexts('monitoring'));
afterEach(() => {
  act(() => root?.unmount());
  host.remove();
  vi.unstubAllGlobals();
});

describe('MyProgressPage', () => {
  it('shows the month and the year of the coach’s own caseload, teacher by teacher', async () => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url);
      return json({
        year: 2026,
        month: 11,
        asOf: new Date().toISOString(),
        total: row('c1', 'Ana Quispe', 3, null, 'coach'),
        teachers: [
          teacher('t1', 'Rosa Mamani', true),
          teacher('t2', 'Juan Huamán', false),
          teacher('t3', 'Luz Condori', false, true),
        ],
      });
    });
    mount();
    await until(() => expect(host.textContent).toContain('Rosa Mamani'));
    expect(asked).toEqual(['/api/v1/reports/my-progress']);
    const stats = [...host.querySelectorAll('dd')].map((dd) => dd.textContent);
    // One of the two teachers expected this month was visited (the third is «no planificar»).
    expect(stats).toEqual(['1 de 2', '24 de 30']);
    const items = [...host.querySelectorAll('li')].map((li) => li.textContent ?? '');
    expect(items[0]).toContain('Visitado este mes');
    expect(items[0]).toContain('Visitas: 7 de 10');
    expect(items[1]).toContain('Sin visita este mes');
    expect(items[2]).toContain('No planificado este mes');
    expect(host.querySelector('a[href="/docentes/t2"]')).not.toBeNull();
  });

  it('says it is available with a connection when offline', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    mount();
    await until(() => expect(host.textContent).toContain('Disponible con conexión'));
  });
});
