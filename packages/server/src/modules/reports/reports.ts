import {
  type Actor,
  AppError,
  type Cell,
  type ComplianceReport,
  type ComplianceRow,
  type CoverageReport,
  type CoverageRow,
  type ReportBy,
  type ReportFilters,
  type ReportQuery,
  type ReportScopeLevel,
  suppress,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { audit } from '../audit/events.ts';
import { displayNameSql } from '../shared/sql.ts';
import { type Answer, answerKey, type ReportAnswers } from './answers.ts';
import { NAME_SOURCE } from './cell-figures.ts';
import { type Figures, type MonthFigures, reportFigures } from './figures.ts';
import type { ReadModelsState } from './maintain.ts';
import { type ResolvedReport, resolveReport } from './scope.ts';

// GET /reports/compliance and /reports/coverage: the figures of each child row and of the
// scope, named, suppressed (core/src/reports/suppression.ts) and paged. The rows of one answer
// are siblings under one parent — a few hundred at most — so suppression sees them all.

const CHILD_DRILLS: Record<ReportBy, boolean> = {
  region: true,
  ugel: true,
  network: true,
  school: true,
  coach: false,
};

export async function namesOf(
  db: Kysely<DB>,
  by: ReportBy,
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const name = by === 'coach' ? displayNameSql('t') : sql<string>`t.name`;
  const { rows } = await sql<{ id: string; name: string }>`
    SELECT t.id::text AS id, ${name} AS name FROM ${sql.table(NAME_SOURCE[by])} t
     WHERE t.id = ANY(${ids}::uuid[])`.execute(db);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The rows' names: those read with the figures, the others (if any) looked up. */
export async function withNames(
  db: Kysely<DB>,
  by: ReportBy,
  rows: { key: string | null; name?: string | null }[],
): Promise<Map<string, string>> {
  const known = new Map<string, string>();
  for (const r of rows) if (r.key && r.name) known.set(r.key, r.name);
  const missing = rows.flatMap((r) => (r.key && !known.has(r.key) ? [r.key] : []));
  for (const [id, name] of await namesOf(db, by, missing)) known.set(id, name);
  return known;
}

const cellOf = (f: Pick<Figures, 'key' | 'teachersMonth' | 'teachersCum' | 'relaxed'>): Cell => ({
  id: f.key ?? 'none',
  counts: [f.teachersMonth, f.teachersCum],
  relaxed: f.relaxed,
});

const pct = (part: number, whole: number) =>
  whole > 0 ? Math.round((1000 * part) / whole) / 10 : null;

interface Named {
  id: string;
  name: string;
  level: ReportScopeLevel;
  drill: string | null;
}

function complianceRow(head: Named, f: Figures | undefined, hidden: boolean): ComplianceRow {
  const dt = (done: number, target: number | null) =>
    hidden ? { done: null, target: null } : { done, target };
  const z = f ?? emptyFigures(head.id);
  return {
    ...head,
    suppressed: hidden,
    teachers: hidden ? null : z.teachersMonth,
    withCoach: hidden ? null : z.withCoach,
    visits: hidden
      ? { done: null, planned: null, target: null }
      : { done: z.visitsDone, planned: z.visitsPlanned, target: z.visitTargetMonth },
    // Monthly targets exist only for visits (the monthly rule); the others are yearly.
    gia: dt(z.gia, null),
    ria: dt(z.ria, null),
    taller: dt(z.taller, null),
    familias: dt(z.familias, null),
    monthCoveragePct: hidden ? null : pct(z.visitedDue, z.due),
    cumulative: {
      visits: dt(z.cumVisits, z.targetVisits),
      gia: dt(z.cumGia, z.targetGia),
      ria: dt(z.cumRia, z.targetRia),
      taller: dt(z.cumTaller, z.targetTaller),
      familias: dt(z.cumFamilias, z.targetFamilias),
    },
  };
}

function coverageRow(head: Named, f: Figures | undefined, hidden: boolean): CoverageRow {
  const z = f ?? emptyFigures(head.id);
  const v = (n: number | null) => (hidden ? null : n);
  return {
    ...head,
    suppressed: hidden,
    teachers: v(z.teachersMonth),
    withCoach: v(z.withCoach),
    withCoachPct: v(pct(z.withCoach, z.teachersMonth)),
    coachChanges: v(z.coachChanges),
    continuityPct: v(pct(z.sameCoach, z.previousCoached)),
  };
}

function emptyFigures(key: string): Figures {
  return {
    key,
    teachersMonth: 0,
    teachersCum: 0,
    withCoach: 0,
    visitsDone: 0,
    visitsPlanned: 0,
    visitTargetMonth: 0,
    due: 0,
    visitedDue: 0,
    gia: 0,
    ria: 0,
    taller: 0,
    familias: 0,
    cumVisits: 0,
    cumGia: 0,
    cumRia: 0,
    cumTaller: 0,
    cumFamilias: 0,
    targetVisits: 0,
    targetGia: 0,
    targetRia: 0,
    targetTaller: 0,
    targetFamilias: 0,
    coachChanges: 0,
    previousCoached: 0,
    sameCoach: 0,
    relaxed: [],
  };
}

/** Opaque cursor over rows ordered by (name, id). */
const encodeCursor = (r: { name: string; id: string }) =>
  Buffer.from(JSON.stringify([r.name, r.id])).toString('base64url');
function decodeCursor(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string')
      return [v[0], v[1]];
  } catch {
    // falls through to the error below
  }
  throw AppError.validation([{ path: 'cursor', message: 'El cursor no es válido.' }]);
}

export interface SuppressedTable<R, T extends R = R> {
  report: ResolvedReport;
  total: T;
  rows: R[];
  /** The month series' figures (compliance only). */
  months?: MonthFigures[];
  /** When the read models last caught up («datos al HH:MM»). */
  asOf: string;
}

const reportFilters = (q: ReportQuery): ReportFilters => ({
  intervention: q.intervention,
  level: q.level,
  area: q.area,
  characteristic: q.characteristic,
});

/** Every row of the answer (all pages), suppressed; the pages and the CSV cut from this. */
async function table<R extends { id: string; name: string }>(
  db: Kysely<DB>,
  report: ResolvedReport,
  query: ReportQuery,
  build: (head: Named, f: Figures | undefined, hidden: boolean) => R,
  options: { continuity: boolean; months?: boolean },
  { asOf, complex }: ReadModelsState,
): Promise<SuppressedTable<R>> {
  const filters = reportFilters(query);
  const {
    total: totalFigures,
    rows: children,
    months,
  } = await reportFigures(db, report, filters, report.by, { ...options, complex });
  // Rows with no teacher under the filters tell nothing and are left out.
  const present = children.filter((f) => f.teachersCum > 0);
  const hidden = suppress(
    present.map(cellOf),
    totalFigures ? cellOf(totalFigures) : { id: 'total', counts: [0, 0] },
  );
  const by = report.by;
  const names = by ? await withNames(db, by, present) : new Map<string, string>();
  const rows = present
    .map((f) => {
      const id = f.key ?? 'none';
      const head: Named = {
        id,
        name: f.key ? (names.get(f.key) ?? id) : by === 'network' ? 'Sin red' : 'Sin asignar',
        level: by as ReportScopeLevel,
        drill: by && f.key && CHILD_DRILLS[by] ? `${by}:${f.key}` : null,
      };
      return build(head, f, hidden.rows.has(id));
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'es') || a.id.localeCompare(b.id));
  const totalHead: Named = {
    id: report.scope.id ?? 'nation',
    name: report.scope.name,
    level: report.scope.level,
    drill: null,
  };
  return { report, total: build(totalHead, totalFigures, hidden.total), rows, months, asOf };
}

export function page<R extends { id: string; name: string }>(rows: R[], query: ReportQuery) {
  const after = decodeCursor(query.cursor);
  const rest = after
    ? rows.filter(
        (r) => r.name.localeCompare(after[0], 'es') > 0 || (r.name === after[0] && r.id > after[1]),
      )
    : rows;
  const items = rest.slice(0, query.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rest.length > query.limit && last ? encodeCursor(last) : null };
}

/** The read database (DATABASE_READ_URL, else the one database) and the one audits go to. */
export interface ReportDbs {
  read: Kysely<DB>;
  write: Kysely<DB>;
}

async function auditReport(
  db: Kysely<DB>,
  actor: Actor,
  name: string,
  r: ResolvedReport,
  query: ReportQuery,
) {
  await audit(db, actor, {
    action: `report.${name}.read`,
    resourceKind: 'report',
    resourceId: r.scope.level === 'nation' ? 'nation' : `${r.scope.level}:${r.scope.id}`,
    detail: { year: r.year, month: r.month, by: r.by, filters: filtersOf(query) },
  });
}

const filtersOf = (q: ReportQuery) =>
  Object.fromEntries(
    (['intervention', 'level', 'area', 'characteristic'] as const)
      .filter((k) => q[k] !== undefined)
      .map((k) => [k, q[k]]),
  );

/** A report's question, resolved and allowed (or an AppError), audited, with the state of the
 *  read models it is answered from. */
async function ask(
  dbs: ReportDbs,
  actor: Actor,
  name: 'compliance' | 'coverage',
  query: ReportQuery,
): Promise<[ResolvedReport, ReadModelsState]> {
  const [report, state] = await resolveReport(dbs.read, actor, 'report', query);
  await auditReport(dbs.write, actor, name, report, query);
  return [report, state];
}

// Compliance shows no continuity (its figures skip the previous year) but a month series.
const COMPLIANCE_OPTIONS = { continuity: false, months: true };
const COVERAGE_OPTIONS = { continuity: true };

export async function complianceTable(dbs: ReportDbs, actor: Actor, query: ReportQuery) {
  const [report, state] = await ask(dbs, actor, 'compliance', query);
  return table(dbs.read, report, query, complianceRow, COMPLIANCE_OPTIONS, state);
}

export async function coverageTable(dbs: ReportDbs, actor: Actor, query: ReportQuery) {
  const [report, state] = await ask(dbs, actor, 'coverage', query);
  return table(dbs.read, report, query, coverageRow, COVERAGE_OPTIONS, state);
}

const envelope = (r: ResolvedReport, asOf: string, nextCursor: string | null) => ({
  year: r.year,
  month: r.month,
  scope: { level: r.scope.level, id: r.scope.id, name: r.scope.name },
  by: r.by,
  asOf,
  nextCursor,
});

function complianceBody(t: SuppressedTable<ComplianceRow>, query: ReportQuery): ComplianceReport {
  const { items, nextCursor } = page(t.rows, query);
  const months = t.months ?? [];
  const byMonth = Array.from({ length: 12 }, (_, i) => {
    const f = months.find((m) => m.key === String(i + 1));
    const hidden = !f || suppress([], cellOf(f)).total || t.total.suppressed;
    return {
      month: i + 1,
      teachers: hidden ? null : (f?.teachersMonth ?? null),
      withVisitPct: hidden || !f ? null : pct(f.visitedDue, f.due),
      visitsDone: hidden ? null : (f?.visitsDone ?? null),
      visitsTarget: hidden ? null : (f?.visitTargetMonth ?? null),
    };
  });
  return {
    report: 'compliance',
    ...envelope(t.report, t.asOf, nextCursor),
    total: t.total,
    rows: items,
    byMonth,
  };
}

function coverageBody(t: SuppressedTable<CoverageRow>, query: ReportQuery): CoverageReport {
  const { items, nextCursor } = page(t.rows, query);
  return {
    report: 'coverage',
    ...envelope(t.report, t.asOf, nextCursor),
    total: t.total,
    rows: items,
  };
}

/** GET /reports/compliance: the answer kept for the question and the read models' state, or
 *  made (answers.ts). */
export async function complianceAnswer(
  dbs: ReportDbs,
  actor: Actor,
  query: ReportQuery,
  answers: ReportAnswers,
): Promise<[string, Answer]> {
  const [report, state] = await ask(dbs, actor, 'compliance', query);
  const key = answerKey('compliance', report, query, state);
  const build = async () =>
    complianceBody(
      await table(dbs.read, report, query, complianceRow, COMPLIANCE_OPTIONS, state),
      query,
    );
  return [key, await answers.get(key, build)];
}

/** GET /reports/coverage, as compliance. */
export async function coverageAnswer(
  dbs: ReportDbs,
  actor: Actor,
  query: ReportQuery,
  answers: ReportAnswers,
): Promise<[string, Answer]> {
  const [report, state] = await ask(dbs, actor, 'coverage', query);
  const key = answerKey('coverage', report, query, state);
  const build = async () =>
    coverageBody(await table(dbs.read, report, query, coverageRow, COVERAGE_OPTIONS, state), query);
  return [key, await answers.get(key, build)];
}
