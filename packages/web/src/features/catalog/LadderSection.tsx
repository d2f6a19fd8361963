// Zod's messages in Spanish for the ladder's checks (core/src/zod-locale.ts).
import '@acompana/core/zod-locale';
import { type Intervention, type StageLadder, stageLadderSchema } from '@acompana/core';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { putStageLadder } from '../../app/api/endpoints.ts';
import { formatNumber } from '../../app/i18n/index.ts';
import { useMe } from '../../app/session/SessionContext.tsx';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { TextareaField } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { ErrorNotice } from '../../ui/Status.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { roleName, stageName } from '../progress/reasons.ts';

// The progress-stage ladder of an intervention: what each stage asks of the recent rubric
// observations (names of the default stages are the progress texts, loaded with this screen).
// Everyone reads it; equipo MINEDU edits it as JSON checked live with core's stageLadderSchema
// (the server checks it again), or goes back to the default.

/** Spanish problems of a ladder typed as JSON; empty when it can be saved. */
export function ladderProblems(
  text: string,
  t: TFunction,
): { ladder: StageLadder | null; problems: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ladder: null,
      problems: [t('progress.catalogLadder.invalidJson', { message: (error as Error).message })],
    };
  }
  const parsed = stageLadderSchema.safeParse(value);
  if (parsed.success) return { ladder: parsed.data, problems: [] };
  return {
    ladder: null,
    problems: parsed.error.issues.map((issue) =>
      t('progress.catalogLadder.issue', {
        path: issue.path.join('.') || '—',
        message: issue.message,
      }),
    ),
  };
}

function LadderCards({ ladder }: { ladder: StageLadder }) {
  const { t } = useTranslation();
  return (
    <ol className="cards">
      {ladder.stages.map((stage, i) => (
        <Card key={stage.code} as="li" level={3} title={stageName(t, stage.code, ladder)}>
          <dl className="card__facts">
            <div>
              <dt>{t('progress.catalogLadder.role')}</dt>
              <dd>{roleName(t, stage.coachRole, ladder)}</dd>
            </div>
            <div>
              <dt>{t('progress.catalogLadder.needs')}</dt>
              <dd>
                {i === 0
                  ? t('progress.catalogLadder.firstStage')
                  : t('progress.catalogLadder.needsLine', {
                      mean: formatNumber(stage.minMean),
                      share: formatNumber(Math.round(stage.minShareSatisfactory * 100)),
                      level: stage.minLevel,
                    })}
              </dd>
            </div>
          </dl>
        </Card>
      ))}
    </ol>
  );
}

export function LadderEditor({
  intervention,
  onSaved,
}: {
  intervention: Intervention;
  onSaved: (saved: Intervention) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(() => JSON.stringify(intervention.stageLadder, null, 2));
  const [error, setError] = useState<unknown>(null);
  const toast = useToast();
  const { ladder, problems } = ladderProblems(text, t);

  const save = async (value: StageLadder | null) => {
    setError(null);
    try {
      const saved = await putStageLadder(intervention.code, value);
      setText(JSON.stringify(saved.stageLadder, null, 2));
      toast(t('progress.catalogLadder.saved'));
      onSaved(saved);
    } catch (cause) {
      setError(cause);
    }
  };
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (ladder) void save(ladder);
      }}
    >
      <TextareaField
        id={`${id}-json`}
        className="input--code"
        label={t('progress.catalogLadder.editLabel')}
        hint={t('progress.catalogLadder.editHint')}
        rows={14}
        spellCheck={false}
        value={text}
        invalid={problems.length > 0}
        describedBy={problems.length > 0 ? `${id}-problems` : undefined}
        onChange={(event) => setText(event.target.value)}
      />
      {problems.length > 0 ? (
        <Notice tone="error" id={`${id}-problems`}>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      <div className="button-row">
        <Button type="submit" disabled={!ladder}>
          {t('progress.catalogLadder.save')}
        </Button>
        {intervention.customLadder ? (
          <Button variant="secondary" onClick={() => void save(null)}>
            {t('progress.catalogLadder.reset')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

export function LadderSection({ intervention: initial }: { intervention: Intervention }) {
  const { t } = useTranslation();
  const me = useMe();
  const id = useId();
  // The saved ladder replaces the shown one in place (no reload of the whole catalogue).
  const [intervention, setIntervention] = useState(initial);
  const editable = me.roles.some((grant) => grant.role === 'minedu');
  const ladder = intervention.stageLadder;
  return (
    <section className="section" aria-labelledby={`${id}-ladder`}>
      <h2 id={`${id}-ladder`}>{t('progress.catalogLadder.title')}</h2>
      <p>{t('progress.catalogLadder.intro')}</p>
      <p>
        {intervention.customLadder
          ? t('progress.catalogLadder.custom')
          : t('progress.catalogLadder.default')}
      </p>
      <LadderCards ladder={ladder} />
      <p className="field__hint">
        {t('progress.catalogLadder.window', { window: ladder.window, min: ladder.minObservations })}
      </p>
      {editable ? <LadderEditor intervention={intervention} onSaved={setIntervention} /> : null}
    </section>
  );
}
