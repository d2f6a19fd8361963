import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonical, sameJson } from './merge.ts';

// `canonical` renders the content hashes of mutation_log (claims.ts): its output for a value may
// never change, or a device's retry would be answered SYNC_MUTATION_ID_REUSED. `sameJson` must
// agree with comparing those renderings, which is what merge and echo compared before.

/** The rendering as first written (arrays and joins), kept here as the reference. */
function reference(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${reference(obj[k])}`)
    .join(',')}}`;
}

/** JSON-like values with what a payload may hold after parsing, plus undefined and non-finite
 *  numbers (which render as null), and few distinct keys so objects often share them. */
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.constantFrom(null, undefined, true, false, 0, -0, 1, Number.NaN, Number.POSITIVE_INFINITY),
    fc.integer({ min: -3, max: 3 }),
    fc.double(),
    fc.constantFrom('', 'a', 'b', 'ñandú', '"', '\\'),
  ),
  node: fc.oneof(
    { depthSize: 'small' },
    tie('leaf'),
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', 'ñ', '"k"'), tie('node'), { maxKeys: 3 }),
  ),
})).node;

/** The same value with every object's keys in reverse order. */
function reordered(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reordered);
  if (v === null || typeof v !== 'object') return v;
  const entries = Object.entries(v as Record<string, unknown>).reverse();
  return Object.fromEntries(entries.map(([k, x]) => [k, reordered(x)]));
}

describe('canonical', () => {
  it('renders exactly what it always rendered', () => {
    expect(canonical({ b: [1, 'x', null, undefined], a: { d: true, c: 2.5 }, ñ: '"' })).toBe(
      '{"a":{"c":2.5,"d":true},"b":[1,"x",null,null],"ñ":"\\""}',
    );
    fc.assert(
      fc.property(value, (v) => canonical(v) === reference(v)),
      { numRuns: 2000 },
    );
    // Not JSON, but rendered as before all the same: holes and functions in arrays.
    // biome-ignore lint/suspicious/noSparseArray: the hole is the case
    for (const odd of [[, 1], [() => 1, 2], { a: [, , 3] }]) {
      expect(canonical(odd)).toBe(reference(odd));
    }
  });
});

describe('sameJson', () => {
  it('agrees with comparing canonical renderings', () => {
    fc.assert(
      fc.property(value, value, (a, b) => sameJson(a, b) === (canonical(a) === canonical(b))),
      { numRuns: 3000 },
    );
  });

  it('ignores key order and tells apart what differs', () => {
    fc.assert(
      fc.property(value, (v) => sameJson(v, reordered(v)) && sameJson(reordered(v), v)),
      { numRuns: 1000 },
    );
    expect(sameJson({ a: undefined }, { a: null })).toBe(true);
    expect(sameJson({ a: undefined }, {})).toBe(false);
    expect(sameJson({}, { a: null })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: [1] }, { a: { 0: 1 } })).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
    expect(sameJson(Number.NaN, null)).toBe(true);
  });
});
