// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { Link, Navigate, Route, Routes, useLocation, useParams } from './router.tsx';
import { MemoryRouter } from './router-memory.tsx';

// The app's routing words over wouter (router.tsx): which route shows, its parameters, the
// navigation state the login's return address travels in, and links that leave the app alone.

let host: HTMLElement;
let root: Root;
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

function render(node: React.ReactNode) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root.render(node));
}

function Param() {
  const { id } = useParams();
  return <p>visita {id}</p>;
}

const visits = (path: string) => (
  <MemoryRouter initialEntries={[path]}>
    <Routes>
      <Route path="/visitas/nueva" element={<p>nueva</p>} />
      <Route path="/visitas/:id" element={<Param />} />
      <Route path="*" element={<p>no encontrada</p>} />
    </Routes>
  </MemoryRouter>
);

describe('Routes', () => {
  it('shows the first route that matches: a literal path before the parameter', () => {
    render(visits('/visitas/nueva'));
    expect(host.textContent).toBe('nueva');
  });

  it('gives the matched parameters to the screen', () => {
    render(visits('/visitas/v-7'));
    expect(host.textContent).toBe('visita v-7');
  });

  it('falls through to "*" for any other path', () => {
    render(visits('/visitas/v-7/otra'));
    expect(host.textContent).toBe('no encontrada');
  });
});

describe('navigation in the browser', () => {
  function Where() {
    const location = useLocation();
    return (
      <p>
        {location.pathname}
        {location.search}|{JSON.stringify(location.state)}|{String(location.first)}
      </p>
    );
  }

  it("knows the document's first screen, then carries a redirect's state", () => {
    render(<Where />);
    expect(host.textContent?.endsWith('|null|true')).toBe(true);
    act(() => root.unmount());
    host.remove();
    window.history.replaceState(null, '', '/docentes?q=ana');
    render(
      <Routes>
        <Route path="/docentes" element={<Navigate to="/login" replace state={{ from: '/x' }} />} />
        <Route path="/login" element={<Where />} />
      </Routes>,
    );
    expect(host.textContent).toBe('/login|{"from":"/x"}|false');
    expect(window.location.pathname).toBe('/login');
  });

  it('follows an app link in place, and leaves a download link to the browser', () => {
    window.history.replaceState(null, '', '/');
    render(
      <>
        <Link to="/docentes?q=ana">Docentes</Link>
        <Link to="/api/v1/reports/progress.csv" reloadDocument download>
          CSV
        </Link>
        <Where />
      </>,
    );
    const [app, file] = host.querySelectorAll('a');
    expect(app?.getAttribute('href')).toBe('/docentes?q=ana');
    expect(file?.getAttribute('href')).toBe('/api/v1/reports/progress.csv');
    expect(file?.hasAttribute('download')).toBe(true);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    act(() => {
      app?.dispatchEvent(click);
    });
    expect(click.defaultPrevented).toBe(true);
    expect(host.querySelector('p')?.textContent?.startsWith('/docentes?q=ana|')).toBe(true);
    const fileClick = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    file?.addEventListener('click', (event) => event.preventDefault()); // no real download here
    let navigated = false;
    window.addEventListener('pushState', () => (navigated = true), { once: true });
    act(() => {
      file?.dispatchEvent(fileClick);
    });
    expect(navigated).toBe(false);
  });
});
