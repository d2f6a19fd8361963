import { type DiagnosisRecord, LEARNING_LEVELS } from '@acompana/core';
import { cleanLines, type Translate } from './model.ts';

// The diagnosis form as the coach edits it (text inputs) and the record it becomes. The
// baseline is checked here with Spanish messages before the schema sees it: the schema cannot
// say that more students sit in the levels than there are in the classroom.

export type LearningLevel = (typeof LEARNING_LEVELS)[number];

export const DIAGNOSIS_LISTS = [
  'practiceStrengths',
  'practiceWeaknesses',
  'managementStrengths',
  'managementWeaknesses',
] as const;
export type DiagnosisList = (typeof DIAGNOSIS_LISTS)[number];

/** Grades a baseline row may name (0 = inicial, as the record allows). */
export const BASELINE_GRADES = [0, 1, 2, 3, 4, 5, 6] as const;
export const MAX_STUDENTS = 200;

export interface BaselineRow {
  /** Stable React key (rows are added and removed). */
  key: number;
  area: string;
  grade: number;
  students: string;
  levels: Record<LearningLevel, string>;
}

export interface DiagnosisDraft {
  schoolId: string;
  /** '' = no diagnostic visit linked. */
  visitId: string;
  lists: Record<DiagnosisList, string[]>;
  baseline: BaselineRow[];
}

let nextKey = 1;

export function emptyBaselineRow(): BaselineRow {
  return {
    key: nextKey++,
    area: '',
    grade: 1,
    students: '',
    levels: { inicio: '', proceso: '', logro_esperado: '', logro_destacado: '' },
  };
}

export function diagnosisDraftOf(record: DiagnosisRecord | null, schoolId: string): DiagnosisDraft {
  return {
    schoolId: record?.schoolId ?? schoolId,
    visitId: record?.visitId ?? '',
    lists: {
      practiceStrengths: [...(record?.practiceStrengths ?? [])],
      practiceWeaknesses: [...(record?.practiceWeaknesses ?? [])],
      managementStrengths: [...(record?.managementStrengths ?? [])],
      managementWeaknesses: [...(record?.managementWeaknesses ?? [])],
    },
    baseline: (record?.learningBaseline ?? []).map((row) => ({
      key: nextKey++,
      area: row.area,
      grade: row.grade,
      students: String(row.students),
      levels: {
        inicio: String(row.levels.inicio),
        proceso: String(row.levels.proceso),
        logro_esperado: String(row.levels.logro_esperado),
        logro_destacado: String(row.levels.logro_destacado),
      },
    })),
  };
}

/** A whole number typed by the person; an empty level count means nobody at that level. */
export function parseCount(text: string, emptyIs: number | null = null): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return emptyIs;
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : null;
}

export type BaselineIssue =
  | { row: number; code: 'area_required' }
  | { row: number; code: 'students_invalid' }
  | { row: number; code: 'level_invalid'; level: LearningLevel }
  | { row: number; code: 'levels_exceed_students'; sum: number; students: number };

/** Problems of the baseline rows, in row order (`row` is 0-based). */
export function baselineIssues(rows: readonly BaselineRow[]): BaselineIssue[] {
  const issues: BaselineIssue[] = [];
  rows.forEach((row, index) => {
    if (!row.area.trim()) issues.push({ row: index, code: 'area_required' });
    const students = parseCount(row.students);
    if (students === null || students > MAX_STUDENTS) {
      issues.push({ row: index, code: 'students_invalid' });
    }
    let sum = 0;
    let countable = true;
    for (const level of LEARNING_LEVELS) {
      const count = parseCount(row.levels[level], 0);
      if (count === null) {
        issues.push({ row: index, code: 'level_invalid', level });
        countable = false;
      } else sum += count;
    }
    if (countable && students !== null && sum > students) {
      issues.push({ row: index, code: 'levels_exceed_students', sum, students });
    }
  });
  return issues;
}

/** Students placed in a level, or null while a count is not a number. */
export function placedStudents(row: BaselineRow): number | null {
  let sum = 0;
  for (const level of LEARNING_LEVELS) {
    const count = parseCount(row.levels[level], 0);
    if (count === null) return null;
    sum += count;
  }
  return sum;
}

export function baselineIssueText(t: Translate, issue: BaselineIssue): string {
  const n = issue.row + 1;
  switch (issue.code) {
    case 'area_required':
      return t('plan.baselineIssues.area_required', { n });
    case 'students_invalid':
      return t('plan.baselineIssues.students_invalid', { n });
    case 'level_invalid':
      return t('plan.baselineIssues.level_invalid', {
        n,
        level: t(`plan.learningLevels.${issue.level}`),
      });
    case 'levels_exceed_students':
      return t('plan.baselineIssues.levels_exceed_students', {
        n,
        sum: issue.sum,
        students: issue.students,
      });
  }
}

/** The record to save; call it only when `baselineIssues` is empty (counts parse). */
export function diagnosisRecordOf(
  draft: DiagnosisDraft,
  context: { teacherId: string; schoolYear: number },
): DiagnosisRecord {
  return {
    teacherId: context.teacherId,
    schoolId: draft.schoolId,
    schoolYear: context.schoolYear,
    visitId: draft.visitId || null,
    practiceStrengths: cleanLines(draft.lists.practiceStrengths),
    practiceWeaknesses: cleanLines(draft.lists.practiceWeaknesses),
    managementStrengths: cleanLines(draft.lists.managementStrengths),
    managementWeaknesses: cleanLines(draft.lists.managementWeaknesses),
    learningBaseline: draft.baseline.map((row) => ({
      area: row.area.trim(),
      grade: row.grade,
      students: parseCount(row.students) ?? 0,
      levels: {
        inicio: parseCount(row.levels.inicio, 0) ?? 0,
        proceso: parseCount(row.levels.proceso, 0) ?? 0,
        logro_esperado: parseCount(row.levels.logro_esperado, 0) ?? 0,
        logro_destacado: parseCount(row.levels.logro_destacado, 0) ?? 0,
      },
    })),
  };
}
