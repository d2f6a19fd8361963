import {
  ACTA_PAGE,
  type ActivityRecord,
  type Actor,
  AppError,
  type AttendanceDay,
  actaFileName,
  actaModelOf,
  layoutActa,
  type Place,
} from '@acompana/core';
import { jsPDF } from 'jspdf';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { decideActa } from '../../policy/activities.ts';
import { audit } from '../audit/events.ts';
import { desempenoNames } from '../instruments/queries.ts';
import { displayNameSql } from '../shared/sql.ts';

// The acta of a collective activity printed from the server's records: the same model and
// layout as the device's (core's actaModelOf and layoutActa), with every organiser's name and
// the attendance every coach has synced. Family counts only, never a family's personal data.

interface Row {
  organiser_ids: string[];
  invitee_ids: string[];
  a: Omit<ActivityRecord, 'organiserIds' | 'inviteeIds' | 'schoolId'> & { schoolId: string };
  school: string;
  place: Place;
  type_name: string | null;
  intervention_name: string | null;
  people: { id: string; name: string }[];
  attendance: { teacherId: string; days: AttendanceDay[] }[];
}

export async function activityActa(
  db: Kysely<DB>,
  actor: Actor,
  activityId: string,
  now = new Date(),
): Promise<{ bytes: Uint8Array<ArrayBuffer>; filename: string }> {
  const { rows } = await sql<Row>`
    SELECT a.organiser_ids, a.invitee_ids, s.name AS school, t.name AS type_name,
           (SELECT i.name FROM intervention i WHERE i.code = a.intervention_code) AS intervention_name,
           jsonb_build_object('schoolId', s.id, 'networkId', s.network_id, 'ugelId', s.ugel_id,
             'regionId', s.region_id) AS place,
           jsonb_build_object('type', a.type, 'theme', a.theme,
             'interventionCode', a.intervention_code, 'place', a.place,
             'startDate', a.start_date::text, 'endDate', a.end_date::text,
             'startTime', a.start_time, 'endTime', a.end_time, 'agenda', a.agenda,
             'agreements', a.agreements, 'desempenos', a.desempenos, 'topics', a.topics,
             'familyCounts', a.family_counts) AS a,
           (SELECT coalesce(jsonb_agg(jsonb_build_object('id', p.id, 'name', ${displayNameSql('p')})), '[]')
              FROM person p
             WHERE p.id = ANY(a.organiser_ids) OR p.id = ANY(a.invitee_ids)) AS people,
           (SELECT coalesce(jsonb_agg(jsonb_build_object('teacherId', aa.teacher_id, 'days', aa.days)), '[]')
              FROM activity_attendance aa
             WHERE aa.activity_id = a.id AND aa.teacher_id = ANY(a.invitee_ids)) AS attendance
      FROM activity a JOIN school s ON s.id = a.school_id
      LEFT JOIN intervention_activity_type t
        ON t.intervention_code = a.intervention_code AND t.code = a.type
     WHERE a.id = ${activityId}`.execute(db);
  const row = rows[0];
  decideActa(actor, row?.organiser_ids ?? null, row?.place);
  if (!row) throw new AppError('NOT_FOUND');
  // A read of the invitees' attendance: audited naming them, like other formative reads
  // (they see it in «Quién consultó mi información»).
  await audit(db, actor, {
    action: 'activities.acta.read',
    resourceKind: 'activity_record',
    resourceId: `activity:${activityId}`,
    detail: { invitees: row.invitee_ids.length },
    subjects: row.invitee_ids,
  });
  const names = new Map(row.people.map((p) => [p.id, p.name]));
  const model = actaModelOf({
    activity: { ...row.a, inviteeIds: row.invitee_ids },
    school: row.school,
    organisers: row.organiser_ids.map((id) => names.get(id) ?? '').filter(Boolean),
    names,
    attendance: new Map(row.attendance.map((r) => [r.teacherId, r.days])),
    desempenoNames: await desempenoNames(db),
    typeName: row.type_name,
    interventionName: row.intervention_name,
    generatedAt: now,
  });
  const doc = new jsPDF({ ...ACTA_PAGE, compress: true });
  layoutActa(doc, model);
  return { bytes: new Uint8Array(doc.output('arraybuffer')), filename: actaFileName(model) };
}
