import type { TargetRuleView } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/i18n/index.ts';
import { Card } from '../../ui/Card.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { useVocabulary } from '../../ui/vocabulary.ts';

// Targets of a year, read-only: one card per rule (phone first; no sideways scrolling).

export function useGradesLabel(): (level: string, from: number, to: number) => string {
  const { t } = useTranslation();
  return (level, from, to) =>
    level === 'inicial'
      ? t('catalog.agesRange', { from, to })
      : t('catalog.gradesRange', { from, to });
}

export function RulesView({ rules }: { rules: TargetRuleView[] }) {
  const { t } = useTranslation();
  const label = useVocabulary();
  const grades = useGradesLabel();
  if (rules.length === 0) return <EmptyState title={t('catalog.noRules')} />;
  return (
    <ul className="cards">
      {rules.map((rule) => (
        <Card
          as="li"
          level={3}
          key={`${rule.level}-${rule.gradeFrom}-${rule.gradeTo}-${rule.activityKind}`}
          title={label('activityKinds', rule.activityKind)}
        >
          <dl className="card__facts">
            <div>
              <dt>{t('catalog.level')}</dt>
              <dd>
                {label('targetLevels', rule.level)}
                {' · '}
                {grades(rule.level, rule.gradeFrom, rule.gradeTo)}
              </dd>
            </div>
            <div>
              <dt>{t('catalog.perYear')}</dt>
              <dd>{formatNumber(rule.perYear)}</dd>
            </div>
            <div>
              <dt>{t('catalog.minPerMonth')}</dt>
              <dd>{formatNumber(rule.minPerMonth)}</dd>
            </div>
          </dl>
          {rule.note ? <p className="card__note">{rule.note}</p> : null}
        </Card>
      ))}
    </ul>
  );
}
