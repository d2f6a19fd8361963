import { describe, expect, it } from 'vitest';
import { activityTypeName } from './labels.ts';
import { activityTypeCodeOf, activityTypeCreateBodySchema } from './own-types-body.ts';
import { type ActivityRecord, activityRecord } from './records.ts';
import { activityRefusal, targetKindOf } from './rules.ts';

// An intervention's own activity types (issue 15): accepted for their intervention while
// active, refused for another; a deactivated type refuses new activities and keeps old ones.

const T1 = '00000000-0000-4000-8000-000000000001';
const C1 = '00000000-0000-4000-8000-0000000000c1';
const S1 = '00000000-0000-4000-8000-0000000000a1';

const circle = (over: Partial<ActivityRecord> = {}): ActivityRecord => ({
  organiserIds: [C1],
  organisedBy: 'coaches',
  interventionCode: 'SP_URBANO',
  type: 'circulo_lectura',
  scope: null,
  schoolId: S1,
  place: null,
  startDate: '2026-05-08',
  endDate: '2026-05-08',
  startTime: null,
  endTime: null,
  theme: 'Lectura compartida',
  desempenos: [],
  agenda: [],
  topics: [],
  agreements: [],
  notes: null,
  inviteeIds: [T1],
  familyCounts: null,
  status: 'planned',
  ...over,
});

const ctx = (ownTypes: ReadonlyMap<string, boolean> | null, storedType?: string) => ({
  usedKinds: new Set<string>(),
  ownTypes,
  storedType,
  coachesOf: null,
});

describe('own activity types of an intervention', () => {
  it('takes a lowercase code in the record, not any text', () => {
    expect(activityRecord.safeParse(circle()).success).toBe(true);
    expect(activityRecord.safeParse(circle({ type: 'Círculo' })).success).toBe(false);
    expect(activityRecord.safeParse(circle({ type: '' })).success).toBe(false);
  });

  it('accepts an active type of the activity’s intervention, refuses it elsewhere', () => {
    expect(activityRefusal(circle(), ctx(new Map([['circulo_lectura', true]])))).toBeNull();
    // Another intervention's catalogue does not have it.
    const e = activityRefusal(circle(), ctx(new Map([['jornada_rural', true]])));
    expect(e?.code).toBe('ACTIVITY_TYPE_NOT_USED');
    expect(e?.message).toContain('«tipo de actividad»');
    expect(e?.details?.fields).toEqual([
      { path: 'payload.type', message: expect.stringContaining('SP_URBANO') },
    ]);
    // Unknown to the checker (null): not checked, the server decides.
    expect(activityRefusal(circle(), ctx(null))).toBeNull();
  });

  it('refuses a deactivated type for a new activity, keeps the activities that have it', () => {
    const off = new Map([['circulo_lectura', false]]);
    const e = activityRefusal(circle(), ctx(off));
    expect(e?.code).toBe('ACTIVITY_TYPE_NOT_USED');
    expect(e?.message).toContain('desactivó');
    // Editing an activity recorded with it (its stored type) still saves.
    expect(activityRefusal(circle({ agreements: ['Leer'] }), ctx(off, 'circulo_lectura'))).toBe(
      null,
    );
    // Changing an activity to it does not.
    expect(activityRefusal(circle(), ctx(off, 'pasantia'))?.code).toBe('ACTIVITY_TYPE_NOT_USED');
  });

  it('counts toward no target, and is named by its stored name', () => {
    expect(targetKindOf('circulo_lectura')).toBeNull();
    expect(targetKindOf('gia')).toBe('gia');
    expect(activityTypeName('circulo_lectura', 'Círculo de lectura docente')).toBe(
      'Círculo de lectura docente',
    );
    expect(activityTypeName('circulo_lectura')).toBe('Otra actividad');
    expect(activityTypeName('taller', 'ignored')).toBe('Taller de actualización');
  });

  it('derives a stable code from the Spanish name, never a built-in one', () => {
    expect(activityTypeCodeOf('Círculo de lectura docente')).toBe('circulo_de_lectura_docente');
    expect(activityTypeCodeOf('  ¿Jornada   rural?  ')).toBe('jornada_rural');
    expect(activityTypeCodeOf('GIA')).toBe('tipo_gia');
    expect(activityTypeCodeOf('2.º encuentro')).toBe('encuentro');
    expect(activityTypeCodeOf('¡!')).toMatch(/^tipo/);
    expect(activityTypeCreateBodySchema.safeParse({ name: 'X', typeCode: 'taller' }).success).toBe(
      false,
    );
  });
});
