import {
  type Action,
  type Actor,
  type ColumnMap,
  decide,
  hasColumn,
  type Place,
  rowValues,
  type SchoolKey,
  type SchoolRow,
  validateSchoolRow,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { RawRow } from './table.ts';
import type { Tally } from './tally.ts';
import type { Territory } from './territory.ts';
import { type Column, runUpsert, type UpsertSpec } from './upsert.ts';

// Padrón rows → school services, upserted by (codigo_modular, anexo) in batches.

export const BATCH_ROWS = 1000;

/** Columns a padrón may leave out; when it does, the stored values are kept, not erased. */
const OPTIONAL: readonly {
  keys: readonly SchoolKey[];
  column: Column;
  value: (r: SchoolRow) => unknown;
}[] = [
  { keys: ['codlocal'], column: { name: 'codlocal', type: 'text' }, value: (r) => r.codlocal },
  {
    keys: ['d_cod_car'],
    column: { name: 'characteristic', type: 'text' },
    value: (r) => r.characteristic,
  },
  {
    keys: ['gestion', 'd_gestion'],
    column: { name: 'management', type: 'text' },
    value: (r) => r.management,
  },
  { keys: ['dareacenso'], column: { name: 'area', type: 'text' }, value: (r) => r.area },
  { keys: ['lengua'], column: { name: 'language', type: 'text' }, value: (r) => r.language },
  { keys: ['nlat_ie'], column: { name: 'latitude', type: 'numeric' }, value: (r) => r.latitude },
  { keys: ['nlong_ie'], column: { name: 'longitude', type: 'numeric' }, value: (r) => r.longitude },
  { keys: ['d_estado'], column: { name: 'active', type: 'boolean' }, value: (r) => r.active },
  { keys: ['talumno'], column: { name: 'students', type: 'integer' }, value: (r) => r.students },
  { keys: ['tdocente'], column: { name: 'teachers', type: 'integer' }, value: (r) => r.teachers },
];

const ALWAYS: readonly Column[] = [
  { name: 'codigo_modular', type: 'text' },
  { name: 'anexo', type: 'smallint' },
  { name: 'name', type: 'text' },
  { name: 'level', type: 'text' },
  { name: 'ubigeo', type: 'text' },
  { name: 'region_id', type: 'uuid' },
  { name: 'ugel_id', type: 'uuid' },
];

interface Pending {
  line: number;
  row: SchoolRow;
}

interface Existing {
  id: string;
  codigo_modular: string;
  anexo: number;
  region_id: string;
  ugel_id: string;
  network_id: string | null;
}

export class SchoolImporter {
  private readonly seen = new Map<string, number>();
  private batch: Pending[] = [];
  private readonly optional: typeof OPTIONAL;
  private readonly spec: UpsertSpec;
  /** True when the actor's scope is the whole country: no need to look up current places. */
  private readonly national: boolean;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly actor: Actor,
    private readonly map: ColumnMap<SchoolKey>,
    private readonly tally: Tally,
    private readonly territory: Territory,
  ) {
    this.optional = OPTIONAL.filter((o) => o.keys.some((k) => hasColumn(map, k)));
    this.spec = {
      table: 'school',
      columns: [...ALWAYS, ...this.optional.map((o) => o.column)],
      conflict: ['codigo_modular', 'anexo'],
      returning: [],
    };
    this.national = (['create', 'update'] as const).every(
      (action) => decide(actor, action, { kind: 'school', place: {} }).allow,
    );
  }

  async add(raw: RawRow): Promise<void> {
    this.tally.rows += 1;
    if (raw.problem) return this.tally.invalid(raw.line, [{ text: raw.problem }]);
    const outcome = validateSchoolRow(rowValues(this.map, raw.cells), this.map.label);
    if (outcome.status === 'skipped') return this.tally.skip(outcome.reason);
    if (outcome.status === 'invalid') return this.tally.invalid(raw.line, outcome.problems);
    const { row } = outcome;
    const key = `${row.codigoModular}-${row.anexo}`;
    const first = this.seen.get(key);
    if (first !== undefined) {
      return this.tally.invalid(raw.line, [
        {
          field: this.map.label.cod_mod,
          text: `la IE ${key} ya aparece en la ${this.tally.where(first)}.`,
        },
      ]);
    }
    this.seen.set(key, raw.line);
    this.batch.push({ line: raw.line, row });
    if (this.batch.length >= BATCH_ROWS) await this.flush();
  }

  async finish(): Promise<void> {
    await this.flush();
  }

  private async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    if (batch.length === 0) return;
    const existing = this.national ? new Map<string, Existing>() : await this.current(batch);
    const ready: Record<string, unknown>[] = [];
    for (const { line, row } of batch) {
      const resolved = await this.territory.resolve(row.ugelCode, row.ugelName, row.regionCode);
      if ('problem' in resolved) {
        this.tally.invalid(line, [{ field: this.map.label.codooii, text: resolved.problem }]);
        continue;
      }
      const now = existing.get(`${row.codigoModular}-${row.anexo}`);
      if (!this.allowed(resolved.place, now)) {
        this.tally.invalid(line, [
          {
            field: this.map.label.codooii,
            text: `fuera de tu ámbito: no puedes ${now ? 'modificar' : 'crear'} IIEE de la UGEL ${row.ugelCode}.`,
          },
        ]);
        continue;
      }
      const out: Record<string, unknown> = {
        codigo_modular: row.codigoModular,
        anexo: row.anexo,
        name: row.name,
        level: row.level,
        ubigeo: row.ubigeo,
        region_id: resolved.place.regionId,
        ugel_id: resolved.place.ugelId,
      };
      for (const o of this.optional) out[o.column.name] = o.value(row);
      ready.push(out);
    }
    const changed = await runUpsert(this.db, this.spec, ready);
    const created = changed.filter((r) => r.inserted).length;
    this.tally.created += created;
    this.tally.updated += changed.length - created;
    this.tally.unchanged += ready.length - changed.length;
  }

  /** Creating needs the new place in scope; moving an existing school also needs its old place. */
  private allowed(place: Place, now: Existing | undefined): boolean {
    const action: Action = now ? 'update' : 'create';
    const target = now ? { ...place, schoolId: now.id, networkId: now.network_id } : place;
    if (!decide(this.actor, action, { kind: 'school', place: target }).allow) return false;
    if (!now) return true;
    const before = {
      schoolId: now.id,
      networkId: now.network_id,
      ugelId: now.ugel_id,
      regionId: now.region_id,
    };
    return decide(this.actor, 'update', { kind: 'school', place: before }).allow;
  }

  private async current(batch: readonly Pending[]): Promise<Map<string, Existing>> {
    const keys = JSON.stringify(batch.map((p) => ({ c: p.row.codigoModular, a: p.row.anexo })));
    const rows = await sql<Existing>`
      SELECT s.id, s.codigo_modular, s.anexo, s.region_id, s.ugel_id, s.network_id
      FROM school s
      JOIN jsonb_to_recordset(${keys}::jsonb) AS k(c char(7), a smallint)
        ON s.codigo_modular = k.c AND s.anexo = k.a`.execute(this.db);
    return new Map(rows.rows.map((r) => [`${r.codigo_modular}-${r.anexo}`, r]));
  }
}
