import { describe, expect, it } from 'vitest';
import type { Role, RoleGrant } from '../roles.ts';
import { ENTITY_KINDS, type EntityKind } from '../sync/entities.ts';
import {
  decideActivityWrite,
  decideFieldWrite,
  type FieldWriteDecision,
} from './field-ownership.ts';
import type { Actor } from './policy.ts';

// Field ownership of synced field records, table-driven: who may create / delete each kind,
// which fields the teacher's current coach and the teacher themself may update, and that
// everyone else (and a coach of another teacher) is refused before ownership is considered.

const ME = 'me';
const GRANT: Record<Role, RoleGrant> = {
  docente: { role: 'docente', scope: { level: 'school', id: 'S1' } },
  acompanante: { role: 'acompanante', scope: { level: 'ugel', id: 'U1' } },
  formador: { role: 'formador', scope: { level: 'region', id: 'R1' } },
  director: { role: 'director', scope: { level: 'school', id: 'S1' } },
  especialista: { role: 'especialista', scope: { level: 'ugel', id: 'U1' } },
  minedu: { role: 'minedu', scope: { level: 'national', id: null } },
};
const actor = (...roles: Role[]): Actor => ({ personId: ME, grants: roles.map((r) => GRANT[r]) });

/** The subject as close to the role as it gets: own record, or a teacher the actor coaches. */
const closeTo = (role: Role) => ({
  teacherId: role === 'docente' ? ME : 'teacher-1',
  coachIds: role === 'acompanante' ? [ME] : ['coach-1'],
});

const code = (d: FieldWriteDecision) => (d.allow ? 'ok' : d.code);

// create, delete (by the creators) and the fields each capacity may update.
const EXPECTED: Record<
  EntityKind,
  { creator: 'coach' | 'teacher'; coach: string[]; teacher: string[] }
> = {
  visit: {
    creator: 'coach',
    coach: [
      'teacherId',
      'schoolId',
      'interventionCode',
      'kind',
      'status',
      'plannedDate',
      'startedAt',
      'endedAt',
      'cancelReason',
      'cancelNote',
      'goals',
      'focus',
      'dialogue',
    ],
    teacher: ['teacherConfirmedAt'],
  },
  commitment: {
    creator: 'coach',
    coach: [
      'visitId',
      'teacherId',
      'owner',
      'desempeno',
      'text',
      'dueDate',
      'status',
      'followUpNote',
    ],
    teacher: ['status', 'followUpNote'],
  },
  reflection: { creator: 'teacher', coach: [], teacher: ['visitId', 'teacherId', 'text'] },
  instrument_response: {
    creator: 'coach',
    coach: ['visitId', 'teacherId', 'instrumentVersionId', 'status', 'answers'],
    teacher: [],
  },
  // Coaching-cycle records: the coach's work, read by the teacher.
  diagnosis: {
    creator: 'coach',
    coach: [
      'teacherId',
      'schoolId',
      'schoolYear',
      'visitId',
      'practiceStrengths',
      'practiceWeaknesses',
      'managementStrengths',
      'managementWeaknesses',
      'learningBaseline',
    ],
    teacher: [],
  },
  coaching_plan: {
    creator: 'coach',
    coach: [
      'teacherId',
      'schoolId',
      'schoolYear',
      'interventionCode',
      'focus',
      'strategies',
      'plannedModelling',
      'targetStage',
      'fromMonth',
      'toMonth',
      'visitDates',
      'skippedMonths',
    ],
    teacher: [],
  },
  modelling: {
    creator: 'coach',
    coach: ['teacherId', 'schoolId', 'visitId', 'kind', 'date', 'desempeno', 'notes'],
    teacher: [],
  },
  stage_record: {
    creator: 'coach',
    coach: ['teacherId', 'schoolId', 'interventionCode', 'suggested', 'stage', 'note', 'decidedAt'],
    teacher: [],
  },
  // Collective activities (docs/ACTIVITIES.md): the organisers' record (who may write it at
  // all is decideActivityWrite, below), attendance by the teacher's coach, the teacher's
  // own reflection.
  activity: {
    creator: 'coach',
    coach: [
      'organiserIds',
      'interventionCode',
      'type',
      'scope',
      'schoolId',
      'place',
      'startDate',
      'endDate',
      'startTime',
      'endTime',
      'theme',
      'desempenos',
      'agenda',
      'topics',
      'agreements',
      'notes',
      'inviteeIds',
      'familyCounts',
      'status',
    ],
    teacher: [],
  },
  activity_attendance: {
    creator: 'coach',
    coach: ['activityId', 'teacherId', 'days', 'hours', 'arrivedAt'],
    teacher: [],
  },
  activity_reflection: {
    creator: 'teacher',
    coach: [],
    teacher: ['activityId', 'teacherId', 'text'],
  },
};

