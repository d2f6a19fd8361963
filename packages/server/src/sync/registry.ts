import { ENTITIES, type EntityKind, ownSchoolYear } from '@acompana/core';

// The server's view of the synced field-record kinds: table, columns and where a record sits
// (scope anchors). Everything else (push, pull, revisions) is generic over this registry, so a
// new kind is: its zod schema and ownership in core/sync/entities.ts, a table with the common
// sync columns in a migration, and an entry here (docs/SYNC.md, "Adding a kind").

export interface KindSpec {
  kind: EntityKind;
  table: string;
  /** Entity fields (camelCase), each stored in the column of the same name in snake_case. */
  fields: readonly string[];
  /** Fields holding date-times: stored as timestamptz and compared as UTC ISO strings. */
  dateTimes: ReadonlySet<string>;
  /** Fields that never change after creation (they anchor the record's scope). */
  immutable: readonly string[];
  /** Where the record sits: its own school (visit) or the visit it belongs to. */
  anchor(data: Record<string, unknown>): { schoolId?: string; visitId?: string | null };
  /** School year of a record that sits on its own; others take their visit's. */
  ownYear?(data: Record<string, unknown>): number;
}

export const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function spec(
  kind: EntityKind,
  extra: Pick<KindSpec, 'anchor' | 'ownYear'> & { dateTimes?: string[] },
): KindSpec {
  return {
    kind,
    table: kind,
    fields: Object.keys(ENTITIES[kind].schema.shape),
    dateTimes: new Set(extra.dateTimes ?? []),
    immutable: ['teacherId'],
    anchor: extra.anchor,
    ...(extra.ownYear ? { ownYear: extra.ownYear } : {}),
  };
}

const byVisit = (data: Record<string, unknown>) => ({ visitId: data.visitId as string | null });
const bySchool = (data: Record<string, unknown>) => ({ schoolId: data.schoolId as string });
/** Core's rule (the device checks posts with it too). */
const yearOf = (kind: EntityKind) => (data: Record<string, unknown>) =>
  Number(ownSchoolYear(kind, data));

export const KINDS: Record<EntityKind, KindSpec> = {
  visit: spec('visit', {
    dateTimes: ['startedAt', 'endedAt', 'teacherConfirmedAt'],
    anchor: bySchool,
    ownYear: yearOf('visit'),
  }),
  commitment: spec('commitment', { anchor: byVisit }),
  reflection: spec('reflection', { anchor: byVisit }),
  instrument_response: spec('instrument_response', { anchor: byVisit }),
  // Coaching-cycle records sit on their own school and carry their own year (migration 0007).
  diagnosis: spec('diagnosis', { anchor: bySchool, ownYear: yearOf('diagnosis') }),
  coaching_plan: spec('coaching_plan', { anchor: bySchool, ownYear: yearOf('coaching_plan') }),
  modelling: spec('modelling', { anchor: bySchool, ownYear: yearOf('modelling') }),
  stage_record: spec('stage_record', {
    dateTimes: ['decidedAt'],
    anchor: bySchool,
    ownYear: yearOf('stage_record'),
  }),
  // Collective activities (migration 0014, docs/ACTIVITIES.md): the activity sits at its venue
  // school in its start date's year; attendance and reflections at their teacher's latest post.
  activity: spec('activity', {
    anchor: bySchool,
    ownYear: (data) => Number(String(data.startDate).slice(0, 4)),
  }),
  activity_attendance: spec('activity_attendance', { anchor: () => ({}) }),
  activity_reflection: spec('activity_reflection', { anchor: () => ({}) }),
};

/** Columns every field-record table has besides its entity fields (migration 0006). */
export const SYNC_COLUMNS = [
  'id',
  'version',
  'field_clock',
  'teacher_id',
  'school_id',
  'region_id',
  'ugel_id',
  'school_year',
  'created_by',
  'updated_by',
  'created_at',
  'updated_at',
] as const;

/** Every column of a kind's table, sync columns first (entity fields that are also sync
 *  columns, like teacherId and a visit's schoolId, appear once). */
export function columnsOf(spec: KindSpec): string[] {
  const out: string[] = [...SYNC_COLUMNS];
  for (const f of spec.fields) {
    const c = snake(f);
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

/** Same instant, same string: a device may send -05:00 and PostgreSQL answers +00:00. */
export function normalizeDateTimes(
  spec: KindSpec,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const out = { ...data };
  for (const f of spec.dateTimes) {
    const v = out[f];
    if (typeof v === 'string') out[f] = new Date(v).toISOString();
  }
  return out;
}
