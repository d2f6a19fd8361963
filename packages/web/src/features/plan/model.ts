import type { Me, StageLadder } from '@acompana/core';
import type { TFunction } from 'i18next';
import type { LocalRecord, ReferenceItem } from '../../offline/db.ts';
import type { CaseloadTeacher } from '../../offline/reference.ts';

// Pure pieces shared by the diagnosis and the plan screens: who may edit, which record is
// "this year's", month names and list clean-up.

export type Translate = TFunction<'translation'>;

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

export function monthName(t: Translate, month: number): string {
  return t(`plan.months.${month}` as never);
}

/** The month as a title or a row header: "Marzo" (names are lower case in running text). */
export function monthTitle(t: Translate, month: number): string {
  const name = monthName(t, month);
  return name.charAt(0).toLocaleUpperCase('es-PE') + name.slice(1);
}

/** The stages a plan may aim at: those of the intervention's ladder. */
export function stageCodes(ladder: StageLadder): string[] {
  return ladder.stages.map((stage) => stage.code);
}

export type Access =
  /** The teacher's current coach: edits. */
  | { kind: 'coach'; teacher: CaseloadTeacher }
  /** The teacher themself: reads. */
  | { kind: 'self'; displayName: string }
  /** A coach looking at a teacher outside their caseload (or not yet downloaded). */
  | { kind: 'notInCaseload' }
  | { kind: 'noAccess' };

/** Decides from the device's reference data, so the answer is the same offline. */
export function accessOf(
  me: Pick<Me, 'person' | 'roles'>,
  teacherId: string,
  reference: ReferenceItem[],
): Access {
  if (teacherId === me.person.id) return { kind: 'self', displayName: me.person.displayName };
  if (!me.roles.some((grant) => grant.role === 'acompanante')) return { kind: 'noAccess' };
  const item = reference.find(
    (row) =>
      row.kind === 'teacher' &&
      row.id === teacherId &&
      typeof row.data.interventionCode === 'string',
  );
  return item
    ? { kind: 'coach', teacher: item.data as unknown as CaseloadTeacher }
    : { kind: 'notInCaseload' };
}

/**
 * The one record of a school year among the teacher's records. Two devices could each create
 * one offline; every device picks the same: the one the server already has, then the oldest id
 * (UUIDv7 ids sort by creation time).
 */
export function pickYearRecord<T extends { schoolYear: number }>(
  records: LocalRecord<T>[],
  year: number,
): LocalRecord<T> | null {
  const ofYear = records.filter((record) => record.data.schoolYear === year);
  ofYear.sort((a, b) => Number(b.version > 0) - Number(a.version > 0) || a.id.localeCompare(b.id));
  return ofYear[0] ?? null;
}

/** Lines as saved: trimmed, without empty ones. */
export function cleanLines(lines: readonly string[]): string[] {
  return lines.map((line) => line.trim()).filter(Boolean);
}

/** Replaces, removes or appends one line of a list (immutable helpers for list editors). */
export function setLine(lines: readonly string[], index: number, value: string): string[] {
  return lines.map((line, i) => (i === index ? value : line));
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}
