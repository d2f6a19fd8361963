// @vitest-environment happy-dom
import { abilitiesOf, formatLimaTime } from '@acompana/core';
import { act } from 'preact/test-utils';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatNumber, loadTexts } from '../../app/i18n/index.ts';
import { Route, Routes, useLocation } from '../../app/router.tsx';
import { MemoryRouter } from '../../app/router-memory.tsx';
import { compliance, row } from './fixtures-testing.ts';
import MonitoringPage from './MonitoringPage.tsx';

// «Monitoreo» against answers shaped like the server's (the API is not our database, so a
// mocked fetch is fine): the especialista lands on their UGEL, sees exact figures with «< 5»
// for suppressed cells (explained once), drills into a school and back up, downloads with the
// same query, and is told plainly when there is no connection.

const GRANTS = [
  { role: 'especialista' as const, scope: { level: 'ugel' as const, id: 'u1', name: 'UGEL' } },
];
vi.mock('../../app/session/SessionContext.tsx', () => ({
  useMe: () => ({
    person: { id: 'p1', dni: '50000001', displayName: 'Esp' },
    roles: GRANTS,
    abilities: abilitiesOf({ personId: 'p1', grants: GRANTS }),
  }),
}));

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** The first answer loads core's schemas on demand: slow on a busy machine. */
const until = <T,>(check: () => T) => vi.waitFor(check, { timeout: 10_000 });

let root: Root | null = null;
let host: HTMLElement;
const asked: string[] = [];
let answer: (url: string) => Response | Promise<Response>;
let where = '';

function Where() {
  const location = useLocation();
  where = `${location.pathname}${location.search}`;
  return null;
}

function mount(path: string) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => {
    root?.render(
      <MemoryRouter initialEntries={[path]}>
        <Where />
        <Routes>
          <Route path="/monitoreo" element={<MonitoringPage />} />
        </Routes>
      </MemoryRouter>,
    );
  });
}

const text = () => host.textContent ?? '';
const cells = (tr: Element) => [...tr.children].map((cell) => cell.textContent);

beforeAll(() => loadTexts('monitoring', 'progress'));
beforeEach(() => {
  asked.length = 0;
  answer = () => json(compliance());
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url.startsWith('/api/v1/interventions')) return json({ items: [] });
      asked.push(url);
      return answer(url);
    }),
  );
});
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  host.remove();
  vi.unstubAllGlobals();
});

