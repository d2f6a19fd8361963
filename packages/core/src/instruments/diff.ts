import type { InstrumentDefinition } from './definition.ts';

// "What changed" between two versions of an instrument, for the designer. Lists of coded things
// (desempeños, aspects, sections, items, prompts, tags, levels) are matched by their code or
// level, not by position, so reordering is reported as a move and a removed desempeño as
// removed rather than as every later one having changed.

export interface DefinitionChange {
  /** Path with codes, e.g. "desempenos.involucra.levels.3.descriptor". */
  path: string;
  kind: 'added' | 'removed' | 'changed' | 'moved';
  before?: unknown;
  after?: unknown;
}

type Json = unknown;

function keyOf(x: Json): string | null {
  if (x && typeof x === 'object' && !Array.isArray(x)) {
    const o = x as Record<string, unknown>;
    if (typeof o.code === 'string') return o.code;
    if (typeof o.level === 'number') return String(o.level);
  }
  return null;
}

function isPlainObject(x: Json): x is Record<string, Json> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

function walk(a: Json, b: Json, path: string[], out: DefinitionChange[]) {
  const at = path.join('.');
  if (Array.isArray(a) && Array.isArray(b)) {
    const keyed = [...a, ...b].every((x) => keyOf(x) !== null);
    if (!keyed) {
      const n = Math.max(a.length, b.length);
      for (let i = 0; i < n; i++) walk(a[i], b[i], [...path, String(i)], out);
      return;
    }
    const before = new Map(a.map((x, i) => [keyOf(x) as string, { x, i }]));
    const after = new Map(b.map((x, i) => [keyOf(x) as string, { x, i }]));
    for (const [k, { x }] of before)
      if (!after.has(k)) out.push({ path: [...path, k].join('.'), kind: 'removed', before: x });
    // Positions among the items both versions share: a removal alone is not a move.
    const sharedBefore = [...before.keys()].filter((k) => after.has(k));
    const sharedAfter = [...after.keys()].filter((k) => before.has(k));
    for (const [k, { x }] of after) {
      const old = before.get(k);
      if (!old) {
        out.push({ path: [...path, k].join('.'), kind: 'added', after: x });
        continue;
      }
      if (sharedBefore.indexOf(k) !== sharedAfter.indexOf(k))
        out.push({
          path: [...path, k].join('.'),
          kind: 'moved',
          before: sharedBefore.indexOf(k) + 1,
          after: sharedAfter.indexOf(k) + 1,
        });
      walk(old.x, x, [...path, k], out);
    }
    return;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      if (!(k in b)) out.push({ path: [...path, k].join('.'), kind: 'removed', before: a[k] });
      else if (!(k in a)) out.push({ path: [...path, k].join('.'), kind: 'added', after: b[k] });
      else walk(a[k], b[k], [...path, k], out);
    }
    return;
  }
  if (a === undefined && b !== undefined) out.push({ path: at, kind: 'added', after: b });
  else if (b === undefined && a !== undefined) out.push({ path: at, kind: 'removed', before: a });
  else if (JSON.stringify(a) !== JSON.stringify(b))
    out.push({ path: at, kind: 'changed', before: a, after: b });
}

/** Changes from version `a` to version `b` (empty when they are the same). */
export function diffDefinitions(
  a: InstrumentDefinition,
  b: InstrumentDefinition,
): DefinitionChange[] {
  const out: DefinitionChange[] = [];
  walk(a, b, [], out);
  return out;
}
