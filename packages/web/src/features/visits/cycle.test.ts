import type { CommitmentRecord, VersionDetail, VisitRecord } from '@acompana/core';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../app/i18n/index.ts';
import { splitLines } from './Before.tsx';
import { parseCodes } from './Desempenos.tsx';
import { openBefore } from './FollowUps.tsx';
import { fichaModel } from './pdf/model.ts';

const T = '00000000-0000-4000-8000-00000000000a';
const S = '00000000-0000-4000-8000-000000000001';
const V1 = '00000000-0000-4000-8000-0000000000f1';
const V2 = '00000000-0000-4000-8000-0000000000f2';

const visit: VisitRecord = {
  teacherId: T,
  schoolId: S,
  interventionCode: 'AP_MULTIGRADO',
  kind: 'regular',
  status: 'done',
  plannedDate: '2026-06-10',
  startedAt: '2026-06-10T13:00:00.000Z',
  endedAt: null,
  cancelReason: null,
  cancelNote: null,
  goals: ['Leer un cuento'],
  focus: ['D1'],
  teacherConfirmedAt: null,
  dialogue: {
    apertura: 'a',
    reflexion: 'r',
    alternativas: 'al',
    compromisos: 'c',
    reflectionLevel: 'practica',
  },
};

function commitment(visitId: string, status: CommitmentRecord['status']): CommitmentRecord {
  return {
    visitId,
    teacherId: T,
    owner: 'teacher',
    desempeno: 'D1',
    text: `Compromiso ${status}`,
    dueDate: '2026-07-01',
    status,
    followUpNote: status === 'no_cumplido' ? 'Faltó tiempo' : null,
  };
}

const rubric = {
  id: 'r1',
  version: 2,
  status: 'published',
  instrumentId: 'i1',
  instrumentCode: 'RUBRICA',
  instrumentName: 'Rúbrica',
  definition: {
    type: 'rubric',
    title: 'Rúbrica',
    desempenos: [
      { code: 'D1', name: 'Involucra', definition: '', aspects: [], levels: [] },
      { code: 'D2', name: 'Razonamiento', definition: '', aspects: [], levels: [] },
    ],
  },
} as unknown as VersionDetail;

describe('the visit screens', () => {
  it('reads goals one per line and typed desempeño codes in lowercase, as the rubric has them', () => {
    expect(splitLines(' Leer \n\n  Escribir ')).toEqual(['Leer', 'Escribir']);
    // Rubric codes are lowercase (core itemCode): typed codes are normalised to them.
    expect(parseCodes('respeto, Razonamiento;respeto  d4')).toEqual([
      'respeto',
      'razonamiento',
      'd4',
    ]);
  });

  it('opens a visit with the open commitments of earlier visits, oldest first', () => {
    const records = [
      { id: 'c1', data: commitment(V2, 'pending') },
      { id: 'c2', data: commitment(V1, 'en_proceso') },
      { id: 'c3', data: commitment(V1, 'cumplido') },
      { id: 'c4', data: commitment('unknown-visit', 'pending') },
    ].map((r) => ({
      ...r,
      kind: 'commitment' as const,
      version: 1,
      teacherId: T,
      visitId: r.data.visitId,
      server: null,
      seen: 0,
      updatedAt: '',
    }));
    const dates = new Map([
      [V1, '2026-05-10'],
      [V2, '2026-06-10'],
    ]);
    expect(openBefore(records, dates, '2026-06-10').map((c) => c.id)).toEqual(['c2']);
    expect(openBefore(records, dates, '2026-07-10').map((c) => c.id)).toEqual(['c2', 'c1']);
  });

  it('words the ficha from the records: level names, statuses, owners', () => {
    const model = fichaModel(i18n.t, {
      visit,
      names: { teacher: 'Rosa', school: 'IE 1', coach: 'Juan', intervention: 'Multigrado' },
      responses: [
        {
          data: {
            visitId: V2,
            teacherId: T,
            instrumentVersionId: 'r1',
            status: 'complete',
            answers: { scores: { D1: { level: 3, evidence: 'Pregunta a todos' } } },
          },
          version: rubric,
        },
      ],
      commitments: [commitment(V2, 'pending')],
      followUps: [commitment(V1, 'no_cumplido')],
    });
    expect(model.status).toBe('Realizada');
    expect(model.rubric?.version).toBe('v2');
    expect(model.rubric?.items).toEqual([
      {
        code: 'D1',
        name: 'Involucra',
        level: 3,
        levelName: 'III Satisfactorio',
        evidence: 'Pregunta a todos',
      },
      { code: 'D2', name: 'Razonamiento', level: null, levelName: null, evidence: '' },
    ]);
    expect(model.checklist).toBeNull();
    expect(model.commitments[0]).toMatchObject({ owner: i18n.t('commitments.owners.teacher') });
    expect(model.followUps).toEqual([
      {
        text: 'Compromiso no_cumplido',
        status: i18n.t('commitments.statuses.no_cumplido'),
        note: 'Faltó tiempo',
      },
    ]);
    expect(model.dialogue?.reflectionLevel).toBe('practica');
    expect(model.intervention).toBe('Multigrado');
  });

  it('names note tags and desempeños in the ficha by their labels, never by code (12.15)', () => {
    const notebook = {
      ...rubric,
      id: 'n1',
      definition: {
        type: 'notebook',
        title: 'Cuaderno',
        prompts: [],
        tags: [{ code: 'momento_critico', label: 'Momento crítico' }],
        minNotes: 0,
      },
    } as unknown as VersionDetail;
    const model = fichaModel(i18n.t, {
      visit,
      names: { teacher: 'Rosa', school: 'IE 1', coach: 'Juan', intervention: '' },
      responses: [
        {
          data: {
            visitId: V2,
            teacherId: T,
            instrumentVersionId: 'n1',
            status: 'complete',
            answers: {
              notes: [
                {
                  at: '2026-06-10T13:20:00.000Z',
                  text: 'Trabajo en grupos',
                  tags: ['momento_critico'],
                  desempeno: 'D1',
                  aspect: null,
                },
              ],
            },
          },
          version: notebook,
        },
      ],
      commitments: [],
      followUps: [],
      desempenoNames: new Map([['D1', 'Involucra']]),
    });
    expect(model.notes.map((n) => n.tags)).toEqual([['Momento crítico', 'Involucra']]);
    expect(model.intervention).toBe('');
  });
});
