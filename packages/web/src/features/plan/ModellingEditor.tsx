import { MODELLING_KINDS } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { FieldGrid, FieldGroup } from '../../ui/FieldGroup.tsx';
import { MONTHS, monthName, removeAt } from './model.ts';
import { type ModellingKind, type ModellingRow, modellingRow } from './plan-model.ts';

// Planned modelling (demonstration lessons, shared lessons, co-planning…): a kind and a month
// each. What actually happened is recorded later as `modelling` records.

interface Props {
  rows: ModellingRow[];
  defaultMonth: number;
  onChange: (rows: ModellingRow[]) => void;
}

export function ModellingEditor({ rows, defaultMonth, onChange }: Props) {
  const { t } = useTranslation();
  const change = (key: number, patch: Partial<ModellingRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  return (
    <FieldGroup legend={t('plan.modelling.legend')} hint={t('plan.modelling.hint')}>
      {rows.length === 0 ? <EmptyState title={t('plan.emptyList')} /> : null}
      {rows.map((row, index) => {
        const n = index + 1;
        const base = `plan-modelling-${row.key}`;
        return (
          <FieldGroup key={row.key} variant="row" legend={t('plan.modelling.row', { n })}>
            <FieldGrid pair>
              <SelectField
                id={`${base}-kind`}
                label={t('plan.modelling.kind')}
                value={row.kind}
                onChange={(event) => change(row.key, { kind: event.target.value as ModellingKind })}
              >
                {MODELLING_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`cycle.modellingKinds.${kind}`)}
                  </option>
                ))}
              </SelectField>
              <SelectField
                id={`${base}-month`}
                label={t('plan.modelling.month')}
                value={row.month}
                onChange={(event) => change(row.key, { month: Number(event.target.value) })}
              >
                {MONTHS.map((month) => (
                  <option key={month} value={month}>
                    {monthName(t, month)}
                  </option>
                ))}
              </SelectField>
            </FieldGrid>
            <Button variant="quiet" onClick={() => onChange(removeAt(rows, index))}>
              {t('plan.modelling.remove', { n })}
            </Button>
          </FieldGroup>
        );
      })}
      <Button
        variant="secondary"
        disabled={rows.length >= 20}
        onClick={() => onChange([...rows, modellingRow('demonstration_lesson', defaultMonth)])}
      >
        {t('plan.modelling.add')}
      </Button>
    </FieldGroup>
  );
}
