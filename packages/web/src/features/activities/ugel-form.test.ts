import type { UgelActivity, UgelActivityOptions } from '@acompana/core';
import { describe, expect, it } from 'vitest';
import { addInvitees, draftOf, draftProblems, newDraft, teachersBy, writeOf } from './ugel-form.ts';

// The specialist's taller form before sending: picks by school, network and coach; the
// problems the server would refuse (outside the UGEL, dates, closed empty); the body sent.

const options: UgelActivityOptions = {
  ugelId: 'U1',
  ugelName: 'UGEL Norte',
  schoolYear: 2026,
  interventions: ['MULTIGRADO'],
  schools: [
    { id: 'S1', name: 'IE 1', networkId: 'N1' },
    { id: 'S2', name: 'IE 2', networkId: 'N1' },
    { id: 'S3', name: 'IE 3', networkId: null },
  ],
  networks: [{ id: 'N1', name: 'Red 1' }],
  coaches: [{ id: 'C1', displayName: 'Ana' }],
  teachers: [
    { id: 'T1', displayName: 'Uno', schoolId: 'S1', coachIds: ['C1'] },
    { id: 'T2', displayName: 'Dos', schoolId: 'S2', coachIds: [] },
    { id: 'T3', displayName: 'Tres', schoolId: 'S3', coachIds: ['C1'] },
  ],
};

const draft = (extra = {}) => ({
  ...newDraft(options, '2026-08-10'),
  theme: 'Evaluación formativa',
  schoolId: 'S1',
  endDate: '2026-08-12',
  inviteeIds: ['T1'],
  ...extra,
});

describe('the specialist’s taller form', () => {
  it('picks teachers by school, by network and by a coach’s caseload', () => {
    expect(teachersBy(options, 'school', 'S3')).toEqual(['T3']);
    expect(teachersBy(options, 'network', 'N1')).toEqual(['T1', 'T2']);
    expect(teachersBy(options, 'coach', 'C1')).toEqual(['T1', 'T3']);
    expect(teachersBy(options, 'school', '')).toEqual([]);
    expect(addInvitees(['T1'], ['T1', 'T3'])).toEqual(['T1', 'T3']);
  });

  it('finds what the server would refuse, by field', () => {
    expect(draftProblems(draft(), options)).toEqual({});
    expect(draftProblems(draft({ inviteeIds: ['T1', 'T9'] }), options)).toEqual({
      inviteeIds: 'outside',
    });
    expect(draftProblems(draft({ endDate: '2026-08-09' }), options)).toEqual({
      endDate: 'endDate',
    });
    expect(draftProblems(draft({ inviteeIds: [], status: 'done' }), options)).toEqual({
      status: 'closedEmpty',
    });
    expect(draftProblems(draft({ schoolId: 'S9', theme: ' ', endTime: '07:00' }), options)).toEqual(
      { schoolId: 'school', theme: 'theme', endTime: 'endTime' },
    );
  });

  it('sends the activity without organisers and keeps what the form does not edit', () => {
    const body = writeOf(draft({ agenda: 'Inicio: Presentación\nCierre' }), null);
    expect(body.baseVersion).toBe(0);
    expect(body.activity).toMatchObject({
      type: 'taller',
      startDate: '2026-08-10',
      endDate: '2026-08-12',
      agenda: [
        { moment: 'Inicio', description: 'Presentación' },
        { moment: 'Cierre', description: '' },
      ],
      inviteeIds: ['T1'],
    });
    expect('organiserIds' in body.activity).toBe(false);
    const stored = {
      id: 'A1',
      version: 3,
      activity: {
        ...body.activity,
        organiserIds: ['E1'],
        organisedBy: 'ugel',
        agreements: ['Acuerdo'],
      },
      invited: 1,
      attended: 0,
      attendees: [],
    } as UgelActivity;
    const again = writeOf({ ...draftOf(stored), theme: 'Otro' }, stored);
    expect(again.baseVersion).toBe(3);
    expect(again.activity.agreements).toEqual(['Acuerdo']);
    // A jornada is one day.
    expect(writeOf(draft({ type: 'jornada' }), null).activity.endDate).toBe('2026-08-10');
  });
});
