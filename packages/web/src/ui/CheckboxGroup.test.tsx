// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { CheckboxGroup } from './CheckboxGroup.tsx';

// The group is named by its legend; each checkbox by its own label; ticking adds, unticking
// removes, keeping the others.

describe('CheckboxGroup', () => {
  it('names the group and its options and reports the new selection', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    const changes: string[][] = [];
    await act(async () =>
      root.render(
        <CheckboxGroup
          legend="Desempeños en foco"
          options={[
            { value: 'a', label: 'Involucra' },
            { value: 'b', label: 'Razonamiento' },
          ]}
          value={['a']}
          onChange={(next) => changes.push(next)}
        />,
      ),
    );
    const fieldset = host.querySelector('fieldset');
    expect(fieldset?.querySelector('legend')?.textContent).toBe('Desempeños en foco');
    const boxes = [...host.querySelectorAll('input[type="checkbox"]')] as HTMLInputElement[];
    expect(boxes.map((box) => box.closest('label')?.textContent)).toEqual([
      'Involucra',
      'Razonamiento',
    ]);
    expect(boxes.map((box) => box.checked)).toEqual([true, false]);
    await act(async () => boxes[1]?.click());
    await act(async () => boxes[0]?.click());
    expect(changes).toEqual([['a', 'b'], []]);
    await act(async () => root.unmount());
  });

  it('describes the group by its hint and extra ids, and disables single options', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    await act(async () =>
      root.render(
        <>
          <CheckboxGroup
            legend="Desempeños en foco"
            hint="Hasta seis"
            describedBy="count"
            options={[
              { value: 'a', label: 'Involucra' },
              { value: 'b', label: 'Razonamiento', disabled: true },
            ]}
            value={['a']}
            onChange={() => {}}
          />
          <p id="count">1 elegido</p>
        </>,
      ),
    );
    const fieldset = host.querySelector('fieldset') as HTMLFieldSetElement;
    const ids = (fieldset.getAttribute('aria-describedby') ?? '').split(' ');
    expect(ids.map((id) => host.querySelector(`[id="${id}"]`)?.textContent)).toEqual([
      'Hasta seis',
      '1 elegido',
    ]);
    const boxes = [...host.querySelectorAll('input[type="checkbox"]')] as HTMLInputElement[];
    expect(boxes.map((box) => box.disabled)).toEqual([false, true]);
    await act(async () => root.unmount());
  });
});
