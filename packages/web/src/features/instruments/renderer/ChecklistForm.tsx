import type { ChecklistAnswers, ChecklistDefinition, ChecklistItem } from '@acompana/core';
import { memo, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetAnswers } from './types.ts';

// A checklist: sections of items, each a labelled radio group (sí/no, points 0..max, or the
// concept scale). Items are memoized: answering one re-renders only that item.

type Value = ChecklistAnswers['items'][string];
type Scale = NonNullable<ChecklistDefinition['conceptScale']>;

interface ItemProps {
  item: ChecklistItem;
  value: Value | undefined;
  scale: Scale;
  readOnly: boolean;
  idPrefix: string;
  onAnswer: (code: string, value: Value) => void;
}

const Item = memo(function Item({ item, value, scale, readOnly, idPrefix, onAnswer }: ItemProps) {
  const { t } = useTranslation();
  const name = `${idPrefix}-${item.code}`;
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
  const hintId = item.help || item.weight || item.required === false ? `${name}-hint` : undefined;
  return (
    <fieldset
      className="instrument__choices instrument__item"
      disabled={readOnly}
      aria-describedby={hintId}
    >
      <legend>{item.text}</legend>
      {hintId ? (
        <p id={hintId} className="field__hint">
          {[
            item.required === false ? t('instruments.renderer.optional') : null,
            item.weight && item.weight !== 1
              ? t('instruments.renderer.weight', { n: item.weight })
              : null,
            item.answer === 'points'
              ? t('instruments.renderer.pointsOf', { max: item.maxPoints })
              : null,
            item.help ?? null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      ) : null}
      <div className={item.answer === 'points' ? 'instrument__inline' : undefined}>
        {options.map((o) => (
          <label key={o.key} className="instrument__option">
            <input
              type="radio"
              name={name}
              checked={value === o.value}
              onChange={() => onAnswer(item.code, o.value)}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
});

interface Props {
  definition: ChecklistDefinition;
  answers: ChecklistAnswers;
  setAnswers: SetAnswers<ChecklistAnswers>;
  readOnly: boolean;
  idPrefix: string;
}

const NO_SCALE: Scale = [];

export function ChecklistForm({ definition, answers, setAnswers, readOnly, idPrefix }: Props) {
  const onAnswer = useCallback(
    (code: string, value: Value) =>
      setAnswers((prev) => ({ ...prev, items: { ...prev.items, [code]: value } })),
    [setAnswers],
  );
  const scale = definition.conceptScale ?? NO_SCALE;
  return (
    <div className="instrument__list">
      {definition.sections.map((section) => (
        <section
          key={section.code}
          className="instrument__card"
          aria-labelledby={`${idPrefix}-${section.code}`}
        >
          <h3 id={`${idPrefix}-${section.code}`}>{section.title}</h3>
          {section.items.map((item) => (
            <Item
              key={item.code}
              item={item}
              value={answers.items[item.code]}
              scale={scale}
              readOnly={readOnly}
              idPrefix={idPrefix}
              onAnswer={onAnswer}
            />
          ))}
        </section>
      ))}
    </div>
  );
}
