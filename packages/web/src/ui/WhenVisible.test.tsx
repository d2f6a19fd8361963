// @vitest-environment happy-dom

import { act } from 'preact/test-utils';
import { lazy } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../app/i18n/index.ts';
import { WhenVisible } from './WhenVisible.tsx';

// A below-the-fold section: a placeholder (and no request for its code) until it comes near
// the screen, then the section itself.

let root: Root | null = null;
let host: HTMLElement;
let report: ((entries: { isIntersecting: boolean }[]) => void) | null = null;

afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  vi.unstubAllGlobals();
  report = null;
});

function mount(loaded: () => void) {
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(callback: (entries: { isIntersecting: boolean }[]) => void) {
        report = callback;
      }
      observe() {}
      disconnect() {}
    },
  );
  const Section = lazy(async () => {
    loaded();
    return { default: () => <p>Metas de GIA y talleres</p> };
  });
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() =>
    root?.render(
      <WhenVisible label="Cargando las metas…">
        <Section />
      </WhenVisible>,
    ),
  );
}

describe('WhenVisible', () => {
  it('waits for the section to come near the screen before loading it', async () => {
    const loaded = vi.fn();
    mount(loaded);
    expect(host.textContent).toContain('Cargando las metas…');
    expect(loaded).not.toHaveBeenCalled();

    act(() => report?.([{ isIntersecting: false }]));
    expect(loaded).not.toHaveBeenCalled();

    act(() => report?.([{ isIntersecting: true }]));
    await vi.waitFor(() => expect(host.textContent).toContain('Metas de GIA y talleres'));
    expect(loaded).toHaveBeenCalledTimes(1);
  });
});
