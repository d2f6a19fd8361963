import { type Answers, emptyAnswers, type InstrumentDefinition } from '@acompana/core';
import { useState } from 'react';
import { Card } from '../../ui/Card.tsx';
import { InstrumentForm } from './renderer/index.ts';

// The designer's preview: the coach's renderer with throw-away answers, on its own surface.

export function Preview({ definition }: { definition: InstrumentDefinition }) {
  const [answers, setAnswers] = useState<Answers>(() => emptyAnswers(definition));
  return (
    <Card as="div">
      <InstrumentForm definition={definition} answers={answers} setAnswers={setAnswers} />
    </Card>
  );
}
