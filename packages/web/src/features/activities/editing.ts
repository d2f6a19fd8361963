import {
  type ActivityRecord,
  type AttendanceDay,
  type CommitmentRecord,
  type InstrumentResponseRecord,
  levelHistory,
  maxAttendedHours,
  type VersionDetail,
  type VisitRecord,
} from '@acompana/core';
import { rubricObservations } from '../progress/model.ts';
import { attendedHours } from './parts.ts';

// Pure logic of the organiser's editors on the activity page: hours after a tap or typed by
// hand, the desempeños to offer (the invitees' plan focus first) and the topics suggested from
// what the visits found. No React, no text: wording lives in the catalogue.

type Schedule = Pick<ActivityRecord, 'startTime' | 'endTime'>;

/**
 * The hours to store after a tap changed the days. Hours that follow the schedule (or none)
 * follow it again; hours corrected by hand are kept, only lowered to what the new days allow
 * (so a tap never produces hours the rules refuse, and never undoes a correction otherwise).
 */
export function hoursAfterTap(
  activity: Schedule,
  current: { days: readonly AttendanceDay[]; hours: number | null } | undefined,
  days: readonly AttendanceDay[],
): number | null {
  const scheduled = attendedHours(activity, days);
  const handSet = current?.hours != null && current.hours !== attendedHours(activity, current.days);
  if (!handSet) return scheduled ?? current?.hours ?? null;
  return Math.min(current.hours as number, maxAttendedHours(activity, days));
}

/** Hours typed by hand: empty is "not recorded" (null); a comma or point decimal; anything
 *  else is not a number. The rules (core) judge the range, with their own message. */
export function parseHours(text: string): number | null | 'invalid' {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return 'invalid';
  return Number(trimmed);
}

export interface DesempenoOption {
  code: string;
  name: string;
  /** In the focus of an invited teacher's coaching plan of the activity's year. */
  prioritized: boolean;
}

/**
 * The desempeños the organiser may pick: the rubric's, those in the invitees' plan focus first
 * (in the rubric's order), then the rest; codes already saved that the cached rubric does not
 * name stay, so nothing saved disappears from the editor.
 */
export function desempenoOptions(
  rubric: readonly { code: string; name: string }[],
  focus: readonly string[],
  saved: readonly string[],
): DesempenoOption[] {
  const inFocus = new Set(focus);
  const known = new Set(rubric.map((d) => d.code));
  const all = [
    ...rubric.map((d) => ({ ...d, prioritized: inFocus.has(d.code) })),
    ...[...new Set([...focus, ...saved])]
      .filter((code) => !known.has(code))
      .map((code) => ({ code, name: code, prioritized: inFocus.has(code) })),
  ];
  return [...all.filter((d) => d.prioritized), ...all.filter((d) => !d.prioritized)];
}

/** Codes in the focus of the invitees' coaching plans of `year`. */
export function plansFocus(
  plans: readonly { data: { teacherId: string; schoolYear: number; focus: string[] } }[],
  inviteeIds: readonly string[],
  year: number,
): string[] {
  const invited = new Set(inviteeIds);
  const codes = plans
    .filter((p) => invited.has(p.data.teacherId) && p.data.schoolYear === year)
    .flatMap((p) => p.data.focus);
  return [...new Set(codes)];
}

/** The rubric levels at or under which a desempeño is worth working on together (I and II). */
export const LOW_LEVEL = 2;
const OPEN_COMMITMENT = new Set<CommitmentRecord['status']>([
  'pending',
  'en_proceso',
  'no_cumplido',
]);
const MAX_SUGGESTIONS = 5;

export interface TopicSuggestion {
  code: string;
  /** Invited teachers whose latest observed level of the desempeño is I or II. */
  lowLevels: number;
  /** Invited teachers with a rubric observation on the device (the denominator). */
  observed: number;
  /** Invited teachers' commitments on the desempeño still open (pending, in process, unmet). */
  openCommitments: number;
}

interface Local<T> {
  id: string;
  updatedAt: string;
  data: T;
}

/**
 * Topics drawn from what the visits found, for the invited teachers only: per desempeño, how
 * many are at level I or II in their latest observation (complete rubric responses on the
 * device, dated like the progress screen) and how many commitments on it are still open. Most
 * needed first (low levels, then commitments), at most five; desempeños with neither are left
 * out.
 */
export function suggestTopics(input: {
  inviteeIds: readonly string[];
  responses: readonly Local<InstrumentResponseRecord>[];
  visits: readonly Local<Pick<VisitRecord, 'plannedDate'>>[];
  versions: readonly Pick<VersionDetail, 'id' | 'definition'>[];
  commitments: readonly Local<CommitmentRecord>[];
}): TopicSuggestion[] {
  const invited = new Set(input.inviteeIds);
  const low = new Map<string, number>();
  let observed = 0;
  for (const teacherId of invited) {
    const own = input.responses.filter((r) => r.data.teacherId === teacherId);
    const { desempenos } = levelHistory(rubricObservations(own, input.visits, input.versions));
    if (desempenos.length > 0) observed++;
    for (const series of desempenos) {
      const latest = series.points.at(-1);
      if (latest && latest.level <= LOW_LEVEL)
        low.set(series.code, (low.get(series.code) ?? 0) + 1);
    }
  }
  const open = new Map<string, number>();
  for (const c of input.commitments) {
    const code = c.data.desempeno;
    if (!code || !invited.has(c.data.teacherId) || !OPEN_COMMITMENT.has(c.data.status)) continue;
    open.set(code, (open.get(code) ?? 0) + 1);
  }
  const codes = new Set([...low.keys(), ...open.keys()]);
  return [...codes]
    .map((code) => ({
      code,
      lowLevels: low.get(code) ?? 0,
      observed,
      openCommitments: open.get(code) ?? 0,
    }))
    .sort(
      (a, b) =>
        b.lowLevels - a.lowLevels ||
        b.openCommitments - a.openCommitments ||
        a.code.localeCompare(b.code, 'es', { numeric: true }),
    )
    .slice(0, MAX_SUGGESTIONS);
}

/** The topic list after adding one (trimmed, not repeated, within the record's 10 × 300). */
export function addTopic(topics: readonly string[], text: string): string[] {
  const topic = text.trim().slice(0, 300);
  if (!topic || topics.includes(topic) || topics.length >= 10) return [...topics];
  return [...topics, topic];
}
