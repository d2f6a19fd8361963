import { type DiagnosisRecord, diagnosisRecord } from '@acompana/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { i18n, loadTexts } from '../../app/i18n/index.ts';
import {
  type BaselineRow,
  baselineIssues,
  baselineIssueText,
  diagnosisDraftOf,
  diagnosisRecordOf,
  emptyBaselineRow,
  parseCount,
  placedStudents,
} from './diagnosis-model.ts';
import type { Translate } from './model.ts';

const t = i18n.t.bind(i18n) as Translate;
const TEACHER = '0190a000-0000-7000-8000-000000000001';
const SCHOOL = '0190a000-0000-7000-8000-000000000002';
const VISIT = '0190a000-0000-7000-8000-000000000003';

type RowPatch = Partial<Omit<BaselineRow, 'levels'>> & { levels?: Partial<BaselineRow['levels']> };

function row(patch: RowPatch = {}): BaselineRow {
  const base = emptyBaselineRow();
  return {
    ...base,
    area: 'Matemática',
    grade: 3,
    students: '20',
    ...patch,
    levels: { ...base.levels, inicio: '5', proceso: '8', ...patch.levels },
  };
}

// Feature texts load with their screens; tests load them as the screens do.
beforeAll(() => loadTexts('plan', 'visits'));

describe('baseline counts', () => {
  it('reads whole numbers; an empty level count is 0, an empty student count is missing', () => {
    expect(parseCount(' 12 ')).toBe(12);
    expect(parseCount('')).toBeNull();
    expect(parseCount('', 0)).toBe(0);
    expect(parseCount('3.5')).toBeNull();
    expect(parseCount('-1')).toBeNull();
    expect(placedStudents(row())).toBe(13);
    expect(placedStudents(row({ levels: { proceso: 'x' } }))).toBeNull();
  });

  it('accepts levels that add up to the students or fewer', () => {
    expect(baselineIssues([row()])).toEqual([]);
    expect(
      baselineIssues([row({ levels: { logro_esperado: '5', logro_destacado: '2' } })]),
    ).toEqual([]);
  });

  it('refuses more students in the levels than in the classroom, in Spanish', () => {
    const issues = baselineIssues([row(), row({ students: '10' })]);
    expect(issues).toEqual([{ row: 1, code: 'levels_exceed_students', sum: 13, students: 10 }]);
    expect(baselineIssueText(t, issues[0] as (typeof issues)[number])).toBe(
      'Área 2: hay 13 estudiantes ubicados en los niveles, pero solo 10 estudiantes en el aula.',
    );
  });

  it('names a missing area, a bad student count and a bad level count', () => {
    const issues = baselineIssues([
      row({ area: '  ', students: '250', levels: { logro_destacado: 'muchos' } }),
    ]);
    expect(issues).toEqual([
      { row: 0, code: 'area_required' },
      { row: 0, code: 'students_invalid' },
      { row: 0, code: 'level_invalid', level: 'logro_destacado' },
    ]);
    expect(issues.map((issue) => baselineIssueText(t, issue))).toEqual([
      'Área 1: escribe el nombre del área.',
      'Área 1: el número de estudiantes debe ser un entero de 0 a 200.',
      'Área 1: «Logro destacado» debe ser un número entero de 0 o más.',
    ]);
  });
});

describe('diagnosis draft ↔ record', () => {
  it('builds a record the sync schema accepts', () => {
    const draft = diagnosisDraftOf(null, SCHOOL);
    draft.visitId = VISIT;
    draft.lists.practiceStrengths = ['  Usa material concreto ', ''];
    draft.lists.managementWeaknesses = ['No hay jornada de reflexión'];
    draft.baseline = [row({ levels: { logro_esperado: '', logro_destacado: '' } })];
    const record = diagnosisRecordOf(draft, { teacherId: TEACHER, schoolYear: 2026 });
    expect(record).toEqual({
      teacherId: TEACHER,
      schoolId: SCHOOL,
      schoolYear: 2026,
      visitId: VISIT,
      practiceStrengths: ['Usa material concreto'],
      practiceWeaknesses: [],
      managementStrengths: [],
      managementWeaknesses: ['No hay jornada de reflexión'],
      learningBaseline: [
        {
          area: 'Matemática',
          grade: 3,
          students: 20,
          levels: { inicio: 5, proceso: 8, logro_esperado: 0, logro_destacado: 0 },
        },
      ],
    });
    expect(diagnosisRecord.safeParse(record).success).toBe(true);
  });

  it('reads a saved record back, and no visit means null', () => {
    const saved: DiagnosisRecord = {
      teacherId: TEACHER,
      schoolId: SCHOOL,
      schoolYear: 2026,
      visitId: null,
      practiceStrengths: ['Clima de respeto'],
      practiceWeaknesses: ['Poca retroalimentación'],
      managementStrengths: [],
      managementWeaknesses: [],
      learningBaseline: [
        {
          area: 'Comunicación',
          grade: 2,
          students: 18,
          levels: { inicio: 4, proceso: 9, logro_esperado: 5, logro_destacado: 0 },
        },
      ],
    };
    const draft = diagnosisDraftOf(saved, 'otra-ie');
    expect(draft.visitId).toBe('');
    expect(draft.baseline[0]?.students).toBe('18');
    expect(diagnosisRecordOf(draft, { teacherId: TEACHER, schoolYear: 2026 })).toEqual(saved);
  });
});
