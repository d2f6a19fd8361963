import {
  type Actor,
  AppError,
  decide,
  type NetworkItem,
  type NetworkListQuery,
  type PageQuery,
  type RegionItem,
  reachOf,
  type UgelItem,
  type UgelListQuery,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { placeReachSql } from '../../policy/reach-roster.ts';
import { decodeCursor } from '../rosters/cursor.ts';
import { foldedSql, searchMatch } from '../rosters/search.ts';
import { afterSql, type Page, pageCut } from '../shared/sql.ts';

// Regions (DRE), UGELs and rural networks: public facts of the territory, each visible within
// the asker's scope (policy kind `school`). A UGEL is in a UGEL or region scope; a network also
// in its own network scope; a region only in a region or national scope.

function readReach(actor: Actor) {
  const reach = reachOf(actor, 'school', 'read');
  if (reach.length === 0) throw new AppError('FORBIDDEN');
  return reach;
}

const REGION_SORT = sql<string>`lower(r.name)`;

export async function listRegions(
  db: Kysely<DB>,
  actor: Actor,
  query: PageQuery,
): Promise<Page<RegionItem>> {
  const reach = readReach(actor);
  const after = decodeCursor(query.cursor);
  let q = db
    .selectFrom('region as r')
    .select(['r.id', 'r.code', 'r.name', REGION_SORT.as('sort_key')])
    .where((eb) =>
      eb.or(reach.map((r) => placeReachSql(r, { regionId: sql.ref('r.id') }, 'regions'))),
    );
  if (query.q) {
    q = q.where(searchMatch(query.q, [foldedSql('r.name')], [sql.ref('r.code')]));
  }
  if (after) q = q.where(afterSql(REGION_SORT, sql.ref('r.id'), after));
  const rows = await q
    .orderBy(REGION_SORT)
    .orderBy('r.id')
    .limit(query.limit + 1)
    .execute();
  const { page, nextCursor } = pageCut(rows, query.limit);
  const items = page
    .filter((r) => decide(actor, 'read', { kind: 'school', place: { regionId: r.id } }).allow)
    .map((r) => ({ id: r.id, code: r.code, name: r.name }));
  return { items, nextCursor };
}

const UGEL_SORT = sql<string>`lower(u.name)`;

export async function listUgels(
  db: Kysely<DB>,
  actor: Actor,
  query: UgelListQuery,
): Promise<Page<UgelItem>> {
  const reach = readReach(actor);
  const after = decodeCursor(query.cursor);
  let q = db
    .selectFrom('ugel as u')
    .innerJoin('region as r', 'r.id', 'u.region_id')
    .select([
      'u.id',
      'u.code',
      'u.name',
      'u.region_id',
      'r.name as region_name',
      UGEL_SORT.as('sort_key'),
    ])
    .where((eb) =>
      eb.or(
        reach.map((r) =>
          placeReachSql(r, { ugelId: sql.ref('u.id'), regionId: sql.ref('u.region_id') }, 'UGELs'),
        ),
      ),
    );
  if (query.region) q = q.where('u.region_id', '=', query.region);
  if (query.q) {
    q = q.where(searchMatch(query.q, [foldedSql('u.name')], [sql.ref('u.code')]));
  }
  if (after) q = q.where(afterSql(UGEL_SORT, sql.ref('u.id'), after));
  const rows = await q
    .orderBy(UGEL_SORT)
    .orderBy('u.id')
    .limit(query.limit + 1)
    .execute();
  const { page, nextCursor } = pageCut(rows, query.limit);
  const items = page
    .filter(
      (u) =>
        decide(actor, 'read', { kind: 'school', place: { ugelId: u.id, regionId: u.region_id } })
          .allow,
    )
    .map((u) => ({
      id: u.id,
      code: u.code,
      name: u.name,
      region: { id: u.region_id, name: u.region_name },
    }));
  return { items, nextCursor };
}

const NETWORK_SORT = sql<string>`lower(n.name)`;

export async function listNetworks(
  db: Kysely<DB>,
  actor: Actor,
  query: NetworkListQuery,
): Promise<Page<NetworkItem>> {
  const reach = readReach(actor);
  const after = decodeCursor(query.cursor);
  let q = db
    .selectFrom('network as n')
    .innerJoin('ugel as u', 'u.id', 'n.ugel_id')
    .select([
      'n.id',
      'n.code',
      'n.name',
      'n.ugel_id',
      'n.region_id',
      'u.name as ugel_name',
      sql<string>`(SELECT count(*) FROM school s WHERE s.network_id = n.id)`.as('school_count'),
      NETWORK_SORT.as('sort_key'),
    ])
    .where((eb) =>
      eb.or(
        reach.map((r) =>
          placeReachSql(
            r,
            {
              networkId: sql.ref('n.id'),
              ugelId: sql.ref('n.ugel_id'),
              regionId: sql.ref('n.region_id'),
            },
            'networks',
          ),
        ),
      ),
    );
  if (query.ugel) q = q.where('n.ugel_id', '=', query.ugel);
  if (query.q) {
    q = q.where(searchMatch(query.q, [foldedSql('n.name')], [sql.ref('n.code')]));
  }
  if (after) q = q.where(afterSql(NETWORK_SORT, sql.ref('n.id'), after));
  const rows = await q
    .orderBy(NETWORK_SORT)
    .orderBy('n.id')
    .limit(query.limit + 1)
    .execute();
  const { page, nextCursor } = pageCut(rows, query.limit);
  const items = page
    .filter(
      (n) =>
        decide(actor, 'read', {
          kind: 'school',
          place: { networkId: n.id, ugelId: n.ugel_id, regionId: n.region_id },
        }).allow,
    )
    .map((n) => ({
      id: n.id,
      code: n.code,
      name: n.name,
      ugel: { id: n.ugel_id, name: n.ugel_name },
      schoolCount: Number(n.school_count),
    }));
  return { items, nextCursor };
}
