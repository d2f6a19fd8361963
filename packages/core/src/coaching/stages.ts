// Progress stages (docs/DOMAIN.md §4, after Memon et al. 2006): a ladder of formative stages with
// the coach's role at each. The app *suggests* a stage from the rubric history and says why;
// the coach confirms or overrides it. The ladder is data per intervention; this is the default.

export type ObservedLevel = 1 | 2 | 3 | 4;

export interface StageDefinition {
  code: string;
  /** Display name of a stage outside the default ladder (the default's are in the UI catalog). */
  name?: string | undefined;
  /** Display name of the coach's role at a stage outside the default ladder. */
  coachRoleName?: string | undefined;
  /** The coach's role at this stage (modelo, entrenador, amigo crítico, co-investigador). */
  coachRole: string;
  /** Suggested when the mean level of the recent observations is at least this … */
  minMean: number;
  /** … and at least this share of the observed desempeños is at level III or IV … */
  minShareSatisfactory: number;
  /** … and no desempeño is below this level. */
  minLevel: ObservedLevel;
}

export interface StageLadder {
  /** From the first stage to the last; the first has no thresholds. */
  stages: StageDefinition[];
  /** How many of the latest complete observations are looked at. */
  window: number;
  /** Fewer complete observations than this: no suggestion yet. */
  minObservations: number;
}

export const DEFAULT_STAGE_LADDER: StageLadder = {
  stages: [
    {
      code: 'principiante',
      coachRole: 'modelo',
      minMean: 0,
      minShareSatisfactory: 0,
      minLevel: 1,
    },
    {
      code: 'supervisada',
      coachRole: 'entrenador',
      minMean: 2,
      minShareSatisfactory: 0,
      minLevel: 1,
    },
    {
      code: 'enfocado',
      coachRole: 'amigo_critico',
      minMean: 2.75,
      minShareSatisfactory: 0.6,
      minLevel: 2,
    },
    {
      code: 'independiente',
      coachRole: 'co_investigador',
      minMean: 3.25,
      minShareSatisfactory: 1,
      minLevel: 3,
    },
  ],
  window: 3,
  minObservations: 2,
};

/** One complete rubric observation: the level given to each desempeño observed. */
export interface ObservationLevels {
  date: string;
  levels: Record<string, ObservedLevel>;
}

/** Why a stage is suggested, as facts the UI words (codes + values, no text in core). */
export type StageReason =
  | { code: 'insufficient_history'; observations: number; needed: number }
  | { code: 'mean_level'; value: number; observations: number }
  | { code: 'share_satisfactory'; value: number }
  | { code: 'lowest_desempeno'; desempeno: string; level: number }
  | { code: 'trend'; from: number; to: number }
  | {
      code: 'next_stage_needs';
      stage: string;
      minMean: number;
      minShareSatisfactory: number;
      minLevel: number;
    };

export interface StageSuggestion {
  /** Null while the history is too short to suggest anything. */
  stage: StageDefinition | null;
  reasons: StageReason[];
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The mean over the window of each desempeño's level (observations oldest → newest). */
function meanPerDesempeno(observations: ObservationLevels[]): Map<string, number> {
  const sums = new Map<string, { total: number; count: number }>();
  for (const observation of observations) {
    for (const [code, level] of Object.entries(observation.levels)) {
      const entry = sums.get(code) ?? { total: 0, count: 0 };
      entry.total += level;
      entry.count += 1;
      sums.set(code, entry);
    }
  }
  return new Map([...sums].map(([code, { total, count }]) => [code, total / count]));
}

function overallMean(observation: ObservationLevels): number {
  const levels = Object.values(observation.levels);
  return levels.length === 0 ? 0 : levels.reduce((a, b) => a + b, 0) / levels.length;
}

/**
 * Suggests the highest stage whose thresholds the recent observations meet. Levels are
 * averaged per desempeño over the window so one unusually good or bad lesson does not move a
 * teacher on its own; the lowest desempeño must also clear the stage's floor.
 */
export function suggestStage(
  history: ObservationLevels[],
  ladder: StageLadder = DEFAULT_STAGE_LADDER,
): StageSuggestion {
  const observed = history
    .filter((o) => Object.keys(o.levels).length > 0)
    .sort((a, b) => a.date.localeCompare(b.date));
  if (observed.length < ladder.minObservations) {
    return {
      stage: null,
      reasons: [
        {
          code: 'insufficient_history',
          observations: observed.length,
          needed: ladder.minObservations,
        },
      ],
    };
  }
  const recent = observed.slice(-ladder.window);
  const perDesempeno = meanPerDesempeno(recent);
  const means = [...perDesempeno.values()];
  const mean = means.reduce((a, b) => a + b, 0) / means.length;
  const share = means.filter((m) => m >= 3).length / means.length;
  const [lowestCode, lowest] = [...perDesempeno].sort(
    (a, b) => a[1] - b[1] || a[0].localeCompare(b[0]),
  )[0] as [string, number];

  const meets = (stage: StageDefinition) =>
    mean >= stage.minMean && share >= stage.minShareSatisfactory && lowest >= stage.minLevel;
  let index = 0;
  ladder.stages.forEach((stage, i) => {
    if (meets(stage)) index = i;
  });
  const stage = ladder.stages[index] as StageDefinition;

  const reasons: StageReason[] = [
    { code: 'mean_level', value: round2(mean), observations: recent.length },
    { code: 'share_satisfactory', value: round2(share) },
    { code: 'lowest_desempeno', desempeno: lowestCode, level: round2(lowest) },
  ];
  const first = overallMean(recent[0] as ObservationLevels);
  const last = overallMean(recent[recent.length - 1] as ObservationLevels);
  if (recent.length > 1 && round2(first) !== round2(last)) {
    reasons.push({ code: 'trend', from: round2(first), to: round2(last) });
  }
  const next = ladder.stages[index + 1];
  if (next) {
    reasons.push({
      code: 'next_stage_needs',
      stage: next.code,
      minMean: next.minMean,
      minShareSatisfactory: next.minShareSatisfactory,
      minLevel: next.minLevel,
    });
  }
  return { stage, reasons };
}
