import { describe, expect, it } from 'vitest';
import { diffDefinitions } from './diff.ts';
import { RUBRIC_2017, RUBRIC_2018 } from './seed/index.ts';
import { canTransition, isEditable, isFillable, VERSION_STATUSES } from './versioning.ts';

// JSON round trip: core compiles without DOM or Node types (no structuredClone).
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe('diffDefinitions', () => {
  it('finds nothing between a version and itself', () => {
    expect(diffDefinitions(RUBRIC_2018, clone(RUBRIC_2018))).toEqual([]);
  });

  it('reports 2017 → 2018 as one desempeño removed, not as every later one changed', () => {
    const changes = diffDefinitions(RUBRIC_2017, RUBRIC_2018);
    expect(changes.map((c) => `${c.kind} ${c.path}`)).toEqual([
      'changed title',
      'changed description',
      'removed desempenos.tiempo',
    ]);
    expect(changes[2]?.before).toMatchObject({
      name: 'Maximiza el tiempo dedicado al aprendizaje',
    });
  });

  it('names a changed descriptor by desempeño code and level, and reports added and moved items', () => {
    const next = clone(RUBRIC_2018);
    const level = next.desempenos[2]?.levels[3];
    if (level) level.descriptor = 'Nuevo descriptor.';
    next.desempenos.reverse();
    next.desempenos[0]?.aspects.push({ code: 'nuevo', text: 'Un aspecto nuevo.' });
    const changes = diffDefinitions(RUBRIC_2018, next);
    expect(changes).toContainEqual({
      path: 'desempenos.evalua.levels.4.descriptor',
      kind: 'changed',
      before: RUBRIC_2018.desempenos[2]?.levels[3]?.descriptor,
      after: 'Nuevo descriptor.',
    });
    expect(changes).toContainEqual({
      path: 'desempenos.comportamiento.aspects.nuevo',
      kind: 'added',
      after: { code: 'nuevo', text: 'Un aspecto nuevo.' },
    });
    expect(changes).toContainEqual({
      path: 'desempenos.involucra',
      kind: 'moved',
      before: 1,
      after: 5,
    });
    // evalua stays in the middle: not a move.
    expect(changes.some((c) => c.path === 'desempenos.evalua' && c.kind === 'moved')).toBe(false);
  });
});

describe('version lifecycle', () => {
  it('moves draft → published → retired only, and edits drafts only', () => {
    const allowed = VERSION_STATUSES.flatMap((from) =>
      VERSION_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual(['draft→published', 'published→retired']);
    expect(VERSION_STATUSES.filter(isEditable)).toEqual(['draft']);
    expect(VERSION_STATUSES.filter(isFillable)).toEqual(['published']);
  });
});
