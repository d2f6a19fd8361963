import { type Actor, AppError, type Role } from '@acompana/core';
import { describe, expect, it } from 'vitest';
import { decideActa } from './activities.ts';

// The policy rows of GET /activities/{id}/acta.pdf (docs/PRIVACY.md, docs/ACTIVITIES.md
// "Acta"): who gets the acta (200), whose role never reads activity records (403) and who
// could but not this activity (404). The server test (modules/activities/acta.test.ts) walks
// the same rows through the route on both engines.

const ME = 'person-me';
const actor = (...roles: Role[]): Actor => ({
  personId: ME,
  grants: roles.map((role) => ({ role, scope: { level: 'national', id: null } })),
});
/** 200, or the refusal's status and stable code ("403 FORBIDDEN", "404 NOT_FOUND"). */
const HOME = { schoolId: 'S1', ugelId: 'U1', regionId: 'R1' };
const specialistOf = (ugel: string): Actor => ({
  personId: ME,
  grants: [{ role: 'especialista', scope: { level: 'ugel', id: ugel } }],
});
const outcome = (a: Actor, organiserIds: string[] | null): string => {
  try {
    decideActa(a, organiserIds, HOME);
    return '200';
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return `${error.status} ${error.code}`;
  }
};

describe('policy of the acta of an activity', () => {
  it.each([
    ['an organising coach', actor('acompanante'), [ME, 'coach-2'], '200'],
    ['a coach who does not organise it', actor('acompanante'), ['coach-2'], '404 NOT_FOUND'],
    // An invited teacher reads their own attendance only; the acta shows everyone's marks.
    ['a teacher (invited or not)', actor('docente'), ['coach-2'], '404 NOT_FOUND'],
    ['a director', actor('director'), [ME], '403 FORBIDDEN'],
    // A specialist reads their own UGEL-wide talleres (relation `organiser`), no other.
    [
      'a UGEL specialist who does not organise it',
      specialistOf('U1'),
      ['coach-2'],
      '404 NOT_FOUND',
    ],
    ['a UGEL specialist organising it in their UGEL', specialistOf('U1'), [ME], '200'],
    ['a UGEL specialist of another UGEL', specialistOf('U9'), [ME], '404 NOT_FOUND'],
    ['a formador', actor('formador'), ['coach-2'], '403 FORBIDDEN'],
    ['equipo MINEDU', actor('minedu'), ['coach-2'], '403 FORBIDDEN'],
    ['a director who also coaches and organises it', actor('director', 'acompanante'), [ME], '200'],
    [
      'an organiser asking for an activity that does not exist',
      actor('acompanante'),
      null,
      '404 NOT_FOUND',
    ],
  ] as const)('%s → %s', (_, a, organisers, expected) => {
    expect(outcome(a, organisers === null ? null : [...organisers])).toBe(expected);
  });
});
