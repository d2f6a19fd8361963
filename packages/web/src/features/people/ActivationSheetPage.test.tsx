// @vitest-environment happy-dom
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadTexts } from '../../app/i18n/index.ts';
import { Route, Routes } from '../../app/router.tsx';
import { MemoryRouter } from '../../app/router-memory.tsx';
import ActivationSheetPage from './ActivationSheetPage.tsx';

// «Hoja de códigos de activación»: before anything is issued the screen says how many live
// codes printing will void; printing issues the codes once and downloads the PDF; the same
// sheet can be downloaded again without issuing new codes.

const downloads: unknown[] = [];
vi.mock('./pdf/sheet.ts', () => ({
  downloadSheet: async (sheet: unknown) => {
    downloads.push(sheet);
  },
}));

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const SHEET = {
  title: 'IE N° 81024',
  appUrl: 'https://acompana.test/activar',
  items: [
    {
      personId: 'p1',
      displayName: 'Norma Alcántara',
      dni: '30000051',
      code: 'KX7M2QA2',
      expiresAt: '2026-12-16T15:00:00.000Z',
      replacedCode: true,
    },
  ],
  skipped: [],
};

let root: Root | null = null;
let host: HTMLElement;
const calls: string[] = [];

beforeAll(() => loadTexts('people'));
beforeEach(() => {
  calls.length = 0;
  downloads.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push(`${init?.method ?? 'GET'} ${url} ${String(init?.body ?? '')}`);
      if (url === '/api/v1/activation-sheets/preview') {
        return json(200, {
          title: 'IE N° 81024',
          people: 1,
          withLiveCode: 1,
          skipped: [{ personId: 'p2', displayName: 'Rosa Activa', status: 'active' }],
        });
      }
      if (url === '/api/v1/activation-sheets') return json(201, SHEET);
      throw new Error(`unexpected ${url}`);
    }),
  );
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  root.render(
    <MemoryRouter initialEntries={['/personas/hoja-activacion?school=s1']}>
      <Routes>
        <Route path="/personas/hoja-activacion" element={<ActivationSheetPage />} />
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
  [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);

describe('ActivationSheetPage', () => {
  it('warns before voiding live codes, prints once, and downloads the same sheet again', async () => {
    await vi.waitFor(() => expect(host.textContent).toContain('dejará de servir'));
    expect(host.textContent).toContain('1 persona recibirá un código nuevo.');
    expect(host.textContent).toContain('Rosa Activa');
    expect(calls.filter((c) => c.startsWith('POST /api/v1/activation-sheets '))).toEqual([]);
    button('Emitir códigos e imprimir')?.click();
    await vi.waitFor(() => expect(downloads).toHaveLength(1));
    expect(calls).toContain('POST /api/v1/activation-sheets {"schoolId":"s1"}');
    await vi.waitFor(() => expect(button('Descargar de nuevo esta hoja')).toBeTruthy(), {
      timeout: 3000,
    });
    expect(host.textContent).toContain('Hoja lista con 1 código.');
    button('Descargar de nuevo esta hoja')?.click();
    await vi.waitFor(() => expect(downloads).toHaveLength(2));
    expect(calls.filter((c) => c.startsWith('POST /api/v1/activation-sheets '))).toHaveLength(1);
  });
});