describe('field ownership of synced records', () => {
  it('has an expectation for every kind', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ENTITY_KINDS].sort());
  });

  const rows = ENTITY_KINDS.flatMap((kind) =>
    (['acompanante', 'docente'] as const).map((role) => ({ kind, role })),
  );

  it.each(rows)('$role writes $kind only where it owns the field', ({ kind, role }) => {
    const capacity = role === 'acompanante' ? 'coach' : 'teacher';
    const mine = EXPECTED[kind][capacity];
    const creates = EXPECTED[kind].creator === capacity;
    const a = actor(role);
    const subject = closeTo(role);
    expect(code(decideFieldWrite(a, 'create', kind, subject, mine))).toBe(
      creates ? 'ok' : 'SYNC_NOT_CREATOR',
    );
    expect(code(decideFieldWrite(a, 'delete', kind, subject, []))).toBe(
      creates ? 'ok' : 'SYNC_NOT_CREATOR',
    );
    for (const field of new Set([...EXPECTED[kind].coach, ...EXPECTED[kind].teacher])) {
      const d = decideFieldWrite(a, 'update', kind, subject, [field]);
      if (mine.includes(field)) expect(d).toEqual({ allow: true, capacities: [capacity] });
      else expect(d).toEqual({ allow: false, code: 'SYNC_FIELD_NOT_OWNED', fields: [field] });
    }
  });

  it('refuses a coach writing for a teacher outside their current caseload', () => {
    const outside = { teacherId: 'teacher-9', coachIds: ['coach-9'] };
    for (const action of ['create', 'update', 'delete'] as const) {
      expect(
        code(decideFieldWrite(actor('acompanante'), action, 'visit', outside, ['status'])),
      ).toBe('SYNC_FORBIDDEN');
    }
  });

  it('refuses a teacher writing another teacher’s reflection', () => {
    const other = { teacherId: 'teacher-9', coachIds: [ME] };
    expect(code(decideFieldWrite(actor('docente'), 'create', 'reflection', other, ['text']))).toBe(
      'SYNC_FORBIDDEN',
    );
  });

  it.each(['formador', 'director', 'especialista', 'minedu'] as const)(
    'never lets %s write a field record, even with every relation present',
    (role) => {
      const subject = { teacherId: ME, coachIds: [ME] };
      for (const kind of ENTITY_KINDS) {
        for (const action of ['create', 'update', 'delete'] as const) {
          expect(code(decideFieldWrite(actor(role), action, kind, subject, []))).toBe(
            'SYNC_FORBIDDEN',
          );
        }
      }
    },
  );

  it('unites the fields of a person who is both the coach and the teacher of a record', () => {
    const both = actor('docente', 'acompanante');
    const subject = { teacherId: ME, coachIds: [ME] };
    const d = decideFieldWrite(both, 'update', 'visit', subject, ['status', 'teacherConfirmedAt']);
    expect(d).toEqual({ allow: true, capacities: ['teacher', 'coach'] });
  });

  it('lets only the organisers of an activity write its record', () => {
    const organisers = [ME, 'coach-2'];
    for (const action of ['create', 'update', 'delete'] as const) {
      expect(code(decideActivityWrite(actor('acompanante'), action, organisers))).toBe('ok');
      expect(code(decideActivityWrite(actor('acompanante'), action, ['coach-2']))).toBe(
        'SYNC_FORBIDDEN',
      );
      for (const role of ['docente', 'director', 'especialista', 'minedu', 'formador'] as const) {
        expect(code(decideActivityWrite(actor(role), action, organisers))).toBe('SYNC_FORBIDDEN');
      }
    }
  });
});
