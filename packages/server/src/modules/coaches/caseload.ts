import type { Actor, CoachCaseloadEntry, SchoolRef } from '@acompana/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { decideCaseloadRow, loadTeacherFacts } from '../../policy/relations.ts';
import { activeSql, displayName, sortNameSql } from '../shared/sql.ts';

// A coach's current caseload as the asker may see it: whole for the coach, their supervisors
// in scope; without the teachers' identity (nor their schools) for the coach's formador.

export async function schoolsOf(
  db: Kysely<DB>,
  teacherIds: string[],
  year: number,
): Promise<Map<string, SchoolRef[]>> {
  const out = new Map<string, SchoolRef[]>();
  if (teacherIds.length === 0) return out;
  const rows = await db
    .selectFrom('teacher_post as tp')
    .innerJoin('school as s', 's.id', 'tp.school_id')
    .select(['tp.person_id', 's.id', 's.name', 's.codigo_modular', 's.anexo'])
    .where('tp.person_id', 'in', [...new Set(teacherIds)])
    .where('tp.school_year', '=', year)
    .orderBy('s.name')
    .execute();
  for (const r of rows) {
    const list = out.get(r.person_id) ?? [];
    list.push({ id: r.id, name: r.name, codigoModular: r.codigo_modular, anexo: r.anexo });
    out.set(r.person_id, list);
  }
  return out;
}

export async function currentCaseloadOf(
  db: Kysely<DB>,
  actor: Actor,
  coachId: string,
  year: number,
): Promise<CoachCaseloadEntry[]> {
  const rows = await db
    .selectFrom('caseload as c')
    .innerJoin('person as t', 't.id', 'c.teacher_id')
    .select([
      'c.id',
      'c.teacher_id',
      'c.intervention_code',
      'c.specialty',
      'c.valid_from',
      'c.ugel_id',
      'c.region_id',
      't.dni',
      't.given_names',
      't.paternal_surname',
      't.maternal_surname',
    ])
    .where('c.coach_id', '=', coachId)
    .where(activeSql('c'))
    .orderBy(sortNameSql('t'))
    .orderBy('c.id')
    .execute();
  const teacherIds = rows.map((r) => r.teacher_id);
  const [facts, schools] = await Promise.all([
    loadTeacherFacts(db, teacherIds, year),
    schoolsOf(db, teacherIds, year),
  ]);
  const out: CoachCaseloadEntry[] = [];
  for (const row of rows) {
    const f = facts.get(row.teacher_id);
    if (!f) continue;
    const decision = decideCaseloadRow(actor, row.teacher_id, f, row);
    if (!decision.allow) continue;
    const masked = decision.mask !== null;
    out.push({
      id: row.id,
      teacher: masked ? null : { id: row.teacher_id, displayName: displayName(row), dni: row.dni },
      schools: masked ? [] : (schools.get(row.teacher_id) ?? []),
      masked,
      intervention: row.intervention_code,
      specialty: row.specialty,
      validFrom: row.valid_from,
    });
  }
  // Masked rows do not keep the teachers' alphabetical order: by start date, then id.
  const shown = out.filter((e) => !e.masked);
  const masked = out
    .filter((e) => e.masked)
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom) || a.id.localeCompare(b.id));
  return [...shown, ...masked];
}
