import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '../../ui/CheckboxGroup.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { type RubricDesempeno, useRubricDesempenos } from '../instruments/useRubricDesempenos.ts';

// Desempeños by name on the visit screens (focus, commitments, modelling), from the rubric on
// the device. Without a rubric yet, codes are typed (lowercase, as the rubric defines them).

/** "respeto, Razonamiento" → ['respeto', 'razonamiento'], without duplicates. */
export function parseCodes(text: string): string[] {
  const codes = text
    .split(/[,;\s]+/)
    .map((code) => code.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(codes)];
}

/** Name of a desempeño by its code (the code itself when the rubric does not list it). */
export function useDesempenoName(): (code: string | null) => string {
  const desempenos = useRubricDesempenos();
  const names = new Map((desempenos ?? []).map((d) => [d.code, d.name]));
  return (code) => (code ? (names.get(code) ?? code) : '');
}

/** Options including codes already saved that the cached rubric no longer lists. */
function withSaved(desempenos: RubricDesempeno[], saved: string[]): RubricDesempeno[] {
  const known = new Set(desempenos.map((d) => d.code));
  return [
    ...desempenos,
    ...saved.filter((c) => !known.has(c)).map((code) => ({ code, name: code })),
  ];
}

export function DesempenoChecks({
  id,
  legend,
  value,
  onChange,
}: {
  id: string;
  legend: string;
  value: string[];
  onChange: (codes: string[]) => void;
}) {
  const { t } = useTranslation();
  const desempenos = useRubricDesempenos();
  const [text, setText] = useState(() => value.join(', '));
  if (desempenos === undefined) return null;
  if (desempenos.length === 0) {
    return (
      <TextField
        id={`${id}-codes`}
        label={legend}
        hint={t('cycle.codesHint')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          onChange(parseCodes(event.target.value));
        }}
      />
    );
  }
  return (
    <CheckboxGroup
      legend={legend}
      options={withSaved(desempenos, value).map((d) => ({ value: d.code, label: d.name }))}
      value={value}
      onChange={onChange}
    />
  );
}

export function DesempenoSelect({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (code: string) => void;
}) {
  const { t } = useTranslation();
  const desempenos = useRubricDesempenos() ?? [];
  if (desempenos.length === 0) {
    return (
      <TextField
        id={id}
        label={label}
        value={value}
        maxLength={20}
        onChange={(event) => onChange(event.target.value.trim().toLowerCase())}
      />
    );
  }
  return (
    <SelectField
      id={id}
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">{t('cycle.noDesempeno')}</option>
      {withSaved(desempenos, value ? [value] : []).map((d) => (
        <option key={d.code} value={d.code}>
          {d.name}
        </option>
      ))}
    </SelectField>
  );
}
