import { beforeAll, describe, expect, it } from 'vitest';
import { loadTexts } from '../../../app/i18n/index.ts';
import { type ActaModel, actaFileName, buildActaPdf } from './acta.ts';

const model: ActaModel = {
  title: 'Taller de actualizacion: Planificacion curricular',
  type: 'Taller de actualizacion',
  intervention: 'SPI',
  school: 'IE N° 80412 Cascas',
  place: 'Auditorio de la UGEL',
  dates: ['2026-05-18', '2026-05-19', '2026-05-20'],
  time: '08:30',
  organisers: ['Juan Perez Castillo'],
  agenda: [{ moment: 'Inicio', description: 'Recojo de saberes' }],
  agreements: ['Aplicar una pregunta abierta por sesion'],
  desempenos: ['Involucra activamente a los estudiantes'],
  topics: ['Repreguntas en el dialogo reflexivo'],
  attendees: Array.from({ length: 40 }, (_, i) => ({
    name: `Docente numero ${i + 1}`,
    marks: ['A', 'F', 'J'],
  })),
  families: null,
  generated: 'Generada el 20 de mayo de 2026 a las 17:40, hora de Lima',
};

beforeAll(() => loadTexts('activities'));

// The layout is core's layoutActa, the one the server prints too (GET /activities/{id}/acta.pdf).
describe('acta of an activity (PDF on the device)', () => {
  it('lists the activity, desempeños, topics, agreements and every attendee with a signature column', async () => {
    const text = new TextDecoder('latin1').decode(await buildActaPdf(model, { compress: false }));
    expect(text.startsWith('%PDF-')).toBe(true);
    for (const expected of [
      'Acta de actividad colectiva',
      'Planificacion curricular',
      'IE N° 80412 Cascas',
      'Recojo de saberes',
      '1. Aplicar una pregunta abierta por sesion',
      'Involucra activamente a los estudiantes',
      'Repreguntas en el dialogo reflexivo',
      'Firma',
      'Docente numero 1',
      'Docente numero 40',
      'A F J',
      'Generada el 20 de mayo de 2026 a las 17:40, hora de Lima',
    ]) {
      expect(text).toContain(expected);
    }
    // 40 attendees do not fit one page: numbered pages.
    const pages = text.match(/\/Type \/Page\b/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`de ${pages}`);
    expect(actaFileName(model)).toBe('acta-taller-de-actualizacion-2026-05-18.pdf');
  });
});
