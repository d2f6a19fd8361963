import { beforeAll, describe, expect, it } from 'vitest';
import { loadTexts } from '../../../app/i18n/index.ts';
import { buildFichaPdf, type FichaModel, fichaFileName } from './ficha.ts';

const model: FichaModel = {
  teacher: 'Rosa Quispe Huamán',
  school: 'IE N° 80412 Cascas',
  coach: 'Juan Perez Castillo',
  intervention: 'Acompanamiento Unidocente y Multigrado',
  date: '2026-05-14',
  status: 'Realizada',
  goals: ['Leer un cuento y conversar sobre los personajes'],
  teacherConfirmedAt: '2026-05-14T08:05:00.000Z',
  rubric: {
    version: 'v2',
    items: [
      {
        code: 'involucra',
        name: 'Involucra activamente',
        level: 3,
        levelName: 'III Satisfactorio',
        evidence: 'Preguntas abiertas a todo el grupo',
      },
      {
        code: 'razonamiento',
        name: 'Promueve el razonamiento',
        level: null,
        levelName: null,
        evidence: '',
      },
    ],
  },
  checklist: { score: 7, max: 10, lines: ['Planificacion disponible: si'] },
  notes: [
    { at: '08:20', text: 'Los grupos comparten materiales', tags: ['Involucra activamente'] },
  ],
  dialogue: {
    apertura: 'La docente describe la sesion',
    reflexion: 'Revisamos la evidencia del monitoreo',
    alternativas: 'Usar preguntas de nivel inferencial',
    compromisos: 'Dos compromisos acordados',
    reflectionLevel: 'practica',
  },
  commitments: [
    {
      text: 'Planificar preguntas inferenciales',
      owner: 'Docente',
      status: 'Pendiente',
      dueDate: '2026-06-10',
    },
    {
      text: 'Modelar una sesion de lectura',
      owner: 'Acompanante',
      status: 'Pendiente',
      dueDate: null,
    },
  ],
  followUps: [{ text: 'Organizar el sector de lectura', status: 'Cumplido', note: null }],
};

// Feature texts load with their screens; tests load them as the screens do.
beforeAll(() => loadTexts('visits'));

describe('ficha de visita (PDF on the device)', () => {
  it('lays out every part of the visit in a valid PDF', async () => {
    const bytes = await buildFichaPdf(model, { compress: false });
    const text = new TextDecoder('latin1').decode(bytes);
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    for (const expected of [
      'Rosa Quispe Huamán',
      'IE N° 80412 Cascas',
      'Diálogo reflexivo',
      'Leer un cuento y conversar sobre los personajes',
      'Preguntas abiertas a todo el grupo',
      'Los grupos comparten materiales',
      'Revisamos la evidencia del monitoreo',
      'Planificar preguntas inferenciales',
      'Modelar una sesion de lectura',
      'Organizar el sector de lectura',
      'Puntaje: 7 de 10',
      'Compromisos',
      'Nivel III Satisfactorio',
      'Involucra activamente',
    ]) {
      expect(text).toContain(expected);
    }
    // Rubric levels in the rubric's roman numerals only (12.15).
    expect(text).not.toMatch(/Nivel \d/);
  });

  it('starts a new page when the content does not fit, numbering every page', async () => {
    const long = {
      ...model,
      notes: Array.from({ length: 120 }, (_, i) => ({
        at: '09:00',
        text: `Nota numero ${i + 1}`,
        tags: [],
      })),
    };
    const text = new TextDecoder('latin1').decode(await buildFichaPdf(long, { compress: false }));
    const pages = text.match(/\/Type \/Page\b/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`de ${pages}`);
    expect(text).toContain('Nota numero 120');
  });

  it('is smaller compressed and names the file after the date and the teacher', async () => {
    const plain = await buildFichaPdf(model, { compress: false });
    const packed = await buildFichaPdf(model);
    expect(packed.length).toBeLessThan(plain.length);
    expect(fichaFileName({ date: '2026-05-14', teacher: 'Rosa Quispe Huamán' })).toBe(
      'ficha-visita-2026-05-14-rosa-quispe-huaman.pdf',
    );
  });
});
