import { describe, expect, it } from 'vitest';
import { bySurname } from './reference-order.ts';

// The device keeps reference rows by id; lists of the caseload show them in the server's
// order, which is by surname (issue 12.15).

describe('bySurname', () => {
  it('orders reference teachers by the position the server gave them, unknown ones last', () => {
    const rows = [
      { id: 'a', data: { displayName: 'Ana Ramos', order: 1 } },
      { id: 'b', data: { displayName: 'Zoila Quispe', order: 0 } },
      { id: 'c', data: { displayName: 'Beto Alva' } },
    ];
    expect(bySurname(rows).map((row) => row.id)).toEqual(['b', 'a', 'c']);
    expect(rows.map((row) => row.id)).toEqual(['a', 'b', 'c']);
  });
});
