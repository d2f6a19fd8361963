import type { StageLadder, StageRecord, StageSuggestion } from '@acompana/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalRecord } from '../../offline/db.ts';
import { useSaveRecord } from '../../offline/hooks.ts';
import type { CaseloadTeacher } from '../../offline/reference.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { TextareaField } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { PendingBadge, SaveError } from '../visits/parts.tsx';
import { decisionProblem, formatDecidedAt } from './model.ts';
import { reasonText, roleName, stageName } from './reasons.ts';

// The progress stage: the current one (latest decision), Acompaña's suggestion with its
// reasons and the coach's role there, the coach's confirm-or-override form, and the history of
// decisions. The teacher reads all of it; only their coach decides.

type Decision = LocalRecord<StageRecord>;

const roleAt = (ladder: StageLadder, code: string) =>
  ladder.stages.find((s) => s.code === code)?.coachRole;

function DecisionForm({
  teacherId,
  caseload,
  suggested,
  current,
  ladder,
}: {
  teacherId: string;
  caseload: CaseloadTeacher;
  suggested: string | null;
  current: string | null;
  ladder: StageLadder;
}) {
  const { t } = useTranslation();
  const save = useSaveRecord();
  const [stage, setStage] = useState(suggested ?? current ?? ladder.stages[0]?.code ?? '');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<'noteRequired' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const toast = useToast();
  const overriding = suggested !== null && stage !== suggested;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const found = decisionProblem(stage, suggested, note);
    setProblem(found);
    if (found) {
      document.getElementById('stage-note')?.focus();
      return;
    }
    try {
      await save('stage_record', null, {
        teacherId,
        schoolId: caseload.schools[0]?.id ?? '',
        interventionCode: caseload.interventionCode,
        suggested,
        stage,
        note: note.trim(),
        decidedAt: new Date().toISOString(),
      });
      setNote('');
      toast(t('progress.decide.saved'));
    } catch (cause) {
      setError(cause);
    }
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="stage-decide">
      <h3 id="stage-decide">{t('progress.decide.title')}</h3>
      <RadioGroup
        legend={t('progress.decide.legend')}
        name="stage"
        options={ladder.stages.map((option) => ({
          value: option.code,
          label: (
            <>
              {stageName(t, option.code, ladder)}
              {option.code === suggested ? (
                <Badge tone="info" icon={false}>
                  {t('progress.decide.suggestedMark')}
                </Badge>
              ) : null}
            </>
          ),
        }))}
        value={stage}
        onChange={(code) => {
          setStage(code);
          setProblem(null);
        }}
      />
      <TextareaField
        id="stage-note"
        label={t('progress.decide.note')}
        hint={t('progress.decide.noteHint')}
        error={problem ? t('progress.decide.noteRequired') : undefined}
        rows={3}
        maxLength={2000}
        value={note}
        aria-required={overriding}
        onChange={(event) => {
          setNote(event.target.value);
          if (event.target.value.trim()) setProblem(null);
        }}
      />
      <SaveError error={error} />
      <Button type="submit">
        {overriding || suggested === null
          ? t('progress.decide.save')
          : t('progress.decide.confirm')}
      </Button>
    </form>
  );
}

function History({ decisions, ladder }: { decisions: Decision[]; ladder: StageLadder }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="stage-history">
      <h2 id="stage-history">{t('progress.history.title')}</h2>
      {decisions.length === 0 ? <EmptyState title={t('progress.history.empty')} /> : null}
      <ol className="cards" aria-labelledby="stage-history">
        {decisions.map((record) => {
          const d = record.data;
          return (
            <Card
              key={record.id}
              as="li"
              level={3}
              title={
                <>
                  {stageName(t, d.stage, ladder)}{' '}
                  <Badge
                    tone={d.suggested !== null && d.suggested !== d.stage ? 'info' : 'neutral'}
                  >
                    {d.suggested === null
                      ? t('progress.history.noSuggestionMark')
                      : d.suggested === d.stage
                        ? t('progress.history.confirmed')
                        : t('progress.history.overridden')}
                  </Badge>{' '}
                  <PendingBadge id={record.id} />
                </>
              }
            >
              <dl className="facts">
                <div>
                  <dt>{t('progress.history.date')}</dt>
                  <dd>{formatDecidedAt(d.decidedAt)}</dd>
                </div>
                <div>
                  <dt>{t('progress.history.suggested')}</dt>
                  <dd>
                    {d.suggested === null
                      ? t('progress.history.noSuggestion')
                      : stageName(t, d.suggested, ladder)}
                  </dd>
                </div>
                <div>
                  <dt>{t('progress.history.note')}</dt>
                  <dd>{d.note.trim() || t('progress.history.noNote')}</dd>
                </div>
              </dl>
            </Card>
          );
        })}
      </ol>
    </section>
  );
}

export function StageSection({
  teacherId,
  suggestion,
  decisions,
  canDecide,
  caseload,
  nameOf,
  ladder,
}: {
  teacherId: string;
  ladder: StageLadder;
  suggestion: StageSuggestion;
  /** Newest first. */
  decisions: Decision[];
  canDecide: boolean;
  caseload: CaseloadTeacher | null;
  nameOf: (code: string) => string;
}) {
  const { t } = useTranslation();
  const current = decisions[0]?.data ?? null;
  const currentRole = current ? roleAt(ladder, current.stage) : undefined;
  const suggested = suggestion.stage;
  return (
    <>
      <section className="section" aria-labelledby="progress-stage">
        <h2 id="progress-stage">{t('progress.stage.title')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('progress.stage.current')}</dt>
            <dd>
              {current ? stageName(t, current.stage, ladder) : t('progress.stage.noCurrent')}
              {current
                ? ` ${t('progress.stage.currentSince', { date: formatDecidedAt(current.decidedAt) })}`
                : ''}
            </dd>
          </div>
          {currentRole ? (
            <div>
              <dt>{t('progress.stage.coachRole')}</dt>
              <dd>{roleName(t, currentRole, ladder)}</dd>
            </div>
          ) : null}
        </dl>
        <h3 id="progress-suggestion">{t('progress.stage.suggestion')}</h3>
        <dl className="facts">
          <div>
            <dt>{t('progress.stage.suggested')}</dt>
            <dd>
              {suggested ? stageName(t, suggested.code, ladder) : t('progress.stage.noSuggestion')}
            </dd>
          </div>
          {suggested ? (
            <div>
              <dt>{t('progress.stage.coachRole')}</dt>
              <dd>{roleName(t, suggested.coachRole, ladder)}</dd>
            </div>
          ) : null}
        </dl>
        <p id="progress-reasons">
          <strong>{t('progress.stage.reasons')}</strong>
        </p>
        <ul className="plain-list" aria-labelledby="progress-reasons">
          {suggestion.reasons.map((reason) => {
            const text = reasonText(t, reason, nameOf, ladder);
            return <li key={text}>{text}</li>;
          })}
        </ul>
        <p className="field__hint">{t('progress.stage.advisory')}</p>
        {canDecide && caseload ? (
          <DecisionForm
            teacherId={teacherId}
            caseload={caseload}
            suggested={suggested?.code ?? null}
            current={current?.stage ?? null}
            ladder={ladder}
          />
        ) : null}
        {canDecide && !caseload ? <Notice>{t('progress.decide.noCaseload')}</Notice> : null}
      </section>
      <History decisions={decisions} ladder={ladder} />
    </>
  );
}
