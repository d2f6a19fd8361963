import { describe, expect, it } from 'vitest';
import {
  type CatalogueTarget,
  levelOfCode,
  monthlyRuleMet,
  proratedTarget,
  schoolMonthsServed,
  targetFor,
  teacherYearCompliance,
} from './compliance.ts';
import { isPrimarySuppressed, suppress } from './suppression.ts';

// The catalogue of migration 0003 for 2026 (a subset), as the rules read it.
const rule = (
  interventionCode: string,
  level: CatalogueTarget['level'],
  gradeFrom: number,
  gradeTo: number,
  activityKind: CatalogueTarget['activityKind'],
  perYear: number,
  minPerMonth = 0,
  schoolYear = 2026,
): CatalogueTarget => ({
  interventionCode,
  schoolYear,
  level,
  gradeFrom,
  gradeTo,
  activityKind,
  perYear,
  minPerMonth,
});
const RULES: CatalogueTarget[] = [
  rule('SP_URBANO', 'primaria', 1, 4, 'visita', 8, 1),
  rule('SP_URBANO', 'primaria', 1, 4, 'gia', 7, 1),
  rule('SP_URBANO', 'primaria', 5, 6, 'visita', 0, 0),
  rule('SP_URBANO', 'primaria', 5, 6, 'gia', 3, 0),
  rule('SPI', 'inicial', 0, 5, 'visita', 9, 1),
  rule('SPI', 'primaria', 1, 6, 'visita', 16, 1),
  rule('SPI', 'primaria', 1, 6, 'reunion_familias', 7, 0),
  rule('MULTIGRADO', 'primaria', 1, 6, 'visita', 9, 1),
  rule('MULTIGRADO', 'primaria', 1, 6, 'visita', 12, 1, 2027),
];
const place = (interventionCode: string, level: CatalogueTarget['level'], grades: number[]) => ({
  interventionCode,
  schoolYear: 2026,
  level,
  grades,
});

describe('targets from the catalogue', () => {
  it('reads the rule of the intervention, year, level and grade', () => {
    expect(targetFor(RULES, place('SP_URBANO', 'primaria', [2]), 'visita')).toEqual({
      perYear: 8,
      minPerMonth: 1,
    });
    expect(targetFor(RULES, place('SP_URBANO', 'primaria', [6]), 'visita')).toEqual({
      perYear: 0,
      minPerMonth: 0,
    });
    expect(targetFor(RULES, place('SP_URBANO', 'primaria', [6]), 'gia').perYear).toBe(3);
    expect(targetFor(RULES, place('SPI', 'inicial', [4]), 'visita').perYear).toBe(9);
    expect(targetFor(RULES, place('SPI', 'primaria', [3]), 'visita').perYear).toBe(16);
    expect(targetFor(RULES, place('SPI', 'primaria', [3]), 'reunion_familias').perYear).toBe(7);
  });

  it('takes the year asked for (targets are data per school year)', () => {
    expect(targetFor(RULES, place('MULTIGRADO', 'primaria', [1]), 'visita').perYear).toBe(9);
    expect(
      targetFor(RULES, { ...place('MULTIGRADO', 'primaria', [1]), schoolYear: 2027 }, 'visita')
        .perYear,
    ).toBe(12);
  });

  it('takes the most demanding rule when the grades span two, and any grade when none is known', () => {
    expect(targetFor(RULES, place('SP_URBANO', 'primaria', [4, 5]), 'visita').perYear).toBe(8);
    expect(targetFor(RULES, place('SP_URBANO', 'primaria', []), 'gia').perYear).toBe(7);
  });

  it('gives nothing where the catalogue has no rule (other level or kind)', () => {
    expect(targetFor(RULES, place('SP_URBANO', 'secundaria', [1]), 'visita').perYear).toBe(0);
    expect(targetFor(RULES, place('MULTIGRADO', 'primaria', [1]), 'taller').perYear).toBe(0);
    expect(targetFor(RULES, place('SPI', 'primaria', [1]), 'visita').perYear).toBe(16);
    expect(targetFor(RULES, { ...place('SPI', 'primaria', [1]), level: null }, 'visita')).toEqual({
      perYear: 0,
      minPerMonth: 0,
    });
  });

  it('maps ESCALE level codes to catalogue levels', () => {
    expect(['A1', 'A2', 'A3', 'B0', 'F0'].map(levelOfCode)).toEqual([
      'inicial',
      'inicial',
      'inicial',
      'primaria',
      'secundaria',
    ]);
    expect(levelOfCode(null)).toBeNull();
  });
});

