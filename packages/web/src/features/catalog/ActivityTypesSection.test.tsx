// @vitest-environment happy-dom
import type { OwnActivityType } from '@acompana/core';
import { act } from 'preact/test-utils';
import type { ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadTexts } from '../../app/i18n/index.ts';
import { ToastProvider } from '../../ui/Toast.tsx';
import { NewTypeForm, sortedTypes, TypeCard } from './ActivityTypesSection.tsx';

// Equipo MINEDU adds, renames and deactivates an intervention's own activity types in
// Catálogo: kit fields and buttons, the request the server expects, a toast when saved.

let root: Root | null = null;
let host: HTMLElement;

beforeAll(() => loadTexts('progress'));
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  act(() => root?.unmount());
  host.remove();
  vi.unstubAllGlobals();
});

const answering = (sent: { url: string; method: string; body: unknown }[], answer: object) =>
  vi.fn(async (url: string, init?: RequestInit) => {
    sent.push({ url, method: String(init?.method), body: JSON.parse(String(init?.body)) });
    return new Response(JSON.stringify(answer), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
  });

const mount = (node: ReactNode) => {
  root = createRoot(host);
  act(() => root?.render(<ToastProvider>{node}</ToastProvider>));
};
const type = (input: HTMLInputElement, value: string) =>
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
const statusTexts = () => [...host.querySelectorAll('[role="status"]')].map((el) => el.textContent);

describe('own activity types in Catálogo', () => {
  it('lists the active ones first, by name', () => {
    const types: OwnActivityType[] = [
      { code: 'feria', name: 'Feria', active: false },
      { code: 'tertulia', name: 'Tertulia', active: true },
      { code: 'circulo', name: 'Círculo', active: true },
    ];
    expect(sortedTypes(types).map((t) => t.code)).toEqual(['circulo', 'tertulia', 'feria']);
  });

  it('adds a type by its name', async () => {
    const sent: { url: string; method: string; body: unknown }[] = [];
    const created = { code: 'circulo_de_lectura', name: 'Círculo de lectura', active: true };
    vi.stubGlobal('fetch', answering(sent, created));
    const saved: OwnActivityType[] = [];
    mount(<NewTypeForm code="SPI" onSaved={(t) => saved.push(t)} />);
    const input = host.querySelector('input') as HTMLInputElement;
    expect(host.querySelector(`label[for="${input.id}"]`)?.textContent).toBe(
      'Nuevo tipo de actividad',
    );
    const add = host.querySelector('button') as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    type(input, '  Círculo de lectura ');
    await act(async () => {
      host.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    });
    await vi.waitFor(() => expect(saved).toEqual([created]));
    expect(sent).toEqual([
      {
        url: '/api/v1/interventions/SPI/activity-types',
        method: 'POST',
        body: { name: 'Círculo de lectura' },
      },
    ]);
    expect(statusTexts()).toContain('Tipo de actividad agregado.');
  });

  it('deactivates a type; the reader without the role sees no controls', async () => {
    const sent: { url: string; method: string; body: unknown }[] = [];
    const tertulia = { code: 'tertulia', name: 'Tertulia', active: true };
    vi.stubGlobal('fetch', answering(sent, { ...tertulia, active: false }));
    const saved: OwnActivityType[] = [];
    mount(<TypeCard code="SPI" type={tertulia} editable onSaved={(t) => saved.push(t)} />);
    const off = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Desactivar');
    await act(async () => off?.click());
    await vi.waitFor(() => expect(saved).toEqual([{ ...tertulia, active: false }]));
    expect(sent).toEqual([
      {
        url: '/api/v1/interventions/SPI/activity-types/tertulia',
        method: 'PATCH',
        body: { active: false },
      },
    ]);
    act(() => root?.unmount());
    host.replaceChildren();
    mount(<TypeCard code="SPI" type={tertulia} editable={false} onSaved={() => {}} />);
    expect(host.querySelectorAll('button, input')).toHaveLength(0);
    expect(host.textContent).toContain('Activo');
  });
});
