// @vitest-environment happy-dom
import type { ReflectionRecord } from '@acompana/core';
import { act } from 'preact/test-utils';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import '../../app/i18n/index.ts';
import type { LocalRecord } from '../../offline/db.ts';
import { ReflectionReadOnly } from './Reflection.tsx';

// Issue 12.5: the coach reads the teacher's reflection on the visit page, read-only.

let root: Root | null = null;
let host: HTMLElement | null = null;

function mount(element: Parameters<Root['render']>[0]): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root?.render(element));
  return host;
}

afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

const reflection: LocalRecord<ReflectionRecord> = {
  kind: 'reflection',
  id: 'r1',
  version: 3,
  data: {
    visitId: 'v1',
    teacherId: 't1',
    text: 'Me ayudó ver las preguntas de cierre.\n\nProbaré preguntas inferenciales.',
  },
  teacherId: 't1',
  visitId: 'v1',
  server: null,
  seen: 1,
  updatedAt: '2026-12-01T15:00:00.000Z',
};

describe('ReflectionReadOnly', () => {
  it('shows the teacher’s words by paragraph under their name, with nothing to edit', () => {
    const el = mount(<ReflectionReadOnly reflection={reflection} teacherName="Ana Quispe" />);
    expect(el.querySelector('h2')?.textContent).toBe('Reflexión de Ana Quispe');
    expect([...el.querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      'Me ayudó ver las preguntas de cierre.',
      'Probaré preguntas inferenciales.',
    ]);
    expect(el.querySelectorAll('textarea, input, button, form')).toHaveLength(0);
  });

  it('says there is no reflection yet (not a blank section), and loads with a skeleton', () => {
    const none = mount(<ReflectionReadOnly reflection={null} teacherName="" />);
    expect(none.querySelector('h2')?.textContent).toBe('Reflexión de la o el docente');
    expect(none.textContent).toContain('Aún no hay reflexión');
    act(() => root?.render(<ReflectionReadOnly reflection={undefined} teacherName="" />));
    expect(none.querySelector('[role="status"][aria-busy="true"]')).not.toBeNull();
  });
});
