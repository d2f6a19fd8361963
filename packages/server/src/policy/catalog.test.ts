import { type Actor, AppError, type Role } from '@acompana/core';
import { describe, expect, it } from 'vitest';
import { decideActivityTypeRead, decideActivityTypeWrite } from './catalog.ts';

// The policy rows of an intervention's own activity types (GET/POST/PATCH
// /interventions/{code}/activity-types, docs/ACTIVITIES.md "Types"): every role reads them
// (catalogue data the devices need offline); only equipo MINEDU writes them. The server test
// (modules/catalog/activity-types.test.ts) walks the writes through the routes on both engines.

const actor = (...roles: Role[]): Actor => ({
  personId: 'person-me',
  grants: roles.map((role) => ({ role, scope: { level: 'national', id: null } })),
});
const outcome = (decision: (a: Actor) => void, a: Actor): string => {
  try {
    decision(a);
    return 'allow';
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return `${error.status} ${error.code}`;
  }
};

describe('policy of own activity types', () => {
  const WRITE_REFUSED = '403 ACTIVITY_TYPE_WRITE_FORBIDDEN';
  it.each([
    ['equipo MINEDU', actor('minedu'), 'allow', 'allow'],
    ['a UGEL specialist', actor('especialista'), 'allow', WRITE_REFUSED],
    ['a formador', actor('formador'), 'allow', WRITE_REFUSED],
    ['a coach', actor('acompanante'), 'allow', WRITE_REFUSED],
    ['a director', actor('director'), 'allow', WRITE_REFUSED],
    ['a teacher', actor('docente'), 'allow', WRITE_REFUSED],
    ['a coach who is also equipo MINEDU', actor('acompanante', 'minedu'), 'allow', 'allow'],
  ])('%s: read %s, write %s', (_who, a, read, write) => {
    expect(outcome(decideActivityTypeRead, a)).toBe(read);
    expect(outcome(decideActivityTypeWrite, a)).toBe(write);
  });
});
