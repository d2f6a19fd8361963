// @vitest-environment happy-dom
import {
  type Answers,
  type ChecklistAnswers,
  emptyAnswers,
  PRE_OBSERVATION_CHECKLIST,
  RUBRIC_2018,
  type RubricAnswers,
} from '@acompana/core';
import { act } from 'preact/test-utils';
import { useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadTexts } from '../../../app/i18n/index.ts';
import { InstrumentForm } from './InstrumentForm.tsx';

// The renderer on the kit: rubric levels are one-tap segments (radio group "Nivel") whose
// chosen level's descriptor shows under them; checklist items are radio groups named by the
// item; a saved record shows its answers read-only.

let root: Root | null = null;
let host: HTMLElement | null = null;
let latest: Answers | null = null;

beforeAll(() => loadTexts('instruments'));

function Harness({ initial, readOnly }: { initial: Answers; readOnly?: boolean }) {
  const [answers, setAnswers] = useState(initial);
  latest = answers;
  return (
    <InstrumentForm
      definition={definitionOf(initial)}
      answers={answers}
      setAnswers={setAnswers}
      readOnly={readOnly}
    />
  );
}

function definitionOf(answers: Answers) {
  return 'scores' in answers ? RUBRIC_2018 : PRE_OBSERVATION_CHECKLIST;
}

function mount(initial: Answers, readOnly = false): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root?.render(<Harness initial={initial} readOnly={readOnly} />));
  return host;
}

afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
  latest = null;
});

/** The region (card) labelled by `name`. */
function region(el: HTMLElement, name: string): HTMLElement {
  const found = [...el.querySelectorAll<HTMLElement>('section[aria-labelledby]')].find(
    (s) => document.getElementById(s.getAttribute('aria-labelledby') ?? '')?.textContent === name,
  );
  if (!found) throw new Error(`no region ${name}`);
  return found;
}

function radioGroup(scope: HTMLElement, name: string): HTMLElement {
  const found = [...scope.querySelectorAll<HTMLElement>('[role="radiogroup"]')].find(
    (g) => document.getElementById(g.getAttribute('aria-labelledby') ?? '')?.textContent === name,
  );
  if (!found) throw new Error(`no radio group ${name}`);
  return found;
}

describe('the rubric renderer', () => {
  it('a tap on a level segment scores that desempeño only and shows its descriptor', () => {
    const el = mount(emptyAnswers(RUBRIC_2018));
    const d = RUBRIC_2018.desempenos[1];
    if (!d) throw new Error('seed rubric without a second desempeño');
    const card = region(el, d.name);
    const group = radioGroup(card, 'Nivel');
    const radios = [...group.querySelectorAll<HTMLButtonElement>('[role="radio"]')];
    expect(radios.map((r) => r.getAttribute('aria-label'))).toEqual([
      'I: Insatisfactorio',
      'II: En proceso',
      'III: Satisfactorio',
      'IV: Destacado',
    ]);
    expect(group.getAttribute('aria-describedby')).toBeNull();
    act(() => radios[2]?.click());
    expect((latest as RubricAnswers).scores[d.code]?.level).toBe(3);
    expect(
      Object.entries((latest as RubricAnswers).scores).filter(([, s]) => s.level !== null),
    ).toHaveLength(1);
    expect(radios[2]?.getAttribute('aria-checked')).toBe('true');
    // The chosen level's descriptor is visible and describes the group.
    const described = document.getElementById(group.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toContain('III Satisfactorio');
    expect(described?.textContent).toContain(d.levels[2]?.descriptor);
    expect(described?.closest('details')).toBeNull();
  });

  it('a saved record shows its levels read-only', () => {
    const answers = emptyAnswers(RUBRIC_2018) as RubricAnswers;
    const d = RUBRIC_2018.desempenos[0];
    if (!d) throw new Error('seed rubric without desempeños');
    answers.scores[d.code] = { level: 4, evidence: 'Todos participan.' };
    const el = mount(answers, true);
    const group = radioGroup(region(el, d.name), 'Nivel');
    const radios = [...group.querySelectorAll<HTMLButtonElement>('[role="radio"]')];
    expect(radios.every((r) => r.disabled)).toBe(true);
    expect(radios[3]?.getAttribute('aria-checked')).toBe('true');
    expect(el.querySelector('textarea')?.readOnly).toBe(true);
    expect(el.querySelector('textarea')?.value).toBe('Todos participan.');
  });
});

describe('the checklist renderer', () => {
  it('each item is a radio group named by its text, with its hint', () => {
    const el = mount(emptyAnswers(PRE_OBSERVATION_CHECKLIST));
    const items = PRE_OBSERVATION_CHECKLIST.sections.flatMap((s) => s.items);
    const points = items.find((i) => i.answer === 'points');
    if (!points) throw new Error('seed checklist without a points item');
    const group = radioGroup(el, points.text);
    const radios = [...group.querySelectorAll<HTMLButtonElement>('[role="radio"]')];
    expect(radios.map((r) => r.textContent)).toEqual(
      Array.from({ length: (points.maxPoints ?? 0) + 1 }, (_, n) => String(n)),
    );
    const hint = document.getElementById(group.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toContain(`de 0 a ${points.maxPoints}`);
    act(() => radios[2]?.click());
    expect((latest as ChecklistAnswers).items[points.code]).toBe(2);
    const yesNo = items.find((i) => i.answer === 'yes_no');
    if (!yesNo) throw new Error('seed checklist without a yes/no item');
    const no = [
      ...radioGroup(el, yesNo.text).querySelectorAll<HTMLButtonElement>('[role="radio"]'),
    ].find((r) => r.textContent === 'No');
    act(() => no?.click());
    expect((latest as ChecklistAnswers).items[yesNo.code]).toBe(false);
  });
});
