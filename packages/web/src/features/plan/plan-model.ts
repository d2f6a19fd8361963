import {
  type CoachingPlanRecord,
  checkPlan,
  DEFAULT_COACHING_MONTHS,
  isCalendarDate,
  type MODELLING_KINDS,
  type PlanCalendar,
  type PlanCheck,
  type PlanIssue,
  type VisitTarget,
} from '@acompana/core';
import { formatDate } from '../../app/i18n/index.ts';
import { cleanLines, MONTHS, monthName, type Translate } from './model.ts';

// The individual coaching plan as the coach edits it, the record it becomes, and the Spanish
// wording of `checkPlan`. A plan may be saved with issues (it is a plan, the coach adjusts it
// later), but never with a month marked "no planificar" without its reason.

export type ModellingKind = (typeof MODELLING_KINDS)[number];
export const MAX_FOCUS = 6;

export interface ModellingRow {
  key: number;
  kind: ModellingKind;
  month: number;
}

export interface SkippedMonth {
  month: number;
  reason: string;
}

export interface PlanDraft {
  schoolId: string;
  focus: string[];
  strategies: string[];
  modelling: ModellingRow[];
  /** '' = no target stage. */
  targetStage: string;
  fromMonth: number;
  toMonth: number;
  visitDates: string[];
  skipped: SkippedMonth[];
}

let nextKey = 1;

export function modellingRow(kind: ModellingKind, month: number): ModellingRow {
  return { key: nextKey++, kind, month };
}

export function planDraftOf(record: CoachingPlanRecord | null, schoolId: string): PlanDraft {
  return {
    schoolId: record?.schoolId ?? schoolId,
    focus: [...(record?.focus ?? [])],
    strategies: [...(record?.strategies ?? [])],
    modelling: (record?.plannedModelling ?? []).map((m) => modellingRow(m.kind, m.month)),
    targetStage: record?.targetStage ?? '',
    fromMonth: record?.fromMonth ?? DEFAULT_COACHING_MONTHS.fromMonth,
    toMonth: record?.toMonth ?? DEFAULT_COACHING_MONTHS.toMonth,
    visitDates: [...(record?.visitDates ?? [])].sort(),
    skipped: (record?.skippedMonths ?? []).map((s) => ({ ...s })),
  };
}

/** "C1, c2; C3" → ["C1", "c2", "C3"]: the free-text focus when no rubric is on the device. */
export function parseFocusCodes(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((code) => code.trim())
        .filter(Boolean),
    ),
  ];
}

/** Adds or removes a desempeño; adding beyond the maximum does nothing. */
export function toggleFocus(focus: readonly string[], code: string, on: boolean): string[] {
  if (!on) return focus.filter((c) => c !== code);
  if (focus.includes(code) || focus.length >= MAX_FOCUS) return [...focus];
  return [...focus, code];
}

export type AddDateResult =
  | { ok: true; dates: string[] }
  | { ok: false; error: 'invalid' | 'duplicate' | 'wrong_year' };

export function addVisitDate(dates: readonly string[], date: string, year: number): AddDateResult {
  if (!isCalendarDate(date)) return { ok: false, error: 'invalid' };
  if (Number(date.slice(0, 4)) !== year) return { ok: false, error: 'wrong_year' };
  if (dates.includes(date)) return { ok: false, error: 'duplicate' };
  return { ok: true, dates: [...dates, date].sort() };
}

/** Marks a month as "no planificar" (keeping a reason typed before) or unmarks it. */
export function setSkipped(skipped: readonly SkippedMonth[], month: number, on: boolean) {
  const rest = skipped.filter((s) => s.month !== month);
  if (!on) return rest;
  const before = skipped.find((s) => s.month === month);
  return [...rest, { month, reason: before?.reason ?? '' }].sort((a, b) => a.month - b.month);
}

export function setSkipReason(skipped: readonly SkippedMonth[], month: number, reason: string) {
  return skipped.map((s) => (s.month === month ? { month, reason } : s));
}

/** Marks outside the period mean nothing; they are dropped from the check and the record. */
export function skippedInPeriod(draft: PlanDraft): SkippedMonth[] {
  return draft.skipped.filter((s) => s.month >= draft.fromMonth && s.month <= draft.toMonth);
}

export function calendarOf(draft: PlanDraft, schoolYear: number): PlanCalendar {
  return {
    schoolYear,
    fromMonth: draft.fromMonth,
    toMonth: draft.toMonth,
    visits: draft.visitDates,
    skippedMonths: skippedInPeriod(draft),
  };
}

export function checkDraft(draft: PlanDraft, schoolYear: number, target: VisitTarget): PlanCheck {
  return checkPlan(calendarOf(draft, schoolYear), target);
}

export type PlanBlocker =
  | { code: 'period_order' }
  | { code: 'no_school' }
  | { code: 'focus_count' }
  | { code: 'skipped_without_reason'; months: number[] };

