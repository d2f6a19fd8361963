import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiFieldLabel } from './api/labels.ts';
import { fieldIssues } from './field-issues.ts';
import { entityFieldLabel } from './sync/labels.ts';

// One translation of zod's issues for API bodies, roster filters and synced records.

const body = z.object({ dni: z.string().length(8, { error: 'Debe tener 8 dígitos.' }) });
const record = z.object({ plannedDate: z.iso.date({ error: 'Debe ser una fecha AAAA-MM-DD.' }) });

describe('fieldIssues', () => {
  it('names the field in Spanish with the labels given', () => {
    const bad = body.safeParse({ dni: '123' });
    expect(bad.success || fieldIssues(bad.error)).toEqual([
      { path: 'dni', message: 'Revisa el campo «DNI»: Debe tener 8 dígitos.' },
    ]);
    const year = z.object({ year: z.number() }).safeParse({ year: 'x' });
    expect(year.success || fieldIssues(year.error, { label: apiFieldLabel })[0]?.message).toMatch(
      /^Revisa el campo «año escolar»: /,
    );
  });

  it('prefixes a synced record’s paths and says when the whole record is missing', () => {
    const wrong = record.safeParse({ plannedDate: '12/05/2026' });
    const options = { label: entityFieldLabel, prefix: 'payload', whole: 'Faltan los datos.' };
    expect(wrong.success || fieldIssues(wrong.error, options)).toEqual([
      {
        path: 'payload.plannedDate',
        message: 'Revisa el campo «fecha planificada»: Debe ser una fecha AAAA-MM-DD.',
      },
    ]);
    const missing = record.safeParse(undefined);
    expect(missing.success || fieldIssues(missing.error, options)).toEqual([
      { path: 'payload', message: 'Faltan los datos.' },
    ]);
    expect(missing.success || fieldIssues(missing.error)[0]?.path).toBe('(cuerpo)');
  });
});
