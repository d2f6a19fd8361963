import { describe, expect, it } from 'vitest';
import {
  checkFollowUp,
  commitmentsToFollowUp,
  isOverdue,
  summarizeCommitments,
} from './commitments.ts';
import { checkPlan, DEFAULT_COACHING_MONTHS } from './plan.ts';
import { DEFAULT_STAGE_LADDER, type ObservationLevels, suggestStage } from './stages.ts';

const obs = (date: string, levels: number[]): ObservationLevels => ({
  date,
  levels: Object.fromEntries(levels.map((l, i) => [`D${i + 1}`, l as 1 | 2 | 3 | 4])),
});

describe('suggestStage', () => {
  it('makes no suggestion before the ladder has enough observations', () => {
    const result = suggestStage([obs('2026-04-10', [2, 2, 2, 2, 2])]);
    expect(result.stage).toBeNull();
    expect(result.reasons).toEqual([{ code: 'insufficient_history', observations: 1, needed: 2 }]);
  });

  it('ignores observations without levels when counting history', () => {
    const result = suggestStage([
      obs('2026-04-10', [3, 3, 3, 3, 3]),
      { date: '2026-05-10', levels: {} },
    ]);
    expect(result.stage).toBeNull();
  });

  it('places a teacher mostly at level I as principiante, with the coach as model', () => {
    const result = suggestStage([
      obs('2026-04-10', [1, 1, 2, 1, 1]),
      obs('2026-05-12', [1, 2, 1, 1, 2]),
    ]);
    expect(result.stage?.code).toBe('principiante');
    expect(result.stage?.coachRole).toBe('modelo');
    expect(result.reasons).toContainEqual({ code: 'mean_level', value: 1.3, observations: 2 });
    expect(result.reasons).toContainEqual({
      code: 'next_stage_needs',
      stage: 'supervisada',
      minMean: 2,
      minShareSatisfactory: 0,
      minLevel: 1,
    });
  });

  it('suggests enseñanza supervisada around level II', () => {
    const result = suggestStage([
      obs('2026-04-10', [2, 2, 2, 3, 1]),
      obs('2026-05-12', [2, 2, 3, 3, 2]),
    ]);
    expect(result.stage?.code).toBe('supervisada');
    expect(result.stage?.coachRole).toBe('entrenador');
  });

  it('requires most desempeños at III and none below II for enfocado en el aprendizaje', () => {
    const good = [obs('2026-04-10', [3, 3, 3, 2, 3]), obs('2026-05-12', [3, 3, 4, 3, 3])];
    expect(suggestStage(good).stage?.code).toBe('enfocado');
    // The same mean but one desempeño stuck at level I keeps the teacher a stage lower.
    const stuck = [obs('2026-04-10', [4, 4, 3, 1, 3]), obs('2026-05-12', [4, 4, 3, 1, 3])];
    const result = suggestStage(stuck);
    expect(result.stage?.code).toBe('supervisada');
    expect(result.reasons).toContainEqual({ code: 'lowest_desempeno', desempeno: 'D4', level: 1 });
  });

  it('suggests enseñanza independiente only when every desempeño holds at III or IV', () => {
    const result = suggestStage([
      obs('2026-06-10', [3, 4, 3, 4, 3]),
      obs('2026-07-10', [4, 4, 3, 4, 3]),
      obs('2026-08-10', [4, 4, 4, 3, 3]),
    ]);
    expect(result.stage?.code).toBe('independiente');
    expect(result.stage?.coachRole).toBe('co_investigador');
    expect(result.reasons.some((r) => r.code === 'next_stage_needs')).toBe(false);
  });

  it('looks only at the latest window, so early struggles do not hold a teacher back', () => {
    const history = [
      obs('2026-04-10', [1, 1, 1, 1, 1]),
      obs('2026-06-10', [3, 4, 3, 4, 3]),
      obs('2026-07-10', [4, 4, 3, 4, 3]),
      obs('2026-08-10', [4, 4, 4, 3, 3]),
    ];
    const result = suggestStage([...history].reverse());
    expect(result.stage?.code).toBe('independiente');
    expect(result.reasons).toContainEqual({ code: 'mean_level', value: 3.53, observations: 3 });
    expect(result.reasons).toContainEqual({ code: 'trend', from: 3.4, to: 3.6 });
  });

  it('averages a desempeño over the window so one good lesson is not enough', () => {
    const result = suggestStage([
      obs('2026-04-10', [2, 2, 2, 2, 2]),
      obs('2026-05-12', [4, 4, 4, 4, 4]),
    ]);
    expect(result.stage?.code).toBe('enfocado');
    expect(result.reasons).toContainEqual({ code: 'trend', from: 2, to: 4 });
  });

  it('uses a custom ladder given as data', () => {
    const ladder = { ...DEFAULT_STAGE_LADDER, minObservations: 1 };
    expect(suggestStage([obs('2026-04-10', [3, 3, 3, 3, 3])], ladder).stage?.code).toBe('enfocado');
  });
});

