import { type EntityKind, VISIT_LINKED_KINDS } from '@acompana/core';
import { sql } from 'kysely';
import { PREPARE_SQL } from '../db/database.ts';
import { LIMA_TODAY } from '../db/time.ts';
import type { StoredRecord } from './merge.ts';
import { KINDS } from './registry.ts';
import { keyOf, recordsOf, recordsSql, type Tombstone, type Tx } from './store.ts';

// The facts a push batch needs besides the records themselves (authorization, references,
// anchoring), read in ONE round trip (the sync budget, docs/SYNC.md), and the rare write that
// moves records named by a visit to where the visit sits.

export interface PlaceRow {
  schoolId: string;
  regionId: string;
  ugelId: string;
  schoolYear?: number;
}

export interface PostRow extends PlaceRow {
  schoolYear: number;
}

/** A stored record that names one of the batch's visits (for the anchoring checks). */
export interface LinkedRow {
  kind: EntityKind;
  id: string;
  visitId: string;
  teacherId: string;
  schoolId: string;
  schoolYear: number;
}

/** What authorization and scope anchoring need for a batch, in one round trip. */
export interface Facts {
  /** teacher → coaches with a current caseload row. */
  coaches: Map<string, string[]>;
  /** Visits already on the server: whose they are and where they sit. */
  visits: Map<string, PlaceRow & { schoolYear: number; teacherId: string }>;
  /** teacher → their posts, latest school year first. */
  posts: Map<string, PostRow[]>;
  schools: Map<string, PlaceRow>;
  interventions: Set<string>;
  /** app_setting 'closed_year_grace_days' (null: not set; closed-year.ts applies its default). */
  graceDays: unknown;
  /** Deleted records among the batch's ids and the visits it names, as `kind:id`. */
  tombstones: Map<string, Tombstone>;
  /** Stored records naming a visit the batch writes. */
  linked: LinkedRow[];
}

/** The ids a batch needs facts about (every list may hold non-UUID strings: filtered). */
export interface FactIds {
  teacherIds: string[];
  /** Visits named by the batch's records. */
  visitIds: string[];
  schoolIds: string[];
  /** The batch's own entity ids. */
  entityIds: string[];
  /** Visits the batch writes (their linked records are loaded). */
  writtenVisitIds: string[];
  /** The batch's records by kind: their current rows come along, and their teachers' facts. */
  records: Map<EntityKind, string[]>;
}

/** Stored records of the kinds that may name a visit, by visit, as one UNION ALL. */
function linkedSql(visitIds: string[]) {
  const parts = VISIT_LINKED_KINDS.map(
    (kind) =>
      sql`SELECT ${kind}::text AS kind, id, visit_id, teacher_id, school_id, school_year
            FROM ${sql.table(KINDS[kind].table)} WHERE visit_id = ANY(${visitIds}::uuid[])`,
  );
  return sql.join(parts, sql` UNION ALL `);
}

