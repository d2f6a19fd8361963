// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, expect, it } from 'vitest';
import { applyStoredContrast, useHighContrast } from './contrast-setting.ts';

afterEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset.contrast;
});

it('turning high contrast on marks <html>, persists on the device and survives a reload', () => {
  let toggle: (high: boolean) => void = () => undefined;
  function Probe() {
    const [, set] = useHighContrast();
    toggle = set;
    return null;
  }
  const host = document.createElement('div');
  const root = createRoot(host);
  act(() => root.render(createElement(Probe)));
  act(() => toggle(true));
  expect(document.documentElement.dataset.contrast).toBe('high');
  expect(localStorage.getItem('acompana.contrast')).toBe('high');

  // A new page load: nothing set on <html> until the stored choice is applied.
  delete document.documentElement.dataset.contrast;
  applyStoredContrast();
  expect(document.documentElement.dataset.contrast).toBe('high');

  act(() => toggle(false));
  expect(document.documentElement.dataset.contrast).toBeUndefined();
  expect(localStorage.getItem('acompana.contrast')).toBeNull();
  act(() => root.unmount());
});
