import { describe, expect, it } from 'vitest';
import { compareDesempenoCodes, levelHistory } from './progress.ts';
import { suggestStage } from './stages.ts';

const score = (level: unknown) => ({ level, evidence: '' });

describe('levelHistory', () => {
  it('orders observations by date and keeps the given order on equal dates', () => {
    const result = levelHistory([
      { date: '2026-06-10', visitId: 'v3', scores: { D1: score(3) } },
      { date: '2026-04-02', visitId: 'v1', scores: { D1: score(1) } },
      { date: '2026-05-15', visitId: 'a', scores: { D1: score(2) } },
      { date: '2026-05-15', visitId: 'b', scores: { D1: score(4) } },
    ]);
    expect(result.history.map((o) => o.date)).toEqual([
      '2026-04-02',
      '2026-05-15',
      '2026-05-15',
      '2026-06-10',
    ]);
    expect(result.desempenos).toEqual([
      {
        code: 'D1',
        points: [
          { date: '2026-04-02', visitId: 'v1', level: 1 },
          { date: '2026-05-15', visitId: 'a', level: 2 },
          { date: '2026-05-15', visitId: 'b', level: 4 },
          { date: '2026-06-10', visitId: 'v3', level: 3 },
        ],
      },
    ]);
  });

  it('sorts desempeños by code with numeric collation', () => {
    const result = levelHistory([
      {
        date: '2026-04-02',
        visitId: null,
        scores: { D10: score(2), D2: score(3), D1: score(1), B: score(4) },
      },
    ]);
    expect(result.desempenos.map((d) => d.code)).toEqual(['B', 'D1', 'D2', 'D10']);
    expect(compareDesempenoCodes('D9', 'D10')).toBeLessThan(0);
  });

  it('ignores null, missing and out-of-range levels but keeps the observation', () => {
    const result = levelHistory([
      {
        date: '2026-04-02',
        visitId: 'v1',
        scores: {
          D1: score(null),
          D2: score(5),
          D3: score('3'),
          D4: { evidence: 'sin nivel' },
          D5: null,
          D6: score(2.5),
          D7: score(0),
          D8: score(4),
        },
      },
      { date: '2026-05-02', visitId: 'v2', scores: null },
      { date: '2026-06-02', visitId: 'v3', scores: ['not', 'an', 'object'] },
    ]);
    expect(result.history).toEqual([
      { date: '2026-04-02', levels: { D8: 4 } },
      { date: '2026-05-02', levels: {} },
      { date: '2026-06-02', levels: {} },
    ]);
    expect(result.desempenos).toEqual([
      { code: 'D8', points: [{ date: '2026-04-02', visitId: 'v1', level: 4 }] },
    ]);
  });

  it('dates every point with its observation and visit, and a desempeño only where observed', () => {
    const result = levelHistory([
      { date: '2026-04-02', visitId: 'v1', scores: { D1: score(1), D2: score(2) } },
      { date: '2026-05-20', visitId: null, scores: { D2: score(3) } },
    ]);
    expect(result.desempenos).toEqual([
      { code: 'D1', points: [{ date: '2026-04-02', visitId: 'v1', level: 1 }] },
      {
        code: 'D2',
        points: [
          { date: '2026-04-02', visitId: 'v1', level: 2 },
          { date: '2026-05-20', visitId: null, level: 3 },
        ],
      },
    ]);
  });

  it('returns empty series for no observations and feeds suggestStage', () => {
    expect(levelHistory([])).toEqual({ history: [], desempenos: [] });
    const { history } = levelHistory([
      { date: '2026-05-10', visitId: 'v2', scores: { D1: score(3), D2: score(3) } },
      { date: '2026-04-10', visitId: 'v1', scores: { D1: score(2), D2: score(2) } },
    ]);
    const suggestion = suggestStage(history);
    expect(suggestion.stage?.code).toBe('supervisada');
    expect(suggestion.reasons).toContainEqual({ code: 'trend', from: 2, to: 3 });
  });

  it('does not change its input', () => {
    const input = [
      { date: '2026-06-01', visitId: 'b', scores: { D1: score(2) } },
      { date: '2026-04-01', visitId: 'a', scores: { D1: score(1) } },
    ];
    const copy = JSON.parse(JSON.stringify(input));
    levelHistory(input);
    expect(input).toEqual(copy);
  });
});
