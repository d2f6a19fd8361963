import { describe, expect, it } from 'vitest';
import { actaFileName, actaModelOf } from './acta.ts';

// The acta's model is built the same way on the device and on the server (one function):
// names, marks per day, desempeños by name, family counts and the Lima time of printing.

const T1 = '00000000-0000-4000-8000-000000000001';
const T2 = '00000000-0000-4000-8000-000000000002';

describe('actaModelOf', () => {
  it('words the activity: type, marks per day, families, Lima time', () => {
    const m = actaModelOf({
      activity: {
        type: 'taller',
        theme: 'Planificación curricular',
        interventionCode: 'SPI',
        place: 'Auditorio',
        startDate: '2026-05-18',
        endDate: '2026-05-19',
        startTime: '08:30',
        endTime: '13:00',
        agenda: [{ moment: 'Inicio', description: 'Saberes previos' }],
        agreements: ['Una pregunta abierta por sesión'],
        desempenos: ['D1', 'D9'],
        topics: ['Preguntas abiertas'],
        inviteeIds: [T1, T2],
        familyCounts: { mothers: 3, fathers: 1, relatives: 0, community: 2 },
      },
      school: 'IE 80412',
      organisers: ['Juan Pérez'],
      names: new Map([[T1, 'Ana Quispe']]),
      attendance: new Map([
        [
          T1,
          [
            { date: '2026-05-18', mark: 'present' as const },
            { date: '2026-05-19', mark: 'justified' as const },
          ],
        ],
      ]),
      desempenoNames: new Map([['D1', 'Involucra activamente a los estudiantes']]),
      interventionName: 'Soporte Pedagógico Intercultural',
      // 00:30 UTC on the 21st is still the 20th in Lima (UTC−5).
      generatedAt: new Date('2026-05-21T00:30:00Z'),
    });
    expect(m.title).toBe('Taller de actualización: Planificación curricular');
    // The intervention by the catalogue's name, as the ficha of a visit prints it.
    expect(m.intervention).toBe('Soporte Pedagógico Intercultural');
    expect(m.dates).toEqual(['2026-05-18', '2026-05-19']);
    expect(m.time).toBe('08:30–13:00');
    // A code the rubric does not name prints as is.
    expect(m.desempenos).toEqual(['Involucra activamente a los estudiantes', 'D9']);
    expect(m.topics).toEqual(['Preguntas abiertas']);
    expect(m.attendees).toEqual([
      { name: 'Ana Quispe', marks: ['A', 'J'] },
      { name: 'Docente', marks: ['–', '–'] },
    ]);
    expect(m.families).toEqual([
      { label: 'Madres', count: 3 },
      { label: 'Padres', count: 1 },
      { label: 'Otros familiares', count: 0 },
      { label: 'Comunidad', count: 2 },
    ]);
    expect(m.generated).toBe('Generada el 20 de mayo de 2026 a las 07:30 p. m., hora de Lima');
    expect(actaFileName(m)).toBe('acta-taller-de-actualizacion-2026-05-18.pdf');
  });
});
