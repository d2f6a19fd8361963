import {
  type ActivityType,
  agendaTemplate,
  type UgelActivity,
  type UgelActivityOptions,
  type UgelActivityWrite,
} from '@acompana/core';

// The pure logic of the specialist's taller form (UgelActivityForm.tsx): who a pick by
// school, network or coach invites, the draft's problems before sending (the server checks
// the same with the core rules and answers the same stable codes), and the request body.

/** The types a UGEL-wide activity takes: a taller or a jornada pedagógica. */
export const UGEL_ACTIVITY_TYPES = ['taller', 'jornada'] as const satisfies readonly ActivityType[];

export type PickBy = 'school' | 'network' | 'coach';

export interface UgelDraft {
  type: (typeof UGEL_ACTIVITY_TYPES)[number];
  interventionCode: string;
  theme: string;
  schoolId: string;
  place: string;
  startDate: string;
  endDate: string;
  startTime: string;
  endTime: string;
  /** One moment a line: «Momento: descripción». */
  agenda: string;
  inviteeIds: string[];
  status: 'planned' | 'done' | 'cancelled';
}

/** The teachers of the UGEL a pick names (a school, a network's schools, a coach's caseload). */
export function teachersBy(options: UgelActivityOptions, by: PickBy, id: string): string[] {
  if (!id) return [];
  const schoolsOf = new Set(
    by === 'network' ? options.schools.filter((s) => s.networkId === id).map((s) => s.id) : [id],
  );
  return options.teachers
    .filter((t) => (by === 'coach' ? t.coachIds.includes(id) : schoolsOf.has(t.schoolId)))
    .map((t) => t.id);
}

/** Adds the picked teachers to the invitees, without repeating anyone. */
export const addInvitees = (current: string[], picked: string[]) => [
  ...new Set([...current, ...picked]),
];

export type ProblemCode =
  | 'theme'
  | 'intervention'
  | 'school'
  | 'startDate'
  | 'endDate'
  | 'endTime'
  | 'outside'
  | 'closedEmpty';

/** Message keys (ugelActivities.problems.*) by field, empty when the draft may be sent. */
export function draftProblems(
  draft: UgelDraft,
  options: UgelActivityOptions,
): Partial<Record<keyof UgelDraft, ProblemCode>> {
  const out: Partial<Record<keyof UgelDraft, ProblemCode>> = {};
  if (!draft.theme.trim()) out.theme = 'theme';
  if (!draft.interventionCode) out.interventionCode = 'intervention';
  if (!options.schools.some((s) => s.id === draft.schoolId)) out.schoolId = 'school';
  if (!draft.startDate) out.startDate = 'startDate';
  else if (draft.endDate && draft.endDate < draft.startDate) out.endDate = 'endDate';
  if (draft.startTime && draft.endTime && draft.endTime <= draft.startTime) {
    out.endTime = 'endTime';
  }
  const inUgel = new Set(options.teachers.map((t) => t.id));
  if (draft.inviteeIds.some((t) => !inUgel.has(t))) out.inviteeIds = 'outside';
  else if (draft.status === 'done' && draft.inviteeIds.length === 0) out.status = 'closedEmpty';
  return out;
}

function agendaOf(text: string) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 12)
    .map((line) => {
      const colon = line.indexOf(':');
      return colon > 0
        ? { moment: line.slice(0, colon).trim(), description: line.slice(colon + 1).trim() }
        : { moment: line, description: '' };
    });
}

export const agendaText = (agenda: { moment: string; description: string }[]) =>
  agenda.map((m) => (m.description ? `${m.moment}: ${m.description}` : m.moment)).join('\n');

/** A new draft: a taller of the UGEL's first intervention, with the type's agenda. */
export function newDraft(options: UgelActivityOptions, today: string): UgelDraft {
  return {
    type: 'taller',
    interventionCode: options.interventions[0] ?? '',
    theme: '',
    schoolId: '',
    place: '',
    startDate: today,
    endDate: '',
    startTime: '08:00',
    endTime: '13:00',
    agenda: agendaText(agendaTemplate('taller')),
    inviteeIds: [],
    status: 'planned',
  };
}

/** The draft of a stored activity, to edit it. */
export function draftOf(item: UgelActivity): UgelDraft {
  const a = item.activity;
  return {
    type: a.type === 'jornada' ? 'jornada' : 'taller',
    interventionCode: a.interventionCode,
    theme: a.theme,
    schoolId: a.schoolId,
    place: a.place ?? '',
    startDate: a.startDate,
    endDate: a.endDate,
    startTime: a.startTime ?? '',
    endTime: a.endTime ?? '',
    agenda: agendaText(a.agenda),
    inviteeIds: a.inviteeIds,
    status: a.status,
  };
}

/** The body of PUT /ugel-activities/{id}; the stored record's other fields are kept. */
export function writeOf(draft: UgelDraft, stored: UgelActivity | null): UgelActivityWrite {
  const base = stored?.activity;
  return {
    baseVersion: stored?.version ?? 0,
    activity: {
      interventionCode: draft.interventionCode,
      type: draft.type,
      scope: null,
      schoolId: draft.schoolId,
      place: draft.place.trim() || null,
      startDate: draft.startDate,
      endDate: draft.type === 'taller' && draft.endDate ? draft.endDate : draft.startDate,
      startTime: draft.startTime || null,
      endTime: draft.endTime || null,
      theme: draft.theme.trim(),
      desempenos: base?.desempenos ?? [],
      agenda: agendaOf(draft.agenda),
      topics: base?.topics ?? [],
      agreements: base?.agreements ?? [],
      notes: base?.notes ?? null,
      inviteeIds: draft.inviteeIds,
      familyCounts: null,
      status: draft.status,
    },
  };
}
