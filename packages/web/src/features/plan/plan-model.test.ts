import {
  type CoachingPlanRecord,
  coachingPlanRecord,
  DEFAULT_COACHING_MONTHS,
  DEFAULT_STAGE_LADDER,
  LEARNING_LEVELS,
  MODELLING_KINDS,
} from '@acompana/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { i18n, loadTexts } from '../../app/i18n/index.ts';
import { MONTHS, type Translate } from './model.ts';
import {
  addVisitDate,
  blockerText,
  checkDraft,
  datesByMonth,
  issueText,
  modellingRow,
  monthRows,
  monthStateText,
  type PlanDraft,
  parseFocusCodes,
  planBlockers,
  planDraftOf,
  planRecordOf,
  setSkipped,
  setSkipReason,
  toggleFocus,
} from './plan-model.ts';

const t = i18n.t.bind(i18n) as Translate;
const TEACHER = '0190a000-0000-7000-8000-000000000001';
const SCHOOL = '0190a000-0000-7000-8000-000000000002';
const context = { teacherId: TEACHER, schoolYear: 2026, interventionCode: 'MULTIGRADO' };

function draft(patch: Partial<PlanDraft> = {}): PlanDraft {
  return { ...planDraftOf(null, SCHOOL), focus: ['involucra'], ...patch };
}

// Feature texts load with their screens; tests load them as the screens do.
beforeAll(() => loadTexts('plan', 'visits', 'progress'));

describe('plan draft ↔ record', () => {
  it('starts a new plan with the default period and the teacher school', () => {
    const fresh = planDraftOf(null, SCHOOL);
    expect(fresh).toMatchObject({
      schoolId: SCHOOL,
      fromMonth: DEFAULT_COACHING_MONTHS.fromMonth,
      toMonth: DEFAULT_COACHING_MONTHS.toMonth,
      focus: [],
      visitDates: [],
      skipped: [],
      targetStage: '',
    });
  });

  it('builds a record the sync schema accepts, cleaning lines and dropping stray marks', () => {
    const record = planRecordOf(
      draft({
        strategies: ['  Modelar preguntas abiertas ', '', '   '],
        modelling: [modellingRow('co_planning', 5)],
        targetStage: '',
        visitDates: ['2026-06-10', '2026-05-04', '2026-05-04'],
        skipped: [
          { month: 7, reason: ' Vacaciones escolares ' },
          { month: 2, reason: 'fuera del periodo' },
        ],
      }),
      context,
    );
    expect(record).toEqual({
      ...context,
      schoolId: SCHOOL,
      focus: ['involucra'],
      strategies: ['Modelar preguntas abiertas'],
      plannedModelling: [{ kind: 'co_planning', month: 5 }],
      targetStage: null,
      fromMonth: 4,
      toMonth: 12,
      visitDates: ['2026-05-04', '2026-06-10'],
      skippedMonths: [{ month: 7, reason: 'Vacaciones escolares' }],
    });
    expect(coachingPlanRecord.safeParse(record).success).toBe(true);
  });

  it('reads a saved record back into the same form state', () => {
    const saved: CoachingPlanRecord = {
      ...context,
      schoolId: SCHOOL,
      focus: ['evalua', 'involucra'],
      strategies: ['Sesión demostrativa de retroalimentación'],
      plannedModelling: [{ kind: 'demonstration_lesson', month: 4 }],
      targetStage: 'supervisada',
      fromMonth: 3,
      toMonth: 11,
      visitDates: ['2026-04-20', '2026-03-16'],
      skippedMonths: [{ month: 7, reason: 'Huelga' }],
    };
    const again = planRecordOf(planDraftOf(saved, 'otra-ie'), context);
    expect(again).toEqual({ ...saved, visitDates: ['2026-03-16', '2026-04-20'] });
  });
});

describe('editing helpers', () => {
  it('parses typed focus codes, without duplicates or empty pieces', () => {
    expect(parseFocusCodes(' involucra, evalua;razonamiento  involucra,, ')).toEqual([
      'involucra',
      'evalua',
      'razonamiento',
    ]);
  });

  it('never lets the focus go beyond six desempeños', () => {
    const six = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(toggleFocus(six, 'g', true)).toEqual(six);
    expect(toggleFocus(six, 'c', false)).toEqual(['a', 'b', 'd', 'e', 'f']);
    expect(toggleFocus(['a'], 'a', true)).toEqual(['a']);
  });

  it('adds visit dates in order and refuses duplicates, other years and non-dates', () => {
    expect(addVisitDate(['2026-06-01'], '2026-05-12', 2026)).toEqual({
      ok: true,
      dates: ['2026-05-12', '2026-06-01'],
    });
    expect(addVisitDate(['2026-06-01'], '2026-06-01', 2026)).toEqual({
      ok: false,
      error: 'duplicate',
    });
    expect(addVisitDate([], '2027-03-01', 2026)).toEqual({ ok: false, error: 'wrong_year' });
    expect(addVisitDate([], '2026-02-30', 2026)).toEqual({ ok: false, error: 'invalid' });
    expect(addVisitDate([], '', 2026)).toEqual({ ok: false, error: 'invalid' });
  });

  it('keeps the reason typed for a month when it is unmarked and marked again', () => {
    const marked = setSkipReason(setSkipped([], 7, true), 7, 'Vacaciones');
    expect(marked).toEqual([{ month: 7, reason: 'Vacaciones' }]);
    expect(setSkipped(marked, 7, false)).toEqual([]);
    expect(setSkipped(marked, 3, true)).toEqual([
      { month: 3, reason: '' },
      { month: 7, reason: 'Vacaciones' },
    ]);
  });

  it('groups dates by the months of the period and sets apart the rest', () => {
    const grouped = datesByMonth(
      ['2026-05-20', '2026-02-02', '2025-05-01', '2026-05-03'],
      2026,
      4,
      6,
    );
    expect(grouped.months).toEqual([
      { month: 4, dates: [] },
      { month: 5, dates: ['2026-05-03', '2026-05-20'] },
      { month: 6, dates: [] },
    ]);
    expect(grouped.outside).toEqual(['2025-05-01', '2026-02-02']);
  });
});

