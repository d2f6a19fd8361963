// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import '../app/i18n/index.ts';
import { Field, NumberField, SelectField, TextareaField, TextField } from './Field.tsx';
import { FieldGrid, FieldGroup } from './FieldGroup.tsx';
import { dom, nameOf } from './render-markup.tsx';
import { SegmentedControl } from './SegmentedControl.tsx';
import { Switch } from './Switch.tsx';
import { Tabs } from './Tabs.tsx';

// The accessibility contracts of the kit's form fields and controls, read from their markup:
// labels, hints and errors tied to the input, groups, and selected/checked states.

describe('Field wrappers', () => {
  it('ties label, hint and error to the control and marks it invalid', () => {
    const doc = dom(
      <TextField id="dni" label="DNI" hint="8 dígitos" error="Falta el DNI" name="dni" />,
    );
    const input = doc.querySelector('input');
    expect(doc.querySelector('label')?.getAttribute('for')).toBe('dni');
    expect(input?.id).toBe('dni');
    expect(input?.getAttribute('aria-invalid')).toBe('true');
    const described = (input?.getAttribute('aria-describedby') ?? '').split(' ');
    expect(described.map((id) => doc.getElementById(id)?.textContent)).toEqual([
      '8 dígitos',
      'Falta el DNI',
    ]);
  });

  it('without hint or error the control has no dangling references', () => {
    const input = dom(<TextField label="Nombre" />).querySelector('input');
    expect(input?.hasAttribute('aria-describedby')).toBe(false);
    expect(input?.hasAttribute('aria-invalid')).toBe(false);
  });

  it('select and textarea get the same wiring; Field takes any control', () => {
    const doc = dom(
      <>
        <SelectField label="Nivel" hint="Del padrón">
          <option>Primaria</option>
        </SelectField>
        <TextareaField label="Notas" error="Muy largo" />
        <Field label="Fecha">{(control) => <input type="date" {...control} />}</Field>
      </>,
    );
    for (const control of doc.querySelectorAll('select, textarea, input')) {
      expect(doc.querySelector(`label[for="${control.id}"]`)).not.toBeNull();
    }
    expect(doc.querySelector('select')?.getAttribute('aria-describedby')).toMatch(/-hint$/);
    expect(doc.querySelector('textarea')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('a field whose message is shown by its row is invalid and described by that message', () => {
    const doc = dom(
      <>
        <p id="row-errors">Hay 12 estudiantes en niveles y solo 10 en el aula.</p>
        <NumberField id="n" label="En inicio" hint="0 a 200" invalid describedBy="row-errors" />
        <NumberField id="m" label="En proceso" invalid={false} narrow />
      </>,
    );
    const n = doc.getElementById('n');
    expect(n?.getAttribute('type')).toBe('number');
    expect(n?.getAttribute('inputmode')).toBe('numeric');
    expect(n?.getAttribute('aria-invalid')).toBe('true');
    expect(n?.getAttribute('aria-describedby')).toBe('n-hint row-errors');
    const m = doc.getElementById('m');
    expect(m?.hasAttribute('aria-invalid')).toBe(false);
    expect(m?.closest('.field')?.classList.contains('field--inline')).toBe(true);
  });
});

describe('FieldGroup', () => {
  it('names rows and nested groups by their legend and describes them by hint and extras', () => {
    const doc = dom(
      <FieldGroup legend="Línea de base" hint="Por área y grado" describedBy="count">
        <FieldGroup variant="row" legend="Área 1">
          <FieldGrid>
            <TextField label="Área curricular" />
          </FieldGrid>
          <FieldGroup variant="nested" legend="Estudiantes por nivel">
            <FieldGrid pair>
              <NumberField label="En inicio" />
            </FieldGrid>
          </FieldGroup>
        </FieldGroup>
        <p id="count">2 áreas</p>
      </FieldGroup>,
    );
    const [outer, row, nested] = [...doc.querySelectorAll('fieldset')];
    expect(outer?.className).toBe('field-group');
    expect(row?.className).toBe('rule');
    expect(nested?.className).toBe('field-group field-group--nested');
    expect([outer, row, nested].map((f) => f?.querySelector('legend')?.textContent)).toEqual([
      'Línea de base',
      'Área 1',
      'Estudiantes por nivel',
    ]);
    const described = (outer?.getAttribute('aria-describedby') ?? '').split(' ');
    expect(described.map((id) => doc.getElementById(id)?.textContent)).toEqual([
      'Por área y grado',
      '2 áreas',
    ]);
    expect(row?.hasAttribute('aria-describedby')).toBe(false);
    expect(doc.querySelectorAll('.rule__grid, .field-pair')).toHaveLength(2);
  });
});

describe('SegmentedControl, Tabs, Switch', () => {
  const levels = ['I', 'II', 'III', 'IV'].map((label) => ({ value: label, label }));

  it('the segmented control is a labelled radio group with one tab stop on the checked segment', () => {
    const doc = dom(
      <SegmentedControl label="Nivel" options={levels} value="III" onChange={() => undefined} />,
    );
    const group = doc.querySelector('[role="radiogroup"]') as Element;
    expect(nameOf(doc, group)).toBe('Nivel');
    const radios = [...doc.querySelectorAll('[role="radio"]')];
    expect(radios.map((r) => r.getAttribute('aria-checked'))).toEqual([
      'false',
      'false',
      'true',
      'false',
    ]);
    expect(radios.map((r) => r.getAttribute('tabindex'))).toEqual(['-1', '-1', '0', '-1']);
  });

  it('with nothing checked the first segment is the tab stop', () => {
    const doc = dom(
      <SegmentedControl label="Nivel" options={levels} value={null} onChange={() => undefined} />,
    );
    expect(
      [...doc.querySelectorAll('[role="radio"]')].map((r) => r.getAttribute('tabindex')),
    ).toEqual(['0', '-1', '-1', '-1']);
  });

  it('tabs: a named tablist, the selected tab controls its labelled panel', () => {
    const doc = dom(
      <Tabs
        label="Secciones"
        tabs={[
          { id: 'a', label: 'Antes', panel: 'A' },
          { id: 'b', label: 'Durante', panel: 'B' },
        ]}
      />,
    );
    expect(doc.querySelector('[role="tablist"]')?.getAttribute('aria-label')).toBe('Secciones');
    const [first, second] = [...doc.querySelectorAll('[role="tab"]')];
    expect(first?.getAttribute('aria-selected')).toBe('true');
    expect(second?.getAttribute('tabindex')).toBe('-1');
    const panel = doc.getElementById(first?.getAttribute('aria-controls') ?? '');
    expect(panel?.getAttribute('role')).toBe('tabpanel');
    expect(panel?.getAttribute('aria-labelledby')).toBe(first?.id);
    expect(
      doc.getElementById(second?.getAttribute('aria-controls') ?? '')?.hasAttribute('hidden'),
    ).toBe(true);
  });

  it('a switch exposes its state through aria-checked', () => {
    const button = dom(
      <Switch label="Alto contraste" checked stateText="Activado" onChange={() => undefined} />,
    ).querySelector('button');
    expect(button?.getAttribute('role')).toBe('switch');
    expect(button?.getAttribute('aria-checked')).toBe('true');
    expect(button?.querySelector('.switch__label')?.textContent).toBe('Alto contraste');
  });
});
