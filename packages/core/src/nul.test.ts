import { describe, expect, it } from 'vitest';
import { nulPath } from './nul.ts';
import { mutationSchema } from './sync/protocol.ts';

describe('nulPath', () => {
  it('finds U+0000 in nested strings and keys, and nothing in clean values', () => {
    expect(nulPath({ a: ['ok', { b: 'x\u0000' }] })).toBe('a.1.b');
    expect(nulPath({ 'k\u0000': 1 })).toBe('k\u0000');
    expect(nulPath('\u0000')).toBe('');
    expect(nulPath({ a: { 'k\u0000': 1 } })).toBe('a.k\u0000');
    expect(
      nulPath([
        ['a', 'b'],
        ['c', 'x', ['d', 'e\u0000']],
      ]),
    ).toBe('1.2.1');
    expect(nulPath({ a: 'ok', b: ['x', { c: 'y', d: '\u0000', e: '\u0000' }] })).toBe('b.1.d');
    expect(nulPath(Object.create({ inherited: '\u0000' }))).toBeNull();
    expect(nulPath({ a: 'u0000 \\u0000', n: 0, z: null, t: true })).toBeNull();
  });

  it('rejects a sync mutation whose payload carries it, naming the field', () => {
    const result = mutationSchema.safeParse({
      mutationId: '0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0d',
      deviceId: '0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0e',
      seq: 1,
      kind: 'commitment',
      entityId: '0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0f',
      op: 'upsert',
      baseVersion: 0,
      changed: ['text'],
      payload: { text: 'Leer\u0000' },
      createdAt: '2026-05-12T10:00:00-05:00',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['payload', 'text']);
  });
});