describe('the monthly rule, mid-year joiners and «no planificar»', () => {
  it('asks for one visit a month except in a skipped month', () => {
    expect(monthlyRuleMet(0, 1, false)).toBe(false);
    expect(monthlyRuleMet(1, 1, false)).toBe(true);
    expect(monthlyRuleMet(0, 1, true)).toBe(true);
    expect(monthlyRuleMet(0, 0, false)).toBe(true);
  });

  it('pro-rates the yearly target by the school months with a coach', () => {
    expect(schoolMonthsServed([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])).toBe(10);
    expect(schoolMonthsServed([8, 9, 10, 11, 12])).toBe(5);
    expect(proratedTarget(9, 10)).toBe(9);
    expect(proratedTarget(9, 5)).toBe(5); // 4.5 rounds up
    expect(proratedTarget(16, 3)).toBe(5); // 4.8
    expect(proratedTarget(8, 0)).toBe(0);
  });

  it('counts a teacher who joined in August against 5 months, skipping a month off', () => {
    const months = [8, 9, 10, 11, 12].map((month) => ({
      month,
      visitsDone: month === 9 ? 0 : month === 10 ? 2 : 1,
      skipped: month === 9,
    }));
    const c = teacherYearCompliance(RULES, place('MULTIGRADO', 'primaria', [2]), months);
    expect(c).toEqual({ visitTarget: 5, visitsDone: 5, monthsDue: 4, monthsMet: 4 });
    const upToOctober = teacherYearCompliance(
      RULES,
      place('MULTIGRADO', 'primaria', [2]),
      months,
      10,
    );
    expect(upToOctober).toEqual({ visitTarget: 5, visitsDone: 3, monthsDue: 2, monthsMet: 2 });
    const missed = teacherYearCompliance(
      RULES,
      place('MULTIGRADO', 'primaria', [2]),
      months.map((m) => ({ ...m, skipped: false })),
    );
    expect(missed).toMatchObject({ monthsDue: 5, monthsMet: 4 });
  });
});

describe('suppression', () => {
  const cell = (id: string, n: number, relaxed?: number[][]) => ({
    id,
    counts: [n],
    ...(relaxed ? { relaxed } : {}),
  });

  it('withholds a cell of 1–4 teachers, never one of 0 or 5', () => {
    expect([0, 1, 4, 5, 40].map((n) => isPrimarySuppressed(cell('a', n)))).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
    expect(isPrimarySuppressed({ id: 'a', counts: [12, 3] })).toBe(true);
  });

  it('withholds a filtered cell that differs from the unfiltered one by 1–4 teachers', () => {
    expect(isPrimarySuppressed(cell('a', 10, [[11]]))).toBe(true);
    expect(isPrimarySuppressed(cell('a', 10, [[10]]))).toBe(false);
    expect(isPrimarySuppressed(cell('a', 10, [[15], [10]]))).toBe(false);
    expect(isPrimarySuppressed(cell('a', 10, [[15], [12]]))).toBe(true);
  });

  it('suppresses the smallest sibling when one alone is suppressed', () => {
    const s = suppress([cell('a', 3), cell('b', 9), cell('c', 7), cell('d', 20)], cell('t', 39));
    expect([...s.rows].sort()).toEqual(['a', 'c']);
    expect(s.total).toBe(false);
  });

  it('keeps suppressing until the suppressed rows together describe 5 or more teachers', () => {
    // a + b = 3: the total minus the others would describe 3 teachers.
    const s = suppress([cell('a', 1), cell('b', 2), cell('c', 6), cell('d', 8)], cell('t', 17));
    expect([...s.rows].sort()).toEqual(['a', 'b', 'c']);
    // Two suppressed of 4 + 3 = 7: nothing recoverable, nothing more hidden.
    const t = suppress([cell('a', 4), cell('b', 3), cell('c', 6)], cell('t', 13));
    expect([...t.rows].sort()).toEqual(['a', 'b']);
  });

  it('withholds a total of fewer than 5, and one that alone would reveal a row', () => {
    expect(suppress([cell('a', 2), cell('b', 1)], cell('t', 3)).total).toBe(true);
    // The siblings overlap (a teacher with two coaches): nothing left to hide but the total.
    const s = suppress([cell('a', 3)], cell('t', 9));
    expect(s).toEqual({ rows: new Set(['a']), total: true });
  });

  it('no recoverable row remains: the hidden rows are 0 or at least 2 and sum ≥ 5', () => {
    for (let seed = 1; seed < 300; seed++) {
      const sizes = Array.from({ length: 2 + (seed % 6) }, (_, i) => (seed * (i + 7)) % 13);
      const rows = sizes.map((n, i) => cell(String(i), n));
      const total = sizes.reduce((a, b) => a + b, 0);
      const s = suppress(rows, cell('t', total));
      for (const r of rows) if (isPrimarySuppressed(r)) expect(s.rows.has(r.id)).toBe(true);
      if (s.total) continue;
      const hiddenSum = rows
        .filter((r) => s.rows.has(r.id))
        .reduce((a, r) => a + (r.counts[0] ?? 0), 0);
      expect(s.rows.size === 0 || (s.rows.size >= 2 && hiddenSum >= 5)).toBe(true);
    }
  });
});
