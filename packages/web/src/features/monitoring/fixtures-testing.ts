import type { ComplianceReport, ComplianceRow } from './types.ts';

// Report answers shaped like the server's (docs/REPORTS.md), for the screen tests.

const figures = (done: number, target: number) => ({ done, target });

export function row(
  id: string,
  name: string,
  teachers: number,
  drill: string | null,
  level: ComplianceRow['level'] = 'school',
): ComplianceRow {
  return {
    id,
    name,
    level,
    drill,
    suppressed: false,
    teachers,
    withCoach: teachers,
    visits: { done: teachers - 1, planned: teachers, target: teachers },
    gia: figures(2, 4),
    ria: figures(1, 2),
    taller: figures(12, 18),
    familias: figures(1, 3),
    monthCoveragePct: 87.5,
    cumulative: {
      visits: figures(teachers * 8, teachers * 10),
      gia: figures(3, 4),
      ria: figures(1, 2),
      taller: figures(12, 18),
      familias: figures(2, 3),
    },
  };
}

export function suppressedRow(id: string, name: string, drill: string | null): ComplianceRow {
  const none = { done: null, target: null };
  return {
    id,
    name,
    level: 'school',
    drill,
    suppressed: true,
    teachers: null,
    withCoach: null,
    visits: { ...none, planned: null },
    gia: none,
    ria: none,
    taller: none,
    familias: none,
    monthCoveragePct: null,
    cumulative: { visits: none, gia: none, ria: none, taller: none, familias: none },
  };
}

export function compliance(overrides: Partial<ComplianceReport> = {}): ComplianceReport {
  return {
    report: 'compliance',
    year: 2026,
    month: 11,
    scope: { level: 'ugel', id: 'u1', name: 'UGEL Gran Chimú' },
    by: 'school',
    asOf: '2026-11-20T19:05:00.000Z',
    total: row('u1', 'UGEL Gran Chimú', 40, null, 'ugel'),
    rows: [
      row('s1', 'IE 80123 Cascas', 32, 'school:s1'),
      suppressedRow('s2', 'IE 80456 Lucma', 'school:s2'),
      suppressedRow('s3', 'IE 80789 Marmot', 'school:s3'),
    ],
    nextCursor: null,
    byMonth: Array.from({ length: 12 }, (_, i) => ({
      month: i + 1,
      teachers: i < 2 ? null : 40,
      withVisitPct: i < 2 ? null : 50 + i * 3,
      visitsDone: i < 2 ? null : 30 + i,
      visitsTarget: i < 2 ? null : 40,
    })),
    ...overrides,
  };
}