describe('checkPlan', () => {
  const base = { schoolYear: 2026, ...DEFAULT_COACHING_MONTHS, skippedMonths: [] };
  const monthly = (months: number[]) => months.map((m) => `2026-${String(m).padStart(2, '0')}-15`);

  it('accepts one visit in each month April–December for a 9-visit target', () => {
    const result = checkPlan(
      { ...base, visits: monthly([4, 5, 6, 7, 8, 9, 10, 11, 12]) },
      { perYear: 9, minPerMonth: 1 },
    );
    expect(result).toMatchObject({ ok: true, planned: 9, target: 9, issues: [] });
  });

  it('names the months below the monthly minimum and the shortfall of the year', () => {
    const result = checkPlan(
      { ...base, visits: monthly([4, 4, 5, 6, 8, 9, 10]) },
      { perYear: 9, minPerMonth: 1 },
    );
    expect(result.ok).toBe(false);
    expect(result.perMonth).toMatchObject({ 4: 2, 7: 0, 11: 0, 12: 0 });
    expect(result.issues).toEqual([
      { code: 'month_below_minimum', month: 7, planned: 0, minimum: 1 },
      { code: 'month_below_minimum', month: 11, planned: 0, minimum: 1 },
      { code: 'month_below_minimum', month: 12, planned: 0, minimum: 1 },
      { code: 'below_year_target', planned: 7, target: 9 },
    ]);
  });

  it('accepts a month left out with a reason, and refuses one without', () => {
    const visits = monthly([4, 5, 6, 8, 9, 10, 11, 12, 12]);
    const withReason = checkPlan(
      { ...base, visits, skippedMonths: [{ month: 7, reason: 'Vacaciones de medio año' }] },
      { perYear: 9, minPerMonth: 1 },
    );
    expect(withReason.ok).toBe(true);
    const without = checkPlan(
      { ...base, visits, skippedMonths: [{ month: 7, reason: '  ' }] },
      { perYear: 9, minPerMonth: 1 },
    );
    expect(without.issues).toEqual([
      { code: 'skipped_month_without_reason', month: 7 },
      { code: 'month_below_minimum', month: 7, planned: 0, minimum: 1 },
    ]);
  });

  it('flags visits outside the period or the school year, and a skipped month that has visits', () => {
    const result = checkPlan(
      {
        ...base,
        visits: ['2026-02-20', '2025-05-10', ...monthly([4, 5, 6, 7, 8, 9, 10, 11, 12])],
        skippedMonths: [{ month: 5, reason: 'Huelga' }],
      },
      { perYear: 9, minPerMonth: 1 },
    );
    expect(result.planned).toBe(9);
    expect(result.issues).toEqual([
      { code: 'visit_outside_period', date: '2025-05-10' },
      { code: 'visit_outside_period', date: '2026-02-20' },
      { code: 'skipped_month_has_visits', month: 5, planned: 1 },
    ]);
  });

  it('expects nothing where the target is zero (SP urbano, 5.º–6.º grado)', () => {
    const result = checkPlan({ ...base, visits: [] }, { perYear: 0, minPerMonth: 0 });
    expect(result).toMatchObject({ ok: true, planned: 0, issues: [] });
  });
});

describe('commitment follow-up', () => {
  const c = (
    id: string,
    agreedOn: string,
    status: 'pending' | 'cumplido' | 'en_proceso' | 'no_cumplido',
    dueDate: string | null = null,
  ) => ({
    id,
    agreedOn,
    status,
    dueDate,
    followUpNote: null,
  });

  it('opens a visit with the commitments still open from earlier visits, oldest first', () => {
    const list = [
      c('b', '2026-05-10', 'en_proceso'),
      c('a', '2026-04-10', 'pending'),
      c('d', '2026-04-10', 'cumplido'),
      c('e', '2026-04-10', 'no_cumplido'),
      c('f', '2026-06-10', 'pending'),
    ];
    expect(commitmentsToFollowUp(list, '2026-06-10').map((x) => x.id)).toEqual(['a', 'b']);
  });

  it('counts an open commitment past its due date as overdue, never a closed one', () => {
    expect(isOverdue(c('a', '2026-04-10', 'pending', '2026-05-01'), '2026-05-02')).toBe(true);
    expect(isOverdue(c('a', '2026-04-10', 'pending', '2026-05-01'), '2026-05-01')).toBe(false);
    expect(isOverdue(c('a', '2026-04-10', 'no_cumplido', '2026-05-01'), '2026-06-01')).toBe(false);
    expect(isOverdue(c('a', '2026-04-10', 'en_proceso', null), '2026-06-01')).toBe(false);
  });

  it('requires a note unless the commitment was met', () => {
    expect(checkFollowUp('cumplido', null)).toBeNull();
    expect(checkFollowUp('en_proceso', ' ')).toEqual({
      code: 'note_required',
      status: 'en_proceso',
    });
    expect(checkFollowUp('no_cumplido', null)).toEqual({
      code: 'note_required',
      status: 'no_cumplido',
    });
    expect(checkFollowUp('no_cumplido', 'Faltaron materiales')).toBeNull();
  });

  it('summarizes by status with the overdue ones', () => {
    const list = [
      c('a', '2026-04-10', 'pending', '2026-04-30'),
      c('b', '2026-04-10', 'cumplido', '2026-04-30'),
      c('c', '2026-05-10', 'en_proceso', '2026-07-01'),
      c('d', '2026-05-10', 'no_cumplido'),
    ];
    expect(summarizeCommitments(list, '2026-06-01')).toEqual({
      total: 4,
      pending: 1,
      cumplido: 1,
      en_proceso: 1,
      no_cumplido: 1,
      overdue: 1,
    });
  });
});
