import { limaToday } from '@acompana/core';

// "Registros en este dispositivo": hundreds of filled instruments become groups a person can
// scan — by teacher (sorted by surname), then by instrument — each row labelled with its date
// and status. Pure, so the grouping is tested without a browser.

export interface RecordRow {
  id: string;
  teacherId: string;
  instrumentVersionId: string;
  status: 'draft' | 'complete';
  /** The visit's date when the record belongs to one, else the day it was last saved. */
  date: string;
}

export interface InstrumentGroup {
  name: string;
  rows: RecordRow[];
}

export interface TeacherGroup {
  teacherId: string;
  name: string;
  count: number;
  instruments: InstrumentGroup[];
}

export interface RecordSource {
  id: string;
  updatedAt: string;
  data: {
    teacherId: string;
    visitId: string | null;
    instrumentVersionId: string;
    status: 'draft' | 'complete';
  };
}

const draftFirst = (row: RecordRow) => (row.status === 'draft' ? 0 : 1);

const collator = new Intl.Collator('es-PE', { sensitivity: 'base' });

/** "Ana María Quispe Huamán" → "Quispe Huamán Ana María": a display name is given names then
 *  the paternal and (usually) maternal surname, so the last two words lead the sort. */
export function surnameKey(displayName: string): string {
  const words = displayName.trim().split(/\s+/);
  if (words.length < 3) return words.reverse().join(' ');
  return [...words.slice(-2), ...words.slice(0, -2)].join(' ');
}

export function groupRecords(
  records: RecordSource[],
  names: {
    teacher: (id: string) => string;
    instrument: (versionId: string) => string;
    visitDate: (visitId: string) => string | undefined;
  },
): TeacherGroup[] {
  const byTeacher = new Map<string, Map<string, RecordRow[]>>();
  for (const record of records) {
    const { teacherId, visitId, instrumentVersionId, status } = record.data;
    const date =
      (visitId ? names.visitDate(visitId) : undefined) ?? limaToday(new Date(record.updatedAt));
    const instrument = names.instrument(instrumentVersionId);
    const teacher = byTeacher.get(teacherId) ?? new Map<string, RecordRow[]>();
    byTeacher.set(teacherId, teacher);
    const rows = teacher.get(instrument) ?? [];
    teacher.set(instrument, rows);
    rows.push({ id: record.id, teacherId, instrumentVersionId, status, date });
  }
  const groups = [...byTeacher].map(([teacherId, instruments]): TeacherGroup => {
    const list = [...instruments]
      .map(([name, rows]) => ({
        name,
        // Newest first; drafts before complete records of the same day (work still to do).
        rows: rows.sort((a, b) => b.date.localeCompare(a.date) || draftFirst(a) - draftFirst(b)),
      }))
      .sort((a, b) => collator.compare(a.name, b.name));
    return {
      teacherId,
      name: names.teacher(teacherId),
      count: list.reduce((sum, group) => sum + group.rows.length, 0),
      instruments: list,
    };
  });
  return groups.sort(
    (a, b) =>
      collator.compare(surnameKey(a.name), surnameKey(b.name)) ||
      a.teacherId.localeCompare(b.teacherId),
  );
}
