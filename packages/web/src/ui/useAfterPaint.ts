import { useEffect, useState } from 'react';

/**
 * `value`, shown only after the browser has painted the change that produced it. React's
 * `useDeferredValue` did this; Preact's compat layer returns the value unchanged, so a summary
 * that follows a form re-rendered inside every tap and keystroke. A burst of changes (typing)
 * updates it once, a frame after the last one.
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The next frame, then a task after it: by then the tap's own frame is on screen.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShown(value), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [value, shown]);
  return shown;
}
