import type { InstrumentResponseRecord, VersionDetail } from '@acompana/core';
import { describe, expect, it } from 'vitest';
import {
  chartModel,
  decisionProblem,
  decisionsNewestFirst,
  defaultSelection,
  desempenoNames,
  formatDecidedAt,
  levelTable,
  progressFrom,
  rubricObservations,
} from './model.ts';

// The progress screen's models, from records as the device holds them.

const RUBRIC = '00000000-0000-7000-8000-0000000000a1';
const CHECKLIST = '00000000-0000-7000-8000-0000000000a2';
const UNCACHED = '00000000-0000-7000-8000-0000000000a3';

const desempeno = (code: string, name: string) => ({ code, name });

const version = (id: string, n: number, definition: unknown) =>
  ({ id, version: n, definition }) as unknown as VersionDetail;

const versions = [
  version(RUBRIC, 2, {
    type: 'rubric',
    desempenos: [desempeno('D1', 'Involucra'), desempeno('D2', 'Razonamiento')],
  }),
  version('old', 1, { type: 'rubric', desempenos: [desempeno('D1', 'Nombre antiguo')] }),
  version(CHECKLIST, 1, { type: 'checklist', items: [] }),
];

const response = (
  id: string,
  data: Partial<InstrumentResponseRecord>,
  updatedAt = '2026-07-01T15:00:00.000Z',
) => ({
  id,
  updatedAt,
  data: {
    visitId: null,
    teacherId: 't1',
    instrumentVersionId: RUBRIC,
    status: 'complete' as const,
    answers: {},
    ...data,
  },
});

const scores = (levels: Record<string, unknown>) => ({
  scores: Object.fromEntries(
    Object.entries(levels).map(([code, level]) => [code, { level, evidence: '' }]),
  ),
});

const visit = (id: string, plannedDate: string) => ({ id, updatedAt: '', data: { plannedDate } });

describe('rubricObservations', () => {
  it('keeps complete rubric responses, dated by their visit or else by their last save', () => {
    const observations = rubricObservations(
      [
        response('r1', { visitId: 'v1', answers: scores({ D1: 2 }) }),
        response('r2', { visitId: null, answers: scores({ D1: 3 }) }, '2026-06-20T12:00:00.000Z'),
        response('r3', { visitId: 'v-not-here', answers: scores({ D1: 4 }) }),
        response('r4', { status: 'draft', answers: scores({ D1: 1 }) }),
        response('r5', { instrumentVersionId: CHECKLIST, answers: { items: { a: true } } }),
        response('r6', { instrumentVersionId: UNCACHED, answers: scores({ D2: 2 }) }),
        response('r7', { instrumentVersionId: UNCACHED, answers: { notes: [] } }),
      ],
      [visit('v1', '2026-04-15')],
      versions,
    );
    expect(observations.map((o) => [o.date, o.visitId])).toEqual([
      ['2026-04-15', 'v1'],
      ['2026-06-20', null],
      ['2026-07-01', 'v-not-here'],
      ['2026-07-01', null],
    ]);
  });

  it('orders by id first so ties on a date follow the server (ORDER BY date, id)', () => {
    const { desempenos } = progressFrom(
      [
        response('b', { visitId: 'v1', answers: scores({ D1: 4 }) }),
        response('a', { visitId: 'v1', answers: scores({ D1: 1 }) }),
      ],
      [visit('v1', '2026-04-15')],
      versions,
    );
    expect(desempenos[0]?.points.map((p) => p.level)).toEqual([1, 4]);
  });
});

describe('desempenoNames', () => {
  it('takes names from rubric versions, the newest version winning', () => {
    expect([...desempenoNames(versions)]).toEqual([
      ['D1', 'Involucra'],
      ['D2', 'Razonamiento'],
    ]);
  });
});

describe('levelTable and chartModel', () => {
  const progress = progressFrom(
    [
      response('r1', { visitId: 'v2', answers: scores({ D2: 3, D10: 2 }) }),
      response('r2', { visitId: 'v1', answers: scores({ D1: 1, D2: 2, D10: null }) }),
      response('r3', { visitId: 'v3', answers: scores({ D1: 5, D2: 4 }) }),
    ],
    [visit('v1', '2026-04-15'), visit('v2', '2026-05-20'), visit('v3', '2026-05-20')],
    versions,
  );

  it('has one column per observation (oldest first) and one row per desempeño', () => {
    const { table } = progress;
    expect(table.columns.map((c) => [c.date, c.visitId])).toEqual([
      ['2026-04-15', 'v1'],
      ['2026-05-20', 'v2'],
      ['2026-05-20', 'v3'],
    ]);
    expect(table.rows).toEqual([
      { code: 'D1', name: 'Involucra', cells: [1, null, null] },
      { code: 'D2', name: 'Razonamiento', cells: [2, 3, 4] },
      { code: 'D10', name: 'D10', cells: [null, 2, null] },
    ]);
    expect(levelTable([], new Map())).toEqual({ columns: [], rows: [] });
  });

  it('draws only the selected desempeños, by observation index', () => {
    const model = chartModel(progress.table, new Set(['D2', 'D10']));
    expect(model.x).toEqual([0, 1, 2]);
    expect(model.dates).toEqual(['2026-04-15', '2026-05-20', '2026-05-20']);
    expect(model.series).toEqual([
      { code: 'D2', name: 'Razonamiento', values: [2, 3, 4] },
      { code: 'D10', name: 'D10', values: [null, 2, null] },
    ]);
    expect(chartModel(progress.table, new Set()).series).toEqual([]);
  });

  it('starts with the first desempeños selected when there are many', () => {
    const codes = Array.from({ length: 8 }, (_, i) => `D${i + 1}`);
    expect([...defaultSelection(codes)]).toEqual(['D1', 'D2', 'D3', 'D4', 'D5']);
    expect([...defaultSelection(['D1', 'D2'])]).toEqual(['D1', 'D2']);
  });
});

describe('stage decisions', () => {
  const decision = (id: string, decidedAt: string, updatedAt = '2026-01-01T00:00:00Z') => ({
    id,
    updatedAt,
    data: { decidedAt },
  });

  it('lists decisions newest first by their decision time', () => {
    const sorted = decisionsNewestFirst([
      decision('a', '2026-04-01T10:00:00Z'),
      decision('b', '2026-06-01T10:00:00-05:00'),
      decision('c', '2026-06-01T14:00:00Z'),
      decision('d', '2026-05-01T10:00:00Z'),
    ]);
    expect(sorted.map((d) => d.id)).toEqual(['b', 'c', 'd', 'a']);
  });

  it('needs a note only when the coach overrides a suggestion', () => {
    expect(decisionProblem('enfocado', 'enfocado', '')).toBeNull();
    expect(decisionProblem('enfocado', 'supervisada', '  ')).toBe('noteRequired');
    expect(decisionProblem('enfocado', 'supervisada', 'Observé avances en D3.')).toBeNull();
    expect(decisionProblem('principiante', null, '')).toBeNull();
  });

  it('formats the decision date in Spanish', () => {
    expect(formatDecidedAt('2026-05-03T12:00:00Z')).toBe('3 de mayo de 2026');
    expect(formatDecidedAt('no es fecha')).toBe('no es fecha');
  });
});
