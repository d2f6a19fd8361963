import {
  type Actor,
  AppError,
  currentSchoolYear,
  decide,
  limaToday,
  type Place,
  REPORT_BY,
  REPORT_CHILDREN,
  REPORT_SCOPE_LEVELS,
  type ReportBy,
  type ReportQuery,
  type ReportScopeLevel,
  type ResourceKind,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { displayNameSql } from '../shared/sql.ts';
import {
  type ReadModelsState,
  readModelsStateOf,
  readModelsStateSql,
  type StateRow,
} from './maintain.ts';

// The scope of a report (docs/REPORTS.md): parsed, resolved to a name and a place, and checked
// by the policy module — the one place that decides who may read which scope.

export interface ReportScope {
  level: ReportScopeLevel;
  id: string | null;
  name: string;
  /** For file names: the territory's code (código modular for a school). */
  code: string;
  place: Place;
}

export interface ResolvedReport {
  year: number;
  month: number;
  scope: ReportScope;
  by: ReportBy | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The asker's home scope: the widest territory of a grant that may read `kind`. */
function homeScope(actor: Actor, kind: ResourceKind): string {
  const order = ['national', 'region', 'ugel', 'network', 'school'] as const;
  const grants = [...actor.grants].sort(
    (a, b) => order.indexOf(a.scope.level) - order.indexOf(b.scope.level),
  );
  for (const g of grants) {
    const place: Place = g.scope.level === 'national' ? {} : { [`${g.scope.level}Id`]: g.scope.id };
    if (!decide({ personId: actor.personId, grants: [g] }, 'read', { kind, place }).allow) continue;
    return g.scope.level === 'national' ? 'nation' : `${g.scope.level}:${g.scope.id}`;
  }
  throw new AppError('FORBIDDEN');
}

function parseScope(value: string): { level: ReportScopeLevel; id: string | null } {
  if (value === 'nation') return { level: 'nation', id: null };
  const [level, id] = value.split(':');
  if (
    !level ||
    !id ||
    level === 'nation' ||
    !(REPORT_SCOPE_LEVELS as readonly string[]).includes(level) ||
    !UUID.test(id)
  ) {
    throw new AppError('REPORT_SCOPE_INVALID', undefined, { scope: value });
  }
  return { level: level as ReportScopeLevel, id: id.toLowerCase() };
}

interface Found {
  name: string;
  code: string;
  place: Place;
}

interface LookupRow {
  name: string;
  code: string;
  region_id: string | null;
  ugel_id: string | null;
  network_id: string | null;
}

/** The scope's row by level (nation has none: one constant row). */
function lookupSql(level: ReportScopeLevel, id: string | null, year: number) {
  switch (level) {
    case 'nation':
      return sql`SELECT 'Perú' AS name, 'nacional' AS code, NULL::uuid AS region_id,
                        NULL::uuid AS ugel_id, NULL::uuid AS network_id`;
    case 'region':
      return sql`SELECT name, code, id AS region_id, NULL::uuid AS ugel_id,
                        NULL::uuid AS network_id FROM region WHERE id = ${id}`;
    case 'ugel':
      return sql`SELECT name, code, region_id, id AS ugel_id, NULL::uuid AS network_id
                   FROM ugel WHERE id = ${id}`;
    case 'network':
      return sql`SELECT name, code, region_id, ugel_id, id AS network_id
                   FROM network WHERE id = ${id}`;
    case 'school':
      return sql`SELECT name, codigo_modular || CASE WHEN anexo > 0 THEN '-' || anexo ELSE '' END AS code,
                        region_id, ugel_id, network_id FROM school WHERE id = ${id}`;
    case 'coach':
      // A coach's place: the UGEL of their caseload that year (the especialista's territory).
      return sql`SELECT ${displayNameSql('p')} AS name, left(p.id::text, 8) AS code,
                        c.region_id, c.ugel_id, NULL::uuid AS network_id
                   FROM person p
                   LEFT JOIN LATERAL (
                     SELECT ugel_id, region_id FROM caseload
                      WHERE coach_id = p.id AND extract(year FROM valid_from) <= ${year}
                        AND (valid_to IS NULL OR extract(year FROM valid_to) >= ${year})
                      ORDER BY valid_from DESC LIMIT 1) c ON true
                  WHERE p.id = ${id}`;
  }
}

function placeOf(level: ReportScopeLevel, id: string | null, r: LookupRow): Place {
  switch (level) {
    case 'nation':
      return {};
    case 'region':
      return { regionId: id };
    case 'ugel':
      return { ugelId: id, regionId: r.region_id };
    case 'network':
      return { networkId: id, ugelId: r.ugel_id, regionId: r.region_id };
    case 'school':
      return { schoolId: id, networkId: r.network_id, ugelId: r.ugel_id, regionId: r.region_id };
    case 'coach':
      return { ugelId: r.ugel_id, regionId: r.region_id };
  }
}

/** The scope's name and place, and the read models' state read in the same statement. */
async function lookup(
  db: Kysely<DB>,
  level: ReportScopeLevel,
  id: string | null,
  year: number,
): Promise<{ found: Found | null; state: ReadModelsState }> {
  const { rows } = await sql<LookupRow & StateRow>`
    SELECT l.*, st.* FROM (${lookupSql(level, id, year)}) l
      LEFT JOIN (${readModelsStateSql(year)}) st ON true`.execute(db);
  const r = rows[0];
  if (!r) return { found: null, state: readModelsStateOf(undefined) };
  return {
    found: { name: r.name, code: r.code, place: placeOf(level, id, r) },
    state: readModelsStateOf(r),
  };
}

/**
 * Year, month, scope and breakdown of a report request (with the read models' state), or an AppError: 400 REPORT_* for a value
 * that names nothing, 403 for a scope the policy keeps from the asker.
 */
export async function resolveReport(
  db: Kysely<DB>,
  actor: Actor,
  kind: ResourceKind,
  query: Pick<ReportQuery, 'year' | 'month' | 'scope' | 'by'>,
  allowCoach = true,
): Promise<[ResolvedReport, ReadModelsState]> {
  const today = limaToday();
  const current = currentSchoolYear();
  const year = query.year ?? current;
  const month =
    query.month ?? (year === current ? Number(today.slice(5, 7)) : year < current ? 12 : 1);
  const { level, id } = parseScope(query.scope ?? homeScope(actor, kind));
  if (level === 'coach' && !allowCoach)
    throw new AppError('REPORT_BY_INVALID', undefined, { by: 'coach' });
  const { found, state } = await lookup(db, level, id, year);
  if (!found) throw new AppError('REPORT_SCOPE_INVALID', undefined, { scope: query.scope });
  if (!decide(actor, 'read', { kind, place: found.place }).allow) throw new AppError('FORBIDDEN');
  const children = REPORT_CHILDREN[level].filter((b) => allowCoach || b !== 'coach');
  let by: ReportBy | null = children[0] ?? null;
  if (query.by !== undefined) {
    if (
      !(REPORT_BY as readonly string[]).includes(query.by) ||
      !children.includes(query.by as ReportBy)
    ) {
      throw new AppError('REPORT_BY_INVALID', undefined, { by: query.by, allowed: children });
    }
    by = query.by as ReportBy;
  }
  return [{ year, month, scope: { level, id, ...found }, by }, state];
}
