import { LEARNING_LEVELS } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { NumberField, SelectField, TextField } from '../../ui/Field.tsx';
import { FieldGrid, FieldGroup } from '../../ui/FieldGroup.tsx';
import { FormAlert } from '../../ui/Notice.tsx';
import {
  BASELINE_GRADES,
  type BaselineIssue,
  type BaselineRow,
  baselineIssueText,
  emptyBaselineRow,
  MAX_STUDENTS,
  placedStudents,
} from './diagnosis-model.ts';
import { removeAt } from './model.ts';

// The learning baseline of the diagnosis: one fieldset per area and grade, with the students
// at each level of achievement. The sum of the levels is shown as the coach types, and a row
// that places more students than the classroom has says so at once.

const AREA_KEYS = [
  'comunicacion',
  'matematica',
  'personal_social',
  'ciencia',
  'castellano_l2',
  'lengua_originaria',
] as const;

interface Props {
  rows: BaselineRow[];
  onChange: (rows: BaselineRow[]) => void;
  issues: BaselineIssue[];
  /** Show every issue (after a save attempt); before it, only the sum check is live. */
  showAll: boolean;
}

export function BaselineEditor({ rows, onChange, issues, showAll }: Props) {
  const { t } = useTranslation();
  const change = (key: number, patch: Partial<BaselineRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  return (
    <FieldGroup legend={t('plan.diagnosis.baseline')} hint={t('plan.diagnosis.baselineHint')}>
      <datalist id="baseline-areas">
        {AREA_KEYS.map((key) => (
          <option key={key} value={t(`plan.diagnosis.areas.${key}`)} />
        ))}
      </datalist>
      {rows.length === 0 ? <EmptyState title={t('plan.emptyList')} /> : null}
      {rows.map((row, index) => {
        const base = `baseline-${row.key}`;
        const n = index + 1;
        const rowIssues = issues.filter(
          (issue) => issue.row === index && (showAll || issue.code === 'levels_exceed_students'),
        );
        const errorId = `${base}-errors`;
        const described = rowIssues.length ? errorId : undefined;
        const placed = placedStudents(row);
        const has = (test: (issue: BaselineIssue) => boolean) => rowIssues.some(test);
        return (
          <FieldGroup key={row.key} variant="row" legend={t('plan.diagnosis.row', { n })}>
            <FieldGrid>
              <TextField
                id={`${base}-area`}
                label={t('plan.diagnosis.area')}
                list="baseline-areas"
                maxLength={80}
                value={row.area}
                invalid={has((i) => i.code === 'area_required')}
                describedBy={described}
                onChange={(event) => change(row.key, { area: event.target.value })}
              />
              <SelectField
                id={`${base}-grade`}
                label={t('plan.diagnosis.grade')}
                value={row.grade}
                onChange={(event) => change(row.key, { grade: Number(event.target.value) })}
              >
                {BASELINE_GRADES.map((grade) => (
                  <option key={grade} value={grade}>
                    {grade === 0
                      ? t('plan.diagnosis.gradeInicial')
                      : t('plan.diagnosis.gradeN', { n: grade })}
                  </option>
                ))}
              </SelectField>
              <NumberField
                id={`${base}-students`}
                label={t('plan.diagnosis.students')}
                min={0}
                max={MAX_STUDENTS}
                value={row.students}
                invalid={has(
                  (i) => i.code === 'students_invalid' || i.code === 'levels_exceed_students',
                )}
                describedBy={described}
                onChange={(event) => change(row.key, { students: event.target.value })}
              />
            </FieldGrid>
            <FieldGroup variant="nested" legend={t('plan.diagnosis.levelsLegend')}>
              <FieldGrid>
                {LEARNING_LEVELS.map((level) => (
                  <NumberField
                    key={level}
                    id={`${base}-${level}`}
                    label={t(`plan.learningLevels.${level}`)}
                    min={0}
                    value={row.levels[level]}
                    invalid={has(
                      (i) =>
                        (i.code === 'level_invalid' && i.level === level) ||
                        i.code === 'levels_exceed_students',
                    )}
                    describedBy={described}
                    onChange={(event) =>
                      change(row.key, { levels: { ...row.levels, [level]: event.target.value } })
                    }
                  />
                ))}
              </FieldGrid>
            </FieldGroup>
            {placed !== null && row.students.trim() !== '' ? (
              <p className="field__hint">
                {t('plan.diagnosis.total', { sum: placed, students: row.students.trim() })}
              </p>
            ) : null}
            <FormAlert id={errorId}>
              {rowIssues.map((issue) => (
                <p
                  key={`${issue.code}-${'level' in issue ? issue.level : ''}`}
                  className="field__error"
                >
                  {baselineIssueText(t, issue)}
                </p>
              ))}
            </FormAlert>
            <Button variant="quiet" onClick={() => onChange(removeAt(rows, index))}>
              {t('plan.diagnosis.removeRow', { n })}
            </Button>
          </FieldGroup>
        );
      })}
      <Button
        variant="secondary"
        disabled={rows.length >= 20}
        onClick={() => onChange([...rows, emptyBaselineRow()])}
      >
        {t('plan.diagnosis.addRow')}
      </Button>
    </FieldGroup>
  );
}
