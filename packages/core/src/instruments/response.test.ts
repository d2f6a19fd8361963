import { describe, expect, it } from 'vitest';
import { emptyAnswers, validateResponse } from './response.ts';
import { checklistSummary, rubricSummary } from './scoring.ts';
import { FIELD_NOTEBOOK, PRE_OBSERVATION_CHECKLIST, RUBRIC_2018 } from './seed/index.ts';

// Filled instruments: a draft may be partial, a complete record must answer everything the
// exact version requires; checklist scores come from the version's weights and scales.

const allRubric = (evidence = 'Pregunta a todos los grupos.') => ({
  scores: Object.fromEntries(
    RUBRIC_2018.desempenos.map((d, i) => [
      d.code,
      { level: ((i % 4) + 1) as 1 | 2 | 3 | 4, evidence },
    ]),
  ),
});

describe('rubric responses', () => {
  it('accepts an empty or partial draft, refuses it as complete naming every missing answer', () => {
    expect(validateResponse(RUBRIC_2018, emptyAnswers(RUBRIC_2018), { complete: false }).ok).toBe(
      true,
    );
    const partial = { scores: { involucra: { level: 3, evidence: 'Todos trabajan en grupos.' } } };
    expect(validateResponse(RUBRIC_2018, partial, { complete: false })).toEqual({
      ok: true,
      value: partial,
    });
    const result = validateResponse(RUBRIC_2018, partial, { complete: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual([
      'scores.razonamiento.level',
      'scores.razonamiento.evidence',
      'scores.evalua.level',
      'scores.evalua.evidence',
      'scores.respeto.level',
      'scores.respeto.evidence',
      'scores.comportamiento.level',
      'scores.comportamiento.evidence',
    ]);
    expect(result.issues[0]?.message).toBe(
      'Elige el nivel de «Promueve el razonamiento, la creatividad y/o el pensamiento crítico».',
    );
  });

  it('accepts a complete record and refuses evidence left blank when the version requires it', () => {
    expect(validateResponse(RUBRIC_2018, allRubric(), { complete: true }).ok).toBe(true);
    const result = validateResponse(RUBRIC_2018, allRubric('   '), { complete: true });
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toHaveLength(5);
    const relaxed = { ...RUBRIC_2018, evidenceRequired: false };
    expect(validateResponse(relaxed, allRubric(''), { complete: true }).ok).toBe(true);
  });

  it('refuses levels outside 1–4 and desempeños the version does not have (e.g. a 2017 one)', () => {
    const bad = {
      scores: { involucra: { level: 5, evidence: '' }, tiempo: { level: 2, evidence: '' } },
    };
    const result = validateResponse(RUBRIC_2018, bad, { complete: false });
    expect(result).toEqual({
      ok: false,
      issues: [{ path: 'scores.involucra.level', message: 'El nivel debe ser 1, 2, 3 o 4.' }],
    });
    const unknown = { scores: { tiempo: { level: 2, evidence: '' } } };
    expect(validateResponse(RUBRIC_2018, unknown, { complete: false })).toEqual({
      ok: false,
      issues: [
        { path: 'scores.tiempo', message: 'El desempeño «tiempo» no existe en esta versión.' },
      ],
    });
  });

  it('summarizes levels per desempeño', () => {
    const summary = rubricSummary(RUBRIC_2018, allRubric());
    expect(summary.answered).toBe(5);
    expect(summary.byLevel).toEqual({ 1: 2, 2: 1, 3: 1, 4: 1 });
    expect(summary.rows[4]).toEqual({
      code: 'comportamiento',
      name: 'Regula positivamente el comportamiento de los estudiantes',
      level: 1,
      hasEvidence: true,
    });
  });
});

describe('checklist responses and scoring', () => {
  const full = {
    items: {
      sesion_escrita: true,
      proposito: true,
      articulacion: 'en_proceso',
      evaluacion_prevista: 'no_logrado',
      materiales: 2,
      organizacion: 'logrado',
      diversidad: null,
      metas_acordadas: false,
      compromisos_previos: 'logrado',
    },
  };

  it('scores yes/no, weighted, points and concept items per section and in total', () => {
    const s = checklistSummary(PRE_OBSERVATION_CHECKLIST, full);
    // planificación: 1 + 2 (weight 2) + 1 (en proceso) + 0 = 4 of 1 + 2 + 2 + 2 = 7
    expect(s.sections[0]).toMatchObject({ code: 'planificacion', score: 4, max: 7, answered: 4 });
    // condiciones: 2 of 3 points + 2 (logrado) + unanswered yes/no = 4 of 3 + 2 + 1 = 6
    expect(s.sections[1]).toMatchObject({ score: 4, max: 6, answered: 2, total: 3, percent: 67 });
    // acuerdos: no (weight 2) = 0, logrado = 2 → 2 of 2 + 2 = 4
    expect(s.sections[2]).toMatchObject({ score: 2, max: 4, percent: 50 });
    expect(s).toMatchObject({ score: 10, max: 17, answered: 8, total: 9, percent: 59 });
  });

  it('sums nothing for an empty checklist and keeps the maximum', () => {
    const s = checklistSummary(PRE_OBSERVATION_CHECKLIST, { items: {} });
    expect(s).toMatchObject({ score: 0, max: 17, answered: 0, percent: 0 });
  });

  it('accepts optional items unanswered as complete, refuses wrong answer types', () => {
    expect(validateResponse(PRE_OBSERVATION_CHECKLIST, full, { complete: true }).ok).toBe(true);
    const wrong = {
      items: { sesion_escrita: 'si', materiales: 4, organizacion: 'excelente', nada: true },
    };
    expect(validateResponse(PRE_OBSERVATION_CHECKLIST, wrong, { complete: false })).toEqual({
      ok: false,
      issues: [
        { path: 'items.sesion_escrita', message: 'Responde sí o no.' },
        { path: 'items.materiales', message: 'El puntaje debe ser un entero de 0 a 3.' },
        { path: 'items.organizacion', message: 'Elige un valor de la escala de conceptos.' },
        { path: 'items.nada', message: 'El ítem «nada» no existe en esta versión.' },
      ],
    });
    const missing = validateResponse(
      PRE_OBSERVATION_CHECKLIST,
      { items: { ...full.items, proposito: null } },
      { complete: true },
    );
    expect(missing).toEqual({
      ok: false,
      issues: [
        {
          path: 'items.proposito',
          message:
            'Responde «El propósito de aprendizaje de la sesión está formulado con claridad.».',
        },
      ],
    });
  });
});

describe('field-notebook responses', () => {
  const note = (over: Record<string, unknown> = {}) => ({
    id: '0190a0b1-0000-7000-8000-000000000001',
    at: '2026-05-04T09:12:00-05:00',
    text: 'Un grupo no entiende la consigna; la docente reformula con un ejemplo.',
    tags: ['evidencia', 'momento_critico'],
    prompt: 'momento_critico',
    desempeno: 'evalua',
    aspect: 'retroalimentacion',
    ...over,
  });

  it('accepts timestamped tagged notes linked to desempeños and aspects of the rubric', () => {
    const answers = { notes: [note()] };
    expect(
      validateResponse(FIELD_NOTEBOOK, answers, { complete: true, rubric: RUBRIC_2018 }),
    ).toEqual({ ok: true, value: answers });
  });

  it('needs the minimum of notes to be complete, but not as a draft', () => {
    expect(validateResponse(FIELD_NOTEBOOK, { notes: [] }, { complete: false }).ok).toBe(true);
    expect(validateResponse(FIELD_NOTEBOOK, { notes: [] }, { complete: true })).toEqual({
      ok: false,
      issues: [{ path: 'notes', message: 'Escribe al menos 1 nota.' }],
    });
  });

  it('refuses unknown tags, aspects of another desempeño, missing time and repeated notes', () => {
    const result = validateResponse(
      FIELD_NOTEBOOK,
      {
        notes: [
          note({ tags: ['opinion'], aspect: 'trato' }),
          note({ desempeno: null, aspect: 'trato', id: '0190a0b1-0000-7000-8000-000000000002' }),
          note(),
        ],
      },
      { complete: false, rubric: RUBRIC_2018 },
    );
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: 'notes.0.tags.0', message: 'La etiqueta «opinion» no existe en esta versión.' },
        {
          path: 'notes.0.aspect',
          message:
            'El aspecto «trato» no es de «Evalúa el progreso de los aprendizajes para retroalimentar a los estudiantes y adecuar su enseñanza».',
        },
        { path: 'notes.1.aspect', message: 'Elige primero el desempeño del aspecto.' },
        { path: 'notes.2.id', message: 'La nota está repetida.' },
      ],
    });
    const noTime = validateResponse(
      FIELD_NOTEBOOK,
      { notes: [note({ at: 'ayer' })] },
      { complete: false },
    );
    expect(noTime).toEqual({
      ok: false,
      issues: [{ path: 'notes.0.at', message: 'Debe ser una fecha y hora ISO 8601.' }],
    });
  });
});
