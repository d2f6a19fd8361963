import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../roles.ts';
import { ACTIONS, RESOURCE_KINDS, type ResourceKind } from './policy.ts';
import { close, far, outcome } from './policy-testing.ts';

// The privacy matrix of docs/PRIVACY.md, written out as outcomes. Each string is read, create,
// update, delete: A = allowed, M = allowed with the teacher's identity masked, - = refused.
// "close": the resource is as close to the actor as their role allows (their own record, a
// teacher in their caseload, a coach they train, their school/UGEL). "far": an unrelated
// teacher in another region. Adding a role or resource kind fails this test until its rows
// are written here.
const EXPECTED: Record<Role, Record<ResourceKind, { close: string; far: string }>> = {
  docente: {
    school: { close: 'A---', far: '----' },
    teacher: { close: 'A---', far: '----' },
    formative_record: { close: 'AAA-', far: '----' },
    formative_aggregate: { close: '----', far: '----' },
    activity: { close: 'A---', far: '----' },
    caseload: { close: 'A---', far: '----' },
    coach: { close: '----', far: '----' },
    enrollment: { close: 'A---', far: '----' },
    roster_warning: { close: '----', far: '----' },
    catalog: { close: 'A---', far: 'A---' },
    instrument: { close: 'A---', far: 'A---' },
    instrument_draft: { close: '----', far: '----' },
    account: { close: 'A-A-', far: '----' },
    audit_event: { close: 'A---', far: '----' },
    account_admin: { close: '----', far: '----' },
    activation_code: { close: '----', far: '----' },
    field_record: { close: 'AAAA', far: '----' },
    coaching_record: { close: 'A---', far: '----' },
    visit_status: { close: 'A---', far: '----' },
    activity_record: { close: 'A---', far: '----' },
  },
  acompanante: {
    school: { close: 'A---', far: '----' },
    teacher: { close: 'A---', far: '----' },
    formative_record: { close: 'AAA-', far: '----' },
    formative_aggregate: { close: 'A---', far: '----' },
    activity: { close: 'AAA-', far: '----' },
    caseload: { close: 'A---', far: '----' },
    coach: { close: 'A---', far: '----' },
    enrollment: { close: 'A---', far: '----' },
    roster_warning: { close: '----', far: '----' },
    catalog: { close: 'A---', far: 'A---' },
    instrument: { close: 'A---', far: 'A---' },
    instrument_draft: { close: '----', far: '----' },
    account: { close: 'A-A-', far: '----' },
    audit_event: { close: '----', far: '----' },
    account_admin: { close: '----', far: '----' },
    activation_code: { close: '----', far: '----' },
    field_record: { close: 'AAAA', far: '----' },
    coaching_record: { close: 'A---', far: '----' },
    visit_status: { close: 'A---', far: '----' },
    activity_record: { close: 'AAAA', far: '----' },
  },
  formador: {
    school: { close: 'A---', far: '----' },
    teacher: { close: '----', far: '----' },
    formative_record: { close: 'M---', far: '----' },
    formative_aggregate: { close: 'A---', far: '----' },
    activity: { close: 'A---', far: '----' },
    caseload: { close: 'M---', far: '----' },
    coach: { close: 'A---', far: '----' },
    enrollment: { close: 'A---', far: '----' },
    roster_warning: { close: '----', far: '----' },
    catalog: { close: 'A---', far: 'A---' },
    instrument: { close: 'A---', far: 'A---' },
    instrument_draft: { close: '----', far: '----' },
    account: { close: 'A-A-', far: '----' },
    audit_event: { close: '----', far: '----' },
    account_admin: { close: '----', far: '----' },
    activation_code: { close: '----', far: '----' },
    field_record: { close: '----', far: '----' },
    coaching_record: { close: '----', far: '----' },
    visit_status: { close: '----', far: '----' },
    activity_record: { close: '----', far: '----' },
  },
  director: {
    school: { close: 'A---', far: '----' },
    teacher: { close: 'A---', far: '----' },
    formative_record: { close: '----', far: '----' },
    formative_aggregate: { close: 'A---', far: '----' },
    activity: { close: 'A---', far: '----' },
    caseload: { close: 'A---', far: '----' },
    coach: { close: 'A---', far: '----' },
    enrollment: { close: 'A---', far: '----' },
    roster_warning: { close: 'A---', far: '----' },
    catalog: { close: 'A---', far: 'A---' },
    instrument: { close: 'A---', far: 'A---' },
    instrument_draft: { close: '----', far: '----' },
    account: { close: 'A-A-', far: '----' },
    audit_event: { close: '----', far: '----' },
    account_admin: { close: '----', far: '----' },
    activation_code: { close: '----', far: '----' },
    field_record: { close: '----', far: '----' },
    coaching_record: { close: '----', far: '----' },
    visit_status: { close: 'A---', far: '----' },
    activity_record: { close: '----', far: '----' },
  },
  especialista: {
    school: { close: 'AAA-', far: '----' },
    teacher: { close: 'AAA-', far: '----' },
    formative_record: { close: '----', far: '----' },
    formative_aggregate: { close: 'A---', far: '----' },
    activity: { close: 'A---', far: '----' },
    caseload: { close: 'AAA-', far: '----' },
    coach: { close: 'AAA-', far: '----' },
    enrollment: { close: 'AAA-', far: '----' },
    roster_warning: { close: 'A---', far: '----' },
    catalog: { close: 'A---', far: 'A---' },
    instrument: { close: 'A---', far: 'A---' },
    instrument_draft: { close: '----', far: '----' },
    account: { close: 'A-A-', far: '----' },
    audit_event: { close: '----', far: '----' },
    account_admin: { close: 'A---', far: '----' },
    activation_code: { close: '----', far: '----' },
    field_record: { close: '----', far: '----' },
    coaching_record: { close: '----', far: '----' },
    visit_status: { close: 'A---', far: '----' },
    activity_record: { close: '----', far: '----' },
  },
  minedu: {
    school: { close: 'AAAA', far: 'AAAA' },
    teacher: { close: 'AAA-', far: 'AAA-' },
    formative_record: { close: '----', far: '----' },
    formative_aggregate: { close: 'A---', far: 'A---' },
    activity: { close: 'A---', far: 'A---' },
    caseload: { close: 'AAA-', far: 'AAA-' },
    coach: { close: 'AAA-', far: 'AAA-' },
    enrollment: { close: 'AAA-', far: 'AAA-' },
    roster_warning: { close: 'A---', far: 'A---' },
    catalog: { close: 'AAAA', far: 'AAAA' },
    instrument: { close: 'AAAA', far: 'AAAA' },
    instrument_draft: { close: 'AAAA', far: 'AAAA' },
    account: { close: 'AAA-', far: 'AAA-' },
    audit_event: { close: 'A---', far: 'A---' },
    account_admin: { close: 'A---', far: 'A---' },
    activation_code: { close: '----', far: '----' },
    field_record: { close: '----', far: '----' },
    coaching_record: { close: '----', far: '----' },
    visit_status: { close: 'A---', far: 'A---' },
    activity_record: { close: '----', far: '----' },
  },
};

describe('privacy policy matrix', () => {
  it('has an expectation for every role and resource kind', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) {
      expect(Object.keys(EXPECTED[role]).sort()).toEqual([...RESOURCE_KINDS].sort());
    }
  });

  const rows = ROLES.flatMap((role) =>
    RESOURCE_KINDS.flatMap((kind) =>
      ACTIONS.flatMap((action, i) =>
        (['close', 'far'] as const).map((where) => ({
          role,
          kind,
          action,
          where,
          expected: EXPECTED[role][kind][where][i],
        })),
      ),
    ),
  );

  it.each(rows)(
    '$role $action $kind ($where) → $expected',
    ({ role, kind, action, where, expected }) => {
      const resource = where === 'close' ? close(role, kind) : far(kind);
      expect(outcome(role, resource, action)).toBe(expected);
    },
  );
});
