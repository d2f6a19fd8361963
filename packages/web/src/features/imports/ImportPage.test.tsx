// @vitest-environment happy-dom
import { abilitiesOf, type Role } from '@acompana/core';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter } from '../../app/router-memory.tsx';
import ImportPage from './ImportPage.tsx';

// «Importar» offers the coaches file (`acompana import coaches`'s format) to whoever registers
// coaches (the especialista), like the other imports: a dry run first, the report with every
// invalid row by its line, nothing saved.

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

let signedIn: { role: Role; level: 'ugel' | 'national'; id: string | null };
vi.mock('../../app/session/SessionContext.tsx', () => ({
  useMe: () => {
    const grants = [{ role: signedIn.role, scope: { level: signedIn.level, id: signedIn.id } }];
    return {
      person: { id: 'p1', dni: '50000001', displayName: 'Quien importa' },
      roles: grants.map((g) => ({ ...g, validFrom: '2026-01-01', validTo: null })),
      abilities: abilitiesOf({ personId: 'p1', grants }),
    };
  },
}));

let root: Root | null = null;
let host: HTMLElement;
const calls: string[] = [];

beforeEach(() => {
  calls.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      calls.push(url);
      return json(422, {
        error: {
          code: 'IMPORT_INVALID_ROWS',
          message: 'El archivo tiene filas inválidas: no se guardó nada.',
          details: {
            report: {
              kind: 'coaches',
              dryRun: true,
              applied: false,
              rows: 3,
              created: 2,
              updated: 0,
              unchanged: 0,
              skipped: 0,
              invalidRows: 1,
              invalidIssues: 1,
              invalid: [
                {
                  line: 3,
                  field: 'FECHA_FIN',
                  message: 'Línea 3, FECHA_FIN: la fecha de fin no puede ser anterior al inicio.',
                },
              ],
            },
          },
        },
      });
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
    <MemoryRouter>
      <ImportPage />
    </MemoryRouter>,
  );
}

const kinds = () =>
  [...host.querySelectorAll('input[name="kind"]')].map((i) => (i as HTMLInputElement).value);

describe('ImportPage', () => {
  it('lets the especialista check a coaches file and shows its invalid rows by line', async () => {
    signedIn = { role: 'especialista', level: 'ugel', id: 'u1' };
    render();
    await vi.waitFor(() => expect(kinds()).toEqual(['schools', 'teachers', 'coaches']));
    (host.querySelector('input[value="coaches"]') as HTMLInputElement).click();
    await vi.waitFor(() =>
      expect(host.textContent).toContain(
        'Columnas obligatorias: DNI, CODOOII, INTERVENCION, FECHA_INICIO.',
      ),
    );
    const file = host.querySelector('input[type="file"]') as HTMLInputElement;
    Object.defineProperty(file, 'files', {
      value: [new File(['DNI,CODOOII\n'], 'acompanantes.csv', { type: 'text/csv' })],
    });
    file.dispatchEvent(new Event('change', { bubbles: true }));
    // Let React render with the chosen file before the form is sent.
    await new Promise((resolve) => setTimeout(resolve, 0));
    (host.querySelector('form') as HTMLFormElement).dispatchEvent(
      new Event('submit', { bubbles: true, cancelable: true }),
    );
    await vi.waitFor(() => expect(host.textContent).toContain('Línea 3, FECHA_FIN'));
    expect(calls).toEqual(['/api/v1/imports/coaches?dryRun=true&skipInvalid=false']);
    expect(host.textContent).toContain('Es una revisión: todavía no se guardó nada.');
    // Invalid rows and no «omitir»: nothing to apply.
    expect([...host.querySelectorAll('button')].map((b) => b.textContent)).not.toContain(
      'Importar',
    );
  });

  it('does not offer coaches to equipo MINEDU (the especialista registers them)', async () => {
    signedIn = { role: 'minedu', level: 'national', id: null };
    render();
    await vi.waitFor(() => expect(kinds()).toEqual(['schools', 'teachers']));
  });
});
