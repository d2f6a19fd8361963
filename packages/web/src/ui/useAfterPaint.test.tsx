// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, expect, it, vi } from 'vitest';
import { useAfterPaint } from './useAfterPaint.ts';

// The summary of a form must not re-render inside the tap that changed the form (Preact's
// useDeferredValue does not defer): the value shown follows a frame later, once per burst.

afterEach(() => vi.useRealTimers());

it('shows a new value only after the next frame, and a burst of values once', async () => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'],
  });
  let set: (n: number) => void = () => {};
  const shownRenders: number[] = [];
  function Probe() {
    const [value, setValue] = useState(0);
    set = setValue;
    const shown = useAfterPaint(value);
    shownRenders.push(shown);
    return <p>{`${value}/${shown}`}</p>;
  }
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  act(() => root.render(<Probe />));
  expect(host.textContent).toBe('0/0');

  act(() => set(1));
  // The change itself is on screen; the follower is not, in the same render.
  expect(host.textContent).toBe('1/0');
  act(() => set(2));
  act(() => set(3));
  expect(host.textContent).toBe('3/0');
  await act(async () => {
    await vi.advanceTimersByTimeAsync(50);
  });
  expect(host.textContent).toBe('3/3');
  // The values typed in between were never shown.
  expect(shownRenders).not.toContain(1);
  expect(shownRenders).not.toContain(2);
  act(() => root.unmount());
  host.remove();
});
