import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

// One statement writes a whole batch: the rows travel as ONE jsonb parameter (no 65,535
// bind-parameter limit, same SQL on PGlite and PostgreSQL), existing rows are updated only
// when a value differs, and `xmax = 0` tells inserted rows from updated ones. Rows that did not
// change are not returned, which is how the report counts "unchanged".

export interface Column {
  name: string;
  /** SQL type of the value in the JSON recordset. */
  type: string;
}

export interface UpsertSpec {
  table: 'school' | 'person' | 'teacher_post';
  columns: readonly Column[];
  conflict: readonly string[];
  /** Extra expressions returned besides `inserted`. */
  returning: readonly string[];
}

// Identifiers come only from the constant specs in this module's callers, never from input.
const ident = (name: string) => {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`identificador inválido: ${name}`);
  return name;
};

/** Runs the upsert for a batch; returns the rows that were inserted or changed. */
export async function runUpsert<R>(
  db: Kysely<DB>,
  spec: UpsertSpec,
  rows: readonly object[],
): Promise<(R & { inserted: boolean })[]> {
  if (rows.length === 0) return [];
  const text = buildText(spec);
  const result = await sql<
    R & { inserted: boolean }
  >`${sql.raw(text.head)}${JSON.stringify(rows)}${sql.raw(text.tail)}`.execute(db);
  return result.rows;
}

const cache = new WeakMap<UpsertSpec, { head: string; tail: string }>();

function buildText(spec: UpsertSpec): { head: string; tail: string } {
  const hit = cache.get(spec);
  if (hit) return hit;
  const t = ident(spec.table);
  const names = spec.columns.map((c) => ident(c.name));
  const updated = names.filter((n) => !spec.conflict.includes(n));
  const touch = spec.table === 'person' ? '' : ', updated_at = now()';
  const head = `INSERT INTO ${t} (${names.join(', ')})
SELECT ${names.map((n) => `r.${n}`).join(', ')}
FROM jsonb_to_recordset(`;
  const tail = `::jsonb) AS r(${spec.columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ')})
ON CONFLICT (${spec.conflict.map(ident).join(', ')}) DO UPDATE SET
  ${updated.map((n) => `${n} = EXCLUDED.${n}`).join(', ')}${touch}
WHERE (${updated.map((n) => `${t}.${n}`).join(', ')}) IS DISTINCT FROM (${updated.map((n) => `EXCLUDED.${n}`).join(', ')})
RETURNING ${[...spec.returning.map(ident), '(xmax = 0) AS inserted'].join(', ')}`;
  const built = { head, tail };
  cache.set(spec, built);
  return built;
}
