// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { type ReactElement, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../app/i18n/index.ts';
import { rovingIndex } from './keyboard.ts';
import { SegmentedControl } from './SegmentedControl.tsx';
import { Sheet } from './Sheet.tsx';
import { Tabs } from './Tabs.tsx';
import { ToastProvider, useToast } from './Toast.tsx';

// Behaviour in a DOM: keyboard of the radio group and the tabs, the native dialog opening and
// closing, the toast's live region.

let root: Root | null = null;
let host: HTMLElement | null = null;

function mount(element: ReactElement): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root?.render(element));
  return host;
}

afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
  vi.useRealTimers();
});

function key(target: Element, name: string) {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
  });
}

describe('rovingIndex', () => {
  it('moves with arrows, wraps around, jumps with Home/End, ignores other keys', () => {
    expect(rovingIndex('ArrowRight', 3, 4)).toBe(0);
    expect(rovingIndex('ArrowLeft', 0, 4)).toBe(3);
    expect(rovingIndex('ArrowDown', 1, 4)).toBe(2);
    expect(rovingIndex('ArrowUp', 1, 4)).toBe(0);
    expect(rovingIndex('Home', 2, 4)).toBe(0);
    expect(rovingIndex('End', 0, 4)).toBe(3);
    expect(rovingIndex('a', 0, 4)).toBeNull();
    expect(rovingIndex('ArrowRight', 0, 0)).toBeNull();
  });
});

function Levels({ onChange }: { onChange: (value: string) => void }) {
  const [value, setValue] = useState<string | null>('II');
  return (
    <SegmentedControl
      label="Nivel"
      options={['I', 'II', 'III', 'IV'].map((label) => ({ value: label, label }))}
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange(next);
      }}
    />
  );
}

describe('SegmentedControl', () => {
  it('one tap selects; arrows move focus and selection together, wrapping', () => {
    const changes: string[] = [];
    const el = mount(<Levels onChange={(v) => changes.push(v)} />);
    const radios = () => [...el.querySelectorAll<HTMLButtonElement>('[role="radio"]')];
    act(() => radios()[3]?.click());
    expect(radios()[3]?.getAttribute('aria-checked')).toBe('true');
    key(radios()[3] as Element, 'ArrowRight');
    expect(radios()[0]?.getAttribute('aria-checked')).toBe('true');
    expect(document.activeElement).toBe(radios()[0]);
    expect(radios().map((r) => r.tabIndex)).toEqual([0, -1, -1, -1]);
    key(radios()[0] as Element, 'End');
    expect(changes).toEqual(['IV', 'I', 'IV']);
  });
});

describe('Tabs', () => {
  it('arrows select the next tab and show its panel', () => {
    const el = mount(
      <Tabs
        label="Secciones"
        tabs={[
          { id: 'antes', label: 'Antes', panel: 'Panel antes' },
          { id: 'durante', label: 'Durante', panel: 'Panel durante' },
        ]}
      />,
    );
    const tabs = () => [...el.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    key(tabs()[0] as Element, 'ArrowRight');
    expect(tabs()[1]?.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tabs()[1]);
    const visible = [...el.querySelectorAll('[role="tabpanel"]')].filter(
      (p) => !p.hasAttribute('hidden'),
    );
    expect(visible.map((p) => p.textContent)).toEqual(['Panel durante']);
  });
});

function Dialog({ onClose }: { onClose: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        abrir
      </button>
      <Sheet
        open={open}
        alert
        title="Tienes cambios sin enviar"
        onClose={() => {
          setOpen(false);
          onClose();
        }}
      >
        <p>Contenido</p>
      </Sheet>
    </>
  );
}

describe('Sheet', () => {
  it('opens as a modal native dialog, labelled by its title, and closes from its button', () => {
    const onClose = vi.fn();
    const el = mount(<Dialog onClose={onClose} />);
    const dialog = el.querySelector('dialog') as HTMLDialogElement;
    expect(dialog.open).toBe(false);
    expect(dialog.textContent).toBe('');
    act(() => el.querySelector<HTMLButtonElement>('button')?.click());
    expect(dialog.open).toBe(true);
    expect(dialog.getAttribute('role')).toBe('alertdialog');
    expect(
      el.querySelector(`#${CSS.escape(dialog.getAttribute('aria-labelledby') ?? '')}`)?.textContent,
    ).toBe('Tienes cambios sin enviar');
    const close = dialog.querySelector<HTMLButtonElement>('button[aria-label="Cerrar"]');
    act(() => close?.click());
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(dialog.open).toBe(false);
  });

  it('Escape (the dialog cancel event) closes through onClose', () => {
    const onClose = vi.fn();
    const el = mount(<Dialog onClose={onClose} />);
    act(() => el.querySelector<HTMLButtonElement>('button')?.click());
    const dialog = el.querySelector('dialog') as HTMLDialogElement;
    act(() => {
      dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    });
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(dialog.open).toBe(false);
  });
});

function Saver() {
  const show = useToast();
  return (
    <button type="button" onClick={() => show('Reflexión guardada')}>
      guardar
    </button>
  );
}

describe('Toast', () => {
  it('announces in a polite status region that exists before the message, then clears', () => {
    vi.useFakeTimers();
    const el = mount(
      <ToastProvider>
        <Saver />
      </ToastProvider>,
    );
    const region = el.querySelector('[role="status"]');
    expect(region?.getAttribute('aria-live')).toBe('polite');
    expect(region?.textContent).toBe('');
    act(() => el.querySelector('button')?.click());
    expect(region?.textContent).toBe('Reflexión guardada');
    act(() => {
      vi.advanceTimersByTime(6000);
    });
    expect(region?.textContent).toBe('');
  });

  it('shows one confirmation at a time: three saves in a row leave the last one', () => {
    vi.useFakeTimers();
    const el = mount(
      <ToastProvider>
        <Saver />
      </ToastProvider>,
    );
    const button = el.querySelector('button');
    act(() => {
      button?.click();
      button?.click();
      button?.click();
    });
    expect(el.querySelectorAll('.toast')).toHaveLength(1);
    act(() => {
      vi.advanceTimersByTime(6000);
    });
    expect(el.querySelectorAll('.toast')).toHaveLength(0);
  });
});
