// The organisers of a collective activity (docs/ACTIVITIES.md, "Organisers"): coaches through
// their own listing, a UGEL specialist only inside their UGEL; nobody else writes the record.
import { describe, expect, it } from 'vitest';
import { decideActivityWrite } from './field-ownership.ts';
import { decide, type Resource } from './policy.ts';
import { AWAY, actorOf, HOME, ME } from './policy-testing.ts';

const activity = (organisers: string[], place = HOME): Resource => ({
  kind: 'activity_record',
  coachIds: organisers,
  place,
});

describe('activity organisers', () => {
  const specialist = actorOf('especialista');

  it.each([
    // who, action, organisers, place, allowed
    ['especialista', 'create', [ME], HOME, true],
    ['especialista', 'update', [ME, 'coach-1'], HOME, true],
    ['especialista', 'read', [ME], HOME, true],
    ['especialista', 'delete', [ME], HOME, false],
    ['especialista', 'create', [ME], AWAY, false],
    ['especialista', 'read', [ME], AWAY, false],
    ['especialista', 'update', ['coach-1'], HOME, false],
    ['especialista', 'read', ['coach-1'], HOME, false],
    ['director', 'create', [ME], HOME, false],
    ['director', 'update', [ME], HOME, false],
    ['minedu', 'create', [ME], HOME, false],
    ['formador', 'create', [ME], HOME, false],
    ['acompanante', 'create', [ME], AWAY, true],
    ['acompanante', 'update', ['coach-1'], HOME, false],
  ] as const)('%s %s (organisers %j) → %s', (role, action, organisers, place, allowed) => {
    expect(decide(actorOf(role), action, activity([...organisers], place)).allow).toBe(allowed);
  });

  it('refuses a specialist organising outside their UGEL with the stable code', () => {
    expect(decideActivityWrite(specialist, 'create', [ME], HOME)).toEqual({
      allow: true,
      capacities: ['coach'],
    });
    expect(decideActivityWrite(specialist, 'create', [ME], AWAY)).toMatchObject({
      allow: false,
      code: 'SYNC_FORBIDDEN',
    });
    // Without a place (how coaches' writes were decided) a specialist never writes.
    expect(decideActivityWrite(specialist, 'update', [ME]).allow).toBe(false);
  });
});