/** What makes saving impossible (issues of `checkPlan` do not). */
export function planBlockers(draft: PlanDraft): PlanBlocker[] {
  const blockers: PlanBlocker[] = [];
  if (!draft.schoolId) blockers.push({ code: 'no_school' });
  if (draft.focus.length === 0 || draft.focus.length > MAX_FOCUS) {
    blockers.push({ code: 'focus_count' });
  }
  if (draft.fromMonth > draft.toMonth) blockers.push({ code: 'period_order' });
  const missing = skippedInPeriod(draft)
    .filter((s) => !s.reason.trim())
    .map((s) => s.month);
  if (missing.length) blockers.push({ code: 'skipped_without_reason', months: missing });
  return blockers;
}

export function blockerText(t: Translate, blocker: PlanBlocker): string {
  switch (blocker.code) {
    case 'period_order':
      return t('plan.blockers.period_order');
    case 'no_school':
      return t('plan.blockers.no_school');
    case 'focus_count':
      return t('plan.blockers.focus_count');
    case 'skipped_without_reason':
      return t('plan.blockers.skipped_without_reason', {
        months: blocker.months.map((m) => monthName(t, m)).join(', '),
      });
  }
}

export function planRecordOf(
  draft: PlanDraft,
  context: { teacherId: string; schoolYear: number; interventionCode: string },
): CoachingPlanRecord {
  return {
    teacherId: context.teacherId,
    schoolId: draft.schoolId,
    schoolYear: context.schoolYear,
    interventionCode: context.interventionCode,
    focus: [...draft.focus],
    strategies: cleanLines(draft.strategies),
    plannedModelling: draft.modelling.map(({ kind, month }) => ({ kind, month })),
    targetStage: draft.targetStage || null,
    fromMonth: draft.fromMonth,
    toMonth: draft.toMonth,
    visitDates: [...new Set(draft.visitDates)].sort(),
    skippedMonths: skippedInPeriod(draft).map((s) => ({ month: s.month, reason: s.reason.trim() })),
  };
}

export function issueText(
  t: Translate,
  issue: PlanIssue,
  period: { fromMonth: number; toMonth: number },
): string {
  switch (issue.code) {
    case 'below_year_target':
      return t('plan.issues.below_year_target', { count: issue.planned, target: issue.target });
    case 'month_below_minimum':
      return t('plan.issues.month_below_minimum', {
        count: issue.planned,
        month: monthName(t, issue.month),
        minimum: issue.minimum,
      });
    case 'visit_outside_period':
      return t('plan.issues.visit_outside_period', {
        date: formatDate(issue.date),
        from: monthName(t, period.fromMonth),
        to: monthName(t, period.toMonth),
      });
    case 'skipped_month_without_reason':
      return t('plan.issues.skipped_month_without_reason', { month: monthName(t, issue.month) });
    case 'skipped_month_has_visits':
      return t('plan.issues.skipped_month_has_visits', {
        count: issue.planned,
        month: monthName(t, issue.month),
      });
  }
}

export type MonthState = 'ok' | 'below' | 'skipped' | 'skipped_no_reason' | 'no_target';

export interface MonthRow {
  month: number;
  planned: number;
  minimum: number;
  state: MonthState;
  reason: string;
}

/** One row per month of the period, for the table of the check. */
export function monthRows(check: PlanCheck, draft: PlanDraft, target: VisitTarget): MonthRow[] {
  const skipped = new Map(skippedInPeriod(draft).map((s) => [s.month, s.reason.trim()]));
  const rows: MonthRow[] = [];
  for (let month = draft.fromMonth; month <= draft.toMonth; month += 1) {
    const planned = check.perMonth[month] ?? 0;
    const reason = skipped.get(month);
    const state: MonthState =
      reason !== undefined
        ? reason
          ? 'skipped'
          : 'skipped_no_reason'
        : target.perYear === 0
          ? 'no_target'
          : planned >= target.minPerMonth
            ? 'ok'
            : 'below';
    rows.push({ month, planned, minimum: target.minPerMonth, state, reason: reason ?? '' });
  }
  return rows;
}

export function monthStateText(t: Translate, row: MonthRow): string {
  switch (row.state) {
    case 'ok':
      return t('plan.check.states.ok');
    case 'below':
      return t('plan.check.states.below', { missing: row.minimum - row.planned });
    case 'skipped':
      return `${t('plan.check.states.skipped')}: ${row.reason}`;
    case 'skipped_no_reason':
      return t('plan.check.states.skippedNoReason');
    case 'no_target':
      return t('plan.check.states.noTarget');
  }
}

/** Dates grouped by the months of the period; the rest (other months or years) apart. */
export function datesByMonth(
  dates: readonly string[],
  schoolYear: number,
  fromMonth: number,
  toMonth: number,
): { months: { month: number; dates: string[] }[]; outside: string[] } {
  const months = MONTHS.filter((m) => m >= fromMonth && m <= toMonth).map((month) => ({
    month,
    dates: [] as string[],
  }));
  const outside: string[] = [];
  for (const date of [...dates].sort()) {
    const month = Number(date.slice(5, 7));
    const slot = Number(date.slice(0, 4)) === schoolYear && months.find((m) => m.month === month);
    if (slot) slot.dates.push(date);
    else outside.push(date);
  }
  return { months, outside };
}
