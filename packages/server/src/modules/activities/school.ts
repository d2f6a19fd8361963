import {
  type Actor,
  AppError,
  currentSchoolYear,
  decide,
  type SchoolActivities,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { schoolPlace } from '../rosters/schools.ts';
import { displayNameSql, sortNameSql } from '../shared/sql.ts';

// The school's view of collective activities (docs/ACTIVITIES.md): activity data only — the
// policy's `activity` resource at the school's place (director, UGEL specialist, MINEDU in
// scope). Names of the attendees only to those who may read the school's teachers (`teacher`).
// Agreements, notes and reflections are formative and never leave the sync kinds.

export async function schoolActivities(
  db: Kysely<DB>,
  actor: Actor,
  schoolId: string,
  year = currentSchoolYear(),
): Promise<SchoolActivities> {
  const s = await db
    .selectFrom('school')
    .select(['id', 'network_id', 'ugel_id', 'region_id'])
    .where('id', '=', schoolId)
    .executeTakeFirst();
  if (!s) throw new AppError('NOT_FOUND');
  const place = schoolPlace(s);
  if (!decide(actor, 'read', { kind: 'activity', place }).allow) throw new AppError('FORBIDDEN');
  const named = decide(actor, 'read', { kind: 'teacher', place }).allow;
  const { rows } = await sql<{
    id: string;
    type: string;
    type_name: string | null;
    theme: string;
    start_date: string;
    end_date: string;
    status: SchoolActivities['items'][number]['status'];
    invited: { id: string; name: string; present: number }[];
  }>`SELECT a.id, a.type, t.name AS type_name, a.theme, a.start_date::text, a.end_date::text, a.status,
            (SELECT coalesce(jsonb_agg(jsonb_build_object('id', p.id, 'name', ${displayNameSql('p')},
                      'present', coalesce((SELECT count(*) FROM activity_attendance aa,
                          jsonb_array_elements(aa.days) d
                         WHERE aa.activity_id = a.id AND aa.teacher_id = p.id
                           AND d->>'mark' = 'present'), 0))
                      ORDER BY ${sortNameSql('p')}), '[]')
               FROM person p
              WHERE p.id = ANY(a.invitee_ids)
                AND EXISTS (SELECT 1 FROM teacher_post tp WHERE tp.person_id = p.id
                             AND tp.school_id = ${schoolId} AND tp.school_year = ${year})) AS invited
       FROM activity a
       LEFT JOIN intervention_activity_type t
         ON t.intervention_code = a.intervention_code AND t.code = a.type
      WHERE a.school_year = ${year}
        AND EXISTS (SELECT 1 FROM teacher_post tp WHERE tp.person_id = ANY(a.invitee_ids)
                     AND tp.school_id = ${schoolId} AND tp.school_year = ${year})
      ORDER BY a.start_date DESC, a.id`.execute(db);
  return {
    schoolYear: year,
    items: rows.map((r) => {
      const attended = r.invited.filter((i) => Number(i.present) > 0);
      return {
        id: r.id,
        type: r.type,
        typeName: r.type_name,
        theme: r.theme,
        startDate: r.start_date,
        endDate: r.end_date,
        status: r.status,
        invited: r.invited.length,
        attended: attended.length,
        attendees: named
          ? attended.map((i) => ({ id: i.id, displayName: i.name, daysPresent: Number(i.present) }))
          : [],
      };
    }),
  };
}
