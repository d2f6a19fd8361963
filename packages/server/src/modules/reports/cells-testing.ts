import type { ReportBy, ReportFilters, ReportScopeLevel } from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { rebuildCells, refreshComplex } from './cells.ts';
import { reportFigures } from './figures.ts';
import { readModelsState } from './maintain.ts';
import { progressFigures } from './progress.ts';
import type { ResolvedReport } from './scope.ts';

// Test support: every report shape answered from the cells and answered with every teacher read
// per teacher (all of them put in report_complex) must be the same — the cells are a faster way
// to the same figures, never other figures.

type Shape = { level: ReportScopeLevel; id: string | null; by: ReportBy | null };

const FILTERS: ReportFilters[] = [
  {},
  { level: 'primaria' },
  { area: 'rural', characteristic: 'unidocente' },
  { intervention: 'SPI', level: 'inicial' },
];

async function shapes(db: Kysely<DB>): Promise<Shape[]> {
  // The territory with most teachers at each level, and its largest school and first coach.
  const { rows } = await sql<{
    region: string;
    ugel: string;
    school: string;
    coach: string;
    network: string | null;
  }>`
    SELECT (SELECT region_id::text FROM report_teacher_month GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1) AS region,
           (SELECT ugel_id::text FROM report_teacher_month GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1) AS ugel,
           (SELECT school_id::text FROM report_teacher_month WHERE school_id IS NOT NULL
             GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1) AS school,
           (SELECT coach_id::text FROM report_teacher_month WHERE coach_id IS NOT NULL
             GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1) AS coach,
           (SELECT network_id::text FROM report_teacher_month WHERE network_id IS NOT NULL
             GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1) AS network`.execute(db);
  const p = rows[0];
  if (!p) return [];
  const out: Shape[] = [
    { level: 'nation', id: null, by: 'region' },
    { level: 'nation', id: null, by: null },
    { level: 'region', id: p.region, by: 'ugel' },
    { level: 'ugel', id: p.ugel, by: 'school' },
    { level: 'ugel', id: p.ugel, by: 'network' },
    { level: 'ugel', id: p.ugel, by: 'coach' },
    { level: 'school', id: p.school, by: 'coach' },
    { level: 'school', id: p.school, by: null },
    { level: 'coach', id: p.coach, by: null },
  ];
  if (p.network) out.push({ level: 'network', id: p.network, by: 'school' });
  return out;
}

// Names are read with the cells' rows and looked up for the others: not figures, left out here.
const sorted = <T extends { key: string | null; name?: string | null }>(rows: T[]) =>
  [...rows]
    .map(({ name: _, ...figures }) => figures)
    .sort((a, b) => String(a.key).localeCompare(String(b.key)));

/** Every figure of every shape, year, month and filter, as one comparable value. */
async function answers(db: Kysely<DB>, years: number[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const shape of await shapes(db))
    for (const year of years)
      for (const month of [3, 7, 12])
        for (const filters of FILTERS) {
          const { complex } = await readModelsState(db, year);
          const report: ResolvedReport = {
            year,
            month,
            scope: { level: shape.level, id: shape.id, name: '', code: '', place: {} },
            by: shape.by,
          };
          const progress =
            shape.level === 'coach' || shape.by === 'coach'
              ? []
              : await progressFigures(db, report, filters, shape.by, complex).then((p) =>
                  [...p.rows.values(), p.total].map((f) => ({
                    ...f,
                    levels: [...f.levels]
                      .map(([d, m]) => [d, [...m].sort((a, b) => a[0] - b[0])])
                      .sort(),
                    stages: [...f.stages].sort(),
                  })),
                );
          out.push({
            shape,
            year,
            month,
            filters,
            figures: await reportFigures(db, report, filters, shape.by, {
              continuity: true,
              months: true,
              complex,
            }).then((f) => ({
              total: sorted(f.total ? [f.total] : []),
              rows: sorted(f.rows),
              months: sorted(f.months),
            })),
            progress: sorted(progress),
          });
        }
  return out;
}

/** The answers from the cells and per teacher (the cells restored afterwards). */
export async function cellsAgainstTeachers(db: Kysely<DB>) {
  const { rows } = await sql<{ y: number }>`
    SELECT DISTINCT school_year::int AS y FROM report_teacher_month ORDER BY 1`.execute(db);
  const years = rows.map((r) => r.y);
  const complex = await sql<{ n: string }>`SELECT count(*)::text AS n FROM report_complex`.execute(
    db,
  );
  const fromCells = await answers(db, years);
  await sql`INSERT INTO report_complex (school_year, teacher_id)
            SELECT DISTINCT school_year, teacher_id FROM report_teacher_month
            ON CONFLICT DO NOTHING`.execute(db);
  await rebuildCells(db);
  const perTeacher = await answers(db, years);
  await refreshComplex(db, null);
  await rebuildCells(db);
  return { fromCells, perTeacher, complexBefore: Number(complex.rows[0]?.n ?? 0) };
}
