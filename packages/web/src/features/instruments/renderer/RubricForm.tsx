import {
  type Desempeno,
  RUBRIC_LEVELS,
  type RubricAnswers,
  type RubricDefinition,
  type RubricLevel,
} from '@acompana/core';
import { memo, useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../ui/Card.tsx';
import { Disclosure } from '../../../ui/Disclosure.tsx';
import { TextareaField } from '../../../ui/Field.tsx';
import { SegmentedControl, type SegmentOption } from '../../../ui/SegmentedControl.tsx';
import { statesDuration, thresholdText } from './format.ts';
import type { SetAnswers } from './types.ts';

// A rubric: one card per desempeño with its four levels as large one-tap segments (I–IV), the
// chosen level's descriptor under them, all descriptors one tap away and an evidence box.
// Cards and their parts are memoized: a level tap re-renders that card's level choice, a
// keystroke only that card's evidence box (bench:instruments measures both).

type Score = RubricAnswers['scores'][string];
type LevelValue = '1' | '2' | '3' | '4';
const EMPTY: Score = { level: null, evidence: '' };

interface CardProps {
  d: Desempeno;
  n: number;
  level: RubricLevel | null;
  /** Read once: the card owns the evidence while it is mounted (see `sameCard`). */
  initialEvidence: string;
  readOnly: boolean;
  levels: SegmentOption<LevelValue>[];
  onScore: (code: string, patch: Partial<Score>) => void;
}

const LevelGuide = memo(function LevelGuide({ d }: { d: Desempeno }) {
  const { t } = useTranslation();
  return (
    <Disclosure summary={t('instruments.renderer.descriptors')}>
      <dl className="facts">
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
                    <p>
                      <strong>
                        {l.conditions.join === 'y'
                          ? t('instruments.renderer.joinY')
                          : t('instruments.renderer.joinO')}
                      </strong>
                    </p>
                    <ul className="plain-list">
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
    </Disclosure>
  );
});

const About = memo(function About({ d }: { d: Desempeno }) {
  const { t } = useTranslation();
  return (
    <Disclosure summary={t('instruments.renderer.about')}>
      <p>{d.definition}</p>
      <p>
        <strong>{t('instruments.renderer.aspects')}</strong>
      </p>
      <ul className="plain-list">
        {d.aspects.map((a) => (
          <li key={a.code}>{a.text}</li>
        ))}
      </ul>
    </Disclosure>
  );
});

/** The level segments and the chosen level's descriptor: all a level tap re-renders. */
const LevelChoice = memo(function LevelChoice({
  d,
  level,
  readOnly,
  levels,
  onScore,
}: Pick<CardProps, 'd' | 'level' | 'readOnly' | 'levels' | 'onScore'>) {
  const { t } = useTranslation();
  const id = useId();
  const chosen = level ? d.levels.find((l) => l.level === level) : undefined;
  const chosenMeta = level ? RUBRIC_LEVELS[level - 1] : undefined;
  const onLevel = useCallback(
    (value: LevelValue) => onScore(d.code, { level: Number(value) as RubricLevel }),
    [onScore, d.code],
  );
  return (
    <>
      <SegmentedControl
        label={t('instruments.renderer.level')}
        options={levels}
        value={level ? (String(level) as LevelValue) : null}
        onChange={onLevel}
        disabled={readOnly}
        describedBy={chosen ? `${id}-chosen` : undefined}
      />
      {chosen && chosenMeta ? (
        <p id={`${id}-chosen`} className="field__hint">
          <strong>
            {t('instruments.renderer.levelOption', {
              roman: chosenMeta.roman,
              name: chosenMeta.name,
            })}
            :
          </strong>{' '}
          {chosen.descriptor}
        </p>
      ) : null}
    </>
  );
});

/** The evidence box owns what is typed (one small render per keystroke). The answers follow in
 *  the same event (Preact has no transitions): the memoized cards skip it, and the summary
 *  follows after the paint (useAfterPaint). */
const Evidence = memo(function Evidence({
  code,
  initial,
  readOnly,
  onScore,
}: {
  code: string;
  initial: string;
  readOnly: boolean;
  onScore: CardProps['onScore'];
}) {
  const { t } = useTranslation();
  const [evidence, setEvidence] = useState(initial);
  return (
    <TextareaField
      label={t('instruments.renderer.evidence')}
      hint={t('instruments.renderer.evidenceHint')}
      rows={3}
      value={evidence}
      readOnly={readOnly}
      onChange={(event) => {
        const value = event.target.value;
        setEvidence(value);
        onScore(code, { evidence: value });
      }}
    />
  );
});

// The evidence is read once (the Evidence box owns it while mounted): a keystroke's answers
// update does not re-render the card.
const sameCard = (a: CardProps, b: CardProps) =>
  a.d === b.d &&
  a.n === b.n &&
  a.level === b.level &&
  a.readOnly === b.readOnly &&
  a.levels === b.levels &&
  a.onScore === b.onScore;

const DesempenoCard = memo(function DesempenoCard({
  d,
  n,
  level,
  initialEvidence,
  readOnly,
  levels,
  onScore,
}: CardProps) {
  const { t } = useTranslation();
  return (
    <Card level={3} title={d.name}>
      <p className="field__hint">
        {t('instruments.renderer.desempeno', { n })} ·{' '}
        {t('instruments.renderer.competency', { code: d.competency })}
      </p>
      <About d={d} />
      <LevelGuide d={d} />
      <LevelChoice d={d} level={level} readOnly={readOnly} levels={levels} onScore={onScore} />
      <Evidence code={d.code} initial={initialEvidence} readOnly={readOnly} onScore={onScore} />
    </Card>
  );
}, sameCard);

interface Props {
  definition: RubricDefinition;
  answers: RubricAnswers;
  setAnswers: SetAnswers<RubricAnswers>;
  readOnly: boolean;
}

export function RubricForm({ definition, answers, setAnswers, readOnly }: Props) {
  const { t } = useTranslation();
  const onScore = useCallback(
    (code: string, patch: Partial<Score>) =>
      setAnswers((prev) => ({
        ...prev,
        scores: { ...prev.scores, [code]: { ...(prev.scores[code] ?? EMPTY), ...patch } },
      })),
    [setAnswers],
  );
  // One options array for every card, so memoized cards do not re-render for a new one.
  const levels = useMemo<SegmentOption<LevelValue>[]>(
    () =>
      RUBRIC_LEVELS.map((l) => ({
        value: String(l.level) as LevelValue,
        label: l.roman,
        description: l.name,
      })),
    [],
  );
  return (
    <div className="cards">
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
          level={answers.scores[d.code]?.level ?? null}
          initialEvidence={answers.scores[d.code]?.evidence ?? ''}
          readOnly={readOnly}
          levels={levels}
          onScore={onScore}
        />
      ))}
    </div>
  );
}
