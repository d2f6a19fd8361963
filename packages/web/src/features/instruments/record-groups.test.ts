import { describe, expect, it } from 'vitest';
import { groupRecords, type RecordSource, surnameKey } from './record-groups.ts';

// Issue 12.6: the device's records grouped by teacher (by surname), then by instrument, each
// row with its date and status, instead of hundreds of identical links.

const TEACHERS: Record<string, string> = {
  t1: 'Rosa Elena Mamani Quispe',
  t2: 'Luis Alberto Condori Huamán',
  t3: 'Ana Torres',
};
const INSTRUMENTS: Record<string, string> = {
  r: 'Rúbricas de observación, versión 2',
  c: 'Cuaderno de campo, versión 1',
};
const VISITS: Record<string, string> = { v1: '2026-11-20', v2: '2026-10-02' };

function rec(
  id: string,
  teacherId: string,
  instrumentVersionId: string,
  visitId: string | null,
  status: 'draft' | 'complete' = 'complete',
  updatedAt = '2026-12-01T04:30:00.000Z',
): RecordSource {
  return { id, updatedAt, data: { teacherId, visitId, instrumentVersionId, status } };
}

const names = {
  teacher: (id: string) => TEACHERS[id] ?? '',
  instrument: (id: string) => INSTRUMENTS[id] ?? '',
  visitDate: (id: string) => VISITS[id],
};

describe('groupRecords', () => {
  it('groups by teacher sorted by surname, then by instrument, newest first, with counts', () => {
    const groups = groupRecords(
      [
        rec('a', 't1', 'r', 'v2'),
        rec('b', 't1', 'r', 'v1'),
        rec('c', 't1', 'c', 'v1', 'draft'),
        rec('d', 't2', 'r', 'v1'),
        rec('e', 't3', 'r', null, 'draft'),
      ],
      names,
    );
    expect(groups.map((g) => [g.name, g.count])).toEqual([
      ['Luis Alberto Condori Huamán', 1],
      ['Rosa Elena Mamani Quispe', 3],
      ['Ana Torres', 1],
    ]);
    const rosa = groups[1];
    expect(
      rosa?.instruments.map((i) => [i.name, i.rows.map((r) => [r.id, r.date, r.status])]),
    ).toEqual([
      ['Cuaderno de campo, versión 1', [['c', '2026-11-20', 'draft']]],
      [
        'Rúbricas de observación, versión 2',
        [
          ['b', '2026-11-20', 'complete'],
          ['a', '2026-10-02', 'complete'],
        ],
      ],
    ]);
  });

  it('dates a record without a visit by the Lima day it was saved (not the UTC day)', () => {
    // 04:30 UTC on 1 December is still 30 November in Lima.
    const [group] = groupRecords([rec('e', 't3', 'r', null)], names);
    expect(group?.instruments[0]?.rows[0]?.date).toBe('2026-11-30');
  });

  it('puts drafts before complete records of the same day', () => {
    const [group] = groupRecords(
      [rec('x', 't3', 'r', 'v1', 'complete'), rec('y', 't3', 'r', 'v1', 'draft')],
      names,
    );
    expect(group?.instruments[0]?.rows.map((r) => r.id)).toEqual(['y', 'x']);
  });
});

describe('surnameKey', () => {
  it('puts the two surnames first, or the only one of a two-word name', () => {
    expect(surnameKey('Rosa Elena Mamani Quispe')).toBe('Mamani Quispe Rosa Elena');
    expect(surnameKey('Ana Torres')).toBe('Torres Ana');
  });
});
