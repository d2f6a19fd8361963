import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  type Built,
  CELL_CURRENT,
  CELL_DELTA,
  type CellUnit,
  cellRows,
  DIMS,
  levelRows,
  progressRows,
  stageRows,
} from './cell-rows.ts';

export type { CellUnit } from './cell-rows.ts';

// The monitoring cells (migration 0020, docs/REPORTS.md "Cells"): the per-teacher read models
// summed per school (and coach) for every month a report may be "as of", and rolled up per UGEL
// and region, so that an answer reads hundreds of cells. Teachers whose year does not fit one
// school cell (report_complex) are left out here and read per teacher by the queries. Built
// whole (rebuildCells) or kept by the differences a refresh's teachers make.

type Db = Kysely<DB>;

/** report_complex of the keys (null: all): see the migration for who is in it. */
export async function refreshComplex(
  db: Db,
  keys: { teacherIds: string[]; years: number[] } | null,
): Promise<void> {
  const filter = (alias: string) =>
    keys
      ? sql`AND ${sql.ref(`${alias}.teacher_id`)} = ANY(${keys.teacherIds}::uuid[])
            AND ${sql.ref(`${alias}.school_year`)} = ANY(${keys.years}::int[])`
      : sql``;
  if (keys) await sql`DELETE FROM report_complex x WHERE true ${filter('x')}`.execute(db);
  else await sql`TRUNCATE report_complex`.execute(db);
  await sql`
    INSERT INTO report_complex (school_year, teacher_id)
    SELECT r.school_year, r.teacher_id
      FROM report_teacher_month r
      LEFT JOIN (SELECT l.school_year, l.teacher_id, min(l.month) AS first_level
                   FROM report_teacher_level l WHERE true ${filter('l')} GROUP BY 1, 2) l
        ON l.school_year = r.school_year AND l.teacher_id = r.teacher_id
     WHERE true ${filter('r')}
     GROUP BY r.school_year, r.teacher_id
    HAVING bool_or(r.school_id IS NULL) OR min(r.intervention_code) <> max(r.intervention_code)
        OR min(r.month) > min(l.first_level)`.execute(db);
}

type CellTable = 'report_cell' | 'report_progress_cell' | 'report_stage_cell' | 'report_level_cell';
/** Each cell table: its rows for a unit, its key columns beyond the place and filters, its
 *  summed columns, and the column that is 0 when no teacher is left in the cell. */
const TABLE: Record<
  CellTable,
  { rows: (u: CellUnit | null) => Built; key: string[]; sums: string[]; count: string }
> = {
  report_cell: {
    rows: cellRows,
    key: ['month', 'coach_id'],
    sums: [...CELL_CURRENT, ...CELL_DELTA],
    count: 'teachers_cum',
  },
  report_progress_cell: {
    rows: progressRows,
    key: ['month'],
    sums: ['teachers', 'up', 'same', 'down'],
    count: 'teachers',
  },
  report_stage_cell: {
    rows: stageRows,
    key: ['month', 'stage'],
    sums: ['teachers'],
    count: 'teachers',
  },
  report_level_cell: {
    rows: levelRows,
    key: ['desempeno', 'month'],
    sums: ['n1', 'n2', 'n3', 'n4'],
    count: 'n1 + n2 + n3 + n4',
  },
};
const TABLES = Object.keys(TABLE) as CellTable[];

/** Leaves out sums that change nothing (most of a refreshed teacher's months are as before). */
const changes = (sums: string[]) =>
  sql.raw(`HAVING ${sums.map((c) => `sum(${c}) <> 0`).join(' OR ')}`);

/** The columns of `table`'s unique key (migration 0020), in order. */
const uniqueOf = (table: CellTable) => ['school_year', 'kind', ...DIMS, ...TABLE[table].key];

/** Rows of `from` summed into kind 'u' (per UGEL) or 'r' (per region): the school and network
 *  (and coach) left out, the other columns kept. `from` is kind 's' rows. */
