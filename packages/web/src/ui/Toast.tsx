import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
} from 'react';
import { Icon } from './Icon.tsx';
import { IconCheck } from './icons.ts';

// Toast: a short confirmation ("Reflexión guardada") in a polite live region that is always
// in the page, so screen readers announce each message; it fades after a few seconds. One at a
// time: a newer confirmation replaces the one showing (three saves in a row covered a third of
// a phone's screen). Errors that need action are not toasts: show them beside the form
// (role="alert").

const SHOW_MS = 5000;

type Show = (message: string) => void;
const ToastContext = createContext<Show>(() => undefined);

interface ToastItem {
  id: number;
  message: string;
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const next = useRef(0);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
    };
  }, []);

  const show = useCallback<Show>((message) => {
    const id = ++next.current;
    setItems([{ id, message }]);
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      setItems((current) => current.filter((item) => item.id !== id));
    }, SHOW_MS);
    timers.current.add(timer);
  }, []);

  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {items.map((item) => (
          <p key={item.id} className="toast">
            <Icon icon={IconCheck} />
            {item.message}
          </p>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** Returns `show(message)`; outside a ToastProvider it does nothing. */
export function useToast(): Show {
  return useContext(ToastContext);
}
