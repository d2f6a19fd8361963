import type { ChecklistDefinition, ChecklistItem, RubricDefinition } from './definition.ts';
import type { ChecklistAnswers, RubricAnswers } from './response.ts';

// Computed summaries shown at the end of a filled instrument. Scores are derived from the
// answers and the version's definition, never stored, so a past record always sums the same.

export interface ScoreTotals {
  /** Items answered / items in the section or checklist. */
  answered: number;
  total: number;
  /** Weighted score of the answered items and the maximum possible over all items. */
  score: number;
  max: number;
  /** score / max as a whole percentage (0 when max is 0). */
  percent: number;
}

export interface ChecklistSummary extends ScoreTotals {
  sections: ({ code: string; title: string } & ScoreTotals)[];
}

function itemMax(item: ChecklistItem, def: ChecklistDefinition): number {
  const weight = item.weight ?? 1;
  if (item.answer === 'yes_no') return weight;
  if (item.answer === 'points') return (item.maxPoints ?? 0) * weight;
  const top = Math.max(0, ...(def.conceptScale ?? []).map((c) => c.value));
  return top * weight;
}

function itemScore(item: ChecklistItem, def: ChecklistDefinition, value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const weight = item.weight ?? 1;
  if (item.answer === 'yes_no') return typeof value === 'boolean' ? (value ? weight : 0) : null;
  if (item.answer === 'points') return typeof value === 'number' ? value * weight : null;
  const concept = (def.conceptScale ?? []).find((c) => c.code === value);
  return concept ? concept.value * weight : null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function totals(parts: ScoreTotals[]): ScoreTotals {
  const sum = (f: (t: ScoreTotals) => number) => parts.reduce((acc, t) => acc + f(t), 0);
  const score = round2(sum((t) => t.score));
  const max = round2(sum((t) => t.max));
  return {
    answered: sum((t) => t.answered),
    total: sum((t) => t.total),
    score,
    max,
    percent: max > 0 ? Math.round((score / max) * 100) : 0,
  };
}

export function checklistSummary(
  def: ChecklistDefinition,
  answers: ChecklistAnswers,
): ChecklistSummary {
  const sections = def.sections.map((section) => {
    const perItem = section.items.map((item) => {
      const score = itemScore(item, def, answers.items[item.code]);
      return {
        answered: score === null ? 0 : 1,
        total: 1,
        score: score ?? 0,
        max: itemMax(item, def),
        percent: 0,
      };
    });
    return { code: section.code, title: section.title, ...totals(perItem) };
  });
  return { ...totals(sections), sections };
}

export interface RubricSummary {
  answered: number;
  total: number;
  /** Count of desempeños at each level 1–4. */
  byLevel: Record<1 | 2 | 3 | 4, number>;
  rows: { code: string; name: string; level: 1 | 2 | 3 | 4 | null; hasEvidence: boolean }[];
}

export function rubricSummary(def: RubricDefinition, answers: RubricAnswers): RubricSummary {
  const byLevel: RubricSummary['byLevel'] = { 1: 0, 2: 0, 3: 0, 4: 0 };
  const rows = def.desempenos.map((d) => {
    const s = answers.scores[d.code];
    const level = s?.level ?? null;
    if (level !== null) byLevel[level] += 1;
    return { code: d.code, name: d.name, level, hasEvidence: Boolean(s?.evidence.trim()) };
  });
  return {
    answered: rows.filter((r) => r.level !== null).length,
    total: rows.length,
    byLevel,
    rows,
  };
}
