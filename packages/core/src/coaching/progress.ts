import type { ObservationLevels, ObservedLevel } from './stages.ts';

// Levels over time (docs/DOMAIN.md §4): from the complete rubric observations of one teacher, the
// level of each desempeño at each observation and the history suggestStage reads. Pure, so the
// server (GET /teachers/{id}/progress) and the device (offline progress screen) agree.

/** One complete rubric observation: its date (the visit's, else the response's), its visit and
 *  the rubric's `answers.scores` as stored (anything; only levels 1..4 count). */
export interface ScoredObservation {
  date: string;
  visitId: string | null;
  scores: unknown;
}

export interface LevelPoint {
  date: string;
  visitId: string | null;
  level: ObservedLevel;
}

export interface DesempenoSeries {
  code: string;
  /** Oldest first. */
  points: LevelPoint[];
}

export interface LevelHistory {
  /** One entry per observation, oldest first (an observation without levels has `{}`). */
  history: ObservationLevels[];
  /** One series per desempeño observed, by code in numeric collation (D2 before D10). */
  desempenos: DesempenoSeries[];
}

const isLevel = (value: unknown): value is ObservedLevel =>
  value === 1 || value === 2 || value === 3 || value === 4;

function levelsOf(scores: unknown): Record<string, ObservedLevel> {
  const levels: Record<string, ObservedLevel> = {};
  if (!scores || typeof scores !== 'object' || Array.isArray(scores)) return levels;
  for (const [code, score] of Object.entries(scores as Record<string, unknown>)) {
    const level = (score as { level?: unknown } | null)?.level;
    if (isLevel(level)) levels[code] = level;
  }
  return levels;
}

/** Compares desempeño codes as people read them: "D2" < "D10". */
export function compareDesempenoCodes(a: string, b: string): number {
  return a.localeCompare(b, 'es', { numeric: true });
}

/**
 * Orders the observations by date (ties keep their given order) and collects the valid levels
 * (1..4) of each; null, missing or out-of-range levels are left out.
 */
export function levelHistory(observations: readonly ScoredObservation[]): LevelHistory {
  const ordered = observations
    .map((observation, index) => ({ observation, index }))
    .sort((a, b) => a.observation.date.localeCompare(b.observation.date) || a.index - b.index)
    .map(({ observation }) => observation);
  const history: ObservationLevels[] = [];
  const series = new Map<string, LevelPoint[]>();
  for (const { date, visitId, scores } of ordered) {
    const levels = levelsOf(scores);
    for (const [code, level] of Object.entries(levels)) {
      const points = series.get(code) ?? [];
      points.push({ date, visitId, level });
      series.set(code, points);
    }
    history.push({ date, levels });
  }
  return {
    history,
    desempenos: [...series]
      .sort((a, b) => compareDesempenoCodes(a[0], b[0]))
      .map(([code, points]) => ({ code, points })),
  };
}
