import type { CaseloadItem } from '@acompana/core';

// Flags the board computes from the current rows it holds (the others come from the server's
// roster warnings): a teacher with two coaches at once in one intervention. SPI teachers have
// one ASPI per specialty by design: the specialty is part of the line.

export interface TwoCoaches {
  teacherId: string;
  teacherName: string;
  intervention: string;
  coaches: string[];
}

export function twoCoachesIn(rows: readonly CaseloadItem[]): TwoCoaches[] {
  const lines = new Map<string, TwoCoaches>();
  for (const row of rows) {
    if (!row.current || !row.teacher) continue;
    const key = `${row.teacher.id}|${row.intervention}|${row.specialty ?? ''}`;
    const line = lines.get(key) ?? {
      teacherId: row.teacher.id,
      teacherName: row.teacher.displayName,
      intervention: row.intervention,
      coaches: [],
    };
    if (!line.coaches.includes(row.coach.displayName)) line.coaches.push(row.coach.displayName);
    lines.set(key, line);
  }
  return [...lines.values()]
    .filter((line) => line.coaches.length > 1)
    .sort((a, b) => a.teacherName.localeCompare(b.teacherName, 'es'));
}

/** Where a coach's load stands against the range: below, within or above. */
export function loadTone(size: number, max: number, min: number): 'below' | 'within' | 'above' {
  if (size > max) return 'above';
  if (size < min) return 'below';
  return 'within';
}
