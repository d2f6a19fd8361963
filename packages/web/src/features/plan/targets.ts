import type { TargetLevel, TargetRuleView, VisitTarget } from '@acompana/core';

// Which visit target (meta física) a teacher's plan is checked against. Targets are rules per
// intervention, level and grade; the teacher's post gives the level and grades. Both are
// cached on the device (db.meta) when online, so the check also works in the field. Without
// them, the domain minimum applies: one visit a month over the coaching period.

/** What the device keeps of a year's targets: the visit rules and the collective activities'. */
export interface CachedTargets {
  year: number;
  rules: TargetRuleView[];
  fetchedAt: string;
}

/** The teacher's post of the year (ESCALE level code and grades), null when unknown. */
export interface CachedPost {
  level: string | null;
  grades: number[];
}

export const targetsKey = (interventionCode: string, year: number) =>
  `plan.targets.${interventionCode}.${year}`;
export const postKey = (teacherId: string, year: number) => `plan.post.${teacherId}.${year}`;

/** ESCALE NIV_MOD → the level targets are written for (A1–A3 inicial, B0 primaria, F0 secundaria). */
export function targetLevelOf(levelCode: string | null): TargetLevel | null {
  if (!levelCode) return null;
  if (levelCode.startsWith('A')) return 'inicial';
  if (levelCode.startsWith('B')) return 'primaria';
  if (levelCode.startsWith('F')) return 'secundaria';
  return null;
}

export type ResolvedTarget =
  | { kind: 'found'; target: VisitTarget }
  /** The cached targets have no visit rule for this teacher. */
  | { kind: 'none' }
  /** Several rules could apply and the teacher's post is unknown. */
  | { kind: 'ambiguous' };

/**
 * The visit rule(s) matching the teacher's level and grades. A multigrade teacher may match
 * several rules: the most demanding applies, since every matching grade is coached.
 */
export function resolveVisitTarget(
  rules: readonly TargetRuleView[],
  post: CachedPost | null,
): ResolvedTarget {
  const visits = rules.filter((rule) => rule.activityKind === 'visita');
  const level = targetLevelOf(post?.level ?? null);
  const grades = post?.grades ?? [];
  const matching = level
    ? visits.filter(
        (rule) =>
          rule.level === level &&
          (grades.length === 0 || grades.some((g) => g >= rule.gradeFrom && g <= rule.gradeTo)),
      )
    : visits;
  if (matching.length === 0) return { kind: 'none' };
  const distinct = new Set(matching.map((rule) => `${rule.perYear}/${rule.minPerMonth}`));
  if (!level && distinct.size > 1) return { kind: 'ambiguous' };
  return {
    kind: 'found',
    target: {
      perYear: Math.max(...matching.map((rule) => rule.perYear)),
      minPerMonth: Math.max(...matching.map((rule) => rule.minPerMonth)),
    },
  };
}

/** The domain minimum: one visit in every month of the period not deliberately skipped. */
export function fallbackTarget(plan: {
  fromMonth: number;
  toMonth: number;
  skippedMonths: { month: number; reason: string }[];
}): VisitTarget {
  let months = 0;
  for (let m = plan.fromMonth; m <= plan.toMonth; m += 1) {
    const skipped = plan.skippedMonths.some((s) => s.month === m && s.reason.trim());
    if (!skipped) months += 1;
  }
  return { perYear: months, minPerMonth: 1 };
}

export type TargetSource =
  | { kind: 'server'; target: VisitTarget; year: number; fetchedAt: string }
  | { kind: 'fallback'; target: VisitTarget; reason: 'unavailable' | 'no_rule' | 'unknown_post' };

/** The target to check against and where it comes from (shown on screen). */
export function targetSource(
  cached: CachedTargets | null,
  post: CachedPost | null,
  plan: Parameters<typeof fallbackTarget>[0],
): TargetSource {
  if (cached) {
    const resolved = resolveVisitTarget(cached.rules, post);
    if (resolved.kind === 'found') {
      return {
        kind: 'server',
        target: resolved.target,
        year: cached.year,
        fetchedAt: cached.fetchedAt,
      };
    }
    const reason = resolved.kind === 'none' ? 'no_rule' : 'unknown_post';
    return { kind: 'fallback', target: fallbackTarget(plan), reason };
  }
  return { kind: 'fallback', target: fallbackTarget(plan), reason: 'unavailable' };
}
