// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import type { Me } from '@acompana/core';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatNumber } from '../../app/i18n/index.ts';
import { MemoryRouter } from '../../app/router-memory.tsx';
import OverviewHome from './OverviewHome.tsx';
import type { HomeProps } from './types.ts';

// Issue 12.15: the especialista's and MINEDU's home shows the exact number of schools and
// teachers in their reach (the server's `total`), not "50 o más" from the size of a page.

const me: Me = {
  person: {
    id: 'p1',
    dni: '50000001',
    givenNames: 'Rosa',
    paternalSurname: 'Huamán',
    maternalSurname: null,
    displayName: 'Rosa Huamán',
  },
  roles: [],
  abilities: ['school:read', 'teacher:read', 'coach:read'],
  session: { expiresAt: '2099-01-01T00:00:00Z' },
};

const props: HomeProps = { me, role: 'especialista', scopeName: 'UGEL Cusco' };

afterEach(() => vi.unstubAllGlobals());

describe('OverviewHome', () => {
  it('asks for the totals and shows them exactly', async () => {
    const asked: string[] = [];
    const page = (total: number) => ({ items: [], nextCursor: 'more', total });
    vi.stubGlobal('fetch', async (path: string) => {
      asked.push(path);
      const body = path.startsWith('/api/v1/schools') ? page(1234) : page(87);
      return new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    });
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    root.render(
      <MemoryRouter>
        <OverviewHome {...props} />
      </MemoryRouter>,
    );
    await vi.waitFor(() => expect(host.querySelectorAll('dd').length).toBe(2));
    await vi.waitFor(() =>
      expect([...host.querySelectorAll('dd')].map((dd) => dd.textContent)).toEqual([
        formatNumber(1234),
        formatNumber(87),
      ]),
    );
    expect(host.textContent).not.toMatch(/o más/);
    expect(asked.sort()).toEqual([
      '/api/v1/schools?limit=1&total=true',
      '/api/v1/teachers?limit=1&total=true',
    ]);
    root.unmount();
  });
});
