import type { ChecklistAnswers, ChecklistDefinition, ChecklistItem } from '@acompana/core';
import { memo, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../ui/Card.tsx';
import { SegmentedControl } from '../../../ui/SegmentedControl.tsx';
import type { SetAnswers } from './types.ts';

// A checklist: sections of items, each a segmented control (sí/no, points 0..max, or the
// concept scale) with its hint. Items are memoized: answering one re-renders only that item.

type Value = ChecklistAnswers['items'][string];
type Scale = NonNullable<ChecklistDefinition['conceptScale']>;

interface ItemProps {
  item: ChecklistItem;
  value: Value | undefined;
  scale: Scale;
  readOnly: boolean;
  onAnswer: (code: string, value: Value) => void;
}

const Item = memo(function Item({ item, value, scale, readOnly, onAnswer }: ItemProps) {
  const { t } = useTranslation();
  let options: { key: string; label: string; value: Value }[];
  if (item.answer === 'yes_no') {
    options = [
      { key: 'si', label: t('instruments.renderer.yes'), value: true },
      { key: 'no', label: t('instruments.renderer.no'), value: false },
    ];
  } else if (item.answer === 'points') {
    options = Array.from({ length: (item.maxPoints ?? 0) + 1 }, (_, n) => ({
      key: String(n),
      label: String(n),
      value: n,
    }));
  } else {
    options = scale.map((c) => ({ key: c.code, label: c.label, value: c.code }));
  }
  const hint = [
    item.required === false ? t('instruments.renderer.optional') : null,
    item.weight && item.weight !== 1 ? t('instruments.renderer.weight', { n: item.weight }) : null,
    item.answer === 'points' ? t('instruments.renderer.pointsOf', { max: item.maxPoints }) : null,
    item.help ?? null,
  ]
    .filter(Boolean)
    .join(' · ');
  const chosen = options.find((o) => o.value === value);
  return (
    <SegmentedControl
      label={item.text}
      hint={hint || undefined}
      options={options.map((o) => ({ value: o.key, label: o.label }))}
      value={chosen?.key ?? null}
      disabled={readOnly}
      onChange={(key) => {
        const option = options.find((o) => o.key === key);
        if (option) onAnswer(item.code, option.value);
      }}
    />
  );
});

interface Props {
  definition: ChecklistDefinition;
  answers: ChecklistAnswers;
  setAnswers: SetAnswers<ChecklistAnswers>;
  readOnly: boolean;
}

const NO_SCALE: Scale = [];

export function ChecklistForm({ definition, answers, setAnswers, readOnly }: Props) {
  const onAnswer = useCallback(
    (code: string, value: Value) =>
      setAnswers((prev) => ({ ...prev, items: { ...prev.items, [code]: value } })),
    [setAnswers],
  );
  const scale = definition.conceptScale ?? NO_SCALE;
  return (
    <div className="cards">
      {definition.sections.map((section) => (
        <Card key={section.code} level={3} title={section.title}>
          <div className="form">
            {section.items.map((item) => (
              <Item
                key={item.code}
                item={item}
                value={answers.items[item.code]}
                scale={scale}
                readOnly={readOnly}
                onAnswer={onAnswer}
              />
            ))}
          </div>
        </Card>
      ))}
    </div>
  );
}