describe('MonitoringPage', () => {
  it('lands on the especialista’s UGEL and shows exact figures, «< 5» explained once', async () => {
    const asOf = new Date().toISOString();
    answer = () => json(compliance({ asOf }));
    mount('/monitoreo');
    await until(() => expect(host.querySelector('#cumplimiento-filas')).not.toBeNull());
    expect(asked[0]).toBe('/api/v1/reports/compliance?scope=ugel%3Au1');
    const table = host.querySelector('#cumplimiento-filas')?.closest('table') as HTMLElement;
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.map((tr) => tr.querySelector('th')?.textContent)).toEqual([
      'IE 80123 Cascas',
      'IE 80456 Lucma',
      'IE 80789 Marmot',
      'Total',
    ]);
    const [first, second, , total] = rows;
    expect(cells(first as Element)).toEqual([
      'IE 80123 Cascas',
      '32',
      `${formatNumber(87.5)} %`,
      '31 de 32',
      '256 de 320',
      '3 de 4',
      '1 de 2',
      '12 de 18',
      '2 de 3',
    ]);
    expect(cells(second as Element).slice(1)).toEqual(Array(8).fill('< 5'));
    expect(cells(total as Element)[1]).toBe('40');
    // The explanation once, not per cell.
    expect(text().match(/menos de 5 docentes/g)).toHaveLength(1);
    // «datos al HH:MM» in Lima (the date too when the figures are from another day).
    expect(text()).toContain(`Datos al ${formatLimaTime(asOf)}`);
  });

  it('drills into a row (click or its link) and goes back up by the trail', async () => {
    mount('/monitoreo?month=10');
    await until(() => expect(host.querySelector('#cumplimiento-filas')).not.toBeNull());
    const link = [...host.querySelectorAll('tbody th a')].find(
      (a) => a.textContent === 'IE 80123 Cascas',
    ) as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/monitoreo?scope=school%3As1&month=10&trail=ugel%3Au1');
    answer = () =>
      json(
        compliance({
          scope: { level: 'school', id: 's1', name: 'IE 80123 Cascas' },
          by: 'coach',
          total: row('s1', 'IE 80123 Cascas', 32, null),
          rows: [
            row('c1', 'Ana Quispe', 12, null, 'coach'),
            row('c2', 'Luis Rojas', 20, null, 'coach'),
          ],
        }),
      );
    // A click anywhere on the row drills, like Enter on its link.
    const cell = link.closest('tr')?.querySelector('td') as HTMLElement;
    act(() => cell.click());
    await until(() => expect(text()).toContain('Ana Quispe'));
    expect(where).toBe('/monitoreo?scope=school%3As1&month=10&trail=ugel%3Au1');
    expect(asked.at(-1)).toBe('/api/v1/reports/compliance?scope=school%3As1&month=10');
    const trail = host.querySelector('nav[aria-label="Niveles"]') as HTMLElement;
    const steps = [...trail.querySelectorAll('a')];
    expect(steps.map((a) => a.textContent)).toEqual(['UGEL Gran Chimú', 'IE 80123 Cascas']);
    expect(steps[1]?.getAttribute('aria-current')).toBe('page');
    expect(steps[0]?.getAttribute('href')).toBe('/monitoreo?month=10');
  });

  it('offers the same table as CSV and XLSX with the query on screen', async () => {
    mount('/monitoreo?year=2025&area=rural');
    await until(() => expect(text()).toContain('Descargar CSV'));
    const links = [...host.querySelectorAll('a[download]')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([
      '/api/v1/reports/compliance.csv?scope=ugel%3Au1&year=2025&area=rural',
      '/api/v1/reports/compliance.xlsx?scope=ugel%3Au1&year=2025&area=rural',
    ]);
  });

  it('keeps the report in the URL: the Cobertura tab asks for coverage', async () => {
    mount('/monitoreo');
    await until(() => expect(host.querySelector('#cumplimiento-filas')).not.toBeNull());
    answer = () =>
      json({
        report: 'coverage',
        year: 2026,
        month: 11,
        scope: { level: 'ugel', id: 'u1', name: 'UGEL Gran Chimú' },
        by: 'school',
        asOf: '2026-11-20T19:05:00.000Z',
        nextCursor: null,
        total: {
          id: 'u1',
          name: 'UGEL Gran Chimú',
          level: 'ugel',
          drill: null,
          suppressed: false,
          teachers: 40,
          withCoach: 38,
          withCoachPct: 95,
          coachChanges: 2,
          continuityPct: 80,
        },
        rows: [],
      });
    const tab = [...host.querySelectorAll('[role="tab"]')].find(
      (el) => el.textContent === 'Cobertura',
    ) as HTMLElement;
    act(() => tab.click());
    await until(() => expect(text()).toContain('95 %'));
    expect(where).toBe('/monitoreo?report=coverage');
    expect(asked.at(-1)).toBe('/api/v1/reports/coverage?scope=ugel%3Au1');
  });

  it('brings more rows page by page with the cursor, the total unchanged', async () => {
    answer = (url) =>
      url.includes('cursor=p2')
        ? json(
            compliance({
              rows: [row('s9', 'IE 82000 Sayapullo', 8, 'school:s9')],
              nextCursor: null,
            }),
          )
        : json(compliance({ nextCursor: 'p2' }));
    mount('/monitoreo');
    const more = await until(() => {
      const found = [...host.querySelectorAll('button')].find(
        (b) => b.textContent === 'Ver más filas',
      );
      expect(found).toBeDefined();
      return found as HTMLButtonElement;
    });
    act(() => more.click());
    await until(() => expect(text()).toContain('IE 82000 Sayapullo'));
    expect(asked.at(-1)).toBe('/api/v1/reports/compliance?scope=ugel%3Au1&cursor=p2');
    const table = host.querySelector('#cumplimiento-filas')?.closest('table') as HTMLElement;
    expect([...table.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual([
      'IE 80123 Cascas',
      'IE 80456 Lucma',
      'IE 80789 Marmot',
      'IE 82000 Sayapullo',
      'Total',
    ]);
    expect(text()).not.toContain('Ver más filas');
  });

  it('shows the progress report aggregated, per desempeño at I–IV, never a link below a row', async () => {
    const total = {
      id: 'u1',
      name: 'UGEL Gran Chimú',
      level: 'ugel',
      drill: null,
      suppressed: false,
      teachers: 40,
      desempenos: [
        {
          code: 'D1',
          name: 'Involucra a los estudiantes',
          months: [{ month: 11, n: 40, share: [0.1, 0.4, 0.35, 0.15] }],
        },
      ],
      stages: [{ stage: 'supervisada', teachers: 30 }],
      movement: { up: 20, same: 15, down: 5 },
    };
    answer = () =>
      json({
        report: 'progress',
        year: 2026,
        month: 11,
        scope: { level: 'ugel', id: 'u1', name: 'UGEL Gran Chimú' },
        by: 'school',
        asOf: '2026-11-20T19:05:00.000Z',
        nextCursor: null,
        total,
        rows: [
          {
            id: 's1',
            name: 'IE 80123 Cascas',
            level: 'school',
            drill: 'school:s1',
            suppressed: false,
            teachers: 40,
            movement: total.movement,
          },
        ],
      });
    mount('/monitoreo?report=progress&by=coach');
    await until(() => expect(text()).toContain('Niveles por desempeño'));
    // Never asked per coach, whatever the URL says.
    expect(asked.at(-1)).toBe('/api/v1/reports/progress?scope=ugel%3Au1');
    const levels = host.querySelector('#progreso-niveles-tabla')?.closest('table') as HTMLElement;
    expect(cells(levels.querySelector('tbody tr') as Element)).toEqual([
      'Involucra a los estudiantes',
      '40',
      '10 %',
      '40 %',
      '35 %',
      '15 %',
    ]);
    expect(text()).toContain('nunca por docente ni por acompañante');
    // A stage is named, never its code.
    expect(text()).toContain('Enseñanza supervisada');
  });

  it('says «Sin conexión» (no sync talk) when the report cannot be reached', async () => {
    answer = () => {
      throw new TypeError('Failed to fetch');
    };
    mount('/monitoreo');
    await until(() => expect(text()).toContain('Sin conexión'));
    expect(text()).toContain('El monitoreo se consulta en línea');
    expect(text()).not.toMatch(/sincroniz/i);
  });
});