function rolledUp(table: CellTable, kind: 'u' | 'r', from: RawBuilder<unknown>) {
  const { sums } = TABLE[table];
  const blank = new Set([
    'school_id',
    'network_id',
    'coach_id',
    ...(kind === 'r' ? ['ugel_id'] : []),
  ]);
  const keyCols = uniqueOf(table);
  const select = keyCols.map((c) =>
    c === 'kind' ? `'${kind}'::text AS kind` : blank.has(c) ? `NULL::uuid AS ${c}` : c,
  );
  const group = keyCols.filter((c) => c !== 'kind' && !blank.has(c));
  return {
    cols: [...keyCols, ...sums],
    select: sql`SELECT ${sql.raw(select.join(', '))}, ${sql.raw(sums.map((c) => `sum(${c}) AS ${c}`).join(', '))}
                  FROM (${from}) f WHERE f.kind = 's' GROUP BY ${sql.raw(group.join(', '))}
                  ${changes(sums)}`,
  };
}

const insert = (table: CellTable, b: Built) =>
  sql`INSERT INTO ${sql.table(table)} (${sql.raw(b.cols.join(', '))}) ${b.select}`;

/** The full rebuild of every cell, after report_complex is current. */
export async function rebuildCells(db: Db): Promise<void> {
  for (const table of TABLES) {
    await sql`TRUNCATE ${sql.table(table)}`.execute(db);
    await insert(table, TABLE[table].rows(null)).execute(db);
    const from = sql`SELECT * FROM ${sql.table(table)}`;
    await insert(table, rolledUp(table, 'u', from)).execute(db);
    await insert(table, rolledUp(table, 'r', from)).execute(db);
  }
}

const deltaTable = (table: CellTable) => sql.table(`delta_${table}`);

/**
 * Incremental maintenance, teacher by teacher: cells are sums over teachers, so what a refresh
 * changes is the old contribution of its teachers (taken off here, before their read-model rows
 * change) and their new one (`addContributions`, after). Cost follows the teachers a refresh
 * names, not the size of their schools, UGELs or regions.
 */
export async function takeContributions(db: Db, unit: CellUnit): Promise<void> {
  for (const table of TABLES) {
    await sql`CREATE TEMP TABLE IF NOT EXISTS ${deltaTable(table)}
                (LIKE ${sql.table(table)}) ON COMMIT DROP`.execute(db);
    await sql`TRUNCATE ${deltaTable(table)}`.execute(db);
    const b = TABLE[table].rows(unit);
    const negated = b.cols.map((c) => (TABLE[table].sums.includes(c) ? `-${c}` : c));
    await sql`INSERT INTO ${deltaTable(table)} (${sql.raw(b.cols.join(', '))})
                SELECT ${sql.raw(negated.join(', '))} FROM (${b.select}) z`.execute(db);
  }
}

/** Adds the teachers' new contribution and applies the difference to the cells of every kind. */
export async function addContributions(db: Db, unit: CellUnit): Promise<void> {
  for (const table of TABLES) {
    const { sums, count } = TABLE[table];
    const b = TABLE[table].rows(unit);
    await sql`INSERT INTO ${deltaTable(table)} (${sql.raw(b.cols.join(', '))}) ${b.select}`.execute(
      db,
    );
    const delta = sql`SELECT * FROM ${deltaTable(table)}`;
    const keyCols = uniqueOf(table);
    const base: Built = {
      cols: [...keyCols, ...sums],
      select: sql`SELECT ${sql.raw(keyCols.join(', '))}, ${sql.raw(sums.map((c) => `sum(${c})`).join(', '))}
                    FROM (${delta}) d GROUP BY ${sql.raw(keyCols.join(', '))} ${changes(sums)}`,
    };
    for (const b of [base, rolledUp(table, 'u', delta), rolledUp(table, 'r', delta)]) {
      const { rows } = await sql<{ at: string; zero: boolean }>`
        ${insert(table, b)}
        ON CONFLICT (${sql.raw(keyCols.join(', '))}) DO UPDATE SET
          ${sql.raw(sums.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', '))}
        RETURNING ctid::text AS at, (${sql.raw(count)}) = 0 AS zero`.execute(db);
      // A cell no teacher is left in is removed, as a rebuild would not have it.
      const gone = rows.filter((r) => r.zero).map((r) => r.at);
      if (gone.length > 0)
        await sql`DELETE FROM ${sql.table(table)} WHERE ctid = ANY(${gone}::tid[])`.execute(db);
    }
  }
}

/** A refresh's unit: its teachers, in its school years and the next ones (whose continuity
 *  reads this year's last coach). */
export function unitOf(keys: { teacherIds: string[]; years: number[] }): CellUnit {
  return {
    teacherIds: keys.teacherIds,
    years: [...new Set(keys.years.flatMap((y) => [y, y + 1]))],
  };
}