/** The batch's current records and everything else it reads, in one round trip. */
export async function loadFacts(
  tx: Tx,
  ids: FactIds,
): Promise<{ facts: Facts; records: Map<string, StoredRecord> }> {
  const { teacherIds, visitIds, schoolIds, entityIds, writtenVisitIds } = ids;
  // The teachers of the stored records count too (a delete names no teacher). As an array
  // computed once: `= ANY(ARRAY(...))` reads the caseload and post indexes, where an IN over
  // the union was planned as a scan of the whole table.
  const teachers = sql`ANY(ARRAY(SELECT unnest(${teacherIds}::uuid[])
      UNION SELECT (r.row->>'teacher_id')::uuid FROM recs r))`;
  const { rows } = await sql<{
    records: { kind: EntityKind; row: Record<string, unknown> }[];
    coaches: [string, string][];
    visits: [string, string, string, string, number, string][];
    posts: [string, string, string, string, number][];
    schools: [string, string, string][];
    interventions: string[];
    grace: unknown;
    tombstones: [EntityKind, string, string | null, string, string, string, number][];
    linked: [EntityKind, string, string, string, string, number][];
  }>`${PREPARE_SQL}WITH recs AS (${recordsSql(ids.records)})
    SELECT
      (SELECT coalesce(jsonb_agg(jsonb_build_object('kind', r.kind, 'row', r.row)), '[]') FROM recs r) AS records,
      (SELECT coalesce(jsonb_agg(jsonb_build_array(c.teacher_id, c.coach_id)), '[]')
         FROM caseload c
        WHERE c.teacher_id = ${teachers}
          AND c.valid_from <= ${LIMA_TODAY} AND (c.valid_to IS NULL OR c.valid_to >= ${LIMA_TODAY})) AS coaches,
      (SELECT coalesce(jsonb_agg(jsonb_build_array(v.id, v.school_id, v.region_id, v.ugel_id, v.school_year, v.teacher_id)), '[]')
         FROM visit v WHERE v.id = ANY(${visitIds}::uuid[])) AS visits,
      (SELECT coalesce(jsonb_agg(jsonb_build_array(tp.person_id, tp.school_id, tp.region_id, tp.ugel_id, tp.school_year)
                ORDER BY tp.person_id, tp.school_year DESC, tp.school_id), '[]')
         FROM teacher_post tp WHERE tp.person_id = ${teachers}) AS posts,
      (SELECT coalesce(jsonb_agg(jsonb_build_array(s.id, s.region_id, s.ugel_id)), '[]')
         FROM school s WHERE s.id = ANY(${schoolIds}::uuid[])) AS schools,
      (SELECT coalesce(jsonb_agg(i.code), '[]') FROM intervention i) AS interventions,
      (SELECT s.value FROM app_setting s WHERE s.key = 'closed_year_grace_days') AS grace,
      (SELECT coalesce(jsonb_agg(jsonb_build_array(t.kind, t.entity_id, t.teacher_id, t.deleted_by, t.mutation_id, t.device_id, t.seq)), '[]')
         FROM sync_tombstone t
        WHERE t.entity_id = ANY(${[...entityIds, ...visitIds]}::uuid[])) AS tombstones,
      (SELECT coalesce(jsonb_agg(jsonb_build_array(l.kind, l.id, l.visit_id, l.teacher_id, l.school_id, l.school_year)), '[]')
         FROM (${linkedSql(writtenVisitIds)}) l) AS linked`.execute(tx);
  const r = rows[0];
  const facts: Facts = {
    coaches: new Map(),
    visits: new Map(),
    posts: new Map(),
    schools: new Map(),
    interventions: new Set(r?.interventions ?? []),
    graceDays: r?.grace ?? null,
    tombstones: new Map(),
    linked: (r?.linked ?? []).map(([kind, id, visitId, teacherId, schoolId, schoolYear]) => ({
      kind,
      id,
      visitId,
      teacherId,
      schoolId,
      schoolYear: Number(schoolYear),
    })),
  };
  for (const [kind, entityId, teacherId, deletedBy, mutationId, deviceId, seq] of r?.tombstones ??
    []) {
    facts.tombstones.set(keyOf(kind, entityId), {
      kind,
      entityId,
      teacherId,
      deletedBy,
      mutationId,
      deviceId,
      seq: Number(seq),
    });
  }
  for (const [teacher, coach] of r?.coaches ?? []) {
    const list = facts.coaches.get(teacher) ?? [];
    list.push(coach);
    facts.coaches.set(teacher, list);
  }
  for (const [id, schoolId, regionId, ugelId, schoolYear, teacherId] of r?.visits ?? []) {
    facts.visits.set(id, { schoolId, regionId, ugelId, schoolYear: Number(schoolYear), teacherId });
  }
  for (const [teacher, schoolId, regionId, ugelId, schoolYear] of r?.posts ?? []) {
    const list = facts.posts.get(teacher) ?? [];
    list.push({ schoolId, regionId, ugelId, schoolYear: Number(schoolYear) });
    facts.posts.set(teacher, list);
  }
  for (const [id, regionId, ugelId] of r?.schools ?? []) {
    facts.schools.set(id, { schoolId: id, regionId, ugelId });
  }
  return { facts, records: recordsOf(r?.records ?? []) };
}

/** Moves records that name a visit to where the visit now sits (one statement per kind). */
export async function reanchorRecords(
  tx: Tx,
  list: { kind: EntityKind; id: string; anchors: PlaceRow & { schoolYear: number } }[],
): Promise<void> {
  const byKind = new Map<EntityKind, typeof list>();
  for (const r of list) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
  for (const [kind, rows] of byKind) {
    const json = rows.map((r) => ({
      id: r.id,
      school_id: r.anchors.schoolId,
      region_id: r.anchors.regionId,
      ugel_id: r.anchors.ugelId,
      school_year: r.anchors.schoolYear,
    }));
    await sql`UPDATE ${sql.table(KINDS[kind].table)} t
         SET school_id = x.school_id, region_id = x.region_id, ugel_id = x.ugel_id,
             school_year = x.school_year, updated_at = now()
        FROM jsonb_to_recordset(${JSON.stringify(json)}::jsonb)
          AS x(id uuid, school_id uuid, region_id uuid, ugel_id uuid, school_year smallint)
       WHERE t.id = x.id`.execute(tx);
  }
}
