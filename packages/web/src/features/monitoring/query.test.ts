import type { Me, Role } from '@acompana/core';
import { describe, expect, it } from 'vitest';
import {
  apiSearch,
  breakdowns,
  drillInto,
  goUp,
  landingScope,
  pageSearch,
  readQuery,
  reportUrl,
} from './query.ts';

// The monitoring screen's URL: filters survive a reload, a drill keeps the way back, the
// report API and the downloads get exactly the query on screen, and each supervisor lands on
// their own territory.

type Grant = { role: Role; level: 'national' | 'region' | 'ugel' | 'school'; id: string | null };
const meWith = (...grants: Grant[]): Me =>
  ({
    person: { id: 'p1' },
    roles: grants.map((g) => ({
      role: g.role,
      scope: { level: g.level, id: g.id, name: 'x' },
      validFrom: '2026-01-01',
      validTo: null,
    })),
    abilities: [],
  }) as unknown as Me;

describe('landing scope per role', () => {
  it('MINEDU the nation, especialista their UGEL, director their school', () => {
    expect(landingScope(meWith({ role: 'minedu', level: 'national', id: null }))).toBe('nation');
    expect(landingScope(meWith({ role: 'especialista', level: 'ugel', id: 'u1' }))).toBe('ugel:u1');
    expect(landingScope(meWith({ role: 'director', level: 'school', id: 's1' }))).toBe('school:s1');
  });

  it('the widest supervising role wins; coaches and teachers have none', () => {
    const both = meWith(
      { role: 'director', level: 'school', id: 's1' },
      { role: 'especialista', level: 'ugel', id: 'u1' },
    );
    expect(landingScope(both)).toBe('ugel:u1');
    expect(landingScope(meWith({ role: 'acompanante', level: 'ugel', id: 'u1' }))).toBeNull();
    expect(landingScope(meWith({ role: 'docente', level: 'school', id: 's1' }))).toBeNull();
  });
});

describe('the URL of the screen', () => {
  const landing = 'ugel:u1';

  it('reads the report, scope, breakdown and filters, with defaults', () => {
    const q = readQuery(new URLSearchParams(''), landing);
    expect(q).toEqual({ report: 'compliance', scope: landing, by: null, filters: {}, trail: [] });
    const full = readQuery(
      new URLSearchParams(
        'report=coverage&scope=school:s9&by=coach&year=2025&month=7&intervention=AP-EBR&level=primaria&area=rural&characteristic=unidocente&trail=ugel:u1',
      ),
      landing,
    );
    expect(full).toEqual({
      report: 'coverage',
      scope: 'school:s9',
      by: 'coach',
      filters: {
        year: '2025',
        month: '7',
        intervention: 'AP-EBR',
        level: 'primaria',
        area: 'rural',
        characteristic: 'unidocente',
      },
      trail: ['ugel:u1'],
    });
  });

  it('ignores unknown reports and breakdowns', () => {
    const q = readQuery(new URLSearchParams('report=salaries&by=teacher'), landing);
    expect(q.report).toBe('compliance');
    expect(q.by).toBeNull();
  });

  it('writes back what it reads (round trip), leaving defaults out', () => {
    const search = '?report=progress&scope=school%3As9&year=2025&area=rural&trail=ugel%3Au1';
    const q = readQuery(new URLSearchParams(search), landing);
    expect(pageSearch(q, landing)).toBe(search);
    expect(pageSearch(readQuery(new URLSearchParams(''), landing), landing)).toBe('');
  });

  it('drills down one level keeping the way back, and goes back up', () => {
    const top = readQuery(new URLSearchParams('month=5'), landing);
    const school = drillInto({ ...top, by: 'school' }, 'school:s1');
    expect(school).toMatchObject({ scope: 'school:s1', by: null, trail: ['ugel:u1'] });
    expect(school.filters).toEqual({ month: '5' });
    const coach = drillInto(school, 'coach:c1');
    expect(coach.trail).toEqual(['ugel:u1', 'school:s1']);
    expect(goUp(coach, 0)).toMatchObject({ scope: 'ugel:u1', trail: [] });
    expect(goUp(coach, 1)).toMatchObject({ scope: 'school:s1', trail: ['ugel:u1'] });
  });
});

describe('the API query and downloads', () => {
  it('sends exactly the scope, breakdown and filters on screen', () => {
    const q = readQuery(
      new URLSearchParams('scope=ugel:u1&by=coach&year=2025&level=inicial&trail=nation'),
      'nation',
    );
    expect(apiSearch(q)).toBe('scope=ugel%3Au1&by=coach&year=2025&level=inicial');
    expect(reportUrl(q)).toBe(
      '/api/v1/reports/compliance?scope=ugel%3Au1&by=coach&year=2025&level=inicial',
    );
    expect(reportUrl(q, 'csv')).toBe(
      '/api/v1/reports/compliance.csv?scope=ugel%3Au1&by=coach&year=2025&level=inicial',
    );
  });

  it('never asks for progress per coach (levels are formative)', () => {
    const q = readQuery(new URLSearchParams('report=progress&scope=ugel:u1&by=coach'), 'nation');
    expect(apiSearch(q)).toBe('scope=ugel%3Au1');
    expect(breakdowns(q)).toEqual(['school', 'network']);
    expect(breakdowns({ ...q, report: 'compliance' })).toEqual(['school', 'network', 'coach']);
    expect(breakdowns({ ...q, scope: 'school:s1' })).toEqual([]);
  });
});
