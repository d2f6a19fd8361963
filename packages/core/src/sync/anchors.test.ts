import { describe, expect, it } from 'vitest';
import {
  checkTeacherSchool,
  checkVisitLink,
  ownSchoolYear,
  SCHOOL_KINDS,
  VISIT_LINKED_KINDS,
} from './anchors.ts';

// The anchoring rules shared by the server (sync/apply.ts) and the device (offline/store.ts).

const T1 = 'teacher-1';
const T2 = 'teacher-2';

describe('anchoring rules', () => {
  it('knows which kinds name a visit and which name their school', () => {
    expect([...VISIT_LINKED_KINDS].sort()).toEqual(
      ['commitment', 'diagnosis', 'instrument_response', 'modelling', 'reflection'].sort(),
    );
    expect([...SCHOOL_KINDS].sort()).toEqual(
      ['coaching_plan', 'diagnosis', 'modelling', 'stage_record', 'visit'].sort(),
    );
  });

  it('refuses a record naming a visit of another teacher, and says why in Spanish', () => {
    const visit = { teacherId: T1, schoolId: 's1' };
    expect(checkVisitLink('commitment', { visitId: 'v', teacherId: T1 }, visit)).toBeNull();
    const issue = checkVisitLink('reflection', { visitId: 'v', teacherId: T2 }, visit);
    expect(issue).toMatchObject({ code: 'SYNC_ANCHOR_MISMATCH', path: 'visitId' });
    expect(issue?.message).toBe(`Revisa el campo «visita»: ${issue?.reason}`);
    // Unknown visit, no visit named, a kind that names none: nothing to say.
    expect(checkVisitLink('commitment', { visitId: 'v', teacherId: T2 }, undefined)).toBeNull();
    expect(
      checkVisitLink('instrument_response', { visitId: null, teacherId: T2 }, visit),
    ).toBeNull();
    expect(checkVisitLink('stage_record', { visitId: 'v', teacherId: T2 }, visit)).toBeNull();
  });

  it('refuses a school where the teacher holds no post, naming the year', () => {
    const data = { teacherId: T1, schoolId: 's2', plannedDate: '2026-05-04' };
    expect(checkTeacherSchool('visit', data, ['s2'])).toBeNull();
    expect(checkTeacherSchool('visit', data, null)).toBeNull();
    const issue = checkTeacherSchool('visit', data, ['s1']);
    expect(issue).toMatchObject({ code: 'SYNC_SCHOOL_NOT_TEACHERS', path: 'schoolId' });
    expect(issue?.reason).toMatch(/año escolar 2026/);
    expect(checkTeacherSchool('commitment', data, [])).toBeNull();
  });

  it('takes the school year a record names for itself', () => {
    expect(ownSchoolYear('visit', { plannedDate: '2027-03-20' })).toBe(2027);
    expect(ownSchoolYear('diagnosis', { schoolYear: 2026 })).toBe(2026);
    expect(ownSchoolYear('modelling', { date: '2026-06-10' })).toBe(2026);
    expect(ownSchoolYear('stage_record', { decidedAt: '2026-11-02T10:00:00Z' })).toBe(2026);
    expect(ownSchoolYear('commitment', { dueDate: '2026-06-10' })).toBeNull();
  });
});
