import { type Answers, emptyAnswers, type InstrumentDefinition } from '@acompana/core';
import { useId, useState } from 'react';
import { InstrumentForm } from './renderer/index.ts';

// The designer's preview: the coach's renderer, in a phone-wide frame, with throw-away answers.

export function Preview({ definition }: { definition: InstrumentDefinition }) {
  const id = useId();
  const [answers, setAnswers] = useState<Answers>(() => emptyAnswers(definition));
  return (
    <div className="instrument-frame">
      <InstrumentForm
        definition={definition}
        answers={answers}
        setAnswers={setAnswers}
        idPrefix={id}
      />
    </div>
  );
}
