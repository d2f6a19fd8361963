import type { AccessEntry } from '@acompana/core';
import { describe, expect, it } from 'vitest';
import { foldRepeats } from './repeats.ts';

const READER = { id: 'c1', displayName: 'Miguel Ángel Rodríguez Cruz' };
const entry = (id: string, at: string, over: Partial<AccessEntry> = {}): AccessEntry =>
  ({
    id,
    at,
    reader: READER,
    roles: ['acompanante'],
    action: 'sync.pull',
    access: null,
    visitId: null,
    ...over,
  }) as AccessEntry;

describe('foldRepeats', () => {
  it('shows three syncs of one phone in a minute once, three times', () => {
    const shown = foldRepeats([
      entry('3', '2026-12-04T23:49:50Z'),
      entry('2', '2026-12-04T23:49:20Z'),
      entry('1', '2026-12-04T23:49:01Z'),
    ]);
    expect(shown.map((s) => [s.entry.id, s.times])).toEqual([['3', 3]]);
  });

  it('keeps apart another minute, another action, another visit, another reader, and repeats that are not consecutive', () => {
    const shown = foldRepeats([
      entry('7', '2026-12-04T23:50:10Z'),
      entry('6', '2026-12-04T23:49:59Z'),
      entry('5', '2026-12-04T23:49:40Z', { action: 'coaching.visit.read', visitId: 'v1' }),
      entry('4', '2026-12-04T23:49:30Z', { action: 'coaching.visit.read', visitId: 'v2' }),
      entry('3', '2026-12-04T23:49:20Z', { reader: { id: 'd1', displayName: 'Directora' } }),
      entry('2', '2026-12-04T23:49:10Z'),
      entry('1', '2026-12-04T23:49:00Z', { reader: null }),
    ]);
    expect(shown.map((s) => [s.entry.id, s.times])).toEqual([
      ['7', 1],
      ['6', 1],
      ['5', 1],
      ['4', 1],
      ['3', 1],
      ['2', 1],
      ['1', 1],
    ]);
  });

  it('never folds two reads whose reader is no longer known (they may be two people)', () => {
    const shown = foldRepeats([
      entry('2', '2026-12-04T23:49:20Z', { reader: null }),
      entry('1', '2026-12-04T23:49:10Z', { reader: null }),
    ]);
    expect(shown.map((s) => [s.entry.id, s.times])).toEqual([
      ['2', 1],
      ['1', 1],
    ]);
  });
});
