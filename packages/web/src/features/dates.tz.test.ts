import type { VersionDetail } from '@acompana/core';
import { expectProcessTimeZone, LAST_NIGHT_OF_YEAR } from '@acompana/core/time-testing';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatDate, loadTexts } from '../app/i18n/index.ts';
import { timeOf } from './instruments/renderer/format.ts';
import { formatDecidedAt, rubricObservations } from './progress/model.ts';
import { buildFichaPdf, type FichaModel } from './visits/pdf/ficha.ts';

// Dates the device shows and derives, under TZ=UTC and TZ=America/Lima (the tz-* projects), at
// 23:30 in Lima on 31 December 2025 — already 1 January 2026 in UTC. Every calendar date is
// Lima's: the ficha's "Generada el…", the teacher's confirmation, a record's date, its time.

beforeAll(() => loadTexts('visits'));
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(LAST_NIGHT_OF_YEAR);
});
afterEach(() => {
  vi.useRealTimers();
});

const NOW = LAST_NIGHT_OF_YEAR.toISOString();

const ficha: FichaModel = {
  teacher: 'Rosa Quispe Huamán',
  school: 'IE N° 80412 Cascas',
  coach: 'Juan Pérez Castillo',
  intervention: 'Multigrado',
  date: '2025-12-31',
  status: 'Realizada',
  goals: ['Leer un cuento'],
  teacherConfirmedAt: NOW,
  rubric: null,
  checklist: null,
  notes: [],
  dialogue: null,
  commitments: [],
  followUps: [],
};

describe('dates on the device', () => {
  it('runs in the time zone its project names', () => {
    expectProcessTimeZone();
  });

  it('dates the ficha PDF and the teacher’s confirmation in Lima', async () => {
    const text = new TextDecoder('latin1').decode(await buildFichaPdf(ficha, { compress: false }));
    expect(text).toContain('Generada el 31 de diciembre de 2025');
    expect(text).toContain('docente el 31 de diciembre de 2025');
    expect(text).not.toContain('enero de 2026');
  });

  it('dates a record without a visit by its Lima day, and shows times on Lima’s clock', () => {
    const rubric = '00000000-0000-7000-8000-0000000000a1';
    const [observation] = rubricObservations(
      [
        {
          id: 'r1',
          updatedAt: NOW,
          data: {
            visitId: null,
            teacherId: 't1',
            instrumentVersionId: rubric,
            status: 'complete',
            answers: { scores: {} },
          },
        },
      ],
      [],
      [{ id: rubric, definition: { type: 'rubric' } } as unknown as VersionDetail],
    );
    expect(observation?.date).toBe('2025-12-31');
    expect(formatDecidedAt(NOW)).toBe('31 de diciembre de 2025');
    expect(timeOf(NOW)).toBe('11:30 p. m.');
    expect(formatDate('2025-12-31')).toBe('31 de diciembre de 2025');
  });
});
