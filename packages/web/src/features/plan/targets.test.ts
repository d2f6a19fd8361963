import type { TargetRuleView } from '@acompana/core';
import { describe, expect, it } from 'vitest';
import {
  fallbackTarget,
  resolveVisitTarget,
  targetLevelOf,
  targetSource,
  targetsKey,
} from './targets.ts';

// Soporte Pedagógico Urbano (docs/DOMAIN.md §2): 1º–4º 8 visits (≥1/month), 5º–6º none.
const rule = (patch: Partial<TargetRuleView>): TargetRuleView => ({
  level: 'primaria',
  gradeFrom: 1,
  gradeTo: 4,
  activityKind: 'visita',
  perYear: 8,
  minPerMonth: 1,
  note: '',
  ...patch,
});
const SP = [
  rule({}),
  rule({ gradeFrom: 5, gradeTo: 6, perYear: 0, minPerMonth: 0 }),
  rule({ activityKind: 'gia', perYear: 7 }),
];
const period = { fromMonth: 4, toMonth: 12, skippedMonths: [] };

describe('the visit target of a teacher', () => {
  it('maps ESCALE level codes to the levels targets are written for', () => {
    expect(targetLevelOf('A2')).toBe('inicial');
    expect(targetLevelOf('B0')).toBe('primaria');
    expect(targetLevelOf('F0')).toBe('secundaria');
    expect(targetLevelOf(null)).toBeNull();
  });

  it('picks the visit rule of the teacher grade, never another activity', () => {
    expect(resolveVisitTarget(SP, { level: 'B0', grades: [2] })).toEqual({
      kind: 'found',
      target: { perYear: 8, minPerMonth: 1 },
    });
    expect(resolveVisitTarget(SP, { level: 'B0', grades: [6] })).toEqual({
      kind: 'found',
      target: { perYear: 0, minPerMonth: 0 },
    });
  });

  it('applies the most demanding rule to a multigrade teacher', () => {
    expect(resolveVisitTarget(SP, { level: 'B0', grades: [4, 5] })).toEqual({
      kind: 'found',
      target: { perYear: 8, minPerMonth: 1 },
    });
  });

  it('does not guess when the post is unknown and the rules differ', () => {
    expect(resolveVisitTarget(SP, null).kind).toBe('ambiguous');
    expect(resolveVisitTarget([rule({ gradeTo: 6 })], null).kind).toBe('found');
    expect(resolveVisitTarget(SP, { level: 'F0', grades: [1] }).kind).toBe('none');
  });

  it('falls back to one visit a month, not counting justified skipped months', () => {
    expect(fallbackTarget(period)).toEqual({ perYear: 9, minPerMonth: 1 });
    expect(
      fallbackTarget({
        ...period,
        skippedMonths: [
          { month: 7, reason: 'Vacaciones' },
          { month: 8, reason: ' ' },
        ],
      }),
    ).toEqual({ perYear: 8, minPerMonth: 1 });
  });

  it('says where the target comes from', () => {
    const cached = { year: 2026, rules: SP, fetchedAt: '2026-03-02T10:00:00.000Z' };
    expect(targetSource(cached, { level: 'B0', grades: [1] }, period)).toEqual({
      kind: 'server',
      target: { perYear: 8, minPerMonth: 1 },
      year: 2026,
      fetchedAt: cached.fetchedAt,
    });
    expect(targetSource(null, null, period)).toEqual({
      kind: 'fallback',
      target: { perYear: 9, minPerMonth: 1 },
      reason: 'unavailable',
    });
    expect(targetSource(cached, null, period)).toMatchObject({ reason: 'unknown_post' });
    expect(targetSource(cached, { level: 'A2', grades: [] }, period)).toMatchObject({
      reason: 'no_rule',
    });
    expect(targetsKey('SP_URBANO', 2026)).toBe('plan.targets.SP_URBANO.2026');
  });
});
