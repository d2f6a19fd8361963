import type { ActivityKind } from '../api/common.ts';

// The compliance rules of the monitoring reports (docs/REPORTS.md, "Rules"), pure. The server's
// read models (server/src/modules/reports/teacher-rows.ts) compute the same in SQL, set-based; the
// reports' tests check both against hand-computed figures.

export type CatalogueLevel = 'inicial' | 'primaria' | 'secundaria';

/** The school months (March–December) a full-year target is spread over. */
export const SCHOOL_MONTHS = 10;
export const FIRST_SCHOOL_MONTH = 3;

/** The catalogue level of a school or post level code (ESCALE: A1–A3 inicial, B0 primaria,
 *  F0 secundaria). */
export function levelOfCode(code: string | null): CatalogueLevel | null {
  if (code === null) return null;
  if (code === 'B0') return 'primaria';
  if (code === 'F0') return 'secundaria';
  return 'inicial';
}

export interface CatalogueTarget {
  interventionCode: string;
  schoolYear: number;
  level: CatalogueLevel;
  gradeFrom: number;
  gradeTo: number;
  activityKind: ActivityKind;
  perYear: number;
  minPerMonth: number;
}

export interface TeacherPlace {
  interventionCode: string;
  schoolYear: number;
  level: CatalogueLevel | null;
  /** The grades the teacher teaches; none recorded: every grade. */
  grades: readonly number[];
}

export interface Target {
  perYear: number;
  minPerMonth: number;
}

/**
 * The catalogue's target of `kind` for a teacher: the rules of their intervention, year and
 * level whose grade range overlaps their grades; of several, the most demanding. No rule: 0.
 */
export function targetFor(
  rules: readonly CatalogueTarget[],
  place: TeacherPlace,
  kind: ActivityKind,
): Target {
  let perYear = 0;
  let minPerMonth = 0;
  for (const r of rules) {
    if (r.activityKind !== kind || r.interventionCode !== place.interventionCode) continue;
    if (r.schoolYear !== place.schoolYear || r.level !== place.level) continue;
    const overlaps =
      place.grades.length === 0 || place.grades.some((g) => g >= r.gradeFrom && g <= r.gradeTo);
    if (!overlaps) continue;
    perYear = Math.max(perYear, r.perYear);
    minPerMonth = Math.max(minPerMonth, r.minPerMonth);
  }
  return { perYear, minPerMonth };
}

/** The school months (March–December) among the months a teacher had a coach. */
export function schoolMonthsServed(monthsWithCoach: Iterable<number>): number {
  let n = 0;
  for (const m of new Set(monthsWithCoach)) if (m >= FIRST_SCHOOL_MONTH && m <= 12) n++;
  return Math.min(n, SCHOOL_MONTHS);
}

/** A yearly target pro-rated for a teacher who had a coach only part of the school year. */
export function proratedTarget(perYear: number, monthsServed: number): number {
  return Math.ceil((perYear * Math.min(monthsServed, SCHOOL_MONTHS)) / SCHOOL_MONTHS);
}

/** The monthly rule's target for one month: none in a «no planificar» month. */
export function monthlyTarget(minPerMonth: number, skipped: boolean): number {
  return skipped ? 0 : minPerMonth;
}

/** Whether a month meets the monthly rule (a skipped month always does). */
export function monthlyRuleMet(visitsDone: number, minPerMonth: number, skipped: boolean): boolean {
  return visitsDone >= monthlyTarget(minPerMonth, skipped);
}

export interface TeacherMonthInput {
  month: number;
  visitsDone: number;
  skipped: boolean;
}

export interface TeacherYearCompliance {
  visitTarget: number;
  visitsDone: number;
  /** Months with a coach, not skipped, where the monthly rule asked for a visit. */
  monthsDue: number;
  /** Of those, the months with the rule met. */
  monthsMet: number;
}

/** One teacher's visits for a year up to `upTo` (months they had a coach), against the
 *  catalogue: the yearly target pro-rated, and the monthly rule month by month. */
export function teacherYearCompliance(
  rules: readonly CatalogueTarget[],
  place: TeacherPlace,
  months: readonly TeacherMonthInput[],
  upTo = 12,
): TeacherYearCompliance {
  const target = targetFor(rules, place, 'visita');
  const served = schoolMonthsServed(months.map((m) => m.month));
  let visitsDone = 0;
  let monthsDue = 0;
  let monthsMet = 0;
  for (const m of months) {
    if (m.month > upTo) continue;
    visitsDone += m.visitsDone;
    if (monthlyTarget(target.minPerMonth, m.skipped) > 0) {
      monthsDue++;
      if (monthlyRuleMet(m.visitsDone, target.minPerMonth, m.skipped)) monthsMet++;
    }
  }
  return { visitTarget: proratedTarget(target.perYear, served), visitsDone, monthsDue, monthsMet };
}
