import {
  ACTIVITY_KINDS,
  type ActivityKind,
  TARGET_LEVELS,
  type TargetLevel,
  type TargetRule,
  type Targets,
} from '@acompana/core';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyTargets, putTargets } from '../../app/api/endpoints.ts';
import { errorMessage, fieldErrors } from '../../app/api/errorMessage.ts';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { NumberField, SelectField, TextField } from '../../ui/Field.tsx';
import { FieldGrid, FieldGroup } from '../../ui/FieldGroup.tsx';
import { FormAlert } from '../../ui/Notice.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { useVocabulary } from '../../ui/vocabulary.ts';

// Equipo MINEDU edits a year's targets: one fieldset per rule, saved as a whole (the server
// replaces that year's rules and validates them; its Spanish messages land on the fields).

interface Draft {
  key: number;
  level: TargetLevel;
  activityKind: ActivityKind;
  gradeFrom: string;
  gradeTo: string;
  perYear: string;
  minPerMonth: string;
  note: string;
}

let nextKey = 1;
const draftOf = (rule: Targets['rules'][number]): Draft => ({
  key: nextKey++,
  level: rule.level,
  activityKind: rule.activityKind,
  gradeFrom: String(rule.gradeFrom),
  gradeTo: String(rule.gradeTo),
  perYear: String(rule.perYear),
  minPerMonth: String(rule.minPerMonth),
  note: rule.note,
});

const asNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

function ruleOf(d: Draft): TargetRule {
  return {
    level: d.level,
    activityKind: d.activityKind,
    gradeFrom: asNumber(d.gradeFrom),
    gradeTo: asNumber(d.gradeTo),
    perYear: asNumber(d.perYear),
    minPerMonth: asNumber(d.minPerMonth),
    note: d.note,
  };
}

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; what: 'save' | 'copy' }
  | { kind: 'error'; message: string; fields: Record<string, string> };

interface Props {
  targets: Targets;
  previousHasRules: boolean;
}

/** Saving keeps the editor on screen: the server's answer becomes the new draft. */
export function TargetsEditor({ targets, previousHasRules }: Props) {
  const { t } = useTranslation();
  const label = useVocabulary();
  const id = useId();
  const [drafts, setDrafts] = useState<Draft[]>(() => targets.rules.map(draftOf));
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // Confirmations are toasts; refusals stay beside the form as its alert.
  const toast = useToast();
  const fields = status.kind === 'error' ? status.fields : {};
  const busy = status.kind === 'busy';

  const change = (key: number, patch: Partial<Draft>) =>
    setDrafts((current) => current.map((d) => (d.key === key ? { ...d, ...patch } : d)));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus({ kind: 'busy', what: 'save' });
    try {
      const saved = await putTargets(targets.intervention.code, targets.year, drafts.map(ruleOf));
      setDrafts(saved.rules.map(draftOf));
      setStatus({ kind: 'idle' });
      toast(t('catalog.saved', { year: targets.year }));
    } catch (error) {
      setStatus({ kind: 'error', message: errorMessage(t, error), fields: fieldErrors(error) });
    }
  };

  const onCopy = async () => {
    setStatus({ kind: 'busy', what: 'copy' });
    try {
      const copied = await copyTargets(targets.intervention.code, targets.year - 1, targets.year);
      setDrafts(copied.rules.map(draftOf));
      setStatus({ kind: 'idle' });
      toast(t('catalog.copied', { from: targets.year - 1, year: targets.year }));
    } catch (error) {
      setStatus({ kind: 'error', message: errorMessage(t, error), fields: fieldErrors(error) });
    }
  };

  const input = (
    d: Draft,
    index: number,
    name: 'gradeFrom' | 'gradeTo' | 'perYear' | 'minPerMonth',
    text: string,
  ) => {
    const fieldId = `${id}-${d.key}-${name}`;
    const error = fields[`rules.${index}.${name}`];
    return (
      <NumberField
        id={fieldId}
        label={text}
        error={error}
        min={0}
        value={d[name]}
        onChange={(event) => change(d.key, { [name]: event.target.value })}
      />
    );
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {previousHasRules ? (
        <div className="copy-row">
          <Button
            variant="secondary"
            onClick={onCopy}
            disabled={busy}
            loading={status.kind === 'busy' && status.what === 'copy'}
            loadingLabel={t('catalog.copying')}
          >
            {t('catalog.copy', { year: targets.year - 1 })}
          </Button>
          <p className="field__hint">
            {t('catalog.copyNote', { year: targets.year, from: targets.year - 1 })}
          </p>
        </div>
      ) : null}
      {drafts.length === 0 ? <EmptyState title={t('catalog.noRules')} /> : null}
      {drafts.map((d, index) => {
        const legend = t('catalog.rule', { n: index + 1 });
        const rowError = fields[`rules.${index}`];
        return (
          <FieldGroup variant="row" key={d.key} legend={legend}>
            {rowError ? <p className="field__error">{rowError}</p> : null}
            <FieldGrid>
              <SelectField
                id={`${id}-${d.key}-activity`}
                label={t('catalog.activity')}
                value={d.activityKind}
                onChange={(event) =>
                  change(d.key, { activityKind: event.target.value as ActivityKind })
                }
              >
                {ACTIVITY_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {label('activityKinds', kind)}
                  </option>
                ))}
              </SelectField>
              <SelectField
                id={`${id}-${d.key}-level`}
                label={t('catalog.level')}
                value={d.level}
                onChange={(event) => change(d.key, { level: event.target.value as TargetLevel })}
              >
                {TARGET_LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {label('targetLevels', level)}
                  </option>
                ))}
              </SelectField>
              {/* Inicial is organised by age (3, 4, 5 años), not by grade. */}
              {input(
                d,
                index,
                'gradeFrom',
                d.level === 'inicial' ? t('catalog.ageFrom') : t('catalog.gradeFrom'),
              )}
              {input(
                d,
                index,
                'gradeTo',
                d.level === 'inicial' ? t('catalog.ageTo') : t('catalog.gradeTo'),
              )}
              {input(d, index, 'perYear', t('catalog.perYear'))}
              {input(d, index, 'minPerMonth', t('catalog.minPerMonth'))}
            </FieldGrid>
            <TextField
              id={`${id}-${d.key}-note`}
              label={t('catalog.note')}
              type="text"
              maxLength={500}
              value={d.note}
              onChange={(event) => change(d.key, { note: event.target.value })}
            />
            <Button
              variant="quiet"
              onClick={() => setDrafts((current) => current.filter((x) => x.key !== d.key))}
            >
              {t('catalog.removeRule', { n: index + 1 })}
            </Button>
          </FieldGroup>
        );
      })}
      <Button
        variant="secondary"
        onClick={() =>
          setDrafts((current) => [
            ...current,
            draftOf({
              level: 'primaria',
              activityKind: 'visita',
              gradeFrom: 1,
              gradeTo: 6,
              perYear: 0,
              minPerMonth: 0,
              note: '',
            }),
          ])
        }
      >
        {t('catalog.addRule')}
      </Button>
      <FormAlert
        message={
          status.kind === 'error' ? (
            <>
              <p>{status.message}</p>
              {Object.entries(status.fields)
                .filter(([path]) => !path.startsWith('rules.'))
                .map(([path, message]) => (
                  <p key={path}>{message}</p>
                ))}
            </>
          ) : null
        }
      />
      <Button
        type="submit"
        disabled={busy}
        loading={status.kind === 'busy' && status.what === 'save'}
        loadingLabel={t('catalog.saving')}
      >
        {t('catalog.save', { year: targets.year })}
      </Button>
    </form>
  );
}
