import {
  type ActivationSheet,
  type ActivationSheetPreview,
  type ActivationSheetRequest,
  type Actor,
  AppError,
  currentSchoolYear,
  type Place,
  reachOf,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { LIMA_TODAY } from '../../db/time.ts';
import { decideAnyPlace } from '../../policy/relations.ts';
import { issueCode } from '../accounts/admin.ts';
import { liveCodeExpiry } from '../accounts/codes.ts';
import { displayName, sortNameSql } from '../shared/sql.ts';
import { loadPersonFacts } from './places.ts';

// Activation sheets (issue 14): everyone of a school (posts this year, school roles) or a coach
// and their current caseload who may get a code from the asker (`activation_code` create, one
// by one) and has no active account yet. The sheet itself is `activation_sheet` create at the
// group's place: the director their school, the especialista any school or coach of their UGEL.
// The preview says how many live codes printing would replace; printing issues the codes
// (each through accounts/admin.ts issueCode: audited, the previous code retired).

interface Group {
  title: string;
  memberIds: string[];
}

const ACTIVE = sql<boolean>`valid_from <= ${LIMA_TODAY} AND (valid_to IS NULL OR valid_to >= ${LIMA_TODAY})`;

async function groupOf(
  db: Kysely<DB>,
  actor: Actor,
  input: ActivationSheetRequest,
  year: number,
): Promise<Group> {
  if (reachOf(actor, 'activation_sheet', 'create').length === 0) throw new AppError('FORBIDDEN');
  let places: Place[];
  let title: string;
  let memberIds: string[];
  if (input.schoolId) {
    const school = await db
      .selectFrom('school')
      .select(['id', 'name', 'network_id', 'ugel_id', 'region_id'])
      .where('id', '=', input.schoolId)
      .executeTakeFirst();
    if (!school) throw new AppError('NOT_FOUND');
    places = [
      {
        schoolId: school.id,
        networkId: school.network_id,
        ugelId: school.ugel_id,
        regionId: school.region_id,
      },
    ];
    title = school.name;
    const { rows } = await sql<{ person_id: string }>`
      SELECT person_id FROM teacher_post WHERE school_id = ${school.id} AND school_year = ${year}
      UNION
      SELECT person_id FROM role_assignment_place WHERE school_id = ${school.id} AND ${ACTIVE}`.execute(
      db,
    );
    memberIds = rows.map((r) => r.person_id);
  } else {
    const coachId = input.coachId as string;
    const coach = await db
      .selectFrom('person')
      .select(['id', 'given_names', 'paternal_surname', 'maternal_surname'])
      .where('id', '=', coachId)
      .executeTakeFirst();
    const facts = (await loadPersonFacts(db, [coachId], year)).get(coachId);
    if (!coach || !facts?.roles.includes('acompanante')) throw new AppError('NOT_FOUND');
    places = facts.places;
    title = displayName(coach);
    const { rows } = await sql<{ teacher_id: string }>`
      SELECT DISTINCT teacher_id FROM caseload WHERE coach_id = ${coachId} AND ${ACTIVE}`.execute(
      db,
    );
    memberIds = [coachId, ...rows.map((r) => r.teacher_id)];
  }
  // A group outside the asker's territory is as good as absent.
  if (!decideAnyPlace(actor, 'create', { kind: 'activation_sheet' }, places).allow) {
    throw new AppError('NOT_FOUND');
  }
  return { title, memberIds };
}

interface Member {
  id: string;
  displayName: string;
  status: 'none' | 'pending' | 'active' | 'deactivated';
}

/** The group's people the asker may issue codes for, by surname; the rest of them skipped. */
async function members(db: Kysely<DB>, actor: Actor, group: Group, year: number) {
  if (group.memberIds.length === 0) return { eligible: [] as Member[], skipped: [] as Member[] };
  const rows = await db
    .selectFrom('person as p')
    .leftJoin('user_account as ua', 'ua.person_id', 'p.id')
    .select(['p.id', 'p.given_names', 'p.paternal_surname', 'p.maternal_surname', 'ua.status'])
    .where('p.id', 'in', group.memberIds)
    .orderBy(sortNameSql('p'))
    .execute();
  const facts = await loadPersonFacts(db, group.memberIds, year);
  const eligible: Member[] = [];
  const skipped: Member[] = [];
  for (const row of rows) {
    const f = facts.get(row.id);
    const base = { kind: 'activation_code' as const, ownerId: row.id, targetRoles: f?.roles ?? [] };
    if (!f || !decideAnyPlace(actor, 'create', base, f.places).allow) continue;
    const member: Member = {
      id: row.id,
      displayName: displayName(row),
      status: row.status ?? 'none',
    };
    if (member.status === 'none' || member.status === 'pending') eligible.push(member);
    else skipped.push(member);
  }
  return { eligible, skipped };
}

const skippedView = (m: Member) => ({
  personId: m.id,
  displayName: m.displayName,
  status: m.status,
});

export async function previewSheet(
  db: Kysely<DB>,
  actor: Actor,
  input: ActivationSheetRequest,
  year = currentSchoolYear(),
): Promise<ActivationSheetPreview> {
  const group = await groupOf(db, actor, input, year);
  const { eligible, skipped } = await members(db, actor, group, year);
  const live = await Promise.all(
    eligible.filter((m) => m.status === 'pending').map((m) => liveCodeExpiry(db, m.id)),
  );
  return {
    title: group.title,
    people: eligible.length,
    withLiveCode: live.filter((expiry) => expiry !== null).length,
    skipped: skipped.map(skippedView),
  };
}

export async function printSheet(
  db: Kysely<DB>,
  actor: Actor,
  input: ActivationSheetRequest,
  appUrl: string,
  year = currentSchoolYear(),
): Promise<ActivationSheet> {
  const group = await groupOf(db, actor, input, year);
  const { eligible, skipped } = await members(db, actor, group, year);
  const items: ActivationSheet['items'] = [];
  // One by one (argon2 hashing is the cost): each code is its own audited transaction.
  for (const member of eligible) {
    const issued = await issueCode(db, actor, member.id);
    items.push({
      personId: member.id,
      displayName: member.displayName,
      dni: issued.dni,
      code: issued.code,
      expiresAt: issued.expiresAt,
      replacedCode: issued.replacedCode,
    });
  }
  return { title: group.title, appUrl, items, skipped: skipped.map(skippedView) };
}
