import { useState } from 'react';
import { Checkbox, CheckboxGroup } from '../CheckboxGroup.tsx';
import { NumberField, TextField } from '../Field.tsx';
import { FieldGrid, FieldGroup } from '../FieldGroup.tsx';
import { RadioGroup } from '../RadioGroup.tsx';
import { SAMPLES as S } from './samples.ts';

// Groups of fields in the gallery: a repeated row (a baseline area) whose counts share one
// alert, its nested group, a checkbox group at its limit (the others disabled), a radio group
// and a single checkbox.

export function FieldGroups() {
  const f = S.fields;
  const [focus, setFocus] = useState(['d1', 'd2']);
  const full = focus.length >= 2;
  const [kind, setKind] = useState('schools');
  const [skip, setSkip] = useState(false);
  return (
    <div className="form">
      <FieldGroup legend={f.baseline} hint={f.baselineHint}>
        <FieldGroup variant="row" legend={f.row}>
          <FieldGrid>
            <TextField label={f.area} defaultValue={f.areaValue} />
            <NumberField
              label={f.students}
              defaultValue="10"
              invalid
              describedBy="gallery-row-errors"
            />
          </FieldGrid>
          <FieldGroup variant="nested" legend={f.levelsLegend}>
            <FieldGrid>
              {f.levelNames.map((name, i) => (
                <NumberField
                  key={name}
                  label={name}
                  defaultValue={f.levelValues[i]}
                  invalid
                  describedBy="gallery-row-errors"
                />
              ))}
            </FieldGrid>
          </FieldGroup>
          <div id="gallery-row-errors" role="alert" className="form__alert">
            <p className="field__error">{f.rowError}</p>
          </div>
        </FieldGroup>
      </FieldGroup>
      <CheckboxGroup
        legend={f.focus}
        hint={f.focusHint}
        describedBy="gallery-focus-count"
        options={f.focusOptions.map((o) => ({
          ...o,
          disabled: full && !focus.includes(o.value),
        }))}
        value={focus}
        onChange={setFocus}
      />
      <p id="gallery-focus-count" className="field__hint" aria-live="polite">
        {full ? f.focusCount : ''}
      </p>
      <RadioGroup
        legend={f.importKind}
        name="gallery-kind"
        options={f.importKinds}
        value={kind}
        onChange={setKind}
      />
      <Checkbox label={f.skipInvalid} checked={skip} onChange={setSkip} />
    </div>
  );
}
