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

/** Values built from `leaves`, with few distinct keys so objects often share them. */
const valuesOf = (leaves: fc.Arbitrary<unknown>) =>
  fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      leaves,
      fc.array(tie('node'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('a', 'b', 'c', 'ñ', '"k"'), tie('node'), {
        maxKeys: 3,
        noNullPrototype: true,
      }),
    ),
  })).node;

const jsonLeaves = fc.oneof(
  fc.constantFrom(null, true, false, 0, -0, 1),
  fc.integer({ min: -3, max: 3 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom('', 'a', 'b', 'ñandú', '"', '\\'),
);
/** What a device sends and jsonb gives back (JSON.parse keeps -0). */
const json = valuesOf(jsonLeaves);
/** Those, plus undefined and non-finite numbers, which `canonical` renders as null. */
const value = valuesOf(
  fc.oneof(jsonLeaves, fc.constantFrom(undefined, Number.NaN, Number.POSITIVE_INFINITY)),
);

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
  // An absent field (undefined) is null; inside a value there is nothing but JSON.
  const field = fc.oneof(json, fc.constant(undefined));

  it('agrees with comparing canonical renderings', () => {
    fc.assert(
      fc.property(field, field, (a, b) => sameJson(a, b) === (canonical(a) === canonical(b))),
      { numRuns: 3000 },
    );
  });

  it('ignores key order and tells apart what differs', () => {
    fc.assert(
      fc.property(json, (v) => sameJson(v, reordered(v)) && sameJson(reordered(v), v)),
      { numRuns: 1000 },
    );
    expect(sameJson(undefined, null)).toBe(true);
    expect(sameJson({ a: 1, b: [2] }, { b: [2], a: 1 })).toBe(true);
    expect(sameJson({ a: null }, {})).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: [1] }, { a: { 0: 1 } })).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
    expect(sameJson(0, -0)).toBe(true);
  });
});
