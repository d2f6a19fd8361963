// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadTexts } from '../../app/i18n/index.ts';
import { BaselineEditor } from './BaselineEditor.tsx';
import { type BaselineRow, baselineIssues, emptyBaselineRow } from './diagnosis-model.ts';
import { FocusPicker } from './FocusPicker.tsx';

// The plan's editors on the kit's fields: each number, select and checkbox is named by its
// label, a row's problem marks the offending fields invalid and describes them with the row's
// alert, and the focus picker keeps its limit of six desempeños.

let root: Root | null = null;
let host: HTMLElement;

beforeAll(() => loadTexts('plan'));
afterEach(() => {
  act(() => root?.unmount());
  host.remove();
});

function mount(element: Parameters<Root['render']>[0]): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root?.render(element));
  return host;
}

function type(input: HTMLInputElement, value: string) {
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** The text of the label tied to a control (`for` = its id). */
function labelOf(el: HTMLElement, control: Element): string {
  return el.querySelector(`label[for="${control.id}"]`)?.textContent ?? '';
}

function Baseline({ initial, showAll }: { initial: BaselineRow[]; showAll: boolean }) {
  const [rows, setRows] = useState(initial);
  return (
    <BaselineEditor
      rows={rows}
      onChange={setRows}
      issues={baselineIssues(rows)}
      showAll={showAll}
    />
  );
}

describe('BaselineEditor', () => {
  it('labels every field of a row and numbers use the numeric keypad', () => {
    const el = mount(<Baseline initial={[emptyBaselineRow()]} showAll={false} />);
    const row = el.querySelector('fieldset fieldset') as HTMLFieldSetElement;
    expect(row.querySelector('legend')?.textContent).toBe('Área 1');
    const controls = [...row.querySelectorAll('input, select')];
    expect(controls.map((c) => labelOf(el, c))).toEqual([
      'Área curricular',
      'Grado',
      'Número de estudiantes',
      'En inicio',
      'En proceso',
      'Logro esperado',
      'Logro destacado',
    ]);
    const numbers = [...row.querySelectorAll('input[type="number"]')];
    expect(numbers).toHaveLength(5);
    for (const n of numbers) expect(n.getAttribute('inputmode')).toBe('numeric');
    // Nothing is invalid before the coach types.
    expect(row.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);
  });

  it('more students placed than the class has: the counts are invalid and described', () => {
    const el = mount(<Baseline initial={[emptyBaselineRow()]} showAll={false} />);
    const input = (label: string) =>
      [...el.querySelectorAll('input')].find((c) => labelOf(el, c) === label) as HTMLInputElement;
    type(input('Número de estudiantes'), '10');
    type(input('En inicio'), '8');
    type(input('En proceso'), '4');
    const invalid = [...el.querySelectorAll('[aria-invalid="true"]')].map((c) => labelOf(el, c));
    expect(invalid).toEqual([
      'Número de estudiantes',
      'En inicio',
      'En proceso',
      'Logro esperado',
      'Logro destacado',
    ]);
    const alertId = input('En inicio').getAttribute('aria-describedby') ?? '';
    const alert = el.querySelector(`[id="${alertId}"]`);
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(alert?.textContent).toMatch(/12.*10/);
    // The area is empty too, but that only shows after a save attempt.
    expect(input('Área curricular').hasAttribute('aria-invalid')).toBe(false);
  });

  it('after a save attempt the empty area is invalid as well', () => {
    const el = mount(<Baseline initial={[emptyBaselineRow()]} showAll />);
    const area = el.querySelector('input[list="baseline-areas"]') as HTMLInputElement;
    expect(labelOf(el, area)).toBe('Área curricular');
    expect(area.getAttribute('aria-invalid')).toBe('true');
    expect(
      el.querySelector(`[id="${area.getAttribute('aria-describedby')}"]`)?.textContent,
    ).not.toBe('');
  });
});

const DESEMPENOS = Array.from({ length: 8 }, (_, i) => ({
  code: `D${i + 1}`,
  name: `Desempeño ${i + 1}`,
}));

function Focus({ initial }: { initial: string[] }) {
  const [focus, setFocus] = useState(initial);
  return <FocusPicker desempenos={DESEMPENOS} focus={focus} onChange={setFocus} />;
}

describe('FocusPicker', () => {
  it('is a group of checkboxes named by the legend and described by its hint and count', () => {
    const el = mount(<Focus initial={['D1']} />);
    const group = el.querySelector('fieldset') as HTMLFieldSetElement;
    expect(group.querySelector('legend')?.textContent).toBe('Desempeños en foco');
    const described = (group.getAttribute('aria-describedby') ?? '').split(' ');
    const texts = described.map((id) => el.querySelector(`[id="${id}"]`)?.textContent);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toBe('1 desempeño elegido.');
    const boxes = [...group.querySelectorAll('input[type="checkbox"]')] as HTMLInputElement[];
    expect(boxes.map((b) => b.closest('label')?.textContent)).toEqual(
      DESEMPENOS.map((d) => d.name),
    );
    act(() => boxes[2]?.click());
    expect(boxes.filter((b) => b.checked)).toHaveLength(2);
    expect(el.querySelector('#plan-focus-count')?.textContent).toBe('2 desempeños elegidos.');
  });

  it('at six chosen the others are disabled and the count says why; unticking frees them', () => {
    const el = mount(<Focus initial={['D1', 'D2', 'D3', 'D4', 'D5', 'D6']} />);
    const boxes = [...el.querySelectorAll('input[type="checkbox"]')] as HTMLInputElement[];
    expect(boxes.map((b) => b.disabled)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      true,
      true,
    ]);
    expect(el.querySelector('#plan-focus-count')?.textContent).toContain('Ya elegiste 6');
    act(() => boxes[0]?.click());
    expect(boxes.map((b) => b.disabled)).toEqual(Array(8).fill(false));
    expect(boxes.filter((b) => b.checked)).toHaveLength(5);
  });

  it('without a downloaded rubric the codes are typed in one labelled field', () => {
    const el = mount(<FocusPicker desempenos={[]} focus={['D1']} onChange={() => {}} />);
    const input = el.querySelector('input') as HTMLInputElement;
    expect(input.value).toBe('D1');
    expect(labelOf(el, input)).not.toBe('');
  });
});
