import {
  type Desempeno,
  RUBRIC_LEVELS,
  type RubricAnswers,
  type RubricDefinition,
  type RubricLevel,
} from '@acompana/core';
import { memo, startTransition, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { statesDuration, thresholdText } from './format.ts';
import type { SetAnswers } from './types.ts';

// A rubric: one card per desempeño with its four levels as a labelled radio group, the level
// descriptors one tap away (a disclosure) and an evidence box. Cards are memoized, so choosing
// a level or typing evidence re-renders only that card.

type Score = RubricAnswers['scores'][string];
const EMPTY: Score = { level: null, evidence: '' };

interface CardProps {
  d: Desempeno;
  n: number;
  score: Score | undefined;
  readOnly: boolean;
  idPrefix: string;
  onScore: (code: string, patch: Partial<Score>) => void;
}

const LevelGuide = memo(function LevelGuide({ d }: { d: Desempeno }) {
  const { t } = useTranslation();
  return (
    <details className="instrument__details">
      <summary>{t('instruments.renderer.descriptors')}</summary>
      <dl className="instrument__levels">
        {d.levels.map((l) => {
          const meta = RUBRIC_LEVELS[l.level - 1];
          return (
            <div key={l.level}>
              <dt>
                {t('instruments.renderer.levelOption', { roman: meta?.roman, name: meta?.name })}
              </dt>
              <dd>
                <p>{l.descriptor}</p>
                {l.conditions ? (
                  <>
                    <p className="instrument__join">
                      {l.conditions.join === 'y'
                        ? t('instruments.renderer.joinY')
                        : t('instruments.renderer.joinO')}
                    </p>
                    <ul>
                      {l.conditions.items.map((c) => (
                        <li key={c.text}>
                          {c.text}
                          {c.threshold ? ` (${thresholdText(t, c.threshold)})` : null}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </dd>
            </div>
          );
        })}
      </dl>
    </details>
  );
});

const DesempenoCard = memo(function DesempenoCard({
  d,
  n,
  score,
  readOnly,
  idPrefix,
  onScore,
}: CardProps) {
  const { t } = useTranslation();
  const s = score ?? EMPTY;
  const base = `${idPrefix}-${d.code}`;
  // Evidence is typed into this card's own state (one small render per keystroke); the
  // instrument's answers follow in a transition, which never delays the keystroke's paint.
  const [evidence, setEvidence] = useState(s.evidence);
  return (
    <section className="instrument__card" aria-labelledby={`${base}-title`}>
      <p className="instrument__eyebrow">
        {t('instruments.renderer.desempeno', { n })} ·{' '}
        {t('instruments.renderer.competency', { code: d.competency })}
      </p>
      <h3 id={`${base}-title`}>{d.name}</h3>
      <details className="instrument__details">
        <summary>{t('instruments.renderer.about')}</summary>
        <p>{d.definition}</p>
        <p className="instrument__label">{t('instruments.renderer.aspects')}</p>
        <ul>
          {d.aspects.map((a) => (
            <li key={a.code}>{a.text}</li>
          ))}
        </ul>
      </details>
      <LevelGuide d={d} />
      <fieldset className="instrument__choices" disabled={readOnly}>
        <legend>{t('instruments.renderer.level')}</legend>
        {RUBRIC_LEVELS.map((l) => (
          <label key={l.level} className="instrument__option">
            <input
              type="radio"
              name={`${base}-level`}
              value={l.level}
              checked={s.level === l.level}
              onChange={() => onScore(d.code, { level: l.level as RubricLevel })}
            />
            {t('instruments.renderer.levelOption', { roman: l.roman, name: l.name })}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${base}-evidence`}>{t('instruments.renderer.evidence')}</label>
        <textarea
          id={`${base}-evidence`}
          rows={3}
          value={evidence}
          readOnly={readOnly}
          aria-describedby={`${base}-evidence-hint`}
          onChange={(event) => {
            const value = event.target.value;
            setEvidence(value);
            startTransition(() => onScore(d.code, { evidence: value }));
          }}
        />
        <p id={`${base}-evidence-hint`} className="field__hint">
          {t('instruments.renderer.evidenceHint')}
        </p>
      </div>
    </section>
  );
});

interface Props {
  definition: RubricDefinition;
  answers: RubricAnswers;
  setAnswers: SetAnswers<RubricAnswers>;
  readOnly: boolean;
  idPrefix: string;
}

export function RubricForm({ definition, answers, setAnswers, readOnly, idPrefix }: Props) {
  const { t } = useTranslation();
  const onScore = useCallback(
    (code: string, patch: Partial<Score>) =>
      setAnswers((prev) => ({
        ...prev,
        scores: { ...prev.scores, [code]: { ...(prev.scores[code] ?? EMPTY), ...patch } },
      })),
    [setAnswers],
  );
  return (
    <div className="instrument__list">
      {definition.sessionMinutes && !statesDuration(definition.description) ? (
        <p className="field__hint">
          {t('instruments.renderer.sessionMinutes', { n: definition.sessionMinutes })}
        </p>
      ) : null}
      {definition.desempenos.map((d, i) => (
        <DesempenoCard
          key={d.code}
          d={d}
          n={i + 1}
          score={answers.scores[d.code]}
          readOnly={readOnly}
          idPrefix={idPrefix}
          onScore={onScore}
        />
      ))}
    </div>
  );
}
