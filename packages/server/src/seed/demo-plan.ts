import { type PostSeed, SCHOOLS, type SchoolSeed, SPSR_SPECIALTY } from './demo-data.ts';
import { COACHES, DOCENTE, type PersonSeed, teacherName } from './demo-people.ts';

// Pure derivations from the declarative demo data: who teaches where and who coaches whom.
// Kept apart from the inserts so they read (and can be checked) on their own.

/** One teacher of the demo: their person, school and post. */
export interface TeacherSeed extends PersonSeed {
  school: SchoolSeed;
  post: PostSeed;
}

/** Teachers in school order; DNIs 30000001… (the first is the demo docente). */
export function demoTeachers(): TeacherSeed[] {
  const teachers: TeacherSeed[] = [];
  for (const school of SCHOOLS) {
    for (const post of school.posts) {
      const i = teachers.length;
      const name = i === 0 ? DOCENTE : teacherName(i);
      teachers.push({ ...name, dni: String(30000001 + i), school, post });
    }
  }
  return teachers;
}

export type CaseloadSeed = {
  coach: string;
  teacher: string;
  intervention: string;
  specialty: string | null;
  from: string;
  to: string | null;
};

/** Who coaches whom, derived from each school's intervention (see demo-data.ts). */
export function demoCaseloads(teachers: TeacherSeed[], year: number): CaseloadSeed[] {
  const from = `${year - 1}-01-01`;
  const aspi = COACHES.filter((c) => c.kind === 'aspi');
  const rows: CaseloadSeed[] = [];
  for (const t of teachers) {
    const enrollment = t.school.enrollment;
    if (!enrollment || enrollment.exit !== undefined || t.post.noCoach) continue;
    const row = { teacher: t.dni, intervention: enrollment.code, from, to: null };
    if (enrollment.code === 'SPI') {
      // The ASPI team rotates over the network: inicial teachers get the inicial ASPI,
      // primaria teachers the other four, each with their specialty.
      const team = aspi.filter((c) => (c.specialty === 'inicial') === (t.school.level !== 'B0'));
      for (const c of team) rows.push({ ...row, coach: c.dni, specialty: c.specialty });
    } else if (enrollment.code === 'SPSR') {
      const specialty = SPSR_SPECIALTY[t.post.subject ?? ''];
      const coach = COACHES.find((c) => c.kind === 'ap_secundaria' && c.specialty === specialty);
      if (!specialty || !coach) throw new Error(`no SPSR coach for ${t.post.subject}`);
      rows.push({ ...row, coach: coach.dni, specialty });
    } else if (t.school.coach) {
      if (t.post.previousCoach) {
        // The change happened mid last year, so the history is in the past on any date.
        const change = `${year - 1}-08-01`;
        rows.push({
          ...row,
          coach: t.post.previousCoach,
          specialty: null,
          to: `${year - 1}-07-31`,
        });
        rows.push({ ...row, coach: t.school.coach, specialty: null, from: change });
      } else {
        rows.push({ ...row, coach: t.school.coach, specialty: null });
      }
    }
  }
  return rows;
}
