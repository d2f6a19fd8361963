import type {
  Answers,
  ChecklistAnswers,
  InstrumentDefinition,
  NotebookAnswers,
  RubricAnswers,
  RubricDefinition,
} from '@acompana/core';
import type { ReactNode } from 'react';
import { useAfterPaint } from '../../../ui/useAfterPaint.ts';
import { ChecklistForm } from './ChecklistForm.tsx';
import { NotebookForm } from './NotebookForm.tsx';
import { RubricForm } from './RubricForm.tsx';
import { Summary } from './Summary.tsx';
import type { SetAnswers } from './types.ts';

// Fills (or shows, read-only) any instrument version: the one renderer used by the fill page,
// the designer's preview, and later by visits and by the observation of coaches. The caller
// owns the answers state; pass its setter so updates stay cheap.

export interface InstrumentFormProps {
  definition: InstrumentDefinition;
  answers: Answers;
  setAnswers: SetAnswers;
  readOnly?: boolean;
  /** Notebook only: the rubric its notes link to. */
  rubric?: RubricDefinition | null;
}

export function InstrumentForm({
  definition,
  answers,
  setAnswers,
  readOnly = false,
  rubric = null,
}: InstrumentFormProps) {
  // The summary follows the answers after the next paint: a tap or keystroke paints only its
  // own desempeño or item first.
  const summaryAnswers = useAfterPaint(answers);
  let form: ReactNode;
  if (definition.type === 'rubric')
    form = (
      <RubricForm
        definition={definition}
        answers={answers as RubricAnswers}
        setAnswers={setAnswers as SetAnswers<RubricAnswers>}
        readOnly={readOnly}
      />
    );
  else if (definition.type === 'checklist')
    form = (
      <ChecklistForm
        definition={definition}
        answers={answers as ChecklistAnswers}
        setAnswers={setAnswers as SetAnswers<ChecklistAnswers>}
        readOnly={readOnly}
      />
    );
  else
    form = (
      <NotebookForm
        definition={definition}
        answers={answers as NotebookAnswers}
        setAnswers={setAnswers as SetAnswers<NotebookAnswers>}
        readOnly={readOnly}
        rubric={rubric}
      />
    );
  return (
    <div className="cards">
      {definition.description ? <p className="field__hint">{definition.description}</p> : null}
      {form}
      <Summary definition={definition} answers={summaryAnswers} />
    </div>
  );
}