describe('what blocks saving', () => {
  it('a month marked "no planificar" without a reason, named in Spanish', () => {
    const blockers = planBlockers(
      draft({
        skipped: [
          { month: 7, reason: '  ' },
          { month: 8, reason: '' },
          { month: 9, reason: 'Huelga' },
        ],
      }),
    );
    expect(blockers).toEqual([{ code: 'skipped_without_reason', months: [7, 8] }]);
    expect(blockerText(t, blockers[0] as (typeof blockers)[number])).toBe(
      'Escribe el motivo para no planificar: julio, agosto.',
    );
  });

  it('ignores marks outside the period, and accepts a plan with issues', () => {
    // Only one visit planned: far below the target, but a plan can be saved and adjusted.
    const plan = draft({ skipped: [{ month: 2, reason: '' }], visitDates: ['2026-05-04'] });
    expect(planBlockers(plan)).toEqual([]);
  });

  it('an inverted period, no focus and no school', () => {
    const codes = planBlockers(draft({ fromMonth: 10, toMonth: 4, focus: [], schoolId: '' })).map(
      (b) => b.code,
    );
    expect(codes).toEqual(['no_school', 'focus_count', 'period_order']);
  });
});

describe('the check in Spanish', () => {
  const target = { perYear: 9, minPerMonth: 1 };

  it('words every issue of checkPlan', () => {
    const plan = draft({
      fromMonth: 4,
      toMonth: 6,
      visitDates: ['2026-04-10', '2026-07-01', '2026-05-05', '2026-05-20'],
      skipped: [
        { month: 5, reason: 'Huelga' },
        { month: 6, reason: '' },
      ],
    });
    const check = checkDraft(plan, 2026, target);
    const texts = check.issues.map((issue) => issueText(t, issue, plan));
    expect(texts).toEqual([
      'La visita del 1 de julio de 2026 está fuera del periodo de acompañamiento (abril a junio).',
      'El mes de mayo está marcado como «no planificar» pero tiene 2 visitas planificadas.',
      'El mes de junio está marcado como «no planificar» y no tiene motivo.',
      'En junio hay 0 visitas planificadas y el mínimo es 1 por mes. Agrega una visita o marca el mes como «no planificar» con su motivo.',
      'Hay 3 visitas planificadas y la meta del año es 9.',
    ]);
  });

  it('uses the singular for one visit', () => {
    expect(issueText(t, { code: 'below_year_target', planned: 1, target: 8 }, draft())).toBe(
      'Hay 1 visita planificada y la meta del año es 8.',
    );
  });

  it('gives each month of the period a state in words, not only a colour', () => {
    const plan = draft({
      fromMonth: 4,
      toMonth: 7,
      visitDates: ['2026-04-10'],
      skipped: [
        { month: 6, reason: 'Vacaciones' },
        { month: 7, reason: '' },
      ],
    });
    const rows = monthRows(checkDraft(plan, 2026, target), plan, { perYear: 9, minPerMonth: 2 });
    expect(rows.map((row) => [row.month, row.planned, row.state])).toEqual([
      [4, 1, 'below'],
      [5, 0, 'below'],
      [6, 0, 'skipped'],
      [7, 0, 'skipped_no_reason'],
    ]);
    expect(rows.map((row) => monthStateText(t, row))).toEqual([
      'Falta 1',
      'Falta 2',
      'No planificar: Vacaciones',
      'No planificar (sin motivo)',
    ]);
  });

  it('says "sin meta" when the intervention expects no visits for this teacher', () => {
    const plan = draft({ fromMonth: 4, toMonth: 4 });
    const check = checkDraft(plan, 2026, { perYear: 0, minPerMonth: 0 });
    expect(check.issues).toEqual([]);
    expect(monthRows(check, plan, { perYear: 0, minPerMonth: 0 })[0]?.state).toBe('no_target');
  });
});

describe('catalog texts behind computed keys', () => {
  it('names every month, stage, modelling kind and learning level in Spanish', () => {
    const keys = [
      ...MONTHS.map((m) => `plan.months.${m}`),
      ...DEFAULT_STAGE_LADDER.stages.map((stage) => `progress.stages.${stage.code}`),
      ...MODELLING_KINDS.map((kind) => `cycle.modellingKinds.${kind}`),
      ...LEARNING_LEVELS.map((level) => `plan.learningLevels.${level}`),
    ];
    const missing = keys.filter((key) => !i18n.exists(key));
    expect(missing).toEqual([]);
    expect(t('plan.months.9' as never)).toBe('setiembre');
    expect(t('progress.stages.enfocado' as never)).toBe('Enfocado en el aprendizaje');
  });
});
