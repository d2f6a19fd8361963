// Checks a teacher's calendar of visits against the intervention's target for the year
// (metas físicas: visits per year and a minimum per month). A month may be left out on purpose
// ("no planificar": holidays, a strike, the school closed), but only with a reason, so the plan
// says why a month has no visit instead of silently missing the minimum.

export interface VisitTarget {
  /** Visits per year for this teacher's intervention, level and grade (0 = none expected). */
  perYear: number;
  /** Minimum visits in every month of the coaching period. */
  minPerMonth: number;
}

export interface PlanCalendar {
  schoolYear: number;
  /** Months of the coaching period, 1–12 (by default April to December). */
  fromMonth: number;
  toMonth: number;
  /** Planned visit dates, YYYY-MM-DD. */
  visits: string[];
  /** Months deliberately left without visits, each with its reason. */
  skippedMonths: { month: number; reason: string }[];
}

export const DEFAULT_COACHING_MONTHS = { fromMonth: 4, toMonth: 12 } as const;

export type PlanIssue =
  | { code: 'below_year_target'; planned: number; target: number }
  | { code: 'month_below_minimum'; month: number; planned: number; minimum: number }
  | { code: 'visit_outside_period'; date: string }
  | { code: 'skipped_month_without_reason'; month: number }
  | { code: 'skipped_month_has_visits'; month: number; planned: number };

export interface PlanCheck {
  ok: boolean;
  planned: number;
  target: number;
  /** Visits per month of the period (month → count). */
  perMonth: Record<number, number>;
  issues: PlanIssue[];
}

function monthOf(date: string, schoolYear: number): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match || Number(match[1]) !== schoolYear) return null;
  return Number(match[2]);
}

export function checkPlan(plan: PlanCalendar, target: VisitTarget): PlanCheck {
  const issues: PlanIssue[] = [];
  const perMonth: Record<number, number> = {};
  for (let m = plan.fromMonth; m <= plan.toMonth; m += 1) perMonth[m] = 0;

  let planned = 0;
  for (const date of [...plan.visits].sort()) {
    const month = monthOf(date, plan.schoolYear);
    if (month === null || month < plan.fromMonth || month > plan.toMonth) {
      issues.push({ code: 'visit_outside_period', date });
      continue;
    }
    perMonth[month] = (perMonth[month] ?? 0) + 1;
    planned += 1;
  }

  const skipped = new Map(plan.skippedMonths.map((s) => [s.month, s.reason.trim()]));
  for (const [month, reason] of skipped) {
    if (!reason) issues.push({ code: 'skipped_month_without_reason', month });
    const count = perMonth[month] ?? 0;
    if (count > 0) issues.push({ code: 'skipped_month_has_visits', month, planned: count });
  }

  if (target.perYear > 0) {
    for (let m = plan.fromMonth; m <= plan.toMonth; m += 1) {
      const count = perMonth[m] ?? 0;
      if (count < target.minPerMonth && !skipped.get(m)) {
        issues.push({
          code: 'month_below_minimum',
          month: m,
          planned: count,
          minimum: target.minPerMonth,
        });
      }
    }
    if (planned < target.perYear) {
      issues.push({ code: 'below_year_target', planned, target: target.perYear });
    }
  }
  return { ok: issues.length === 0, planned, target: target.perYear, perMonth, issues };
}
