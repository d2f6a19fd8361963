import {
  type Answers,
  type ChecklistAnswers,
  checklistSummary,
  type InstrumentDefinition,
  levelName,
  type NotebookAnswers,
  RUBRIC_LEVELS,
  type RubricAnswers,
  rubricSummary,
} from '@acompana/core';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../ui/Card.tsx';

// The summary at the end of an instrument, computed from the answers and the exact version.

export const Summary = memo(function Summary({
  definition,
  answers,
}: {
  definition: InstrumentDefinition;
  answers: Answers;
}) {
  const { t } = useTranslation();
  const body = useMemo(() => {
    if (definition.type === 'rubric') {
      const s = rubricSummary(definition, answers as RubricAnswers);
      return (
        <>
          <p>{t('instruments.summary.answered', { answered: s.answered, total: s.total })}</p>
          <ul className="plain-list">
            {s.rows.map((r) => (
              <li key={r.code}>
                {r.name}:{' '}
                <strong>
                  {r.level ? levelName(r.level) : t('instruments.summary.notAnswered')}
                </strong>
                {r.level && !r.hasEvidence ? ` (${t('instruments.summary.noEvidence')})` : null}
              </li>
            ))}
          </ul>
          <p className="field__hint">
            {RUBRIC_LEVELS.map((l) =>
              t('instruments.summary.byLevel', {
                name: `${l.roman} ${l.name}`,
                n: s.byLevel[l.level],
              }),
            ).join(' · ')}
          </p>
        </>
      );
    }
    if (definition.type === 'checklist') {
      const s = checklistSummary(definition, answers as ChecklistAnswers);
      return (
        <>
          <p>{t('instruments.summary.answered', { answered: s.answered, total: s.total })}</p>
          <p>
            <strong>
              {t('instruments.summary.score', { score: s.score, max: s.max, percent: s.percent })}
            </strong>
          </p>
          <ul className="plain-list">
            {s.sections.map((sec) => (
              <li key={sec.code}>
                {t('instruments.summary.section', {
                  title: sec.title,
                  score: sec.score,
                  max: sec.max,
                })}
              </li>
            ))}
          </ul>
        </>
      );
    }
    const notes = (answers as NotebookAnswers).notes;
    return (
      <>
        <p>{t('instruments.summary.notes', { count: notes.length })}</p>
        <p className="field__hint">
          {definition.tags
            .map((tag) => ({ tag, n: notes.filter((n) => n.tags.includes(tag.code)).length }))
            .filter((x) => x.n > 0)
            .map((x) => t('instruments.summary.tagCount', { label: x.tag.label, n: x.n }))
            .join(' · ')}
        </p>
      </>
    );
  }, [definition, answers, t]);
  return (
    <Card level={3} title={t('instruments.summary.title')}>
      {body}
    </Card>
  );
});
