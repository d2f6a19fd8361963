import { describe, expect, it } from 'vitest';
import { parseDefinition, RUBRIC_LEVELS } from './definition.ts';
import {
  FIELD_NOTEBOOK,
  PRE_OBSERVATION_CHECKLIST,
  RUBRIC_2017,
  RUBRIC_2018,
  SEED_INSTRUMENTS,
} from './seed/index.ts';

// Definitions as the designer and the JSON import send them: valid ones pass unchanged, invalid
// ones are refused with the exact path inside the definition and a Spanish reason.

// JSON round trip: core compiles without DOM or Node types (no structuredClone).
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

function issuesOf(input: unknown) {
  const result = parseDefinition(input);
  if (result.ok) throw new Error('expected the definition to be refused');
  return result.issues;
}

describe('instrument definitions', () => {
  it('accepts every seeded definition as it is', () => {
    for (const instrument of SEED_INSTRUMENTS) {
      for (const v of instrument.versions) {
        const result = parseDefinition(v.definition);
        expect(result, `${instrument.code} v${v.version}`).toEqual({
          ok: true,
          value: v.definition,
        });
        expect(v.definition.type).toBe(instrument.type);
      }
    }
  });

  it('keeps the facts of the seeded rubrics: 6 desempeños in 2017, 5 from 2018, four named levels', () => {
    expect(RUBRIC_2017.desempenos.map((d) => d.code)).toEqual([
      'involucra',
      'tiempo',
      'razonamiento',
      'evalua',
      'respeto',
      'comportamiento',
    ]);
    expect(RUBRIC_2018.desempenos.map((d) => d.code)).toEqual([
      'involucra',
      'razonamiento',
      'evalua',
      'respeto',
      'comportamiento',
    ]);
    expect(RUBRIC_LEVELS.map((l) => `${l.roman} ${l.name}`)).toEqual([
      'I Insatisfactorio',
      'II En proceso',
      'III Satisfactorio',
      'IV Destacado',
    ]);
    const involve = RUBRIC_2018.desempenos[0];
    expect(involve?.levels[1]?.conditions?.items[1]?.threshold).toEqual({
      comparator: '>=',
      value: 50,
      unit: 'percent_students',
    });
    expect(involve?.levels[2]?.conditions?.items[1]?.threshold?.value).toBe(75);
    const time = RUBRIC_2017.desempenos[1];
    expect(time?.levels.map((l) => l.conditions?.items[0]?.threshold?.value)).toEqual([
      30, 30, 15, 6,
    ]);
  });

  it('refuses a rubric level with an empty descriptor at its exact path', () => {
    const def = clone(RUBRIC_2018);
    const level = def.desempenos[1]?.levels[2];
    if (level) level.descriptor = '  ';
    expect(issuesOf(def)).toEqual([
      { path: 'desempenos.1.levels.2.descriptor', message: 'Escribe el descriptor del nivel.' },
    ]);
  });

  it('refuses a desempeño without four levels, or with levels out of order', () => {
    const three = clone(RUBRIC_2018);
    three.desempenos[0]?.levels.pop();
    expect(issuesOf(three)).toEqual([
      { path: 'desempenos.0.levels', message: 'Debe tener exactamente cuatro niveles (I a IV).' },
    ]);
    const swapped = clone(RUBRIC_2018);
    const levels = swapped.desempenos[0]?.levels;
    if (levels?.[0] && levels[1]) [levels[0], levels[1]] = [levels[1], levels[0]];
    expect(issuesOf(swapped)).toEqual([
      {
        path: 'desempenos.0.levels.0.level',
        message: 'El nivel en la posición 1 debe ser 1 (Insatisfactorio).',
      },
      {
        path: 'desempenos.0.levels.1.level',
        message: 'El nivel en la posición 2 debe ser 2 (En proceso).',
      },
    ]);
  });

  it('refuses repeated codes, bad codes, unknown competencies and bad condition joins', () => {
    const def = clone(RUBRIC_2018) as unknown as Record<string, unknown[]>;
    const d = def.desempenos as Record<string, unknown>[];
    (d[2] as Record<string, unknown>).competency = 'C9';
    ((d[3] as { aspects: { code: string }[] }).aspects[0] as { code: string }).code = 'Trato!';
    const cond = (d[0] as { levels: { conditions: { join: string } }[] }).levels[1]?.conditions;
    if (cond) cond.join = 'and';
    expect(issuesOf(def)).toEqual([
      { path: 'desempenos.0.levels.1.conditions.join', message: 'Usa «y» (todas) u «o» (alguna).' },
      { path: 'desempenos.2.competency', message: 'La competencia debe ser C2, C3, C4 o C5.' },
      {
        path: 'desempenos.3.aspects.0.code',
        message:
          'Usa un código de 1 a 20 caracteres: minúsculas, números o «_», empezando por una letra.',
      },
    ]);
    // Repeated codes are checked once the list's own entries are valid.
    const repeated = clone(RUBRIC_2018);
    const second = repeated.desempenos[1];
    if (second) second.code = 'involucra';
    expect(issuesOf(repeated)).toEqual([
      { path: 'desempenos.1.code', message: 'El código «involucra» está repetido.' },
    ]);
  });

  it('refuses an unknown type and a rubric without desempeños', () => {
    expect(issuesOf({ type: 'survey', title: 'x' })).toEqual([
      { path: 'type', message: 'El tipo debe ser rubric, checklist o notebook.' },
    ]);
    expect(issuesOf({ ...RUBRIC_2018, desempenos: [] })).toEqual([
      { path: 'desempenos', message: 'Agrega al menos un desempeño.' },
    ]);
  });

  it('refuses checklist items without their max points, concepts without a scale and repeated item codes', () => {
    const def = clone(PRE_OBSERVATION_CHECKLIST);
    delete def.conceptScale;
    const materials = def.sections[1]?.items[0];
    if (materials) delete materials.maxPoints;
    const last = def.sections[2]?.items[0];
    if (last) last.code = 'proposito';
    const paths = issuesOf(def).map((i) => `${i.path}: ${i.message}`);
    expect(paths).toEqual([
      'sections.0.items.2.answer: Define la escala de conceptos (conceptScale) para usar ítems por concepto.',
      'sections.0.items.3.answer: Define la escala de conceptos (conceptScale) para usar ítems por concepto.',
      'sections.1.items.0.maxPoints: Indica el puntaje máximo del ítem.',
      'sections.1.items.1.answer: Define la escala de conceptos (conceptScale) para usar ítems por concepto.',
      'sections.2.items.0.code: El código «proposito» está repetido.',
      'sections.2.items.1.answer: Define la escala de conceptos (conceptScale) para usar ítems por concepto.',
    ]);
  });

  it('refuses a notebook template without tags or with a negative minimum of notes', () => {
    expect(issuesOf({ ...FIELD_NOTEBOOK, tags: [], minNotes: -1 })).toEqual([
      { path: 'tags', message: 'Agrega al menos una etiqueta.' },
      { path: 'minNotes', message: expect.stringMatching(/0/) },
    ]);
  });
});
