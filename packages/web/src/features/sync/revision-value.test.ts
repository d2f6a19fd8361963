import { findRawCodes } from '@acompana/core';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../app/i18n/index.ts';
import { revisionValue } from './revision-value.ts';

// The Sincronización page shows an overwritten value of a collective activity in words.

const t = i18n.t.bind(i18n);

describe('a revision’s value in words', () => {
  it('shows attendance days with their marks and family counts, no raw codes', () => {
    const days = revisionValue(t, [
      { date: '2026-05-08', mark: 'present' },
      { date: '2026-05-09', mark: 'justified' },
    ]);
    expect(days).toBe('8 de mayo de 2026: asistió; 9 de mayo de 2026: justificó');
    const families = revisionValue(t, { mothers: 5, fathers: 2, relatives: 1, community: 0 });
    expect(families).toBe('madres 5, padres 2, otros familiares 1, comunidad 0');
    for (const text of [days, families]) expect(findRawCodes(text)).toEqual([]);
  });

  it('keeps text, lists of text and empty values readable', () => {
    expect(revisionValue(t, ['Traer el plan', 'Compartir una sesión'])).toBe(
      'Traer el plan; Compartir una sesión',
    );
    expect(revisionValue(t, [])).toBe('—');
    expect(revisionValue(t, null)).toBe('—');
    expect(revisionValue(t, [{ moment: 'Inicio', description: 'Saberes previos' }])).toBe(
      'Inicio — Saberes previos',
    );
  });
});
