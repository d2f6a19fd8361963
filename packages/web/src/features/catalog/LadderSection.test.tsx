// @vitest-environment happy-dom
import { DEFAULT_STAGE_LADDER, type Intervention } from '@acompana/core';
import { act } from 'preact/test-utils';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadTexts } from '../../app/i18n/index.ts';
import { ToastProvider } from '../../ui/Toast.tsx';
import { LadderEditor } from './LadderSection.tsx';

// Equipo MINEDU edits the stage ladder as JSON in the kit's textarea field: labelled, with
// its hint, and when the text is not a valid ladder the field is invalid, described by the
// list of problems, and the ladder cannot be saved.

let root: Root | null = null;
let host: HTMLElement;

beforeAll(() => loadTexts('progress'));
afterEach(() => {
  act(() => root?.unmount());
  host.remove();
  vi.unstubAllGlobals();
});

const INTERVENTION: Intervention = {
  code: 'AP-EIB',
  name: 'Acompañamiento pedagógico',
  description: '',
  worksWithDirectors: false,
  worksWithFamilies: false,
  years: [2026],
  stageLadder: DEFAULT_STAGE_LADDER,
  customLadder: false,
  activityTypes: [],
};

describe('LadderEditor', () => {
  it('a labelled code field; broken JSON is invalid, described by its problems, not saveable', () => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    act(() => root?.render(<LadderEditor intervention={INTERVENTION} onSaved={() => {}} />));
    const textarea = host.querySelector('textarea') as HTMLTextAreaElement;
    expect(host.querySelector(`label[for="${textarea.id}"]`)?.textContent).toBe('Escalera (JSON)');
    expect(textarea.classList.contains('input--code')).toBe(true);
    expect(textarea.hasAttribute('aria-invalid')).toBe(false);
    expect(JSON.parse(textarea.value)).toEqual(DEFAULT_STAGE_LADDER);
    const hintId = textarea.getAttribute('aria-describedby') ?? '';
    expect(host.querySelector(`[id="${hintId}"]`)?.className).toBe('field__hint');
    const save = () =>
      [...host.querySelectorAll('button')].find((b) => b.textContent === 'Guardar escalera');
    expect(save()?.disabled).toBe(false);

    act(() => {
      textarea.value = '{ "stages": ';
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(textarea.getAttribute('aria-invalid')).toBe('true');
    const ids = (textarea.getAttribute('aria-describedby') ?? '').split(' ');
    expect(ids).toHaveLength(2);
    const problems = host.querySelector(`[id="${ids[1]}"]`);
    expect(problems?.getAttribute('role')).toBe('alert');
    expect(problems?.textContent).toContain('no es JSON válido');
    expect(save()?.disabled).toBe(true);
  });

  it('a saved ladder is confirmed with a toast and handed to the section', async () => {
    const sent: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (url !== '/api/v1/interventions/AP-EIB/stage-ladder')
          throw new Error(`unexpected ${url}`);
        sent.push(JSON.parse(String(init?.body)));
        return new Response(JSON.stringify({ ...INTERVENTION, customLadder: true }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      }),
    );
    const saved: Intervention[] = [];
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    act(() =>
      root?.render(
        <ToastProvider>
          <LadderEditor intervention={INTERVENTION} onSaved={(i) => saved.push(i)} />
        </ToastProvider>,
      ),
    );
    const form = host.querySelector('form') as HTMLFormElement;
    await act(async () => {
      form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(sent).toEqual([{ ladder: DEFAULT_STAGE_LADDER }]);
    const status = [...host.querySelectorAll('[role="status"]')].map((el) => el.textContent);
    expect(status).toContain('Escalera guardada.');
  });
});
