// @vitest-environment happy-dom
import * as Compat from 'preact/compat';
import { act } from 'preact/test-utils';
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { afterEach, expect, it } from 'vitest';
import { IconCalendar } from '../ui/icons.ts';
import { useLocation } from './router.tsx';
import { MemoryRouter } from './router-memory.tsx';
import './i18n/index.ts';

// The rendering engine (docs/ARCHITECTURE.md): the app's React imports, and those of the
// libraries that render with it, are Preact, in the tests as in the build. A library left on
// React DOM would fail here with a hook called outside a component of its own engine.

let host: HTMLElement | null = null;
afterEach(() => host?.remove());

it('resolves React and React DOM to preact/compat', () => {
  expect(React.useState).toBe(Compat.useState);
  expect(React.createElement).toBe(Compat.createElement);
});

it('renders wouter, react-i18next and lucide-react on the same engine', () => {
  function Probe() {
    const { pathname } = useLocation();
    const { t } = useTranslation();
    return (
      <p>
        <IconCalendar aria-hidden="true" />
        <span>{pathname}</span>
        <span>{t('app.loading')}</span>
      </p>
    );
  }
  host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  act(() =>
    root.render(
      <MemoryRouter initialEntries={['/docentes']}>
        <Probe />
      </MemoryRouter>,
    ),
  );
  const spans = host.querySelectorAll('span');
  expect(spans[0]?.textContent).toBe('/docentes');
  expect(spans[1]?.textContent).toBe('Cargando…');
  expect(host.querySelector('svg.lucide')?.getAttribute('aria-hidden')).toBe('true');
  act(() => root.unmount());
  expect(host.innerHTML).toBe('');
});
