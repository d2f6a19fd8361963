import { type Actor, decide, type Place, REGIONS, ugelPlaceholderName } from '@acompana/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Tally } from './tally.ts';

// Regions (DRE) and UGELs referenced by padrón rows, kept in memory for the whole import
// (there are 26 and ~220). Missing ones are created, so a national padrón imports into an
// empty database — but only by someone whose scope covers them (policy kind 'school' covers
// territory facts): a UGEL specialist cannot create a neighbouring UGEL through a file.

interface UgelEntry {
  id: string;
  regionId: string;
  name: string;
}

export type Resolved = { place: Place } | { problem: string };

export class Territory {
  private readonly regions = new Map<string, string>();
  private readonly ugels = new Map<string, UgelEntry>();
  private readonly named = new Set<string>();

  private constructor(
    private readonly db: Kysely<DB>,
    private readonly actor: Actor,
    private readonly tally: Tally,
  ) {}

  static async load(db: Kysely<DB>, actor: Actor, tally: Tally): Promise<Territory> {
    const t = new Territory(db, actor, tally);
    for (const r of await db.selectFrom('region').select(['id', 'code']).execute()) {
      t.regions.set(r.code, r.id);
    }
    const ugels = await db.selectFrom('ugel').select(['id', 'code', 'region_id', 'name']).execute();
    for (const u of ugels) t.ugels.set(u.code, { id: u.id, regionId: u.region_id, name: u.name });
    return t;
  }

  /**
   * Where a school of this UGEL lives. A school follows its UGEL's region (the DRE → UGEL →
   * school hierarchy), so the ubigeo's region only matters when the UGEL is new.
   */
  async resolve(ugelCode: string, ugelName: string | null, regionCode: string): Promise<Resolved> {
    let ugel = this.ugels.get(ugelCode) ?? null;
    if (!ugel) {
      const regionId = this.regions.get(regionCode) ?? (await this.createRegion(regionCode));
      if (!regionId) return { problem: outOfScope(ugelCode) };
      ugel = await this.createUgel(ugelCode, ugelName, regionId);
      if (!ugel) return { problem: outOfScope(ugelCode) };
    } else if (
      ugelName &&
      ugel.name === ugelPlaceholderName(ugelCode) &&
      !this.named.has(ugelCode)
    ) {
      // A UGEL first seen without D_DREUGEL gets its real name from the first file that has it.
      this.named.add(ugelCode);
      await this.db.updateTable('ugel').set({ name: ugelName }).where('id', '=', ugel.id).execute();
      ugel.name = ugelName;
    }
    return { place: { ugelId: ugel.id, regionId: ugel.regionId } };
  }

  private async createRegion(code: string): Promise<string | null> {
    if (!decide(this.actor, 'create', { kind: 'school', place: {} }).allow) return null;
    const name = REGIONS[code] ?? `DRE ${code}`;
    // ON CONFLICT: another import may have created it since we loaded the table.
    await this.db
      .insertInto('region')
      .values({ code, name })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    const row = await this.db
      .selectFrom('region')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    this.regions.set(code, row.id);
    this.tally.regionsCreated += 1;
    return row.id;
  }

  private async createUgel(
    code: string,
    name: string | null,
    regionId: string,
  ): Promise<UgelEntry | null> {
    if (!decide(this.actor, 'create', { kind: 'school', place: { regionId } }).allow) return null;
    const values = { code, name: name ?? ugelPlaceholderName(code), region_id: regionId };
    await this.db
      .insertInto('ugel')
      .values(values)
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    const row = await this.db
      .selectFrom('ugel')
      .select(['id', 'region_id', 'name'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    const entry = { id: row.id, regionId: row.region_id, name: row.name };
    this.ugels.set(code, entry);
    this.tally.ugelsCreated += 1;
    return entry;
  }
}

export function outOfScope(ugelCode: string): string {
  return `fuera de tu ámbito: la UGEL ${ugelCode} no está entre las que puedes administrar.`;
}
