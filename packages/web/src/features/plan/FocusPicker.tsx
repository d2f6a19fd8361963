import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '../../ui/CheckboxGroup.tsx';
import { TextField } from '../../ui/Field.tsx';
import type { RubricDesempeno } from './hooks.ts';
import { MAX_FOCUS, parseFocusCodes, toggleFocus } from './plan-model.ts';

// The desempeños in focus for the year: checkboxes from the rubric cached on the device, or
// codes typed by hand when no rubric has been downloaded yet (the plan still works offline).

interface Props {
  desempenos: RubricDesempeno[];
  focus: string[];
  onChange: (focus: string[]) => void;
}

export function FocusPicker({ desempenos, focus, onChange }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => focus.join(', '));

  if (desempenos.length === 0) {
    return (
      <TextField
        id="plan-focus-codes"
        label={t('plan.focus.codes')}
        hint={t('plan.focus.codesHint')}
        value={text}
        autoComplete="off"
        onChange={(event) => {
          setText(event.target.value);
          onChange(parseFocusCodes(event.target.value));
        }}
      />
    );
  }

  // Codes saved before that the cached rubric no longer lists stay visible and removable.
  const known = new Set(desempenos.map((d) => d.code));
  const options = [
    ...desempenos,
    ...focus.filter((code) => !known.has(code)).map((code) => ({ code, name: code })),
  ];
  const full = focus.length >= MAX_FOCUS;
  return (
    <>
      <CheckboxGroup
        legend={t('plan.focus.legend')}
        hint={t('plan.focus.hint')}
        describedBy="plan-focus-count"
        options={options.map((d) => ({
          value: d.code,
          label: d.name,
          disabled: full && !focus.includes(d.code),
        }))}
        value={focus}
        onChange={(next) => {
          // The model keeps the limit even if a box were ticked past it.
          const added = next.find((code) => !focus.includes(code));
          onChange(added ? toggleFocus(focus, added, true) : next);
        }}
      />
      <p id="plan-focus-count" className="field__hint" aria-live="polite">
        {full ? t('plan.focus.limit') : t('plan.focus.chosen', { count: focus.length })}
      </p>
    </>
  );
}
